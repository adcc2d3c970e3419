"""tools/execute_notebooks.py: solutions are stored collapsed (code and output), and strict nbval still compares
the output of a collapsed solution."""

import subprocess
import sys
from pathlib import Path

import nbformat
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


tool = load_script("tools/execute_notebooks.py")


def tiny_lesson(path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    exercise = nbformat.v4.new_code_cell("answer = 6 * 7\nprint('your answer:', answer)")
    solution = nbformat.v4.new_code_cell("print('[ok] 42 is right')")
    solution.metadata["tags"] = ["solution"]
    solution.metadata["jupyter"] = {"source_hidden": True}
    nb.cells = [nbformat.v4.new_markdown_cell("# Your turn"), exercise, solution]
    nbformat.write(nb, path)
    return path


def test_hide_solutions_collapses_only_solution_cells():
    nb = nbformat.v4.new_notebook()
    plain = nbformat.v4.new_code_cell("1")
    tagged = nbformat.v4.new_code_cell("2")
    tagged.metadata["tags"] = ["solution", "nbval-ignore-output"]
    tagged.metadata["jupyter"] = {"source_hidden": True, "other": 1}
    note = nbformat.v4.new_markdown_cell("text")
    note.metadata["tags"] = ["solution"]
    nb.cells = [plain, tagged, note]
    tool.hide_solutions(nb)
    assert tagged.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True, "other": 1}
    assert "jupyter" not in plain.metadata and "jupyter" not in note.metadata


def test_execute_stores_collapsed_solutions_and_strict_nbval_still_compares_them(tmp_path):
    path = tiny_lesson(tmp_path / "99_tiny.ipynb")
    tool.write(tool.execute(path), path)
    assert b"\r\n" not in path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    solution = nb.cells[2]
    assert solution.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert solution.outputs[0]["text"] == "[ok] 42 is right\n"
    assert [cell.execution_count for cell in nb.cells[1:]] == [1, 2]

    def nbval():
        command = [sys.executable, "-m", "pytest", "--nbval", "-p", "no:xdist", "-p", "no:cacheprovider", "-q"]
        return subprocess.run([*command, str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=300)

    passed = nbval()
    assert passed.returncode == 0, passed.stdout
    solution.outputs[0]["text"] = "[ok] 41 is right\n"  # what a wrong stored answer would look like
    nbformat.write(nb, path)
    failed = nbval()
    assert failed.returncode != 0 and "41 is right" in failed.stdout, failed.stdout
