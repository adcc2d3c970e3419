"""Plain numbers: checking what a learner passed (a whole number, a flat list of numbers) and rounding
what a lesson prints.

Neutral ground: every other helpers module may use these; this module uses only ``helpers.errors``.
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
