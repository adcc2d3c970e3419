"""helpers.quiet: only gensim's harmless BLAS message is hidden (lesson 12)."""
import sys

import pytest

from helpers.quiet import hide_blas_message


def test_hides_only_the_gensim_message(capsys):
    with hide_blas_message():
        sys.stderr.write("Exception ignored in: 'gensim.models.word2vec_inner.our_dot_float'\n")
        sys.stderr.write("a real warning\n")
        print("normal output")
    captured = capsys.readouterr()
    assert captured.err == "a real warning\n" and captured.out == "normal output\n"


def test_stderr_is_restored_and_errors_pass_through(capsys):
    before = sys.stderr
    with pytest.raises(ValueError, match="boom"):
        with hide_blas_message():
            sys.stderr.write("kept\n")
            raise ValueError("boom")
    assert sys.stderr is before
    assert capsys.readouterr().err == "kept\n"


def test_nothing_written_means_nothing_written(capsys):
    with hide_blas_message():
        pass
    assert capsys.readouterr().err == ""
