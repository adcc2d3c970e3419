"""Checks for the exercises of lesson 11 · From static to contextual."""

import numpy as np
import pytest

from helpers.exercises.lesson11 import check_attention, check_best_layer, check_sense_sentences


def softmax(scores, axis=-1):
    weights = np.exp(scores - scores.max(axis=axis, keepdims=True))
    return weights / weights.sum(axis=axis, keepdims=True)


# check_attention -------------------------------------------------------------------------------


def test_check_attention_accepts_the_formula():
    feedback = check_attention(lambda q, k, v: softmax(q @ k.T / np.sqrt(q.shape[1])) @ v)
    assert feedback.ok and repr(feedback).startswith("[ok]")


def test_check_attention_accepts_an_unstable_softmax_too():
    def attention(q, k, v):
        scores = q @ k.T / np.sqrt(k.shape[-1])
        return np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True) @ v

    assert check_attention(attention).ok


@pytest.mark.parametrize(
    "wrong, hint",
    [
        (lambda q, k, v: softmax(q @ k.T) @ v, "divide the scores by np.sqrt(d)"),
        (lambda q, k, v: softmax(q @ k.T / q.shape[1]) @ v, "square root of d"),
        (lambda q, k, v: softmax(q @ k.T / np.sqrt(q.shape[1]), axis=0) @ v, "along each row"),
        (lambda q, k, v: (q @ k.T / np.sqrt(q.shape[1])) @ v, "softmax to the scores"),
        (lambda q, k, v: softmax(q @ k.T / np.sqrt(q.shape[1])), "multiply them by v"),
        (lambda q, k, v: None, "returned None"),
        (lambda q, k, v: q[:2], "shape (5, 8)"),
        (lambda q, k, v: v * 2, "differs from softmax"),
        (lambda q, k, v: 1 / 0, "raised ZeroDivisionError"),
    ],
)
def test_check_attention_explains_slips(wrong, hint):
    feedback = check_attention(wrong)
    assert not feedback.ok and hint in feedback.message


def test_check_attention_needs_a_function():
    assert "should be a function" in check_attention(42).message


# check_sense_sentences -------------------------------------------------------------------------

GOOD = {
    "season": ["Flowers bloom in spring.", "Spring is warm.", "We plant seeds in spring."],
    "water": ["We drank from a spring.", "The spring feeds the lake.", "A hot spring bubbled."],
}


def test_check_sense_sentences_accepts_good_sets():
    feedback = check_sense_sentences("spring", GOOD)
    assert feedback.ok and "6 sentences in 2 senses of 'spring'" in feedback.message


@pytest.mark.parametrize(
    "word, senses, hint",
    [
        ("two words", GOOD, "one word"),
        ("", GOOD, "one word"),
        (None, GOOD, "one word"),
        ("spring", {"season": GOOD["season"]}, "at least 2 senses"),
        ("spring", ["a", "b"], "at least 2 senses"),
        ("spring", {**GOOD, "water": GOOD["water"][:2]}, "'water' has 2 sentence(s)"),
        ("spring", {**GOOD, "water": "We drank from a spring."}, "should be a list"),
        ("spring", {**GOOD, "water": ["Springs are wet.", *GOOD["water"]]}, "does not use the word 'spring'"),
        ("spring", {**GOOD, "water": [None, *GOOD["water"]]}, "does not use the word"),
    ],
)
def test_check_sense_sentences_explains(word, senses, hint):
    feedback = check_sense_sentences(word, senses)
    assert not feedback.ok and hint in feedback.message


# check_best_layer ------------------------------------------------------------------------------

ACCURACIES = [0.5, 0.7, 0.9, 0.9, 0.8, 0.8, 0.6]


def test_check_best_layer_accepts_a_best_layer():
    feedback = check_best_layer(2, ACCURACIES)
    assert feedback.ok and "tied with layer(s) 3" in feedback.message and "90%" in feedback.message
    assert check_best_layer(np.int64(3), ACCURACIES).ok
    assert "tied" not in check_best_layer(0, [1.0, 0.5]).message


@pytest.mark.parametrize(
    "bad, hint",
    [
        (6, "scores 60%"),
        (7, "no layer 7"),
        (-1, "no layer -1"),
        (2.0, "layer number"),
        (True, "layer number"),
        ("2", "layer number"),
    ],
)
def test_check_best_layer_explains(bad, hint):
    feedback = check_best_layer(bad, ACCURACIES)
    assert not feedback.ok and hint in feedback.message
