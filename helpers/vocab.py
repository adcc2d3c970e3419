"""Word look-ups that explain a missing word instead of failing with a bare ``KeyError``.

``wv`` is a gensim ``KeyedVectors`` (``model.wv``). Lesson 02 introduces look-ups; lesson 04 goes deeper.
The course's neighbour tables live here: ``neighbours_table`` (one model, lessons 02-04) and
``neighbours_side_by_side`` (several models in columns, lessons 07 and 08).
"""

import difflib
from collections import Counter

from helpers.errors import CourseError
from helpers.numeric import is_whole_number


def suggest(wv, word, n=3):
    """Return up to ``n`` vocabulary words spelled like ``word`` (closest first)."""
    return difflib.get_close_matches(str(word).lower(), wv.index_to_key, n=n, cutoff=0.75)


def check_word(wv, word):
    """Return ``word`` if ``wv`` has a vector for it; otherwise raise ``CourseError`` explaining why
    and suggesting close vocabulary words."""
    if not isinstance(word, str) or not word.strip():
        raise CourseError(f"Expected a word (a non-empty string), got {word!r}.")
    if word in wv.key_to_index:
        return word
    size = f"{len(wv.index_to_key):,}"
    if word.lower() in wv.key_to_index:
        raise CourseError(
            f"{word!r} is not in the vocabulary, but {word.lower()!r} is: "
            "the corpus was lowercased, so look up words in lowercase."
        )
    close = suggest(wv, word)
    hint = f" Close words that are: {', '.join(close)}." if close else ""
    raise CourseError(
        f"{word!r} is not in the vocabulary of {size} words.{hint} A word is left out "
        "when it appears fewer than min_count times: check the spelling, lower "
        "min_count, or add text that uses it."
    )


def neighbours(wv, word, topn=5):
    """Return the ``topn`` nearest words to ``word`` as ``[(word, similarity rounded to 2 places), ...]``."""
    check_word(wv, word)
    return [(other, round(float(score), 2)) for other, score in wv.most_similar(word, topn=topn)]


def neighbours_table(wv, words, topn=5):
    """Return a printable table: one line per word, ``word → n1, n2, ...`` (nearest first).

    Words missing from the vocabulary get a line saying so instead of stopping the table.
    """
    if not words:
        raise CourseError("neighbours_table needs at least one word, e.g. ['france', 'two'].")
    width = max(len(word) for word in words)
    lines = []
    for word in words:
        try:
            row = ", ".join(other for other, _ in neighbours(wv, word, topn))
        except CourseError:
            row = "(not in the vocabulary)"
        lines.append(f"{word:>{width}} → {row}")
    return "\n".join(lines)


def neighbours_side_by_side(models, words, topn=3, counts=None):
    """Return a printable table: for each of ``words``, its ``topn`` nearest words in each model
    (``models`` maps a column name to ``KeyedVectors`` or a gensim model), so a learner can compare
    them at a glance (lessons 07 and 08).

    A word a model has no vector for shows as ``(no vector)``. FastText vectors build one for any
    word from its character n-grams: such a word's neighbours are marked `` *``. With ``counts`` (a
    ``Counter`` of the training corpus, ``helpers.words.word_counts``) a column ``seen`` says how often
    the corpus has each word. Raises ``CourseError`` if no model has a vector for any of the words.
    """
    if not isinstance(models, dict) or not models:
        raise CourseError("models must be a dict such as {'NumPy': wv, 'gensim': model.wv}, with at least one model.")
    if isinstance(words, str):
        words = [words]
    words = list(words)
    if not words:
        raise CourseError("Give at least one word to look up.")
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise CourseError(f"Expected words (non-empty strings), got {word!r}.")
    if not is_whole_number(topn, minimum=1):
        raise CourseError(f"topn must be a whole number of at least 1, got {topn!r}.")
    if counts is not None and not isinstance(counts, Counter):
        raise CourseError("counts must be a Counter of the corpus: helpers.words.word_counts(sentences).")
    names = [str(name) for name in models]
    columns = {
        name: [_neighbour_cell(getattr(wv, "wv", wv), word, topn) for word in words]
        for name, wv in zip(names, models.values())
    }
    if all(cell == _NO_VECTOR for cells in columns.values() for cell in cells):
        raise CourseError(
            f"None of the models knows any of {', '.join(map(repr, words))}: "
            "pick words that appear in the training text."
        )
    table = [("word", *(["seen"] if counts is not None else []), *names)]
    for row, word in enumerate(words):
        seen = [f"{counts.get(word, 0):,}"] if counts is not None else []
        table.append((word, *seen, *(columns[name][row] for name in names)))
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    right = {1} if counts is not None else set()  # the counts line up on the right
    return "\n".join(
        "  ".join(
            f"{cell:>{widths[column]}}" if column in right else f"{cell:<{widths[column]}}"
            for column, cell in enumerate(line)
        ).rstrip()
        for line in table
    )


_NO_VECTOR = "(no vector)"


def _neighbour_cell(wv, word, topn):
    """The ``topn`` nearest words of ``word`` in ``wv`` joined by commas; `` *`` when FastText built the
    vector from n-grams only; ``(no vector)`` when ``wv`` has none."""
    if not hasattr(wv, "key_to_index"):
        raise CourseError(f"Expected word vectors (KeyedVectors, such as model.wv), got {type(wv).__name__}.")
    if len(wv.index_to_key) < 2:
        return _NO_VECTOR  # a word alone in its vocabulary has no neighbours
    if word in wv.key_to_index:
        mark = ""
    elif getattr(wv, "bucket", 0) and getattr(wv, "vectors_ngrams", None) is not None:
        mark = " *"  # FastText: a vector from the word's character n-grams
    else:
        return _NO_VECTOR
    return ", ".join(other for other, _ in wv.most_similar(word, topn=topn)) + mark
