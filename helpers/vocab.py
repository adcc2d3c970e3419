"""Word look-ups that explain a missing word instead of failing with a bare ``KeyError``.

``wv`` is a gensim ``KeyedVectors`` (``model.wv``). Lesson 02 introduces look-ups; lesson 04 goes deeper.
"""

import difflib

from helpers.errors import CourseError


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
