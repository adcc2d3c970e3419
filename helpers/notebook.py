"""``setup_notebook()``: the one explicit switch a lesson flips at the top."""
import logging
import random

SEED = 42


def setup_notebook(seed=SEED):
    """Make a lesson's output calm and repeatable. Called once, in the setup cell of every lesson.

    - seeds Python's and NumPy's random generators with ``seed``;
    - sets a readable figure size and resolution for matplotlib;
    - silences gensim's INFO logging (it prints timestamps and timings);
    - prints floats with 3 decimals.
    Returns ``None``; nothing changes until this is called.
    """
    import matplotlib as mpl
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)
    mpl.rcParams.update({"figure.figsize": (7.0, 4.5), "figure.dpi": 90, "axes.grid": True,
                         "grid.alpha": 0.3, "font.size": 10})
    for name in ("gensim", "smart_open"):
        logging.getLogger(name).setLevel(logging.WARNING)
    np.set_printoptions(precision=3, suppress=True, linewidth=100)
