"""Scoring word vectors on the benchmarks that ship with gensim (lesson 06 introduces them).

``wv`` is a gensim ``KeyedVectors`` (``model.wv``). Three benchmarks, all read from gensim's own
test data, so nothing is downloaded:

- **WordSim353** (353 word pairs) and **SimLex-999** (999 pairs): people rated how related (WordSim)
  or how similar (SimLex) two words are; the score is the Spearman rank correlation ρ between those
  ratings and the model's cosine similarities, on the pairs whose two words the model knows.
- **questions-words** (19,544 analogies such as *athens : greece = baghdad : iraq*, in 14 sections):
  the score is the share answered exactly right, on the questions whose four words the model knows.

Every score comes with its *coverage*: how many pairs or questions the model could be asked at all.
A score on 30 % of the pairs is not comparable with a score on 90 % of them.

    >>> helpers.evaluation.evaluate(wv)            # a ScoreTable: one row per benchmark
    >>> helpers.evaluation.analogy_sections(wv)    # one row per analogy section

gensim is imported inside the functions that use it: importing it takes about a second.
"""

import logging
import math
import warnings
from contextlib import contextmanager

import numpy as np

from helpers.errors import CourseError
from helpers.files import gensim_data_path
from helpers.numeric import is_whole_number, rank_correlations

WORD_PAIR_FILES = {"WordSim353": "wordsim353.tsv", "SimLex-999": "simlex999.txt"}
ANALOGY_FILE = "questions-words.txt"
ANALOGY_NAME = "questions-words"
# Below this many covered pairs (or questions) a score is mostly noise, so none is given.
MIN_ITEMS = 20
# gensim's default: only the 300,000 most frequent words of the model are used.
RESTRICT_VOCAB = 300_000


class ScoreTable(list):
    """A list of rows (dicts) that prints as a small aligned table.

    Each row has the keys ``dataset``, ``measure``, ``score`` (a float rounded to 2 places, or
    ``None`` when too few items are covered), ``covered``, ``total`` and ``coverage``
    (``covered / total``, rounded to 2 places). Being a plain list of dicts, it converts to JSON
    or CSV as it is. ``table.score("WordSim353")`` returns one score.
    """

    def row(self, dataset):
        """Return the row whose ``dataset`` is ``dataset`` (raises ``CourseError`` if there is none)."""
        for row in self:
            if row["dataset"] == dataset:
                return row
        names = ", ".join(row["dataset"] for row in self)
        raise CourseError(f"No row called {dataset!r} in this table; its rows are: {names}.")

    def score(self, dataset):
        """Return the score of ``dataset`` (a float, or ``None`` when it could not be scored)."""
        return self.row(dataset)["score"]

    def __repr__(self):
        if not self:
            return "(empty table)"
        name_width = max(len("dataset"), *(len(row["dataset"]) for row in self))
        measure_width = max(len("measure"), *(len(row["measure"]) for row in self))
        lines = [f"{'dataset':<{name_width}}  {'measure':<{measure_width}}  score  covered"]
        for row in self:
            score = "    –" if row["score"] is None else f"{row['score']:5.2f}"
            covered = f"{row['covered']:,} of {row['total']:,} {row['unit']} ({row['covered'] / row['total']:.0%})"
            if row["score"] is None:
                covered += " - too few to score"
            lines.append(f"{row['dataset']:<{name_width}}  {row['measure']:<{measure_width}}  {score}  {covered}")
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle):
        # Jupyter shows the table, not the list of dicts underneath.
        printer.text(repr(self))


DATASETS = (*WORD_PAIR_FILES, ANALOGY_NAME)


def evaluate(wv, datasets=DATASETS, min_items=MIN_ITEMS):
    """Score ``wv`` on WordSim353, SimLex-999 and the questions-words analogies; return a ``ScoreTable``
    with one row per benchmark (``datasets`` picks some of them, e.g. ``["WordSim353"]``).

    A benchmark with fewer than ``min_items`` covered pairs or questions gets ``score=None``.
    Raises ``CourseError`` if no benchmark can be scored at all (a model of a small or non-English
    text): these benchmarks need a general English vocabulary.
    """
    wv = _keyed_vectors(wv)
    if isinstance(datasets, str):
        datasets = [datasets]
    unknown = [name for name in datasets if name not in DATASETS]
    if unknown or not datasets:
        what = f"Unknown benchmark {unknown[0]!r}" if unknown else "No benchmark chosen"
        raise CourseError(f"{what}: choose from {', '.join(DATASETS)}.")
    rows = [_word_pair_row(wv, name, min_items) for name in WORD_PAIR_FILES if name in datasets]
    if ANALOGY_NAME in datasets:
        rows.append(_total_row(_analogy_rows(wv, min_items), min_items))
    if all(row["score"] is None for row in rows):
        raise CourseError(_nothing_covered(wv, rows, min_items))
    return ScoreTable(rows)


def word_pair_score(wv, dataset="WordSim353", min_items=MIN_ITEMS):
    """Return the Spearman ρ of ``wv`` on ``dataset`` ("WordSim353" or "SimLex-999"), rounded to 2 places.

    Only pairs whose two words are in the vocabulary count. Raises ``CourseError`` if fewer than
    ``min_items`` pairs are covered.
    """
    wv = _keyed_vectors(wv)
    if dataset not in WORD_PAIR_FILES:
        raise CourseError(f"Unknown word-pair dataset {dataset!r}: choose one of {', '.join(WORD_PAIR_FILES)}.")
    row = _word_pair_row(wv, dataset, min_items)
    if row["score"] is None:
        raise CourseError(_nothing_covered(wv, [row], min_items))
    return row["score"]


def analogy_sections(wv, min_items=MIN_ITEMS, restrict_vocab=RESTRICT_VOCAB):
    """Return a ``ScoreTable`` with the analogy accuracy of each questions-words section
    (capitals, family, plurals, ...), in the file's order.

    A question counts only when its four words are among the first ``restrict_vocab`` words of
    ``wv``; sections with fewer than ``min_items`` such questions get ``score=None``. Raises
    ``CourseError`` if no section can be scored.
    """
    wv = _keyed_vectors(wv)
    rows = _analogy_rows(wv, min_items, restrict_vocab)
    if all(row["score"] is None for row in rows):
        raise CourseError(_nothing_covered(wv, [_total_row(rows, min_items)], min_items))
    return ScoreTable(rows)


def read_word_pairs(dataset="WordSim353"):
    """Return the pairs of a word-pair dataset as a list of ``(word1, word2, human_score)``."""
    if dataset not in WORD_PAIR_FILES:
        raise CourseError(f"Unknown word-pair dataset {dataset!r}: choose one of {', '.join(WORD_PAIR_FILES)}.")
    pairs = []
    with open(gensim_data_path(WORD_PAIR_FILES[dataset]), encoding="utf-8") as lines:
        for line in lines:
            parts = line.strip().split("\t")
            if line.startswith("#") or len(parts) != 3:
                continue
            pairs.append((parts[0], parts[1], float(parts[2])))
    return pairs


def read_analogies():
    """Return the questions-words analogies as ``{section: [(a, b, c, expected), ...]}`` (file order).

    Each question reads "``a`` is to ``b`` as ``c`` is to ``expected``", e.g.
    ``("Athens", "Greece", "Baghdad", "Iraq")``.
    """
    sections, questions = {}, None
    with open(gensim_data_path(ANALOGY_FILE), encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(": "):
                questions = sections.setdefault(line[2:].strip(), [])
            elif questions is not None and len(line.split()) == 4:
                questions.append(tuple(line.split()))
    return sections


# --- the plumbing -----------------------------------------------------------------------------


def _keyed_vectors(wv):
    """Accept ``model.wv`` (or the model itself); explain anything else."""
    from gensim.models import KeyedVectors

    if not isinstance(wv, KeyedVectors) and isinstance(getattr(wv, "wv", None), KeyedVectors):
        wv = wv.wv
    if not isinstance(wv, KeyedVectors):
        raise CourseError(f"Expected word vectors (a gensim KeyedVectors such as model.wv), got {type(wv).__name__}.")
    if len(wv.index_to_key) == 0:
        raise CourseError("These word vectors have no words at all: train the model on some text first.")
    return wv


def _upper_vocab(wv, restrict_vocab=RESTRICT_VOCAB):
    """Map each word's UPPERCASE form to its index, as gensim does (the most frequent variant wins)."""
    keys = wv.index_to_key[:restrict_vocab]
    return {key.upper(): index for index, key in reversed(list(enumerate(keys)))}


@contextmanager
def _quietly():
    """Silence gensim's per-line log messages and numpy/scipy warnings while scoring."""
    gensim_logger = logging.getLogger("gensim")
    level = gensim_logger.level
    gensim_logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            yield
    finally:
        gensim_logger.setLevel(level)


def _row(dataset, measure, score, covered, total, unit, min_items):
    too_few = covered < min_items or score is None or math.isnan(score)
    score = None if too_few else round(float(score), 2)
    return {
        "dataset": dataset,
        "measure": measure,
        "score": score,
        "covered": covered,
        "total": total,
        "coverage": round(covered / total, 2) if total else 0.0,
        "unit": unit,
    }


def _word_pair_row(wv, dataset, min_items):
    pairs = read_word_pairs(dataset)
    score, covered = _covered_pairs_score(wv, pairs, min_items)
    return _row(dataset, "Spearman ρ", score, covered, len(pairs), "pairs", min_items)


def _analogy_rows(wv, min_items, restrict_vocab=RESTRICT_VOCAB):
    """Score every section: 3CosAdd (b - a + c, nearest word that is not a, b or c), like gensim's
    ``evaluate_word_analogies`` but all questions of a section at once, so it takes a fraction of a second."""
    vocab = _upper_vocab(wv, restrict_vocab)
    size = min(len(wv.index_to_key), restrict_vocab)
    with _quietly():
        unit = wv.get_normed_vectors()[:size]
    # Each word's canonical index: differs from its own index only for case variants ("Paris"/"paris").
    canonical = np.array([vocab[key.upper()] for key in wv.index_to_key[:size]])
    rows = []
    for section, questions in read_analogies().items():
        known = [
            [vocab[word.upper()] for word in question]
            for question in questions
            if all(word.upper() in vocab for word in question)
        ]
        correct = _count_correct(unit, canonical, np.array(known, dtype=int).reshape(-1, 4))
        rows.append(
            _row(
                section,
                "accuracy",
                correct / len(known) if known else None,
                len(known),
                len(questions),
                "questions",
                min_items,
            )
        )
        rows[-1]["correct"] = correct
    return rows


def _count_correct(unit, canonical, questions):
    """Count the questions ``(a, b, c, expected)`` (canonical indices) whose answer is ranked first."""
    correct = 0
    batch = max(1, 2**24 // len(unit))  # about 64 MB of scores at a time, whatever the vocabulary size
    variants = np.flatnonzero(canonical != np.arange(len(canonical)))  # e.g. "Paris" beside "paris"
    for start in range(0, len(questions), batch):
        a, b, c, expected = questions[start : start + batch].T
        with _quietly():
            scores = (unit[b] + unit[c] - unit[a]) @ unit.T
        # The three question words (and their case variants) may not be the answer.
        rows = np.arange(len(a))
        for word in (a, b, c):
            scores[rows, word] = -np.inf
        if len(variants):
            of_variants = scores[:, variants]
            for word in (a, b, c):
                of_variants[canonical[variants][None, :] == word[:, None]] = -np.inf
            scores[:, variants] = of_variants
        correct += int(np.sum(canonical[np.argmax(scores, axis=1)] == expected))
    return correct


def _total_row(sections, min_items):
    covered = sum(row["covered"] for row in sections)
    correct = sum(row["correct"] for row in sections)
    total = sum(row["total"] for row in sections)
    row = _row(ANALOGY_NAME, "accuracy", correct / covered if covered else None, covered, total, "questions", min_items)
    row["correct"] = correct
    return row


def _nothing_covered(wv, rows, min_items):
    found = "; ".join(f"{row['dataset']}: {row['covered']:,} of {row['total']:,} {row['unit']}" for row in rows)
    return (
        f"Too few benchmark words in this model's vocabulary of {len(wv.index_to_key):,} words to "
        f"give a score (at least {min_items} covered items are needed; {found}). These benchmarks "
        "need a general English vocabulary of several thousand words: train on more English text, "
        "or evaluate on your own task instead, with word pairs you write yourself (lesson 06)."
    )


# --- Tuning on one half, reporting on the other, and comparing two models fairly (lesson 06) ------

SPLIT_SEED = 2024  # fixed for the course: the halves never change


def split_word_pairs(dataset="WordSim353", seed=SPLIT_SEED):
    """Return ``(tuning, reporting)``: the pairs of ``dataset`` cut into two fixed halves (lesson 06).

    Settings are chosen on ``tuning`` and the chosen model is reported on ``reporting``, pairs that
    took no part in the choice. Each is a list of ``(word1, word2, human_score)`` in file order.
    The pairs are sorted by human score and each consecutive two go one to each half (which one by
    a coin flip with ``seed``), so both halves span the whole range of scores.
    """
    pairs = read_word_pairs(dataset)
    if not is_whole_number(seed):
        raise CourseError(f"seed must be a whole number, got {seed!r}.")
    order = sorted(range(len(pairs)), key=lambda index: (pairs[index][2], index))
    flips = np.random.default_rng(seed).integers(0, 2, size=(len(order) + 1) // 2)
    to_tuning = set()
    for block, flip in enumerate(flips):
        members = order[2 * block : 2 * block + 2]
        to_tuning.add(members[min(flip, len(members) - 1)])
    tuning = [pair for index, pair in enumerate(pairs) if index in to_tuning]
    reporting = [pair for index, pair in enumerate(pairs) if index not in to_tuning]
    return tuning, reporting


def check_word_pairs(pairs, what="pairs"):
    """Return ``pairs`` as a list after checking that it is a non-empty list of ``(word1, word2,
    human_score)`` (lessons 06 and 08); ``what`` names it in the message. Raises ``CourseError`` otherwise."""
    if isinstance(pairs, str) or not hasattr(pairs, "__iter__"):
        raise CourseError(f"{what} must be a list of (word1, word2, human_score), got {type(pairs).__name__}.")
    pairs = list(pairs)
    if not pairs:
        raise CourseError(
            f"{what} holds no word pairs to score: pass a non-empty list, e.g. one half from split_word_pairs()."
        )
    for pair in pairs:
        if (
            isinstance(pair, str)
            or not hasattr(pair, "__len__")
            or len(pair) != 3
            or not all(isinstance(word, str) for word in pair[:2])
        ):
            raise CourseError(f"Each pair must be (word1, word2, human_score), got {pair!r:.60}.")
    return pairs


def _pair_arrays(wvs, pairs):
    """Human scores and each model's cosine on the pairs every model in ``wvs`` covers (any case)."""
    pairs = check_word_pairs(pairs)
    vocabs = [_upper_vocab(wv) for wv in wvs]
    human, cosines, kept = [], [[] for _ in wvs], []
    for a, b, score in pairs:
        if all(a.upper() in vocab and b.upper() in vocab for vocab in vocabs):
            human.append(float(score))
            kept.append((a, b, score))
            for sims, wv, vocab in zip(cosines, wvs, vocabs):
                with _quietly():
                    sims.append(
                        float(wv.similarity(wv.index_to_key[vocab[a.upper()]], wv.index_to_key[vocab[b.upper()]]))
                    )
    return np.array(human), [np.array(sims) for sims in cosines], kept


def _covered_pairs_score(wv, pairs, min_items=MIN_ITEMS):
    """Return ``(rho, covered)``: the Spearman ρ of ``wv`` on the ``pairs`` it covers (words matched in any
    case, rounded to 2 places), or ``None`` for ``rho`` when it covers fewer than ``min_items``; and how
    many pairs it covers. The one word-pair score: ``evaluate``, ``word_pair_score``, ``pairs_score`` and
    ``compare_pair_scores`` all use it."""
    wv = _keyed_vectors(wv)
    human, (model,), kept = _pair_arrays([wv], pairs)
    if len(kept) < max(min_items, 3):
        return None, len(kept)
    rho = float(rank_correlations(human[None, :], model[None, :])[0])
    return (None if np.isnan(rho) else round(rho, 2)), len(kept)


def pairs_score(wv, pairs, min_items=MIN_ITEMS):
    """Return ``(rho, covered)``: the Spearman ρ of ``wv`` on the ``pairs`` it covers (rounded to 2
    places) and how many it covers. ``pairs`` is a list of ``(word1, word2, human_score)``, such as
    one half from ``split_word_pairs``. Raises ``CourseError`` below ``min_items`` covered pairs."""
    pairs = check_word_pairs(pairs)
    rho, covered = _covered_pairs_score(wv, pairs, min_items)
    if covered < max(min_items, 3):
        raise CourseError(
            _nothing_covered(
                _keyed_vectors(wv),
                [_row("these pairs", "Spearman ρ", None, covered, len(pairs), "pairs", min_items)],
                min_items,
            )
        )
    return rho, covered


def paired_bootstrap(wv_a, wv_b, pairs, samples=2000, seed=42, min_items=MIN_ITEMS):
    """Compare two models on the same word pairs: return a dict with the ρ of each (``rho_a``,
    ``rho_b``), their ``difference`` (a − b, of the rounded values), the 95 % interval of that
    difference (``low``, ``high``), ``covered`` (lesson 06) and ``excludes_zero``.

    Only pairs that *both* models cover count. The interval comes from a **paired** bootstrap:
    ``samples`` times, draw that many pairs at random (with repeats) and recompute both ρ on the
    *same* draw. If the interval excludes 0, the difference is more than the luck of which pairs
    the benchmark happens to hold. Numbers are rounded to 2 places; ``excludes_zero`` (``True`` when
    the interval lies wholly above or below 0) is decided on the unrounded ends, so a verdict never
    rests on rounding (an end of 0.004 prints as 0.00 yet excludes 0).
    """
    wv_a, wv_b = _keyed_vectors(wv_a), _keyed_vectors(wv_b)
    if not is_whole_number(samples, minimum=100):
        raise CourseError(f"samples must be a whole number of resamples, 100 or more, got {samples!r}.")
    human, (sims_a, sims_b), kept = _pair_arrays([wv_a, wv_b], pairs)
    if len(kept) < max(min_items, 3):
        raise CourseError(
            f"The two models both cover only {len(kept)} of these {len(pairs)} pairs; at least "
            f"{max(min_items, 3)} are needed to compare them. Use more pairs, or models with "
            "larger vocabularies."
        )
    rho_a, rho_b = (rank_correlations(human[None, :], sims[None, :])[0] for sims in (sims_a, sims_b))
    draws = np.random.default_rng(seed).integers(0, len(human), size=(samples, len(human)))
    differences = rank_correlations(human[draws], sims_a[draws]) - rank_correlations(human[draws], sims_b[draws])
    low, high = np.nanpercentile(differences, [2.5, 97.5])

    def rounded(value):
        return round(float(value), 2) + 0.0  # + 0.0 turns -0.0 into 0.0

    # the difference of the two rounded scores, as a reader computes it from them (and as stable)
    return {
        "rho_a": rounded(rho_a),
        "rho_b": rounded(rho_b),
        "difference": rounded(rounded(rho_a) - rounded(rho_b)),
        "low": rounded(low),
        "high": rounded(high),
        "covered": len(kept),
        "excludes_zero": bool(low > 0 or high < 0),
    }


# --- several models side by side (lesson 08) ------------------------------------------------------


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


def compare_pair_scores(models, pair_sets, min_items=MIN_ITEMS):
    """Score several models on lists of word pairs and return a ``ComparisonTable``, for
    example the reporting half of WordSim353 (``split_word_pairs``, lesson 06) and SimLex-999
    (``read_word_pairs``), so that a setting tuned on one half is reported on the other (lesson 08).

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
            rho, covered = _covered_pairs_score(wv, pairs, min_items)
            row[name], row[name + " covered"], row[name + " total"] = rho, covered, len(pairs)
        rows.append(row)
    return ComparisonTable(rows, checked)
