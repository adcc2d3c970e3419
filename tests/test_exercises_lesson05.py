"""Unit tests for the lesson 05 exercise checks."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers.exercises.lesson05 import check_perplexity, check_relation_pairs

WORDS = ["france", "paris", "germany", "berlin", "italy", "rome", "russia", "moscow", "greece", "athens"]
CAPITALS = [("france", "paris"), ("germany", "berlin"), ("italy", "rome"), ("russia", "moscow")]


@pytest.fixture
def wv():
    vectors = KeyedVectors(vector_size=3)
    vectors.add_vectors(WORDS, np.random.default_rng(0).normal(size=(len(WORDS), 3)).astype(np.float32))
    return vectors


def test_relation_pairs_right(wv):
    feedback = check_relation_pairs(wv, CAPITALS)
    assert feedback and "4 pairs" in repr(feedback) and repr(feedback).startswith("[ok]")


def test_relation_pairs_accepts_lists_inside(wv):
    assert check_relation_pairs(wv, [list(pair) for pair in CAPITALS])


def test_relation_pairs_too_few(wv):
    feedback = check_relation_pairs(wv, CAPITALS[:2])
    assert not feedback and "you have 2 different pair(s)" in feedback.message and "at least 4" in feedback.message


def test_relation_pairs_repeats_count_once(wv):
    feedback = check_relation_pairs(wv, CAPITALS[:3] + [CAPITALS[0]])
    assert not feedback and "you have 3 different" in feedback.message


def test_relation_pairs_unknown_word_suggests(wv):
    feedback = check_relation_pairs(wv, CAPITALS[:3] + [("greece", "athen")])
    assert not feedback and "'athen' is not in the vocabulary" in feedback.message and "athens" in feedback.message


def test_relation_pairs_capitalised_word(wv):
    feedback = check_relation_pairs(wv, CAPITALS[:3] + [("Greece", "athens")])
    assert not feedback and "'Greece'" in feedback.message and "lowercase" in feedback.message


@pytest.mark.parametrize("pairs", ["france paris", {"france": "paris"}, 42])
def test_relation_pairs_not_a_list(wv, pairs):
    feedback = check_relation_pairs(wv, pairs)
    assert not feedback and "list of (start, end) tuples" in feedback.message


@pytest.mark.parametrize("bad", ["france", ("france",), ("france", "paris", "rome")])
def test_relation_pairs_not_a_pair(wv, bad):
    feedback = check_relation_pairs(wv, CAPITALS + [bad])
    assert not feedback and "is not a pair" in feedback.message


def test_relation_pairs_same_word_twice(wv):
    feedback = check_relation_pairs(wv, CAPITALS + [("rome", "rome")])
    assert not feedback and "from a word to itself" in feedback.message


def test_perplexity_right():
    feedback = check_perplexity(5, 21)
    assert feedback and "valid for 21 points" in feedback.message and "6.7" in feedback.message


def test_perplexity_too_high_says_the_limit():
    feedback = check_perplexity(30, 21)
    assert not feedback and "too high for 21 points" in feedback.message and "6.7" in feedback.message


def test_perplexity_just_at_the_limit_is_too_high():
    assert not check_perplexity(20 / 3, 21)
    assert check_perplexity(6.6, 21)


def test_perplexity_valid_but_unstable_gets_a_warning():
    feedback = check_perplexity(2, 21)
    assert feedback and "unstable" in feedback.message


@pytest.mark.parametrize("value", [0, -3])
def test_perplexity_not_above_zero(value):
    feedback = check_perplexity(value, 21)
    assert not feedback and "not above 0" in feedback.message


@pytest.mark.parametrize("value", ["5", None, True])
def test_perplexity_not_a_number(value):
    feedback = check_perplexity(value, 21)
    assert not feedback and "should be a number" in feedback.message


def test_perplexity_too_few_points():
    feedback = check_perplexity(1, 3)
    assert not feedback and "too few for t-SNE" in feedback.message
