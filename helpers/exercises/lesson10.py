"""Checks for lesson 10 · Translating words between languages."""

import numpy as np

from helpers.exercises import not_yet, right
from helpers.numeric import is_whole_number


def check_reverse_map(W_back, W_forward):
    """Is ``W_back`` the Spanish → English Procrustes map, i.e. the transpose (= inverse) of the
    English → Spanish rotation ``W_forward``? Both are d × d arrays.
    """
    if W_back is None:
        return not_yet("W_back is still None: fit procrustes with the Spanish rows first, procrustes(Y200, X200).")
    try:
        back = np.asarray(W_back, dtype=float)
        forward = np.asarray(W_forward, dtype=float)
    except (TypeError, ValueError):
        return not_yet(f"W_back should be a matrix (a NumPy array), got {type(W_back).__name__}.")
    if back.shape != forward.shape:
        return not_yet(
            f"W_back has shape {back.shape}, but the map is {forward.shape}: map whole vectors, procrustes(Y200, X200)."
        )
    if not np.allclose(back.T @ back, np.eye(len(back)), atol=1e-3):
        return not_yet(
            "W_back is not orthogonal (W_back.T @ W_back is not the identity): use procrustes, not least squares."
        )
    if np.allclose(back, forward, atol=1e-3):
        return not_yet("W_back equals W_pro: that is the English → Spanish map again. Swap X200 and Y200.")
    if not np.allclose(back, forward.T, atol=1e-3):
        return not_yet(
            "W_back is a rotation, but not the reverse of W_pro: fit it on the same 200 pairs, procrustes(Y200, X200)."
        )
    return right(
        "W_back equals W_pro.T: a rotation is undone by its transpose, so one fit serves both directions "
        "(least squares has no such symmetry)."
    )


def check_breaking_point(n_pairs, dims=64):
    """Is ``n_pairs`` near the number of seed pairs where least squares is worst: as many pairs as
    ``dims`` (within 15 %)?
    """
    if not is_whole_number(n_pairs, minimum=1):
        return not_yet(f"n_pairs should be a positive whole number of seed pairs, got {n_pairs!r}.")
    if abs(n_pairs - dims) <= 0.15 * dims:
        return right(
            f"{n_pairs} pairs is at the collapse: with {dims} dimensions, {dims} pairs fit least squares "
            "exactly, noise and all. With 100 dimensions the collapse moves to about 100 pairs."
        )
    side = "more" if n_pairs < dims else "fewer"
    return not_yet(
        f"With {n_pairs} pairs least squares is not at its worst: try {side} pairs, and compare the "
        f"number with the model's {dims} dimensions."
    )
