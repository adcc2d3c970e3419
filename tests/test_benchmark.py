"""tools/benchmark.py: the speed lines it reports come from the lessons' own (untested) timing cells."""

from pathlib import Path

from nbformat.v4 import new_code_cell, new_notebook, new_output
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
benchmark = load_script("tools/benchmark.py")


def cell(text, tags=()):
    made = new_code_cell("print(...)", outputs=[new_output("stream", name="stdout", text=text)])
    made.metadata["tags"] = list(tags)
    return made


def test_speed_lines_come_only_from_ignored_cells():
    nb = new_notebook(
        cells=[
            cell(
                "NumPy SGNS :   7.1 s, 560,000 pairs/s\ngensim SGNS: 3.0 s, 1,300,000 pairs/s\nother line\n",
                tags=["nbval-ignore-output"],
            ),
            cell("gensim is 2.3× faster\n", tags=["nbval-ignore-output", "solution"]),
            cell("a stored, compared line about 10 pairs/s\n"),  # compared by nbval: not a timing
        ]
    )
    assert benchmark.speed_lines(nb) == [
        "NumPy SGNS :   7.1 s, 560,000 pairs/s",
        "gensim SGNS: 3.0 s, 1,300,000 pairs/s",
        "gensim is 2.3× faster",
    ]


def test_no_speed_lines_in_an_empty_notebook():
    assert benchmark.speed_lines(new_notebook()) == []


def test_budgets():
    assert benchmark.budget(Path("06_evaluating_and_tuning.ipynb")) == 60
    assert benchmark.budget(Path("08_inside_word2vec.ipynb")) == 20
    assert benchmark.budget(Path("13_beyond_one_laptop.ipynb")) == 30


def timed(source, start, end):
    made = new_code_cell(source)
    made.metadata["execution"] = {"iopub.execute_input": start, "shell.execute_reply": end}
    return made


def test_long_cells_are_found_from_their_timestamps_with_or_without_progress():
    nb = new_notebook(
        cells=[
            timed("x = 1", "2026-12-03T10:00:00.000Z", "2026-12-03T10:00:01.500Z"),
            timed(
                "for row in helpers.progress.steps(rows, 'sweep'):\n    train(row)",
                "2026-12-03T10:00:02.000Z",
                "2026-12-03T10:00:14.250Z",
            ),
            timed("model = Word2Vec(big)", "2026-12-03T10:00:15.000Z", "2026-12-03T10:00:26.000Z"),
            new_code_cell("never run"),
        ]
    )
    assert benchmark.long_cells(nb) == [(2, 12.2, True), (3, 11.0, False)]
    assert benchmark.long_cells(nb, threshold=1) == [(1, 1.5, False), (2, 12.2, True), (3, 11.0, False)]
    assert benchmark.long_cells(new_notebook()) == []


def test_peak_memory_is_read_where_the_system_can_tell_and_shown_as_n_a_where_not(monkeypatch):
    import builtins

    peak = benchmark.children_peak_kb()
    assert peak is None or peak >= 0
    real_import = builtins.__import__

    def no_resource(name, *args, **kwargs):  # what Windows does
        if name == "resource":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_resource)
    assert benchmark.children_peak_kb() is None
    assert benchmark.megabytes(None) == "n/a" and benchmark.megabytes(285.4) == "285"
