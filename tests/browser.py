"""What every browser test shares: find a Chromium on this computer, start it with Playwright, and start
JupyterLab the way ``course.py lab`` does (on a copy of the course, so nothing a test runs is saved into the
lessons).

- Playwright comes from PyPI (pinned in requirements.txt) and drives the Chromium that is already installed
  (Debian's ``chromium``; on CI ``.ci/run`` installs it with apt). The course never runs ``playwright install``.
- Where no Chromium is found, a browser test is skipped with a message saying so (``require_chromium()``).
- ``COURSE_CHROMIUM=/path/to/chrome`` picks another Chromium-based browser.

Use::

    from tests import browser  # or: import browser (tests/ is on sys.path under pytest)

    def test_something(tmp_path):
        browser.require_chromium()
        with browser.lab_server(tmp_path) as lab, browser.page() as page:
            page.goto(lab.url)
"""

import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
# Flags for a headless Chromium that talks to nothing but the local JupyterLab.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# JupyterLab's default size on a laptop screen, where lines must fit without scrolling sideways.
VIEWPORT = {"width": 1366, "height": 768}
KNOWN_CHROMIUMS = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
]


def chromium_path():
    """Path of a Chromium-based browser on this computer (``COURSE_CHROMIUM`` first), or None."""
    wanted = os.environ.get("COURSE_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in KNOWN_CHROMIUMS if Path(path).is_file()), None)


def require_chromium():
    """The Chromium to use; skips the calling test, saying why, where there is none (or no Playwright)."""
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("browser test skipped: Playwright is not installed (it is pinned in requirements.txt)")
    path = chromium_path()
    if path is None:
        pytest.skip(
            "browser test skipped: no Chromium found (Debian/Ubuntu: sudo apt install chromium; "
            "or set COURSE_CHROMIUM to a Chrome/Chromium/Edge executable)"
        )
    return path


@contextlib.contextmanager
def page(viewport=None):
    """A Playwright page in a fresh headless Chromium (its own empty profile), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=require_chromium(),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=viewport or VIEWPORT,
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_course(target, lessons=None):
    """Copy what a learner browses (lessons, data, guides) to ``target``; ``lessons`` limits the notebooks copied."""
    target = Path(target)
    for name in ("README.md", "TEACHING.md", "CONTRIBUTING.md", "CHANGELOG.md", "LICENSE", "LICENSE-CONTENT"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "data", target / "data")
    (target / "notebooks").mkdir()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        if lessons is None or path.name in lessons:
            shutil.copy2(path, target / "notebooks" / path.name)
    for folder in (ROOT / "notebooks").iterdir():  # what lessons show or link to, e.g. figures/
        if folder.is_dir() and not folder.name.startswith("."):
            shutil.copytree(folder, target / "notebooks" / folder.name)
    return target


class Lab:
    def __init__(self, url, root, token, process):
        self.url, self.root, self.token, self.process = url, root, token, process

    def api(self, path):
        """GET ``/api/...`` of this server: the JSON answer, or None for a 404."""
        request = urllib.request.Request(f"{self.base}{path}", headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    @property
    def base(self):
        return self.url.split("/?")[0]


@contextlib.contextmanager
def lab_server(folder, timeout=90):
    """JupyterLab started as ``course.py lab`` starts it, but on ``folder`` (a copy of the course), on a free port
    with a random token and with its own empty user settings, so only the course's settings apply. Yields a
    ``Lab`` whose ``url`` is what the learner's browser opens."""
    course = load_script("course.py")
    # course.py writes its JupyterLab settings and CSS into the environment at every start; a plain `pytest` (or
    # one in an environment set up by an older course.py) gets the current ones here, written the same way.
    course.VENV = Path(sys.prefix)
    overrides = course.VENV / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    css = course.lab_css_folder() / "custom.css"
    if not (
        overrides.exists()
        and json.loads(overrides.read_text(encoding="utf-8")) == course.LAB_SETTINGS
        and css.exists()
        and css.read_text(encoding="utf-8") == course.LAB_CSS
    ):
        course.write_lab_settings()
    port, token = free_port(), secrets.token_hex(16)
    command = course.lab_command(
        ["--no-browser", f"--port={port}", f"--IdentityProvider.token={token}", "--ServerApp.ip=127.0.0.1"],
        root=folder,
    )
    command[0] = sys.executable  # the Python running the tests: the course's .venv under course.py
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI runs as root, which JupyterLab refuses unless told
        command.append("--allow-root")
    private = Path(folder).parent / (Path(folder).name + "-jupyter")
    environment = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(private / "config"),
        JUPYTER_RUNTIME_DIR=str(private / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(private / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(private / "workspaces"),
    )
    log = open(private.with_suffix(".log"), "w", encoding="utf-8")  # noqa: SIM115 - closed below
    process = subprocess.Popen([str(part) for part in command], stdout=log, stderr=subprocess.STDOUT, env=environment)
    lab = Lab(f"http://127.0.0.1:{port}/?token={token}", Path(folder), token, process)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                lab.api("/api/status")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    raise RuntimeError(
                        "JupyterLab did not start: " + private.with_suffix(".log").read_text(encoding="utf-8")[-2000:]
                    ) from None
                time.sleep(0.5)
        yield lab
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
