"""helpers.vocab: look-ups that explain a missing word."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers import CourseError, vocab


@pytest.fixture
def wv():
    words = ["programming", "program", "python", "language", "france", "spain"]
    kv = KeyedVectors(vector_size=3)
    vectors = np.array([[1, 0, 0], [0.9, 0.1, 0], [0.5, 0.5, 0], [0, 1, 0], [0, 0, 1], [0, 0.1, 0.9]], dtype=np.float32)
    kv.add_vectors(words, vectors)
    return kv


def test_check_word_returns_known_word(wv):
    assert vocab.check_word(wv, "python") == "python"


def test_check_word_unknown_word_suggests_close_words(wv):
    with pytest.raises(
        CourseError,
        match=r"'programing' is not in the vocabulary of 6 words\. "
        r"Close words that are: programming, program.*lower min_count",
    ):
        vocab.check_word(wv, "programing")


def test_check_word_unknown_word_without_close_words(wv):
    with pytest.raises(CourseError) as caught:
        vocab.check_word(wv, "zebra")
    assert "Close words" not in str(caught.value) and "min_count" in str(caught.value)


def test_check_word_explains_lowercasing(wv):
    with pytest.raises(CourseError, match="'France' is not in the vocabulary, but 'france' is"):
        vocab.check_word(wv, "France")


@pytest.mark.parametrize("bad", ["", "   ", None, 3])
def test_check_word_rejects_non_words(wv, bad):
    with pytest.raises(CourseError, match="Expected a word"):
        vocab.check_word(wv, bad)


def test_suggest(wv):
    assert vocab.suggest(wv, "Pythn") == ["python"]
    assert vocab.suggest(wv, "qqqq") == []


def test_neighbours_are_rounded_and_sorted(wv):
    result = vocab.neighbours(wv, "programming", topn=2)
    assert [word for word, _ in result] == ["program", "python"]
    assert result == [("program", 0.99), ("python", 0.71)]


def test_neighbours_unknown_word(wv):
    with pytest.raises(CourseError, match="not in the vocabulary"):
        vocab.neighbours(wv, "germany")


def test_neighbours_table_aligns_and_marks_missing_words(wv):
    table = vocab.neighbours_table(wv, ["france", "germany"], topn=1)
    assert table.splitlines() == [" france → spain", "germany → (not in the vocabulary)"]


def test_neighbours_table_needs_words(wv):
    with pytest.raises(CourseError, match="at least one word"):
        vocab.neighbours_table(wv, [])
