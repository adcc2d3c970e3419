"""The code passes ruff (configured in pyproject.toml): helpers/, tests/, tools/, course.py, conftest.py
and the lessons' code cells. Runs inside `python course.py test`, so CI enforces it.

The format check (`ruff format --check`) is switched on by `[tool.course] ruff-format-check = true` in
pyproject.toml, once the whole repository has been formatted in one commit (CONTRIBUTING.md, "Lint and
format"); until then it is skipped.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["helpers", "tests", "tools", "course.py", "conftest.py", "notebooks"]
SETTINGS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")).get("tool", {}).get("course", {})


def ruff(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, *CHECKED], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_passes():
    result = ruff("check", "--output-format", "concise")
    assert result.returncode == 0, f"ruff check found problems (fix them, or see CONTRIBUTING.md):\n{result.stdout}"


@pytest.mark.skipif(
    not SETTINGS.get("ruff-format-check", False),
    reason="ruff format --check is off until the repository is formatted in one commit "
    "([tool.course] ruff-format-check in pyproject.toml)",
)
def test_ruff_format_check_passes():
    result = ruff("format", "--check")
    assert result.returncode == 0, f"run `python -m ruff format` and commit the result:\n{result.stdout}"
