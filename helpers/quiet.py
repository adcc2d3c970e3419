"""Keeping one harmless gensim message out of a lesson's output (lesson 12).

On some processors (and BLAS kernels) gensim 4.4's compiled training loop prints
``Exception ignored in: 'gensim.models.word2vec_inner.our_dot_float'`` to stderr while it trains, although
the training goes on and the vectors come out as usual (lesson 12's stored results are the same with and
without the message; the message is reported as gensim issue #3642). Whether it appears depends on the
data and on the processor, so a stored lesson output that includes it, or not, would differ from one computer to another.
"""
import contextlib
import io
import sys

# The one message hidden; everything else written to stderr is passed on unchanged.
GENSIM_BLAS_MESSAGE = "Exception ignored in: 'gensim.models.word2vec_inner.our_"


@contextlib.contextmanager
def hide_blas_message():
    """Run the ``with`` block with gensim's harmless ``our_dot_float``/``our_saxpy`` message removed from
    stderr; every other line written to stderr during the block is written on afterwards, in order.
    Changes nothing outside the block."""
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            yield
    finally:
        kept = [line for line in captured.getvalue().splitlines(keepends=True)
                if not line.startswith(GENSIM_BLAS_MESSAGE)]
        if kept:
            sys.stderr.write("".join(kept))
