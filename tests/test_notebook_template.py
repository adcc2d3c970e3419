"""Every lesson follows the lesson template (CONTRIBUTING.md, "The lesson template") and was committed
from one clean top-to-bottom run."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MAX_LESSON = 13
IGNORE_TAG = "nbval-ignore-output"
VOLATILE = re.compile(
    r" at 0x[0-9a-f]+>|np\.float(32|64)\(|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|/home/|/tmp/|"
    r"/root/|/work/|[A-Z]:\\\\|\d+(\.\d+)? ?(ms|seconds|s)\b elapsed"
)


def read(path):
    return nbformat.read(path, as_version=4)


def markdown(nb):
    return [cell.source for cell in nb.cells if cell.cell_type == "markdown"]


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def output_ignored(cell):
    """nbval does not compare this cell's output: it carries the cell tag ``nbval-ignore-output``."""
    return IGNORE_TAG in cell.metadata.get("tags", [])


def test_there_are_lessons():
    assert len(NOTEBOOKS) >= 2


def test_lessons_are_numbered_in_order():
    """Numbers are unique and start at 01; a gap is allowed (a later lesson may land before an earlier one)."""
    for path in NOTEBOOKS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), path.name
    numbers = [int(path.name[:2]) for path in NOTEBOOKS]
    assert numbers[0] == 1, "the course starts at 01"
    assert len(set(numbers)) == len(numbers), f"two lessons share a number: {[p.name for p in NOTEBOOKS]}"
    assert all(number <= MAX_LESSON for number in numbers), f"lessons are numbered 01 to {MAX_LESSON:02}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opening_cell(path):
    first = read(path).cells[0]
    assert first.cell_type == "markdown"
    number = path.name[:2]
    assert re.match(rf"# {number} · \S", first.source), "title must read '# NN · Title'"
    assert re.search(r"Time: ~\d+ min · Before this: ", first.source)
    goals = re.search(r"\*\*Learning goals\*\*(.*)", first.source, re.S)
    assert goals, "the first cell lists **Learning goals**"
    bullets = re.findall(r"^- You can ", goals.group(1), re.M)
    assert 3 <= len(bullets) <= 5, "3 to 5 'You can ...' goals"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_and_no_path_tricks(path):
    cells = code_cells(read(path))
    assert "import helpers" in cells[0].source and "helpers.setup_notebook()" in cells[0].source
    for cell in cells:
        assert "sys.path" not in cell.source, "helpers is installed: no sys.path tricks"
        assert "gensim.downloader" not in cell.source and "fetch_" not in cell.source, "offline only"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_have_hints_and_solutions(path):
    nb = read(path)
    turns = [text for text in markdown(nb) if re.match(r"#+ Your turn", text)]
    assert turns, "at least one '## Your turn' block"
    assert any("<details>" in text for text in markdown(nb)), "hints go in <details>"
    solutions = [cell for cell in code_cells(nb) if "solution" in cell.metadata.get("tags", [])]
    assert len(solutions) >= len(turns), "every 'Your turn' has a solution cell tagged 'solution'"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_solutions_are_collapsed_code_and_output(path):
    """A learner sees a worked solution, its code and its output, only after opening it: tools/execute_notebooks.py
    stores each cell tagged ``solution`` with JupyterLab's ``source_hidden`` and ``outputs_hidden``."""
    for index, cell in enumerate(code_cells(read(path)), start=1):
        if "solution" in cell.metadata.get("tags", []):
            hidden = cell.metadata.get("jupyter", {})
            assert hidden.get("source_hidden") and hidden.get("outputs_hidden"), (
                f"solution cell [{index}] is not collapsed ({hidden}): re-execute the lesson with "
                "tools/execute_notebooks.py, which collapses solutions"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_recap_matches_goals_and_links_on(path):
    nb = read(path)
    goals = re.findall(r"^- You can ", nb.cells[0].source, re.M)
    recap = [text for text in markdown(nb) if re.match(r"#+ Recap", text)]
    assert recap, "a '## Recap' section"
    assert len(re.findall(r"^- ", recap[-1], re.M)) == len(goals), "one recap bullet per goal"
    following = [p for p in NOTEBOOKS if int(p.name[:2]) == int(path.name[:2]) + 1]
    if following:
        assert f"]({following[0].name})" in nb.cells[-1].source, "the last cell links to the next lesson"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_from_one_clean_run(path):
    cells = code_cells(read(path))
    assert [cell.execution_count for cell in cells] == list(range(1, len(cells) + 1))
    for index, cell in enumerate(cells, start=1):
        for output in cell.outputs:
            assert output.output_type != "error", f"cell [{index}] stores an error"
            assert output.get("name") != "stderr", f"cell [{index}] wrote to stderr: {output.text[:200]}"
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            if not output_ignored(cell):
                assert not VOLATILE.search(text), f"cell [{index}] prints volatile text: {text[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_test_scaffolding_in_what_learners_read(path):
    """nbval's switches are cell tags (``nbval-ignore-output``, ...), not ``# NBVAL_...`` comments in the code
    a learner reads."""
    for index, cell in enumerate(read(path).cells):
        assert "NBVAL_" not in cell.source, f"cell {index} has an NBVAL_ comment: use the cell tag instead"


def test_readme_lists_every_lesson_and_links_resolve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"README lesson table misses {path.name}"
    for target in re.findall(r"\]\(((?!https?:|#)[^)\s]+)\)", readme):
        assert (ROOT / target.split("#")[0]).exists(), f"README links to missing {target}"
