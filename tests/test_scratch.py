"""helpers.lessons.scratch: the plumbing of lesson 08 (vectors trained without gensim, enough pairs, speed)."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers import CourseError
from helpers.lessons.scratch import check_enough_pairs, keyed_vectors, pairs_per_second

# keyed_vectors -------------------------------------------------------------------------------


def test_keyed_vectors_keeps_words_and_rows():
    wv = keyed_vectors(["cat", "dog", "fish"], np.arange(6).reshape(3, 2))
    assert isinstance(wv, KeyedVectors) and wv.index_to_key == ["cat", "dog", "fish"]
    assert wv.vectors.dtype == np.float32 and wv["dog"].tolist() == [2.0, 3.0]


@pytest.mark.parametrize(
    "words, vectors, message",
    [
        ([], np.zeros((0, 3)), "no words"),
        (["a"], np.zeros((1, 0)), "no words"),
        (["a", "b"], np.zeros((3, 2)), "2 words but 3 vectors"),
        (["a", "a"], np.zeros((2, 2)), "appears twice"),
        (["a", " "], np.zeros((2, 2)), "non-empty string"),
        (["a", 3], np.zeros((2, 2)), "non-empty string"),
        ("ab", np.zeros((2, 2)), "not one string"),
        (["a", "b"], np.zeros(2), "2-D array"),
        (["a", "b"], [["x", "y"], ["z", "w"]], "array of numbers"),
        (["a", "b"], np.array([[0.0, np.nan], [1.0, 2.0]]), "diverged"),
        (["a", "b"], np.array([[0.0, np.inf], [1.0, 2.0]]), "Lower the learning rate"),
    ],
)
def test_keyed_vectors_explains_bad_input(words, vectors, message):
    with pytest.raises(CourseError, match=message):
        keyed_vectors(words, vectors)


# check_enough_pairs and pairs_per_second --------------------------------------------------------


def test_check_enough_pairs():
    assert check_enough_pairs(20) == 20 and check_enough_pairs(np.int64(5), minimum=5) == 5
    with pytest.raises(CourseError, match="only 0 training pairs.*Add more sentences"):
        check_enough_pairs(0)
    for bad in (-1, 2.5, "10", None, True):
        with pytest.raises(CourseError, match="n_pairs"):
            check_enough_pairs(bad)


def test_pairs_per_second():
    assert pairs_per_second(4_000_000, 8.0) == 500_000.0
    assert pairs_per_second(1_234_567, 1.0) == 1_200_000.0
    assert pairs_per_second(0, 1.0) == 0.0
    for pairs, seconds in ((-1, 1.0), ("5", 1.0), (5, 0), (5, -1.0), (5, float("inf")), (5, None), (True, 1.0)):
        with pytest.raises(CourseError):
            pairs_per_second(pairs, seconds)
