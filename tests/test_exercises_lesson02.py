"""helpers.exercises.lesson02: the min_count check."""

from collections import Counter

import pytest

from helpers.exercises import lesson02

# 10 words seen once, 5 seen twice, 3 seen five times: min_count=2 keeps 8 words, 3 keeps 3.
COUNTS = Counter(
    {**{f"once{i}": 1 for i in range(10)}, **{f"twice{i}": 2 for i in range(5)}, **{f"five{i}": 5 for i in range(3)}}
)


def test_right_answer():
    feedback = lesson02.check_min_count(3, COUNTS, limit=5)
    assert feedback.ok and "keeps 3 words" in repr(feedback)
    assert repr(feedback).startswith("[ok]")


def test_too_small_keeps_too_many_words():
    feedback = lesson02.check_min_count(2, COUNTS, limit=5)
    assert not feedback.ok and "still keeps 8 words" in feedback.message and "larger" in feedback.message


def test_too_large_is_not_the_smallest():
    feedback = lesson02.check_min_count(4, COUNTS, limit=5)
    assert not feedback.ok and "smallest" in feedback.message


@pytest.mark.parametrize("bad", [0, -3, 2.5, "3", None, True])
def test_not_a_whole_number(bad):
    feedback = lesson02.check_min_count(bad, COUNTS, limit=5)
    assert not feedback.ok and "whole number" in feedback.message


def test_empty_counts():
    feedback = lesson02.check_min_count(3, Counter(), limit=5)
    assert not feedback.ok and "section 3" in feedback.message
