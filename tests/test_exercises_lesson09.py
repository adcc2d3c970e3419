"""Checks for the exercises of lesson 09 · Directions of meaning."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers.exercises.lesson09 import check_gendered_analogy, check_own_axis

# A tiny space: axis 0 is "formal" (+) against "informal" (−), axis 1 is "she" (+) against "he" (−).
WORDS = {
    "therefore": [1, 0, 0.1, 0],
    "purchase": [1, 0, -0.1, 0],
    "residence": [1, 0, 0, 0.1],
    "obtain": [0.9, 0, 0.2, 0],
    "inquire": [0.9, 0, 0, 0.2],
    "regarding": [0.8, 0, -0.2, 0],
    "gonna": [-1, 0, 0.1, 0],
    "kids": [-1, 0, -0.1, 0],
    "stuff": [-1, 0, 0, 0.1],
    "wanna": [-0.9, 0, 0.2, 0],
    "cool": [-0.9, 0, 0, 0.2],
    "yeah": [-0.8, 0, -0.2, 0],
    "purchases": [1, 0, -0.1, 0.05],
    "he": [0, -1, 0, 0.3],
    "she": [0, 1, 0, 0.3],
    "actress": [0, 1, 0.5, 0],
    "actor": [0, -1, 0.5, 0],
    "carpenter": [0, -0.5, 0, -1],
    "homemaker": [0, 0.6, 0, -1],
    "welder": [0, -0.6, 0.1, -1],
    "carpenters": [0, -0.45, 0.05, -1],
}


@pytest.fixture(scope="module")
def kv():
    vectors = KeyedVectors(4)
    vectors.add_vectors(list(WORDS), np.array(list(WORDS.values()), dtype=np.float32))
    return vectors


FORMAL, INFORMAL = ["therefore", "purchase", "residence"], ["gonna", "kids", "stuff"]
TEST_FORMAL, TEST_INFORMAL = ["obtain", "inquire", "regarding"], ["wanna", "cool", "yeah"]


@pytest.fixture(scope="module")
def wide():
    """100 numbers per word: the first is +3 (formal) or −3 (informal), the rest random noise, so that
    random directions do not separate the two sides."""
    rng = np.random.default_rng(0)
    formal = FORMAL + TEST_FORMAL + ["furthermore", "sufficient"]
    informal = INFORMAL + TEST_INFORMAL + ["dude", "okay"]
    vectors = rng.standard_normal((len(formal) + len(informal), 100))
    vectors[:, 0] = [3] * len(formal) + [-3] * len(informal)
    space = KeyedVectors(100)
    space.add_vectors(formal + informal, vectors.astype(np.float32))
    return space


def test_own_axis_right(wide):
    feedback = check_own_axis(
        wide, FORMAL, INFORMAL, TEST_FORMAL + ["furthermore", "sufficient"], TEST_INFORMAL + ["dude", "okay"]
    )
    assert feedback.ok and "of your 10 test words land on their own side" in feedback.message, feedback


def test_own_axis_no_better_than_chance(wide):
    feedback = check_own_axis(wide, FORMAL, INFORMAL, TEST_INFORMAL, TEST_FORMAL)  # test sides swapped
    assert not feedback.ok and "no better than chance" in feedback.message


@pytest.mark.parametrize(
    "pole_a, message",
    [
        (["therefore"], "give at least 3"),
        ("therefore", "should be a list"),
        (None, "should be a list"),
        (["therefore", "", "purchase"], "non-empty string"),
        (["therefore", "purchase", 3], "non-empty string"),
        (["therefore", "purchase", "Residence"], "No vector for 'Residence'"),
        (["therefore", "purchase", "obtain"], "both a seed and a test word"),
        (["therefore", "purchases", "residence"], None),
        (["therefore", "purchase", "gonna"], "in both poles"),
    ],
)
def test_own_axis_bad_input(kv, pole_a, message):
    test_a = TEST_FORMAL if pole_a != ["therefore", "purchases", "residence"] else ["purchase", "obtain", "inquire"]
    feedback = check_own_axis(kv, pole_a, INFORMAL, test_a, TEST_INFORMAL)
    assert not feedback.ok
    assert (message or "share a stem with a seed (purchase ~ purchases)") in feedback.message


@pytest.fixture(scope="module")
def she_direction():
    return np.array([0, 1, 0, 0], dtype=float)


def test_gendered_analogy_right(kv, she_direction):
    feedback = check_gendered_analogy(kv, she_direction, {"he", "she", "actor", "actress"}, "he", "she", "carpenter")
    assert feedback.ok and "carpenter : homemaker" in feedback.message


def test_gendered_analogy_not_yet(kv, she_direction):
    gendered = {"he", "she", "actor", "actress"}
    feedback = check_gendered_analogy(kv, she_direction, gendered, "he", "she", "actor")
    assert not feedback.ok and "gendered by definition" in feedback.message
    feedback = check_gendered_analogy(kv, she_direction, gendered | {"homemaker"}, "he", "she", "carpenter")
    assert not feedback.ok and "grammar, not bias" in feedback.message
    for bad in ["", None, "Carpenter"]:
        feedback = check_gendered_analogy(kv, she_direction, gendered, "he", "she", bad)
        assert not feedback.ok and ("non-empty string" in feedback.message or "No vector" in feedback.message)


def test_gendered_analogy_refuses_another_form_of_the_word(kv, she_direction):
    vectors = KeyedVectors(4)  # the only possible answer is the plural
    words = {word: WORDS[word] for word in ["he", "she", "carpenter", "carpenters"]}
    vectors.add_vectors(list(words), np.array(list(words.values()), dtype=np.float32))
    feedback = check_gendered_analogy(vectors, she_direction, {"he", "she"}, "he", "she", "carpenter")
    assert not feedback.ok and "another form of 'carpenter'" in feedback.message
