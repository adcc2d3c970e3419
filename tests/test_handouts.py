"""Student copies (tools/make_handouts.py): no solutions, no outputs, hints kept. (That they still run is
checked by tests/test_own_text.py.)"""

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


handouts = load_script("tools/make_handouts.py")
course = load_script("course.py")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
HINT = re.compile(r"<details>\s*<summary>\s*Hint", re.I)
YOUR_TURN = re.compile(r"^#+ Your turn", re.M)


def toy_lesson():
    solution = new_code_cell(
        "answer = 42\nanswer",
        execution_count=4,
        outputs=[new_output("execute_result", data={"text/plain": "42"}, execution_count=4)],
    )
    solution.metadata["tags"] = ["solution"]
    cells = [
        new_markdown_cell("# 99 · Toy\n\nTime: ~5 min"),
        new_code_cell("import helpers", execution_count=1),
        new_markdown_cell("## Your turn: guess\n\n<details><summary>Hint</summary>\nThink big.\n</details>"),
        new_code_cell(
            "answer = 0  # change this\nanswer",
            execution_count=2,
            outputs=[new_output("execute_result", data={"text/plain": "0"}, execution_count=2)],
        ),
        new_markdown_cell("<details><summary>Solution</summary>\n\nIt is 42.\n</details>"),
        solution,
        new_markdown_cell("Compare.\n\n<details><summary>Solution</summary>It is 42.</details>\n\nMore text."),
    ]
    return new_notebook(cells=cells)


def test_solution_cells_and_solution_blocks_are_removed():
    copy, removed = handouts.student_copy(toy_lesson())
    assert removed == 1
    sources = [cell.source for cell in copy.cells]
    assert not any("42" in source for source in sources)
    assert not any(handouts.is_solution(cell) for cell in copy.cells)
    assert "Compare.\n\nMore text." in sources  # the rest of a Markdown cell stays


def test_hints_your_turn_and_exercise_cells_stay():
    copy, _ = handouts.student_copy(toy_lesson())
    text = "\n".join(cell.source for cell in copy.cells)
    assert "<details><summary>Hint</summary>\nThink big.\n</details>" in text
    assert "## Your turn: guess" in text and "answer = 0  # change this" in text


def test_outputs_are_cleared_and_a_note_follows_the_title():
    copy, _ = handouts.student_copy(toy_lesson())
    code = [cell for cell in copy.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert copy.cells[0].source.startswith("# 99 · Toy")
    assert copy.cells[1].source.startswith("> **Student copy.**")


def test_the_lesson_itself_is_untouched():
    lesson = toy_lesson()
    before = nbformat.writes(lesson)
    handouts.student_copy(lesson)
    assert nbformat.writes(lesson) == before


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    lines = []
    written = handouts.make_handouts(out=out, report=lines.append)
    return out, written, lines


def test_every_lesson_gets_a_copy(copies):
    _, written, lines = copies
    assert [path.name for path in written] == [path.name for path in NOTEBOOKS]
    assert all(line.startswith("wrote ") and "solution cell" in line for line in lines)


@pytest.mark.parametrize("lesson", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_copies_hold_no_solution_and_keep_every_exercise(copies, lesson):
    out, _, _ = copies
    original = nbformat.read(lesson, as_version=4)
    copy = nbformat.read(out / lesson.name, as_version=4)
    nbformat.validate(copy)
    assert not any(handouts.is_solution(cell) for cell in copy.cells)
    # Solution code: lines that appear only in solution cells of the lesson must appear nowhere in the copy.
    shared = {
        line.strip() for cell in original.cells if not handouts.is_solution(cell) for line in cell.source.splitlines()
    }
    secret = (
        {line.strip() for cell in original.cells if handouts.is_solution(cell) for line in cell.source.splitlines()}
        - shared
        - {""}
    )
    copied = {line.strip() for cell in copy.cells for line in cell.source.splitlines()}
    assert not secret & copied, f"solution lines left in the copy: {sorted(secret & copied)[:3]}"
    assert not re.search(r"<summary>\s*Solution", "\n".join(cell.source for cell in copy.cells), re.I)
    for pattern in (HINT, YOUR_TURN):
        count = [
            sum(len(pattern.findall(cell.source)) for cell in nb.cells if cell.cell_type == "markdown")
            for nb in (original, copy)
        ]
        assert count[0] == count[1], f"{pattern.pattern}: {count[0]} in the lesson, {count[1]} in the copy"
    assert all(not cell.outputs and cell.execution_count is None for cell in copy.cells if cell.cell_type == "code")


def test_making_copies_again_changes_nothing(copies):
    out, written, _ = copies
    before = {path: path.read_bytes() for path in written}
    lines = []
    handouts.make_handouts(out=out, report=lines.append)
    assert all(line.startswith("same ") for line in lines)
    assert {path: path.read_bytes() for path in written} == before


def test_a_copy_someone_worked_in_is_kept_unless_forced(tmp_path):
    lesson = NOTEBOOKS[0]
    handouts.make_handouts([lesson], out=tmp_path, report=lambda line: None)
    copy = tmp_path / lesson.name
    worked = copy.read_text(encoding="utf-8").replace("# replace this line", "# my own answer")
    copy.write_text(worked, encoding="utf-8")
    lines = []
    assert handouts.make_handouts([lesson], out=tmp_path, report=lines.append) == []
    assert lines[0].startswith(f"kept  {lesson.name}") and "--force" in lines[0]
    assert copy.read_text(encoding="utf-8") == worked
    handouts.make_handouts([lesson], out=tmp_path, force=True, report=lines.append)
    assert copy.read_text(encoding="utf-8") != worked


def test_a_missing_lesson_is_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="No lesson at .*nope.ipynb"):
        handouts.make_handouts(["notebooks/nope.ipynb"], out=tmp_path)


def test_the_command_line_and_course_py(tmp_path, capsys):
    handouts.main([str(NOTEBOOKS[0]), "--out", str(tmp_path)])
    assert "1 student copy in" in capsys.readouterr().out
    assert (tmp_path / NOTEBOOKS[0].name).exists()
    assert "tools/make_handouts.py" in course.COMMANDS["handouts"]([])
    assert "course.py handouts" in course.__doc__


# That every student copy runs as handed out, without the solutions, is checked by tests/test_own_text.py,
# in the same kernel that then runs the lesson on the sample texts (one execution for both checks).
