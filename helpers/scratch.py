"""Plumbing for lesson 08, where Word2Vec is built from scratch in NumPy.

The lesson itself writes the loss, the gradient, the gradient check and the trainer. This module only
holds what is not the point of the lesson: turning a NumPy matrix into gensim ``KeyedVectors`` so the
course's benchmarks can score it, printing several models side by side, and checking that a text gives
enough training pairs.

    >>> wv = helpers.scratch.keyed_vectors(words, vectors)          # words: n str, vectors: n × d
    >>> helpers.scratch.compare_scores({"NumPy": wv, "gensim": model.wv})
    >>> helpers.scratch.compare_pair_scores({"NumPy": wv}, {"WS353 reporting": reporting})
    >>> helpers.scratch.neighbours_side_by_side({"NumPy": wv, "gensim": model.wv}, ["city", "music"])
"""

import numpy as np

from helpers.errors import CourseError
from helpers.evaluation import check_word_pairs, covered_pairs_score

# Fewer training pairs than this cannot teach a model anything worth looking at.
MIN_PAIRS = 20


def keyed_vectors(words, vectors):
    """Return gensim ``KeyedVectors`` holding ``vectors`` (an n × d array of numbers) for ``words``
    (n distinct strings, row i belongs to ``words[i]``), so helpers.evaluation and ``most_similar``
    work on vectors trained without gensim (lesson 08). The vectors are stored as float32, like gensim's.

    Raises ``CourseError`` if the words and rows do not match, a word repeats or is not a non-empty
    string, or a vector holds NaN or infinity (training diverged).
    """
    from gensim.models import KeyedVectors

    if isinstance(words, str):
        raise CourseError("words must be a list of words, not one string: pass the vocabulary list.")
    words = list(words)
    try:
        array = np.asarray(vectors, dtype=np.float64)
    except (TypeError, ValueError):
        raise CourseError(
            f"vectors must be an array of numbers (one row per word), got {type(vectors).__name__}."
        ) from None
    if array.ndim != 2:
        raise CourseError(f"vectors must be a 2-D array (one row per word), got an array of shape {array.shape}.")
    if not words or array.shape[0] == 0 or array.shape[1] == 0:
        raise CourseError("There are no words or no vector dimensions: train on some text first.")
    if len(words) != array.shape[0]:
        raise CourseError(
            f"{len(words):,} words but {array.shape[0]:,} vectors: give exactly one row per word, "
            "in the order of the vocabulary."
        )
    bad = [word for word in words if not isinstance(word, str) or not word.strip()]
    if bad:
        raise CourseError(f"Every word must be a non-empty string; found {bad[0]!r}. Check the vocabulary list.")
    if len(set(words)) != len(words):
        seen = set()
        repeated = next(word for word in words if word in seen or seen.add(word))
        raise CourseError(f"The word {repeated!r} appears twice in the vocabulary: each word needs one row.")
    if not np.all(np.isfinite(array)):
        raise CourseError(
            "Some vectors hold NaN or infinity: training diverged. Lower the learning rate "
            "(alpha) or the batch size, and train again."
        )
    wv = KeyedVectors(array.shape[1])
    wv.add_vectors(words, array.astype(np.float32))
    return wv


class ComparisonTable(list):
    """Rows ``{"model": name, "<dataset>": score or None, "<dataset> covered": int, ...}`` that print
    as one aligned table, a model per line, with the coverage of each benchmark."""

    def __init__(self, rows, datasets):
        super().__init__(rows)
        self.datasets = list(datasets)

    def score(self, model, dataset="WordSim353"):
        """Return the score of ``model`` on ``dataset`` (a float, or ``None`` when it was not scored)."""
        for row in self:
            if row["model"] == model:
                return row[dataset]
        raise CourseError(
            f"No model called {model!r} in this table; its models are: {', '.join(row['model'] for row in self)}."
        )

    def __repr__(self):
        if not self:
            return "(empty table)"
        width = max(len("model"), *(len(row["model"]) for row in self))
        columns = {name: max(14, len(name) + 2) for name in self.datasets}
        header = f"{'model':<{width}}" + "".join(
            f"  {name + ' ρ':>{columns[name]}}  {'covered':>9}" for name in self.datasets
        )
        lines = [header]
        for row in self:
            cells = []
            for name in self.datasets:
                score = "–" if row[name] is None else f"{row[name]:.2f}"
                covered = f"{row[name + ' covered']}/{row[name + ' total']}"
                cells.append(f"  {score:>{columns[name]}}  {covered:>9}")
            lines.append(f"{row['model']:<{width}}" + "".join(cells))
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle):
        printer.text(repr(self))


def compare_scores(models, datasets=("WordSim353", "SimLex-999")):
    """Score several models on the same word-pair benchmarks and return a ``ComparisonTable``.

    ``models`` maps a name to word vectors (``KeyedVectors`` or a gensim model), e.g.
    ``{"NumPy SGNS": wv, "gensim SGNS": model.wv}``; ``datasets`` are word-pair benchmarks of
    helpers.evaluation. Each score is Spearman's ρ on the pairs that model covers (see the coverage).
    """
    from helpers.evaluation import WORD_PAIR_FILES, evaluate

    if not isinstance(models, dict) or not models:
        raise CourseError("models must be a dict such as {'NumPy': wv, 'gensim': model.wv}, with at least one model.")
    if isinstance(datasets, str):
        datasets = [datasets]
    unknown = [name for name in datasets if name not in WORD_PAIR_FILES]
    if unknown or not datasets:
        raise CourseError(
            f"Choose word-pair benchmarks from {', '.join(WORD_PAIR_FILES)}"
            + (f"; {unknown[0]!r} is not one of them." if unknown else ".")
        )
    rows = []
    for name, wv in models.items():
        table = evaluate(wv, datasets=list(datasets))
        row = {"model": str(name)}
        for dataset in datasets:
            found = table.row(dataset)
            row[dataset] = found["score"]
            row[dataset + " covered"] = found["covered"]
            row[dataset + " total"] = found["total"]
        rows.append(row)
    return ComparisonTable(rows, datasets)


def compare_pair_scores(models, pair_sets, min_items=20):
    """Score several models on lists of word pairs and return a ``ComparisonTable``, like
    ``compare_scores`` but for pairs you pass in, such as the reporting half of WordSim353
    (``helpers.evaluation.split_word_pairs``, lesson 06), so that a setting tuned on one half is
    reported on the other.

    ``models`` maps a name to word vectors (``KeyedVectors`` or a gensim model); ``pair_sets`` maps
    a column name to a list of ``(word1, word2, human_score)``. Each score is Spearman's ρ on the pairs
    that model covers (words matched ignoring case), rounded to 2 places, or ``None`` (shown as –)
    when it covers fewer than ``min_items`` pairs.
    """
    if not isinstance(models, dict) or not models:
        raise CourseError("models must be a dict such as {'NumPy': wv, 'gensim': model.wv}, with at least one model.")
    if not isinstance(pair_sets, dict) or not pair_sets:
        raise CourseError(
            "pair_sets must be a dict such as {'WS353 reporting': reporting}, with at least one list of word pairs."
        )
    checked = {str(name): check_word_pairs(pairs, what=f"pair_sets[{name!r}]") for name, pairs in pair_sets.items()}
    rows = []
    for model_name, wv in models.items():
        wv = getattr(wv, "wv", wv)
        if not hasattr(wv, "key_to_index"):
            raise CourseError(
                f"models[{model_name!r}] must be word vectors (KeyedVectors) or a gensim model, "
                f"got {type(wv).__name__}."
            )
        row = {"model": str(model_name)}
        for name, pairs in checked.items():
            rho, covered = covered_pairs_score(wv, pairs, min_items)
            row[name], row[name + " covered"], row[name + " total"] = rho, covered, len(pairs)
        rows.append(row)
    return ComparisonTable(rows, checked)


def neighbours_side_by_side(models, words, topn=3):
    """Return a printable table: for each of ``words``, its ``topn`` nearest words in each model
    (``models`` maps a name to ``KeyedVectors``), so a learner can compare them at a glance.

    A word a model does not know shows as ``(not in vocabulary)``. Raises ``CourseError`` if no
    model knows any of the words.
    """
    if not isinstance(models, dict) or not models:
        raise CourseError("models must be a dict such as {'NumPy': wv, 'gensim': model.wv}, with at least one model.")
    if isinstance(words, str):
        words = [words]
    words = list(words)
    if not words:
        raise CourseError("Give at least one word to look up.")
    if isinstance(topn, bool) or not isinstance(topn, int) or topn < 1:
        raise CourseError(f"topn must be a whole number of at least 1, got {topn!r}.")
    names = list(models)
    cells, known = {}, False
    for word in words:
        for name in names:
            wv = getattr(models[name], "wv", models[name])
            if word in wv.key_to_index and len(wv.index_to_key) > 1:
                cells[word, name] = ", ".join(other for other, _ in wv.most_similar(word, topn=topn))
                known = True
            else:
                cells[word, name] = "(not in vocabulary)"
    if not known:
        raise CourseError(
            f"None of the models knows any of {', '.join(map(repr, words))}: "
            "pick words that appear in the training text."
        )
    word_width = max(len("word"), *(len(word) for word in words))
    widths = {name: max(len(name), *(len(cells[word, name]) for word in words)) for name in names}
    lines = [f"{'word':<{word_width}}  " + "  ".join(f"{name:<{widths[name]}}" for name in names).rstrip()]
    for word in words:
        lines.append(
            f"{word:<{word_width}}  " + "  ".join(f"{cells[word, name]:<{widths[name]}}" for name in names).rstrip()
        )
    return "\n".join(lines)


def check_enough_pairs(n_pairs, minimum=MIN_PAIRS):
    """Check that a text gave at least ``minimum`` (centre, context) training pairs; return ``n_pairs``.

    Raises ``CourseError`` saying what to change if there are fewer: each pair needs two words of
    the vocabulary in one sentence, close enough for the window.
    """
    if isinstance(n_pairs, bool) or not isinstance(n_pairs, (int, np.integer)) or n_pairs < 0:
        raise CourseError(f"n_pairs must be a count of training pairs (a whole number, 0 or more), got {n_pairs!r}.")
    if n_pairs < minimum:
        raise CourseError(
            f"Your text gives only {int(n_pairs)} training pairs (at least {minimum} are needed): "
            "a pair is two words of one sentence within the window. Add more sentences of several "
            "words each, or raise the window."
        )
    return int(n_pairs)
