"""Checks of lesson 13's exercises: right answers, typical wrong answers, bad input."""

import numpy as np
import pytest
from gensim.models import Word2Vec

from helpers.exercises import lesson13

PER_WORD = 4e-6  # CPU seconds per trained word, as section 1's fit gives on a laptop
RIGHT = 10_000_000 * 3 * PER_WORD


def test_the_right_price_passes_also_as_numpy():
    assert lesson13.check_seconds(RIGHT, PER_WORD)
    assert lesson13.check_seconds(np.float64(RIGHT * 1.005), PER_WORD)
    assert lesson13.check_seconds(np.float32(RIGHT), np.float64(PER_WORD))


@pytest.mark.parametrize(
    "answer, hint",
    [
        (0, "still 0"),
        (10_000_000 * PER_WORD, "one epoch"),
        (RIGHT / 60, "not minutes or hours"),
        (RIGHT / 3600, "not minutes or hours"),
        (RIGHT * 2, "is off"),
        ("120", "should be a number"),
        (None, "should be a number"),
        (True, "should be a number"),
    ],
)
def test_wrong_prices_get_a_hint(answer, hint):
    feedback = lesson13.check_seconds(answer, PER_WORD)
    assert not feedback and hint in feedback.message


@pytest.mark.parametrize("per_word", [0, -1.0, None, "4e-6", True])
def test_a_missing_fit_is_named(per_word):
    feedback = lesson13.check_seconds(RIGHT, per_word)
    assert not feedback and "run that cell" in feedback.message


@pytest.fixture(scope="module")
def sentences():
    rng = np.random.default_rng(0)
    words = [f"w{index}" for index in range(60)]
    return [list(rng.choice(words, size=12)) for _ in range(200)]


def test_a_bounded_vocabulary_passes(sentences):
    model = Word2Vec(vector_size=10, min_count=1, max_final_vocab=20, workers=1, seed=1)
    model.build_vocab(sentences)
    feedback = lesson13.check_bounded_vocabulary(model, np.int64(20))
    assert feedback and "at most 20" in feedback.message


def test_typical_mistakes_get_hints(sentences):
    unbuilt = Word2Vec(vector_size=10, min_count=1, max_final_vocab=20, workers=1, seed=1)
    assert "vocabulary is empty" in lesson13.check_bounded_vocabulary(unbuilt, 20).message
    unbounded = Word2Vec(vector_size=10, min_count=1, workers=1, seed=1)
    unbounded.build_vocab(sentences)
    assert "max_final_vocab=20" in lesson13.check_bounded_vocabulary(unbounded, 20).message
    other_cap = Word2Vec(vector_size=10, min_count=1, max_final_vocab=30, workers=1, seed=1)
    other_cap.build_vocab(sentences)
    assert "max_final_vocab=20" in lesson13.check_bounded_vocabulary(other_cap, 20).message


@pytest.mark.parametrize("model", [None, "model", [["a", "b"]]])
def test_not_a_model_is_named(model):
    feedback = lesson13.check_bounded_vocabulary(model, 20)
    assert not feedback and "gensim Word2Vec model" in feedback.message


@pytest.mark.parametrize("cap", [0, -5, 2.5, "20", None, True])
def test_a_bad_cap_is_named(cap, sentences):
    model = Word2Vec(vector_size=10, min_count=1, max_final_vocab=20, workers=1, seed=1)
    model.build_vocab(sentences)
    feedback = lesson13.check_bounded_vocabulary(model, cap)
    assert not feedback and "whole number" in feedback.message
