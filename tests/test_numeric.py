"""helpers.numeric: whole-number checks, rounding for print, and Spearman's rank correlation."""

import numpy as np
import pytest
from scipy.stats import spearmanr

from helpers import CourseError
from helpers.numeric import is_number, is_whole_number, rank_correlation, rank_correlations, round_significant

# --- rank_correlation ----------------------------------------------------------------------------------


def test_rank_correlation_of_ordered_and_reversed_values():
    assert rank_correlation([1, 2, 3, 4], [10, 20, 25, 100]) == pytest.approx(1.0)
    assert rank_correlation([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert isinstance(rank_correlation(np.arange(5), np.arange(5) ** 2), float)


def test_rank_correlation_explains_equal_counts():
    with pytest.raises(CourseError, match=r"Every value of x is the same \(1\).*every word appears equally often.*add"):
        rank_correlation([1, 1, 1, 1], [0.5, 1.0, 1.5, 2.0])
    with pytest.raises(CourseError, match=r"Every value of y is the same \(2\)"):
        rank_correlation([1, 2, 3], [2, 2, 2])


def test_rank_correlation_needs_three_pairs_of_equal_length():
    with pytest.raises(CourseError, match=r"at least 3 pairs of values, got 2"):
        rank_correlation([1, 2], [3, 4])
    with pytest.raises(CourseError, match=r"got 3 and 2 values"):
        rank_correlation([1, 2, 3], [3, 4])


def test_rank_correlation_rejects_words_instead_of_numbers():
    with pytest.raises(CourseError, match=r"x must be numbers"):
        rank_correlation(["cat", "dog", "cow"], [1, 2, 3])
    with pytest.raises(CourseError, match=r"flat list of numbers"):
        rank_correlation([[1, 2], [3, 4], [5, 6]], [1, 2, 3])


def test_rank_correlation_agrees_with_scipy_with_ties():
    rng = np.random.default_rng(0)
    x, y = rng.integers(0, 5, size=40), rng.normal(size=40)  # many ties in x
    assert rank_correlation(x, y) == pytest.approx(spearmanr(x, y).statistic, abs=1e-12)


def test_rank_correlations_row_by_row_and_nan_for_a_constant_row():
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(3, 10)), rng.normal(size=(3, 10))
    expected = [spearmanr(a, b).statistic for a, b in zip(x, y)]
    np.testing.assert_allclose(rank_correlations(x, y), expected, atol=1e-12)
    assert np.isnan(rank_correlations(np.ones((1, 5)), y[:1, :5])[0])


def test_round_significant():
    assert round_significant(1234567) == 1_200_000
    assert round_significant(1234567, 3) == 1_230_000
    assert round_significant(0.012345, 2) == 0.012


# --- is_whole_number and is_number: the one check every exercise and helper uses --------------------

WHOLE = [3, 0, -2, np.int64(3), np.int32(3), np.int8(-1), np.uint8(200), np.intp(5)]
NOT_WHOLE = [True, False, np.bool_(True), 3.0, np.float64(3.0), np.float32(3), "3", None, [3], 3 + 0j]


@pytest.mark.parametrize("value", WHOLE, ids=repr)
def test_is_whole_number_accepts_python_and_numpy_integers(value):
    assert is_whole_number(value)


@pytest.mark.parametrize("value", NOT_WHOLE, ids=repr)
def test_is_whole_number_refuses_bools_floats_and_text(value):
    assert not is_whole_number(value)


def test_is_whole_number_minimum():
    assert is_whole_number(np.int64(5), minimum=5) and not is_whole_number(np.int64(4), minimum=5)
    assert is_whole_number(0, minimum=0) and not is_whole_number(-1, minimum=0)


@pytest.mark.parametrize("value", [3, 2.5, np.float32(0.5), np.float64(-1.0), np.int64(7), float("inf")], ids=repr)
def test_is_number_accepts_python_and_numpy_numbers(value):
    assert is_number(value)


@pytest.mark.parametrize("value", [True, np.bool_(False), "2.5", None, 1j, [1.0]], ids=repr)
def test_is_number_refuses_bools_text_and_complex(value):
    assert not is_number(value)
