"""Checks for lesson 10 · Translating words between languages."""

import numpy as np

from helpers.exercises import not_yet, right
from helpers.numeric import is_whole_number


def check_reverse_map(W_back, W_forward):
    """Is ``W_back`` the Spanish → English Procrustes map, i.e. the transpose (= inverse) of the
    English → Spanish rotation ``W_forward``? Both are d × d arrays. The messages describe the fit
    without writing the call. The check cannot tell a fitted map from ``W_forward.T`` typed in, so the
    lesson's task asks the learner to fit, not to transpose.
    """
    if W_back is None:
        return not_yet(
            "W_back is still None: fit a Procrustes map in the other direction, Spanish rows onto English "
            "rows, on the same 200 pairs."
        )
    try:
        back = np.asarray(W_back, dtype=float)
        forward = np.asarray(W_forward, dtype=float)
    except (TypeError, ValueError):
        return not_yet(f"W_back should be a matrix (a NumPy array), got {type(W_back).__name__}.")
    if back.shape != forward.shape:
        return not_yet(
            f"W_back has shape {back.shape}, but the map is {forward.shape}: map whole vectors, one row per pair."
        )
    if not np.allclose(back.T @ back, np.eye(len(back)), atol=1e-3):
        return not_yet(
            "W_back is not orthogonal (W_back.T @ W_back is not the identity): use procrustes, not least squares."
        )
    if np.allclose(back, forward, atol=1e-3):
        return not_yet("W_back equals W_pro: that is the English → Spanish map again. Swap X200 and Y200.")
    if not np.allclose(back, forward.T, atol=1e-3):
        return not_yet(
            "W_back is a rotation, but not the reverse of W_pro: fit it on the same 200 pairs (X200 and Y200)."
        )
    return right(
        "W_back equals W_pro.T: a rotation is undone by its transpose, so one fit serves both directions "
        "(least squares has no such symmetry)."
    )


def check_breaking_point(n_worst, scores, dims):
    """Is ``n_worst`` the number of seed pairs where least squares does worst in the learner's own
    measurements ``scores`` (a dict: number of pairs -> mean cosine), measured on both sides of it, and is
    it close to the number of dimensions ``dims`` (within 25 %)?
    """
    if not isinstance(scores, dict) or not scores:
        return not_yet(
            "my_scores is empty: fill it with your measurements, my_scores[n] = least_squares_cosine(n, dims=32), "
            "for at least five numbers of seed pairs n."
        )
    sizes = list(scores)
    if not all(is_whole_number(n, minimum=1) for n in sizes):
        return not_yet(f"The keys of my_scores must be numbers of seed pairs (whole numbers, 1 or more): {sizes}.")
    try:
        values = {int(n): float(value) for n, value in scores.items()}
    except (TypeError, ValueError):
        return not_yet("The values of my_scores must be the numbers least_squares_cosine(n, dims=32) returns.")
    if len(values) < 5:
        return not_yet(
            f"You measured {len(values)} size(s): measure at least five, from a handful of pairs to a few hundred."
        )
    if n_worst is None:
        return not_yet("n_worst is still None: set it to the size where your measured cosine is lowest.")
    if not is_whole_number(n_worst, minimum=1):
        return not_yet(f"n_worst should be a number of seed pairs (a whole number, 1 or more), got {n_worst!r}.")
    lowest = min(values, key=values.get)
    if int(n_worst) != lowest:
        return not_yet(
            f"In your own measurements the lowest cosine is at {lowest} pairs, not {n_worst}: "
            "n_worst should be the size your numbers point to."
        )
    if lowest in (min(values), max(values)):
        side = "fewer" if lowest == min(values) else "more"
        return not_yet(
            f"Your lowest value is at {lowest}, the edge of what you tried: measure with {side} pairs too, "
            "to see whether it gets worse still."
        )
    if abs(lowest - dims) <= 0.25 * dims:
        return right(
            f"In your measurements least squares is worst at {lowest} pairs, next to the {dims} dimensions: "
            f"with as many pairs as dimensions it fits the seed pairs exactly, noise and all. The collapse "
            "follows the dimensions."
        )
    return not_yet(
        f"Your lowest value is at {lowest} pairs. Measure more sizes close around it (a few pairs apart), "
        "then compare where the lowest is with the number of dimensions."
    )
