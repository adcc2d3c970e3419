"""course.py: finding a supported Python when started with another one, the set-up's progress, and the
JupyterLab command. The finder is tested on fake PATHs and folders; one test runs it for real with an
old Python where this computer has one."""

import glob
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


course = load_script("course.py")


def fake_python(folder, name="python3"):
    """An empty file where an interpreter would be (the finder only looks for it; probing is faked)."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("", encoding="utf-8")
    return str(path)


def answers(table):
    """A fake ``run_command``: the probe's answer per interpreter, None for anything else."""

    def run_command(command):
        key = command[0] if command[0] != "py" else " ".join(command[:2])
        if command[-2:-1] == ["-c"] and key in table:
            version, implementation = table[key]
            return f"{version}\n{implementation}\n{key}\n"
        return None

    return run_command


# --- the Windows launcher ------------------------------------------------------------------------------------


def test_launcher_list_new_and_old_formats():
    new = " -V:3.14 *        C:\\Users\\José\\AppData\\Local\\Python\\pythoncore-3.14-64\\python.exe\n"
    new += " -V:3.13          C:\\Program Files\\Python313\\python.exe\n"
    new += " -V:Astral/CPython3.12.8 C:\\Users\\a\\AppData\\Roaming\\uv\\python\\cpython-3.12.8\\python.exe\n"
    old = "Installed Pythons found by py Launcher for Windows\n"
    old += " -3.12-64 *    C:\\Python312\\python.exe\n -3.11-32\n"
    found = course.launcher_candidates(lambda command: new if command == ["py", "-0p"] else None)
    assert [command for command, _ in found] == [
        ["py", "-V:3.14"],
        ["py", "-V:3.13"],
        ["py", "-V:Astral/CPython3.12.8"],
    ]
    assert {where for _, where in found} == {"the py launcher"}
    found = course.launcher_candidates(lambda command: old)
    assert [command for command, _ in found] == [["py", "-3.12-64"], ["py", "-3.11-32"]]


def test_launcher_missing_or_failing_gives_nothing():
    assert course.launcher_candidates(lambda command: None) == []
    assert course.launcher_candidates(lambda command: "No installed Pythons found!\n") == []


# --- PATH, pyenv, uv ---------------------------------------------------------------------------------------------


def test_path_names_newest_first(tmp_path):
    present = {name: fake_python(tmp_path / "bin", name) for name in ("python3.11", "python3.13", "python3")}
    found = course.path_candidates(present.get)
    assert [command for command, _ in found] == [[present["python3.13"]], [present["python3.11"]], [present["python3"]]]
    assert found[0][1] == "python3.13 on PATH"
    assert course.path_candidates(lambda name: None) == []


def test_pyenv_versions_from_pyenv_root_and_home(tmp_path):
    root = tmp_path / "elsewhere"
    for version in ("3.10.13", "3.13.1", "3.9.2", "3.12.10"):
        fake_python(root / "versions" / version / "bin")
    home_python = fake_python(tmp_path / "home" / ".pyenv" / "versions" / "3.11.4" / "bin", "python")
    (root / "versions" / "no-python-here").mkdir()
    found = course.pyenv_candidates({}, tmp_path / "home", lambda command: f"{root}\n")
    paths = [command[0] for command, _ in found]
    pyenv_root = [str(root / "versions" / v / "bin" / "python3") for v in ("3.13.1", "3.12.10", "3.10.13", "3.9.2")]
    assert paths == pyenv_root[:2] + [home_python] + pyenv_root[2:], "newest first, from both folders"
    assert {where for _, where in found} == {"pyenv"}


def test_pyenv_root_from_environment_when_pyenv_is_not_on_path(tmp_path):
    python = fake_python(tmp_path / "pyenv" / "versions" / "3.12.1" / "bin")
    found = course.pyenv_candidates({"PYENV_ROOT": str(tmp_path / "pyenv")}, tmp_path / "nohome", lambda command: None)
    assert [command for command, _ in found] == [[python]]


def test_pyenv_win_layout(tmp_path):
    python = fake_python(tmp_path / ".pyenv" / "pyenv-win" / "versions" / "3.12.4", "python.exe")
    found = course.pyenv_candidates({}, tmp_path, lambda command: None)
    assert [command for command, _ in found] == [[python]]


def test_uv_find_and_uv_folder(tmp_path):
    folder = tmp_path / "share" / "uv" / "python"
    new = fake_python(folder / "cpython-3.13.2-linux-x86_64-gnu" / "bin")
    old = fake_python(folder / "cpython-3.11.9-linux-x86_64-gnu" / "bin")
    fake_python(folder / "pypy-3.11.0-linux-x86_64-gnu" / "bin")  # not CPython: not listed
    asked = []

    def run_command(command):
        asked.append(command)
        return "/opt/uv/cpython-3.12/bin/python3.12\n" if command[:3] == ["uv", "python", "find"] else None

    found = course.uv_candidates({"XDG_DATA_HOME": str(tmp_path / "share")}, tmp_path, run_command)
    assert [command for command, _ in found] == [["/opt/uv/cpython-3.12/bin/python3.12"], [new], [old]]
    assert asked[0] == ["uv", "python", "find", "--system", ">=3.11,<3.14"]


def test_uv_folder_from_its_environment_variable(tmp_path):
    python = fake_python(tmp_path / "uvpy" / "cpython-3.12.3-macos-aarch64-none" / "bin")
    found = course.uv_candidates({"UV_PYTHON_INSTALL_DIR": str(tmp_path / "uvpy")}, tmp_path, lambda command: None)
    assert [command for command, _ in found] == [[python]]


def test_all_candidates_removes_duplicates(tmp_path):
    python = fake_python(tmp_path / ".pyenv" / "versions" / "3.13.0" / "bin")
    link = tmp_path / "bin" / "python3.13"
    link.parent.mkdir()
    try:
        link.symlink_to(python)
    except OSError:
        pytest.skip("this file system cannot make symbolic links")
    which = {"python3.13": str(link)}.get
    found = course.all_candidates(environ={}, home=str(tmp_path), which=which, run_command=lambda command: None)
    assert [command for command, _ in found if "python.org" not in _] == [[str(link)]]


# --- choosing ------------------------------------------------------------------------------------------------------


def test_chooses_the_newest_supported_cpython():
    candidates = [(["a"], "x"), (["b"], "x"), (["c"], "x"), (["d"], "x"), (["e"], "x"), (["f"], "x")]
    table = {
        "a": ("3.14.0", "cpython"),  # too new
        "b": ("3.10.13", "cpython"),  # too old
        "c": ("3.13.1", "pypy"),  # not CPython: gensim's packages are for CPython
        "d": ("3.11.7", "cpython"),
        "e": ("3.12.1", "cpython"),
        # "f" does not answer (a broken pyenv shim, say)
    }
    command, _where, version, path = course.find_supported_python(candidates, answers(table))
    assert (command, version, path) == (["e"], (3, 12, 1), "e")


def test_prefers_the_version_that_made_the_environment():
    candidates = [(["new"], "pyenv"), (["old"], "python3.11 on PATH")]
    table = {"new": ("3.13.0", "cpython"), "old": ("3.11.7", "cpython")}
    assert course.find_supported_python(candidates, answers(table), prefer=(3, 11))[0] == ["old"]
    assert course.find_supported_python(candidates, answers(table), prefer=(3, 12))[0] == ["new"]


def test_nothing_supported_gives_none():
    table = {"a": ("3.14.0", "cpython"), "b": ("3.15.0", "cpython")}
    assert course.find_supported_python([(["a"], "x"), (["b"], "x")], answers(table)) is None
    assert course.find_supported_python([], answers(table)) is None


def test_probe_rejects_garbage():
    assert course.probe(["x"], lambda command: "Python was not found; run without arguments to install\n") is None
    assert course.probe(["x"], lambda command: None) is None
    assert course.probe(["x"], lambda command: "3.12.1\ncpython\n/usr/bin/python3.12\n") == (
        (3, 12, 1),
        "cpython",
        "/usr/bin/python3.12",
    )


def test_the_message_when_none_is_found_covers_each_system():
    message = course.no_supported_python_message((3, 14, 0))
    assert "3.11 to 3.13" in message and "3.14.0" in message
    for system in ("Windows: py install 3.13", "macOS:", "Linux:"):
        assert system in message
    assert "gensim" in message


def test_unsupported_python_with_no_other_stops_with_the_message(monkeypatch, capsys):
    monkeypatch.setattr(course, "SUPPORTED", ((3, 99), (3, 99)))
    monkeypatch.setattr(course, "all_candidates", lambda: [])
    monkeypatch.delenv(course.RESTARTED, raising=False)
    with pytest.raises(SystemExit) as stop:
        course.check_python(["test"])
    assert "No Python 3.99 to 3.99 was found" in str(stop.value.code)
    assert "Looking for Python" in capsys.readouterr().out


def test_a_restarted_run_never_searches_again(monkeypatch):
    monkeypatch.setattr(course, "SUPPORTED", ((3, 99), (3, 99)))
    monkeypatch.setattr(course, "all_candidates", lambda: pytest.fail("searched twice"))
    monkeypatch.setenv(course.RESTARTED, "1")
    with pytest.raises(SystemExit, match="No Python 3.99"):
        course.check_python(["test"])


def test_the_running_supported_python_is_kept(monkeypatch):
    monkeypatch.setattr(course, "all_candidates", lambda: pytest.fail("searched although supported"))
    assert course.check_python(["test"]) is None


def test_venv_version_from_pyvenv_cfg(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "VENV", tmp_path)
    assert course.venv_version() is None
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\nversion = 3.12.1\n", encoding="utf-8")
    assert course.venv_version() == (3, 12)


OLD_PYTHONS = sorted(
    {
        path
        for minor in range(6, 11)
        for path in [*glob.glob(os.path.expanduser(f"~/.pyenv/versions/3.{minor}.*/bin/python3"))]
        + [p for p in [__import__("shutil").which(f"python3.{minor}")] if p]
    }
)


@pytest.mark.skipif(not OLD_PYTHONS, reason="no Python 3.6-3.10 on this computer to start course.py with")
def test_an_old_python_runs_course_py_with_a_supported_one(tmp_path):
    """For real: an old Python starts course.py, which finds a supported Python and runs itself with it (here
    with an unknown command, which only prints the usage, so nothing is installed)."""
    copy = tmp_path / "course.py"
    copy.write_text((ROOT / "course.py").read_text(encoding="utf-8"), encoding="utf-8")
    environment = dict(os.environ)
    environment.pop(course.RESTARTED, None)
    script = "import course; course.check_python(['no-such-command'])"
    result = subprocess.run(
        [OLD_PYTHONS[-1], "-c", script], cwd=tmp_path, capture_output=True, text=True, env=environment, timeout=120
    )
    assert "which the course cannot use" in result.stdout
    assert "Using Python 3.1" in result.stdout, result.stdout + result.stderr
    assert "python course.py lab" in result.stderr  # the restarted course.py printed its usage


# --- set-up --------------------------------------------------------------------------------------------------------


def test_a_second_set_up_with_nothing_to_do_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(course, "VENV", tmp_path)
    monkeypatch.setattr(course, "STAMP", tmp_path / "stamp")
    python = tmp_path / "bin" / "python"
    fake_python(python.parent, "python")
    monkeypatch.setattr(course, "venv_python", lambda: python)
    (tmp_path / "stamp").write_text(course.requirements_fingerprint(), encoding="utf-8")
    monkeypatch.setattr(course, "pip_install", lambda *a, **k: pytest.fail("installed although up to date"))
    course.set_up()
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "up to date" in out
    settings = json.loads((tmp_path / "share/jupyter/lab/settings/overrides.json").read_text(encoding="utf-8"))
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_duration_text():
    assert course.duration_text(8.4) == "8 s"
    assert course.duration_text(75.2) == "1 min 15 s"
    assert course.duration_text(600) == "10 min 0 s"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_counts_collected_then_installed_k_of_n():
    lines, clock, installed = [], Clock(), [0]
    progress = course.PipProgress(lines.append, lambda: installed[0], clock=clock, heartbeat=15)
    progress.line("Collecting gensim==4.4.0 (from -r requirements.txt (line 3))\n")
    progress.line("  Downloading gensim-4.4.0-cp313-cp313-manylinux.whl (27.8 MB)\n")
    progress.line("Collecting numpy==2.4.6\n")
    assert lines[0].endswith("[1 collected]") and lines[2].endswith("[2 collected]")
    clock.now = 10
    progress.tick()
    assert len(lines) == 3, "nothing to say before the heartbeat"
    clock.now = 20
    progress.tick()
    assert "still working: 20 s so far, 2 packages collected" in lines[-1]
    progress.line("Installing collected packages: numpy, scipy, gensim\n")
    assert lines[-1] == "Installing 3 packages (pip lists them when it is done) ..."
    installed[0] = 1
    clock.now = 25
    progress.tick()
    assert lines[-1] == "  installed 1 of 3 packages (25 s so far)"
    installed[0] = 5  # an upgrade can add more folders than packages: never more than n
    clock.now = 30
    progress.tick()
    assert lines[-1] == "  installed 3 of 3 packages (30 s so far)"
    count = len(lines)
    clock.now = 34
    progress.tick()
    assert len(lines) == count, "no repeated line before the heartbeat"


def test_pip_install_streams_pip_and_counts_installs(tmp_path, monkeypatch):
    """A stand-in for pip (a package named pip first on PYTHONPATH) collects two packages and installs them; after
    the first it waits until the progress line "installed 1 of 2" was shown (no timing involved)."""
    fake = tmp_path / "fakepip" / "pip"
    fake.mkdir(parents=True)
    site = tmp_path / "venv" / "lib" / "python3.x" / "site-packages"
    site.mkdir(parents=True)
    seen = tmp_path / "seen"
    (fake / "__init__.py").write_text("", encoding="utf-8")
    (fake / "__main__.py").write_text(
        "import pathlib, sys, time\n"
        "if sys.argv[-1] == 'fail':\n"
        "    sys.exit('ERROR: No matching distribution found for nothing==0')\n"
        "print('Collecting alpha==1.0', flush=True)\n"
        "print('Collecting beta==2.0', flush=True)\n"
        "print('Installing collected packages: alpha, beta', flush=True)\n"
        f"site, seen = pathlib.Path({str(site)!r}), pathlib.Path({str(seen)!r})\n"
        "(site / 'alpha-1.0.dist-info').mkdir()\n"
        "for _ in range(600):\n"
        "    if seen.exists():\n"
        "        break\n"
        "    time.sleep(0.05)\n"
        "(site / 'beta-2.0.dist-info').mkdir()\n"
        "print('Successfully installed alpha-1.0 beta-2.0', flush=True)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", str(fake.parent))
    monkeypatch.setattr(course, "VENV", tmp_path / "venv")
    monkeypatch.setattr(course, "venv_python", lambda: Path(sys.executable))
    lines = []

    def write(line):
        lines.append(line)
        if "installed 1 of 2" in line:
            seen.touch()

    progress = course.PipProgress(write, lambda: len(course.installed_packages(course.site_packages())), heartbeat=1)
    course.pip_install(["-r", "requirements.txt"], progress=progress)
    shown = [line for line in lines if "still working" not in line]  # heartbeats come whenever Python is slow
    assert shown[:3] == [
        "Collecting alpha==1.0   [1 collected]",
        "Collecting beta==2.0   [2 collected]",
        "Installing 2 packages (pip lists them when it is done) ...",
    ]
    assert seen.exists(), lines
    assert shown[-1] == "Successfully installed alpha-1.0 beta-2.0"
    with pytest.raises(SystemExit) as stop:
        course.pip_install(["fail"], progress=course.PipProgress(lines.append, lambda: 0))
    assert stop.value.code == 1


# --- JupyterLab ---------------------------------------------------------------------------------------------------


def test_lab_opens_the_course_folder_on_lesson_01_and_keeps_extra_options():
    command = [str(part) for part in course.COMMANDS["lab"](["--port", "8897"])]
    assert f"--ServerApp.root_dir={ROOT}" in command
    assert "--LabApp.default_url=/lab/tree/notebooks/01_tokenizing.ipynb" in command
    assert command[-2:] == ["--port", "8897"]
    assert (ROOT / course.FIRST_LESSON).exists()


def test_lab_student_opens_the_student_copy_or_says_how_to_make_it(tmp_path):
    (tmp_path / "student").mkdir()
    with pytest.raises(SystemExit, match="course.py handouts"):
        course.lab_command(["student"], root=tmp_path)
    (tmp_path / "student" / "01_tokenizing.ipynb").write_text("{}", encoding="utf-8")
    student = [str(part) for part in course.lab_command(["student", "--port", "8897"], root=tmp_path)]
    assert "--LabApp.default_url=/lab/tree/student/01_tokenizing.ipynb" in student
    assert f"--ServerApp.root_dir={tmp_path}" in student
    assert "student" not in student and student[-2:] == ["--port", "8897"]


def test_lab_settings_name_real_jupyterlab_settings(tmp_path, monkeypatch):
    """Each setting exists in the installed JupyterLab's schemas (a renamed one would be ignored silently)."""
    schemas = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
    if not schemas.is_dir():
        pytest.skip("JupyterLab's schemas are not in this environment")
    for plugin, settings in course.LAB_SETTINGS.items():
        package, name = plugin.split(":")
        schema = json.loads((schemas / package / f"{name}.json").read_text(encoding="utf-8"))
        for key in settings:
            assert key in schema["properties"], f"{plugin} has no setting {key}"
    monkeypatch.setattr(course, "VENV", tmp_path)
    course.write_lab_settings()
    written = json.loads((tmp_path / "share/jupyter/lab/settings/overrides.json").read_text(encoding="utf-8"))
    assert written == course.LAB_SETTINGS


def test_lab_loads_the_course_css_from_the_environment(tmp_path, monkeypatch):
    """Set-up writes the course's CSS into .venv, and `course.py lab` tells JupyterLab to link it and where it is
    (tests/test_browser.py checks in a real browser what it changes)."""
    monkeypatch.setattr(course, "VENV", tmp_path)
    course.write_lab_settings()
    css = tmp_path / "share" / "jupyter" / "custom" / "custom.css"
    assert css.read_text(encoding="utf-8") == course.LAB_CSS
    assert ".jp-DirListing-itemText" in course.LAB_CSS and ".jp-InputPlaceholder" in course.LAB_CSS
    command = [str(part) for part in course.lab_command(["--port", "8897"], root=tmp_path)]
    assert "--LabApp.custom_css=True" in command
    assert f"--ServerApp.tornado_settings=static_custom_path={css.parent}" in command
    assert command[-2:] == ["--port", "8897"]
    # Both options are ones the installed JupyterLab reads from its command line, with the meaning used here.
    from jupyter_server.serverapp import ServerApp
    from jupyterlab.labapp import LabApp

    server = ServerApp()
    server.parse_command_line([part for part in command if part.startswith("--ServerApp.")])
    assert server.tornado_settings["static_custom_path"] == str(css.parent)
    lab = LabApp()
    lab.parse_command_line(["--LabApp.custom_css=True"])
    assert lab.custom_css is True


def test_output_pip_shows_never_stops_course_py_on_a_narrow_console(tmp_path):
    """On Windows, output redirected to a file is in a legacy code page; pip's bars ("━") must not crash course.py."""
    script = "import course; course.safe_console(); print('━━━━ 27.8/27.8 MB, café')"
    environment = dict(os.environ, PYTHONIOENCODING="ascii", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == b"???? 27.8/27.8 MB, caf?"


def test_course_py_parses_on_old_pythons():
    """course.py must run far enough on an old Python to find a supported one: no newer syntax."""
    import ast

    source = (ROOT / "course.py").read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 6))
