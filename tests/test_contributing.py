"""CONTRIBUTING.md and CHANGELOG.md stay true: their links resolve, the commands they give exist, and the
repository points at no file outside itself."""

import re
import subprocess
from pathlib import Path

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["CONTRIBUTING.md", "CHANGELOG.md", "README.md", "data/README.md"]


def anchors(text):
    return {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in re.findall(r"^#+ (.+)$", text, re.M)
    }


@pytest.mark.parametrize("name", DOCS)
def test_links_and_anchors_resolve(name):
    path = ROOT / name
    text = re.sub(r"```.*?```|`[^`]*`", "", path.read_text(encoding="utf-8"), flags=re.S)  # examples in code
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith("http"):
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{name} links to a missing file {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked.read_text(encoding="utf-8")), f"{name} links to a missing section {target}"


def test_the_commands_contributing_gives_exist():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    course = load_script("course.py")
    for command in set(re.findall(r"python3? course\.py ([a-z]+)", text)):
        assert command in course.COMMANDS, f"CONTRIBUTING.md gives `course.py {command}`, which does not exist"
    for file in set(re.findall(r"\b((?:tools|tests|helpers)/[a-z_]+\.py)\b", text)):
        assert (ROOT / file).exists(), f"CONTRIBUTING.md names {file}, which does not exist"


def test_nothing_refers_to_files_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".md", ".py", ".toml", ".txt", ".ipynb"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for outside in ("STYLE" + ".md", "../" + "shared"):
            assert outside not in text, f"{name} refers to {outside}, which is not in the repository"
