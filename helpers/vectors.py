"""Looking inside word vectors: analogies, vector length against word frequency (lesson 04), and how far
words moved when a model trained on (lesson 03).

``wv`` is a gensim ``KeyedVectors`` (``model.wv``); ``counts`` and ``norms`` are 1-D arrays with one
entry per vocabulary word, in the same order (lesson 04 builds them from ``wv``).
The lesson writes the look-ups itself (``wv.most_similar(positive=..., negative=...)``, ``np.linalg.norm``);
this module holds the plumbing around them: tables and a comparison of two versions of the same vectors
(the rank correlation of norms and counts is ``helpers.numeric.rank_correlation``). The norm scatter plot is
``helpers.plotting.plot_norms``.
"""

import itertools
import math
import warnings

import numpy as np

from helpers.errors import CourseError
from helpers.numeric import as_numbers, is_whole_number
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
    if not is_whole_number(topn, minimum=1):
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
        raise CourseError(
            "No analogy questions: give a list of (a, b, c, expected) tuples, e.g. [('man', 'king', 'woman', 'queen')]."
        )
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


def norm_by_frequency(counts, norms, edges=FREQUENCY_EDGES):
    """Return a printable table of the mean vector length (norm) of the words in each frequency band.

    ``counts`` and ``norms`` have one value per word. ``edges`` are increasing counts where bands start
    (the last band is open-ended); empty bands are left out. Means are rounded to 1 place, which is
    what stays the same from one computer to another.
    """
    counts, norms = as_numbers(counts, "counts"), as_numbers(norms, "norms")
    if len(counts) != len(norms):
        raise CourseError(
            f"counts and norms must have one value per word each, got {len(counts)} and {len(norms)} values."
        )
    if len(counts) == 0:
        raise CourseError("There are no words to put in bands: the vocabulary is empty.")
    edges = list(edges)
    if not edges or any(later <= earlier for earlier, later in itertools.pairwise(edges)):
        raise CourseError(f"edges must be counts in increasing order, e.g. (5, 10, 100), got {tuple(edges)!r}.")
    lines = [f"{'seen (times)':>14}  {'words':>6}  {'mean norm':>9}"]
    for low, high in zip(edges, edges[1:] + [math.inf]):
        in_band = (counts >= low) & (counts < high)
        if not in_band.any():
            continue
        label = f"{low:,}+" if high == math.inf else f"{low:,}" if high - low == 1 else f"{low:,}-{high - 1:,}"
        lines.append(f"{label:>14}  {int(in_band.sum()):>6,}  {norms[in_band].mean():>9.1f}")
    if len(lines) == 1:
        raise CourseError(
            f"No word has a count of at least {edges[0]} (the lowest edge): lower the edges, e.g. edges=(1, 2, 5)."
        )
    return "\n".join(lines)


def compare_versions(wv_before, wv_after, words):
    """Return ``[(word, cosine similarity of its vector before and after, rounded to 2 places), ...]``.

    1.0 means the vector did not move. Both ``KeyedVectors`` must know each word; an unknown word
    raises ``CourseError`` saying which side misses it.
    """
    if isinstance(words, str):
        words = [words]
    if wv_before.vector_size != wv_after.vector_size:
        raise CourseError(
            f"The two sets of vectors have different sizes ({wv_before.vector_size} and "
            f"{wv_after.vector_size} dimensions): compare two versions of the same model."
        )
    result = []
    for word in words:
        for side, wv in (("before", wv_before), ("after", wv_after)):
            try:
                check_word(wv, word)
            except CourseError as error:
                raise CourseError(f"In the vectors {side}: {error}") from None
        old, new = wv_before[word], wv_after[word]
        cosine = float(np.dot(old, new) / (np.linalg.norm(old) * np.linalg.norm(new)))
        result.append((word, round(cosine, 2)))
    return result
