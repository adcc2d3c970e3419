"""``setup_notebook()``: the one explicit switch a lesson flips at the top.

matplotlib is imported inside ``setup_notebook``: ``import helpers`` imports this module, and importing
matplotlib is slow.
"""

import logging
import random
import sys
import threading

import numpy as np

SEED = 42

# gensim 4.4.0 (issue #3642) declares the BLAS dot product it calls as "returns -1 on error". So when a dot
# product during training happens to be exactly -1.0, its compiled code takes that for an error that
# cannot be raised, uses 0 for that one product, and asks Python to report it. No exception is set, so
# Python skips sys.unraisablehook and writes one line straight to sys.stderr. It shows on CPUs where
# OpenBLAS picks its older kernels (e.g. OPENBLAS_CORETYPE=Prescott), where gensim uses the float version
# of the dot product (our_dot_float); the double version (our_dot_double, used elsewhere) has the same flaw
# but an exact -1.0 is far rarer there. One product among millions changes; the vectors are as good.
GENSIM_DOT_NOTICES = tuple(
    f"Exception ignored in: 'gensim.models.word2vec_inner.{name}'\n" for name in ("our_dot_float", "our_dot_double")
)


class GensimNoticeFilter:
    """A text stream that passes everything to ``stream`` except the lines ``GENSIM_DOT_NOTICES``.

    Python writes that line in pieces ("Exception ignored in: ", the name, "\\n"), so text that could
    still become the notice is held back until the next write decides. Any other attribute (``flush``,
    ``fileno``, ``encoding``, ...) is the wrapped stream's. Installed on ``sys.stderr`` by ``setup_notebook``.
    """

    def __init__(self, stream):
        self.stream = stream
        self._pending = ""
        self._lock = threading.Lock()

    def write(self, text):
        with self._lock:
            text_out = self._pending + text
            self._pending = ""
            while text_out.startswith(GENSIM_DOT_NOTICES):
                text_out = text_out[len(next(n for n in GENSIM_DOT_NOTICES if text_out.startswith(n))) :]
            if text_out and any(notice.startswith(text_out) for notice in GENSIM_DOT_NOTICES):
                self._pending = text_out  # maybe the start of a notice: wait for the next piece
            elif text_out:
                self.stream.write(text_out)
        return len(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def setup_notebook(seed=SEED):
    """Make a lesson's output calm and repeatable. Called once, in the setup cell of every lesson.

    - seeds Python's and NumPy's random generators with ``seed``;
    - sets a readable figure size and resolution for matplotlib;
    - silences gensim's INFO logging (it prints timestamps and timings);
    - drops one harmless line that gensim 4.4.0 prints on some CPUs while training
      (``GENSIM_DOT_NOTICES``, see above) from ``sys.stderr``; every other line still shows;
    - prints floats with 3 decimals.
    Returns ``None``; nothing changes until this is called, and calling it again changes nothing more.
    """
    import matplotlib as mpl

    random.seed(seed)
    np.random.seed(seed)
    mpl.rcParams.update(
        {"figure.figsize": (7.0, 4.5), "figure.dpi": 90, "axes.grid": True, "grid.alpha": 0.3, "font.size": 10}
    )
    for name in ("gensim", "smart_open"):
        logging.getLogger(name).setLevel(logging.WARNING)
    np.set_printoptions(precision=3, suppress=True, linewidth=100)
    if not isinstance(sys.stderr, GensimNoticeFilter):
        sys.stderr = GensimNoticeFilter(sys.stderr)
