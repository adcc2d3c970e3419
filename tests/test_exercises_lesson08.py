"""Checks for the exercises of lesson 08 · Inside Word2Vec."""

import numpy as np
import pytest

from helpers.exercises.lesson08 import check_gradients, check_noise_distribution


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def right_loss_and_grads(v, U):
    scores = U @ v
    labels = np.zeros(len(U))
    labels[0] = 1
    loss = -np.log(sigmoid(scores[0])) - np.sum(np.log(sigmoid(-scores[1:])))
    g = sigmoid(scores) - labels
    return loss, U.T @ g, np.outer(g, v)


# check_gradients -------------------------------------------------------------------------------


def test_check_gradients_accepts_the_formulas():
    feedback = check_gradients(right_loss_and_grads)
    assert feedback.ok and repr(feedback).startswith("[ok]")


def test_check_gradients_names_the_missing_negatives():
    def context_only(v, U):
        loss, _, grad_U = right_loss_and_grads(v, U)
        return loss, (sigmoid(U[0] @ v) - 1) * U[0], grad_U

    feedback = check_gradients(context_only)
    assert not feedback.ok and "only has the context word's term" in feedback.message
    assert repr(feedback).startswith("[not yet]")


def test_check_gradients_names_a_flipped_sign():
    def flipped(v, U):
        loss, grad_v, grad_U = right_loss_and_grads(v, U)
        return loss, -grad_v, grad_U

    assert "wrong sign" in check_gradients(flipped).message


def test_check_gradients_names_a_wrong_output_gradient():
    def wrong_U(v, U):
        loss, grad_v, grad_U = right_loss_and_grads(v, U)
        return loss, grad_v, -grad_U

    assert "grad_U is not right" in check_gradients(wrong_U).message


def test_check_gradients_names_a_wrong_loss():
    def wrong_loss(v, U):
        loss, grad_v, grad_U = right_loss_and_grads(v, U)
        return loss + 1, grad_v, grad_U

    assert "loss is not right" in check_gradients(wrong_loss).message


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda v, U: (1.0, v), "three things"),
        (lambda v, U: (1.0, v[:2], U), "shape"),
        (lambda v, U: ("x", v, U), "number"),
        (lambda v, U: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_check_gradients_explains_broken_functions(answer, words):
    feedback = check_gradients(answer)
    assert not feedback.ok and words in feedback.message


@pytest.mark.parametrize("bad", [None, 3, "sgns_loss_and_grads"])
def test_check_gradients_wants_a_function(bad):
    feedback = check_gradients(bad)
    assert not feedback.ok and "function itself" in feedback.message


# check_noise_distribution ----------------------------------------------------------------------


def test_check_noise_distribution_accepts_the_power_law():
    feedback = check_noise_distribution(lambda counts, power: counts**power / np.sum(counts**power))
    assert feedback.ok and repr(feedback).startswith("[ok]")


def test_check_noise_distribution_wants_probabilities_that_add_up():
    feedback = check_noise_distribution(lambda counts, power: counts**power)
    assert not feedback.ok and "add up to" in feedback.message and "divide by their sum" in feedback.message


def test_check_noise_distribution_shows_the_expected_values():
    feedback = check_noise_distribution(lambda counts, power: np.ones(len(counts)) / len(counts))
    assert not feedback.ok and "[0.823, 0.146, 0.026, 0.005]" in feedback.message


def test_check_noise_distribution_catches_a_fixed_power():
    feedback = check_noise_distribution(lambda counts, power: counts**0.75 / np.sum(counts**0.75))
    assert not feedback.ok and "power=1.0" in feedback.message


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda counts, power: np.array([1.0]), "one probability per word"),
        (lambda counts, power: counts[5], "IndexError"),
    ],
)
def test_check_noise_distribution_explains_broken_functions(answer, words):
    feedback = check_noise_distribution(answer)
    assert not feedback.ok and words in feedback.message


def test_check_noise_distribution_wants_a_function():
    assert "function itself" in check_noise_distribution([0.5, 0.5]).message
