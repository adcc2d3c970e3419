"""Plain numbers: checking what a learner passed (a whole number, a flat list of numbers), rounding
what a lesson prints, and Spearman's rank correlation (lessons 04, 06, 08, 09).

Neutral ground: every other helpers module may use these; this module uses only ``helpers.errors``.
scipy is imported inside ``rank_correlations`` only: importing it is slow.
"""

import numbers

import numpy as np

from helpers.errors import CourseError


def is_whole_number(value, minimum=None):
    """Return ``True`` if ``value`` is an integer (Python or NumPy, not ``True``/``False``) and, when
    ``minimum`` is given, at least ``minimum``. ``3.0`` and ``"3"`` are not whole numbers here:
    a learner who typed them meant something else, and the message that follows says so.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return False
    return minimum is None or value >= minimum


def round_significant(value, digits=2):
    """Round ``value`` to ``digits`` significant digits (1234567 -> 1200000.0): robust to print."""
    return float(f"{value:.{digits - 1}e}")


def as_numbers(values, name):
    """Return ``values`` as a 1-D float array (one number per word); ``name`` is how a message calls it.

    Raises ``CourseError`` if they are not numbers, or not a flat list of them.
    """
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise CourseError(f"{name} must be numbers (one per word), got {str(values)[:60]!r}.") from None
    if array.ndim != 1:
        raise CourseError(f"{name} must be a flat list of numbers (one per word), got shape {array.shape}.")
    return array


def rank_correlations(x, y):
    """Return Spearman's ρ of each row of ``x`` with the same row of ``y`` (2-D arrays of the same shape),
    ties given their average rank; ``nan`` for a row where one side has the same value everywhere.

    The one computation of Spearman's ρ in the course: ``rank_correlation`` is one row of it, and
    ``helpers.evaluation.paired_bootstrap`` uses thousands of rows at once.
    """
    from scipy.stats import rankdata

    x, y = rankdata(x, axis=1), rankdata(y, axis=1)
    x -= x.mean(axis=1, keepdims=True)
    y -= y.mean(axis=1, keepdims=True)
    with np.errstate(all="ignore"):
        return (x * y).sum(axis=1) / np.sqrt((x * x).sum(axis=1) * (y * y).sum(axis=1))


def rank_correlation(x, y):
    """Return the Spearman rank correlation of ``x`` and ``y`` (two sequences of numbers, same length).

    +1 means: the larger ``x``, the larger ``y``, always; 0 means no such order; -1 the reverse.
    Raises ``CourseError`` when it cannot be computed: fewer than 3 pairs, different lengths, or a
    side where every value is the same (for word counts: every word appears equally often).
    """
    x, y = as_numbers(x, "x"), as_numbers(y, "y")
    if len(x) != len(y):
        raise CourseError(f"x and y must have one value per word each, got {len(x)} and {len(y)} values.")
    if len(x) < 3:
        raise CourseError(f"A correlation needs at least 3 pairs of values, got {len(x)}: use more words.")
    for name, values in (("x", x), ("y", y)):
        if np.all(values == values[0]):
            raise CourseError(
                f"Every value of {name} is the same ({values[0]:g}), so nothing can be ranked against it: "
                "check the values (for word counts: every word appears equally often; add text so that "
                "some words repeat)."
            )
    return float(rank_correlations(x[None, :], y[None, :])[0])


def is_number(value):
    """Return ``True`` if ``value`` is a real number (Python or NumPy, int or float, not ``True``/``False``)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
