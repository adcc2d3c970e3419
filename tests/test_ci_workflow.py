"""The GitHub Actions workflow runs the README's test command on Linux, macOS and Windows with every Python the
course supports (it cannot run here, so this checks what it says), and .ci/run runs the same command."""

import re
from pathlib import Path

import yaml  # PyYAML, installed with JupyterLab (jupyter-events needs it)
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"


def test_workflow_parses_and_covers_three_systems_and_every_supported_python():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["test"]
    matrix = job["strategy"]["matrix"]
    assert {re.sub(r"-.*", "", name) for name in matrix["os"]} == {"ubuntu", "macos", "windows"}
    low, high = load_script("course.py").SUPPORTED
    assert matrix["python"] == [f"{low[0]}.{minor}" for minor in range(low[1], high[1] + 1)]
    assert job["runs-on"] == "${{ matrix.os }}"
    assert job["strategy"]["fail-fast"] is False, "one system failing must not hide the others"
    setup = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["python-version"] == "${{ matrix.python }}"


def test_workflow_and_ci_run_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`python3 course.py test`" in readme and "`py course.py test`" in readme
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    runs = [step["run"].strip() for step in steps if "run" in step]
    assert "python course.py test" in runs, runs
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^python3 course\.py test$", ci, re.M)
    assert "apt-get install" in ci and "chromium" in ci, ".ci/run installs Chromium so the browser tests run"
