"""The code passes ruff (configured in pyproject.toml): helpers/, tests/, tools/, course.py, conftest.py
and the lessons' code cells, both the lint rules and the format. Runs inside `python course.py test`, so CI
enforces it. To fix: `python -m ruff check --fix ...` and `python -m ruff format ...` (CONTRIBUTING.md,
"Lint and format").
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["helpers", "tests", "tools", "course.py", "conftest.py", "notebooks"]


def ruff(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, *CHECKED], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_passes():
    result = ruff("check", "--output-format", "concise")
    assert result.returncode == 0, f"ruff check found problems (fix them, or see CONTRIBUTING.md):\n{result.stdout}"


def test_ruff_format_check_passes():
    result = ruff("format", "--check")
    assert result.returncode == 0, f"run `python -m ruff format` and commit the result:\n{result.stdout}"
