"""Looking inside word vectors: analogies, vector length against word frequency (lesson 04).

``wv`` is a gensim ``KeyedVectors`` (``model.wv``); ``counts`` and ``norms`` are 1-D arrays with one
entry per vocabulary word, in the same order (lesson 04 builds them from ``wv``).
The lesson writes the look-ups itself (``wv.most_similar(positive=..., negative=...)``, ``np.linalg.norm``);
this module holds the plumbing around them: tables, a rank correlation that explains when it cannot be
computed, and a scatter plot.
"""
import math
import warnings

import numpy as np

from helpers.errors import CourseError
from helpers.vocab import check_word

METHODS = ("add", "cosmul")
# Frequency bands for the main model (min_count=5): 5-9 times, 10-29 times, ... 1,000 times or more.
FREQUENCY_EDGES = (5, 10, 30, 100, 300, 1000)


def solve_analogy(wv, a, b, c, topn=5, method="add"):
    """Answer "``a`` is to ``b`` as ``c`` is to ?" with the ``topn`` best words (lesson 04).

    Returns ``[(word, score rounded to 2 places), ...]``, best first, never one of ``a``, ``b``, ``c``.
    ``method="add"`` is ``wv.most_similar(positive=[b, c], negative=[a])`` (3CosAdd); ``"cosmul"`` is
    ``wv.most_similar_cosmul(...)`` (3CosMul). Raises ``CourseError`` for a word not in the vocabulary.
    """
    for word in (a, b, c):
        check_word(wv, word)
    if method not in METHODS:
        raise CourseError(f"method must be one of {', '.join(map(repr, METHODS))}, got {method!r}.")
    if not isinstance(topn, int) or topn < 1:
        raise CourseError(f"topn must be a whole number of at least 1, got {topn!r}.")
    solve = wv.most_similar if method == "add" else wv.most_similar_cosmul
    with warnings.catch_warnings():  # gensim 4.4's most_similar_cosmul calls its own deprecated init_sims()
        warnings.filterwarnings("ignore", message=".*init_sims", category=DeprecationWarning)
        answers = solve(positive=[b, c], negative=[a], topn=topn)
    return [(word, round(float(score), 2)) for word, score in answers]


def analogy_table(wv, questions, topn=10, method="add"):
    """Return a printable table of analogy questions, one line each (lesson 04).

    ``questions`` is a list of ``(a, b, c, expected)``: "a is to b as c is to expected". Each line shows
    the model's top answer and where ``expected`` ranks among its ``topn`` best answers, e.g.
    ``man : king :: woman : queen?   ✗ not in the top 10 (top answer: pregnant)``.
    Questions with a word missing from the vocabulary get a line saying which, instead of stopping the table.
    """
    if not questions:
        raise CourseError("No analogy questions: give a list of (a, b, c, expected) tuples, "
                          "e.g. [('man', 'king', 'woman', 'queen')].")
    rows = []
    for question in questions:
        if isinstance(question, str) or len(question) != 4:
            raise CourseError(f"Each question is four words (a, b, c, expected), got {question!r}.")
        a, b, c, expected = question
        rows.append((f"{a} : {b} :: {c} : {expected}?", _verdict(wv, a, b, c, expected, topn, method)))
    width = max(len(left) for left, _ in rows)
    return "\n".join(f"{left:<{width}}   {right}" for left, right in rows)


def _verdict(wv, a, b, c, expected, topn, method):
    missing = [word for word in (a, b, c, expected) if word not in wv.key_to_index]
    if missing:
        return f"(not in the vocabulary: {', '.join(missing)})"
    answers = [word for word, _ in solve_analogy(wv, a, b, c, topn=topn, method=method)]
    if expected in answers:
        rank = answers.index(expected) + 1
        return "✓ top answer" if rank == 1 else f"✗ ranked {rank} (top answer: {answers[0]})"
    return f"✗ not in the top {topn} (top answer: {answers[0]})"


def rank_correlation(x, y):
    """Return the Spearman rank correlation of ``x`` and ``y`` (two sequences of numbers, same length).

    +1 means: the larger ``x``, the larger ``y``, always; 0 means no such order; -1 the reverse.
    Raises ``CourseError`` when it cannot be computed: fewer than 3 pairs, different lengths, or a
    side where every value is the same (for word counts: every word appears equally often).
    """
    from scipy.stats import spearmanr

    x, y = _numbers(x, "x"), _numbers(y, "y")
    if len(x) != len(y):
        raise CourseError(f"x and y must have one value per word each, got {len(x)} and {len(y)} values.")
    if len(x) < 3:
        raise CourseError(f"A correlation needs at least 3 words, got {len(x)}: add text, or lower min_count.")
    for name, values in (("x", x), ("y", y)):
        if np.all(values == values[0]):
            raise CourseError(f"Every value of {name} is the same ({values[0]:g}), so nothing can be ranked "
                              "against it. For word counts: every word appears equally often; add text "
                              "so that some words repeat.")
    return float(spearmanr(x, y).statistic)


def norm_by_frequency(counts, norms, edges=FREQUENCY_EDGES):
    """Return a printable table of the mean vector length (norm) of the words in each frequency band.

    ``counts`` and ``norms`` have one value per word. ``edges`` are increasing counts where bands start
    (the last band is open-ended); empty bands are left out. Means are rounded to 1 place, which is
    what stays the same from one computer to another.
    """
    counts, norms = _numbers(counts, "counts"), _numbers(norms, "norms")
    if len(counts) != len(norms):
        raise CourseError(f"counts and norms must have one value per word each, got {len(counts)} and "
                          f"{len(norms)} values.")
    if len(counts) == 0:
        raise CourseError("There are no words to put in bands: the vocabulary is empty.")
    edges = list(edges)
    if not edges or any(later <= earlier for earlier, later in zip(edges, edges[1:])):
        raise CourseError(f"edges must be counts in increasing order, e.g. (5, 10, 100), got {tuple(edges)!r}.")
    lines = [f"{'seen (times)':>14}  {'words':>6}  {'mean norm':>9}"]
    for low, high in zip(edges, edges[1:] + [math.inf]):
        in_band = (counts >= low) & (counts < high)
        if not in_band.any():
            continue
        label = (f"{low:,}+" if high == math.inf else f"{low:,}" if high - low == 1 else
                 f"{low:,}-{high - 1:,}")
        lines.append(f"{label:>14}  {int(in_band.sum()):>6,}  {norms[in_band].mean():>9.1f}")
    if len(lines) == 1:
        raise CourseError(f"No word has a count of at least {edges[0]} (the lowest edge): lower the edges, "
                          f"e.g. edges=(1, 2, 5).")
    return "\n".join(lines)


def plot_norms(counts, norms, words=(), labels=(), ax=None, trend=True):
    """Scatter vector length (norm) against how often each word appears, on a log scale (lesson 04).

    ``counts``, ``norms`` and ``words`` have one entry per word; each word in ``labels`` that is in
    ``words`` is written next to its point. With ``trend``, a line joins the mean norm of the words in
    each of about ten frequency bins. Returns the ``Axes``; never calls ``plt.show()``.
    """
    import matplotlib.pyplot as plt

    from helpers.plotting import PALETTE

    counts, norms = _numbers(counts, "counts"), _numbers(norms, "norms")
    if len(counts) != len(norms) or len(counts) == 0:
        raise CourseError(f"Expected one norm per count (and at least one word), got {len(counts)} counts "
                          f"and {len(norms)} norms.")
    if np.any(counts <= 0):
        raise CourseError("Every count must be at least 1 to draw it on a log scale.")
    ax = ax if ax is not None else plt.subplots()[1]
    ax.scatter(counts, norms, s=4, alpha=0.3, color=PALETTE[0], linewidths=0)
    position = {word: index for index, word in enumerate(words)}
    for word in labels:
        if word in position:
            index = position[word]
            ax.scatter(counts[index], norms[index], s=18, color=PALETTE[3])
            ax.annotate(word, (counts[index], norms[index]), textcoords="offset points", xytext=(4, 3),
                        fontsize=9)
    if trend and counts.max() > counts.min():
        edges = np.geomspace(counts.min(), counts.max() * 1.001, 11)
        bins = np.digitize(counts, edges)
        centres, means = zip(*[(np.exp(np.log(counts[bins == b]).mean()), norms[bins == b].mean())
                               for b in np.unique(bins)])
        ax.plot(centres, means, color=PALETTE[1], marker="o", linewidth=2, label="mean norm in each frequency bin")
        ax.legend(loc="upper right", fontsize=8)
    ax.set_xscale("log")
    ax.set(xlabel="how often the word appears in the corpus (log scale)", ylabel="length of its vector (norm)",
           title="Vector length against word frequency")
    return ax


def _numbers(values, name):
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise CourseError(f"{name} must be numbers (one per word), got {str(values)[:60]!r}.") from None
    if array.ndim != 1:
        raise CourseError(f"{name} must be a flat list of numbers (one per word), got shape {array.shape}.")
    return array
