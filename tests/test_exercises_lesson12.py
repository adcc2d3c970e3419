"""Checks for the exercises of lesson 12 · Sounds and voices."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers.exercises.lesson12 import check_place, check_template_scores, place_correct, template_scores
from helpers.lessons.phonemes import PHONEMES, PLACE, VOICING_PAIRS, VOWELS


@pytest.fixture(scope="module")
def wv():
    """Made-up phoneme vectors: a voicing direction added to each voiced consonant, place as a direction."""
    rng = np.random.default_rng(1)
    places = sorted(set(PLACE.values()))
    base = {place: rng.normal(size=12) * 3 for place in places}
    voiced = {b for _, b in VOICING_PAIRS} | {"M", "N", "NG", "L", "R", "W", "Y"} | set(VOWELS)
    voicing = rng.normal(size=12) * 2
    vectors = KeyedVectors(vector_size=12)
    rows = [base[PLACE[p]] + rng.normal(size=12) + (voicing if p in voiced else 0) for p in PHONEMES]
    vectors.add_vectors(list(PHONEMES), np.array(rows, dtype=np.float32))
    return vectors


def test_template_scores_counts_seven_other_pairs(wv):
    scores = template_scores(wv)
    assert set(scores) == set(VOICING_PAIRS) and all(0 <= n <= 7 for n in scores.values())


def test_check_template_scores_accepts_the_right_counts(wv):
    feedback = check_template_scores(dict(template_scores(wv)), wv)
    assert feedback.ok and "best template" in feedback.message and "of 7" in feedback.message
    assert check_template_scores({pair: np.int64(n) for pair, n in template_scores(wv).items()}, wv).ok


def test_check_template_scores_explains_a_wrong_count(wv):
    scores = template_scores(wv)
    pair = VOICING_PAIRS[0]
    wrong = {**scores, pair: scores[pair] + 1}
    feedback = check_template_scores(wrong, wv)
    assert not feedback.ok and f"scores[{pair}] is {scores[pair] + 1}" in feedback.message
    assert "most_similar" in feedback.message
    assert "solves" not in feedback.message, "the message must not give the right count away"


def test_check_template_scores_never_gives_a_count_away(wv):
    """Filling the dict from the messages alone must not work: no message names a right count."""
    scores = template_scores(wv)
    for pair in scores:
        message = check_template_scores({**scores, pair: 9}, wv).message
        assert "is 9, which is not what the vectors give" in message
        assert not any(str(n) in message.replace("topn=1", "").replace("is 9", "") for n in range(8))


@pytest.mark.parametrize(
    "bad, message",
    [
        ([], "should be a dict"),
        ({}, "has no count for"),
        (None, "should be a dict"),
    ],
)
def test_check_template_scores_bad_shapes(wv, bad, message):
    assert message in check_template_scores(bad, wv).message


def test_check_template_scores_wants_whole_numbers(wv):
    scores = {pair: float(count) for pair, count in template_scores(wv).items()}
    assert "whole number" in check_template_scores(scores, wv).message
    assert "whole number" in check_template_scores({pair: True for pair in VOICING_PAIRS}, wv).message


def test_place_correct_on_clear_places(wv):
    assert place_correct(wv) >= 20  # made-up vectors built from place: almost all right


def test_check_place(wv):
    right = place_correct(wv)
    assert check_place(right, wv).ok
    assert check_place(np.int64(right), wv).ok  # a count from np.sum is a NumPy integer
    wrong = check_place(right - 1, wv)
    assert not wrong.ok and "leave each consonant out" in wrong.message
    assert "not a count" in check_place(30, wv).message
    assert "whole number" in check_place(9.0, wv).message
    assert "whole number" in check_place("9", wv).message
