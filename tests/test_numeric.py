"""helpers.numeric: whole-number checks, rounding for print, and Spearman's rank correlation."""

import numpy as np
import pytest
from scipy.stats import spearmanr

from helpers import CourseError
from helpers.numeric import rank_correlation, rank_correlations, round_significant

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
