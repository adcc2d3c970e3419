"""helpers.progress: a live line while a long cell runs, one fixed line stored in the notebook."""

import io
import subprocess
import sys

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel

from helpers import CourseError
from helpers.progress import _TerminalLine, steps


class Recorder:
    """A stand-in for the Jupyter display: remembers every text shown."""

    def __init__(self):
        self.texts = []

    def show(self, text, html):
        assert text in html
        self.texts.append(text)


def test_yields_every_item_and_ends_on_a_line_that_depends_only_on_the_count():
    line = Recorder()
    assert list(steps([10, 20, 30], "sweep", every=0, line=line)) == [10, 20, 30]
    assert line.texts[0].startswith("sweep: 0 of 3")
    assert line.texts[1].startswith("sweep: 1 of 3") and line.texts[3].startswith("sweep: 3 of 3 ·")
    assert line.texts[-1] == "sweep: 3 of 3 done"


def test_updates_are_rate_limited():
    line = Recorder()
    list(steps(range(1000), "fast loop", every=60, line=line))
    assert line.texts == ["fast loop: 0 of 1000 · 0 s", "fast loop: 1000 of 1000 done"]


def test_a_generator_without_total_counts_up_and_ends_on_done():
    line = Recorder()
    assert sum(steps((n for n in range(4)), "words", every=0, line=line)) == 6
    assert line.texts[1].startswith("words: 1 ·") and line.texts[-1] == "words: done"


def test_total_gives_a_generator_its_count():
    line = Recorder()
    list(steps((n for n in range(2)), "epochs", total=2, every=0, line=line))
    assert line.texts[-1] == "epochs: 2 of 2 done"


def test_a_wrong_total_is_reported_not_hidden():
    line = Recorder()
    list(steps((n for n in range(2)), "epochs", total=5, line=line))
    assert line.texts[-1] == "epochs: 2 of 5 (total was 5, but there were 2 steps)"


def test_a_loop_left_early_says_where_it_stopped():
    line = Recorder()
    for n in steps(range(10), "rows", every=0, line=line):
        if n == 3:
            break
    import gc

    gc.collect()
    assert line.texts[-1] == "rows: stopped after 3 of 10"


def test_outside_jupyter_the_line_goes_to_stderr_and_ends_with_a_newline():
    stream = io.StringIO()
    list(steps([1, 2], "pairs", line=_TerminalLine(stream=stream)))
    assert stream.getvalue().startswith("\rpairs: 0 of 2") and stream.getvalue().endswith("\rpairs: 2 of 2 done\n")


@pytest.mark.parametrize(
    ("items", "label", "total", "message"),
    [
        ([1], "", None, "label"),
        ([1], "   ", None, "label"),
        ([1], None, None, "label"),
        ("abc", "letters", None, "not a single string"),
        (b"\x00\xff", "bytes", None, "not a single string"),
        (42, "number", None, "something to loop over"),
        ([1], "bad total", -1, "whole number"),
        ([1], "bad total", 2.5, "whole number"),
        ([1], "bad total", True, "whole number"),
    ],
)
def test_bad_input_gets_a_clear_message(items, label, total, message):
    with pytest.raises(CourseError, match=message):
        list(steps(items, label, total=total, line=Recorder()))


def test_an_empty_list_is_fine():
    line = Recorder()
    assert list(steps([], "nothing", line=line)) == []
    assert line.texts[-1] == "nothing: 0 of 0 done"


CELL = (
    "import time\nimport helpers.progress\n"
    "for _ in helpers.progress.steps(range(4), 'demo', every=0):\n    time.sleep(0.05)"
)


def test_in_a_kernel_the_line_moves_live_and_ends_on_its_first_text():
    """What a learner sees (update messages while it runs) and what nbval collects (the first display)."""
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        msg_id = client.execute(CELL)
        displays, updates = [], []
        while True:
            msg = client.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "display_data":
                displays.append(msg["content"]["data"]["text/plain"])
            elif kind == "update_display_data":
                updates.append(msg["content"]["data"]["text/plain"])
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                break
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert displays == ["demo: 4 of 4 done"]
    assert any(text.startswith("demo: 2 of 4 ·") for text in updates)
    assert updates[-1] == "demo: 4 of 4 done"


@pytest.mark.notebook
def test_a_stored_progress_line_passes_strict_nbval(tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CELL), nbformat.v4.new_code_cell("print('after')")])
    NotebookClient(nb, kernel_name="python3").execute()
    stored = nb.cells[0].outputs
    assert [output["data"]["text/plain"] for output in stored] == ["demo: 4 of 4 done"]
    path = tmp_path / "progress.ipynb"
    nbformat.write(nb, path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
