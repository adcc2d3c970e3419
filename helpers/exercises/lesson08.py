"""Checks for lesson 08 · Inside Word2Vec."""

import numpy as np

from helpers.exercises import not_yet, right


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _reference(v, U):
    """The skip-gram negative-sampling loss and its gradients (row 0 of ``U``: the true context)."""
    scores = U @ v
    labels = np.zeros(len(U))
    labels[0] = 1
    loss = -np.log(_sigmoid(scores[0])) - np.sum(np.log(_sigmoid(-scores[1:])))
    g = _sigmoid(scores) - labels
    return loss, U.T @ g, np.outer(g, v)


def check_gradients(loss_and_grads):
    """Does ``loss_and_grads(v, U)`` return the SGNS loss and its gradients ``(loss, grad_v, grad_U)``?

    ``v`` is the centre word's input vector (d numbers), ``U`` the output vectors of the true context
    (row 0) and of k negatives ((k+1) × d). Tried on a few random vectors; the hint names the first
    part that is wrong.
    """
    if not callable(loss_and_grads):
        return not_yet(f"Pass the function itself (without brackets), got {type(loss_and_grads).__name__}.")
    rng = np.random.default_rng(8)
    for _ in range(3):
        v, U = rng.normal(size=4), rng.normal(size=(4, 4))
        loss, grad_v, grad_U = _reference(v, U)
        try:
            answer = loss_and_grads(v.copy(), U.copy())
        except Exception as error:  # noqa: BLE001 - any mistake in the learner's code becomes a hint
            return not_yet(
                f"Calling it raised {type(error).__name__}: {error}. It should take (v, U) and "
                "return (loss, grad_v, grad_U)."
            )
        if not isinstance(answer, tuple) or len(answer) != 3:
            return not_yet("It should return three things: (loss, grad_v, grad_U).")
        try:
            their_loss = float(answer[0])
            their_v = np.asarray(answer[1], dtype=float)
            their_U = np.asarray(answer[2], dtype=float)
        except (TypeError, ValueError):
            return not_yet("loss must be a number and grad_v, grad_U arrays of numbers.")
        if their_v.shape != v.shape or their_U.shape != U.shape:
            return not_yet(
                f"grad_v must have the shape of v {v.shape} and grad_U the shape of U {U.shape}; "
                f"got {their_v.shape} and {their_U.shape}."
            )
        if not np.isclose(their_loss, loss, rtol=1e-6):
            return not_yet(
                "The loss is not right: -log σ(u_o·v) for the context, minus log σ(-u_n·v) summed over the negatives."
            )
        if not np.allclose(their_U, grad_U, rtol=1e-6, atol=1e-9):
            return not_yet(
                "grad_U is not right: its row j is (σ(s_j) - y_j) · v, with y = 1 for the context "
                "(row 0) and 0 for the negatives."
            )
        if not np.allclose(their_v, grad_v, rtol=1e-6, atol=1e-9):
            context_only = (_sigmoid(U[0] @ v) - 1) * U[0]
            if np.allclose(their_v, context_only):
                return not_yet("grad_v only has the context word's term: each negative adds σ(s_n) · u_n too.")
            if np.allclose(their_v, -grad_v):
                return not_yet("grad_v has the wrong sign: it is Σ_j (σ(s_j) - y_j) · u_j.")
            return not_yet("grad_v is not right: it is Σ_j (σ(s_j) - y_j) · u_j over the context and the negatives.")
    return right("The loss and both gradients match the formulas: the gradient check passes.")


def check_noise_distribution(noise_distribution):
    """Does ``noise_distribution(counts, power)`` return P(w) ∝ count(w) ** power, summing to 1?"""
    if not callable(noise_distribution):
        return not_yet(f"Pass the function itself (without brackets), got {type(noise_distribution).__name__}.")
    counts = np.array([1000, 100, 10, 1])
    for power in (0.75, 1.0, 0.0, 0.5):
        expected = counts**power / np.sum(counts**power)
        try:
            answer = np.asarray(noise_distribution(counts.copy(), power), dtype=float)
        except Exception as error:  # noqa: BLE001 - any mistake in the learner's code becomes a hint
            return not_yet(f"noise_distribution(counts, {power}) raised {type(error).__name__}: {error}.")
        if answer.shape != counts.shape:
            return not_yet(
                f"It should return one probability per word ({len(counts)} numbers), got shape {answer.shape}."
            )
        if not np.isclose(answer.sum(), 1.0):
            return not_yet(f"The probabilities add up to {answer.sum():.3g}, not 1: divide by their sum.")
        if not np.allclose(answer, expected):
            return not_yet(
                f"With power={power}, counts {counts.tolist()} should give "
                f"{np.round(expected, 3).tolist()}, got {np.round(answer, 3).tolist()}: raise the "
                "counts to the power, then divide by the sum."
            )
    return right("noise_distribution raises the counts to the power and normalises them.")
