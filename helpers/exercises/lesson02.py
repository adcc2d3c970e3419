"""Checks for the "Your turn" exercises of lesson 02 · Training Word2Vec."""

from helpers.exercises import not_yet, right
from helpers.numeric import is_whole_number


def _kept(counts, min_count):
    return sum(1 for count in counts.values() if count >= min_count)


def check_min_count(min_count, counts, limit=5_000):
    """Check that ``min_count`` is the smallest value keeping fewer than ``limit`` words of ``counts``.

    ``counts`` maps word -> count (e.g. ``helpers.words.word_counts(corpus)``). Returns a ``Feedback``.
    """
    if not is_whole_number(min_count, minimum=1):
        return not_yet(f"min_count should be a whole number of 1 or more, not {min_count!r}.")
    if not counts:
        return not_yet("counts is empty: run the cell of section 3 that counts the corpus first.")
    kept = _kept(counts, min_count)
    if kept >= limit:
        return not_yet(
            f"min_count={min_count} still keeps {kept:,} words (not fewer than {limit:,}): try a larger value."
        )
    if min_count > 1 and _kept(counts, min_count - 1) < limit:
        return not_yet(
            f"min_count={min_count} keeps {kept:,} words, but a smaller value also stays under "
            f"{limit:,}: look for the smallest one."
        )
    return right(
        f"min_count={min_count} keeps {kept:,} words: every word seen fewer than {min_count} times has no vector."
    )
