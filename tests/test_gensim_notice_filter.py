"""setup_notebook() drops exactly one harmless line that gensim 4.4.0 prints on some CPUs (gensim #3642).

Under OPENBLAS_CORETYPE=Prescott, training prints "Exception ignored in:
'gensim.models.word2vec_inner.our_dot_float'" to stderr. These tests do not set OPENBLAS_CORETYPE (the
kernel must never be forced in tests or CI): they write that line the way Python itself does, through the
same C function gensim calls (PyErr_WriteUnraisable with no exception set), and check that only it goes.
"""

import ctypes
import io
import sys

import pytest

import helpers
from helpers.notebook import GENSIM_DOT_NOTICES, GensimNoticeFilter

GENSIM_DOT_NOTICE = GENSIM_DOT_NOTICES[0]


def test_the_notice_is_dropped_whole_or_in_pieces():
    out = io.StringIO()
    stream = GensimNoticeFilter(out)
    stream.write(GENSIM_DOT_NOTICE)
    stream.write(GENSIM_DOT_NOTICES[1])
    for piece in ("Exception ignored in: ", "'gensim.models.word2vec_inner.our_dot_float'", "\n"):
        stream.write(piece)
    assert out.getvalue() == ""


def test_everything_else_passes_unchanged():
    out = io.StringIO()
    stream = GensimNoticeFilter(out)
    for text in (
        "a warning\n",
        "Exception ignored in: ",
        "<function other at 0x1>",
        "\n",
        "Exception",
        " ignored elsewhere\n",
        "before\n" + GENSIM_DOT_NOTICE + "after\n",
    ):
        stream.write(text)
    assert out.getvalue() == (
        "a warning\nException ignored in: <function other at 0x1>\n"
        "Exception ignored elsewhere\nbefore\n" + GENSIM_DOT_NOTICE + "after\n"
    )


def test_write_returns_the_length_written_and_other_attributes_are_the_streams():
    out = io.StringIO()
    stream = GensimNoticeFilter(out)
    assert stream.write("Exception ignored in: ") == len("Exception ignored in: ")
    assert stream.getvalue == out.getvalue and stream.closed is False


@pytest.mark.skipif(hasattr(sys, "gettotalrefcount"), reason="a debug build of Python aborts on this call")
@pytest.mark.parametrize(
    "name, shown",
    [
        ("gensim.models.word2vec_inner.our_dot_float", False),
        ("gensim.models.word2vec_inner.our_dot_double", False),
        ("gensim.models.word2vec_inner.train_batch_sg", True),
    ],
)
def test_the_real_c_path_is_filtered(monkeypatch, name, shown):
    # What gensim's compiled code does: report an "exception" while none is set. Python then writes the
    # line itself (sys.unraisablehook is skipped when no exception is set), in three pieces.
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", out)
    helpers.setup_notebook()
    ctypes.pythonapi.PyErr_WriteUnraisable(ctypes.py_object(name))
    assert out.getvalue() == (f"Exception ignored in: '{name}'\n" if shown else "")


def test_setup_notebook_installs_the_filter_once(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", out)
    helpers.setup_notebook()
    helpers.setup_notebook()
    assert isinstance(sys.stderr, GensimNoticeFilter) and sys.stderr.stream is out


def test_importing_helpers_leaves_stderr_alone():
    import subprocess

    code = "import sys; before = sys.stderr; import helpers, helpers.training; print(sys.stderr is before)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
