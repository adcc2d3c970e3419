"""helpers.vocab: look-ups that explain a missing word."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers import CourseError, vocab
from helpers.vocab import neighbours_side_by_side


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


def kv(words, vectors):
    """KeyedVectors holding ``vectors`` (one row per word) for ``words``."""
    wv = KeyedVectors(vector_size=len(vectors[0]))
    wv.add_vectors(words, np.asarray(vectors, dtype=np.float32))
    return wv


# neighbours_side_by_side -----------------------------------------------------------------------


def test_neighbours_side_by_side():
    a = kv(["cat", "dog", "car"], [[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    b = kv(["cat", "car", "bus"], [[1.0, 0.0], [0.0, 1.0], [0.1, 0.9]])
    text = neighbours_side_by_side({"A": a, "B": b}, ["cat", "dog"], topn=1)
    lines = text.splitlines()
    assert lines[0].split() == ["word", "A", "B"]
    assert lines[1].split() == ["cat", "dog", "bus"]
    assert "(no vector)" in lines[2]
    assert neighbours_side_by_side({"A": a}, "car", topn=2).splitlines()[1].split(maxsplit=1) == ["car", "dog, cat"]


@pytest.mark.parametrize(
    "models, words, topn, message",
    [
        ({}, ["cat"], 3, "dict"),
        ("wv", ["cat"], 3, "dict"),
        (None, [], 3, "dict"),
    ],
)
def test_neighbours_side_by_side_wants_models(models, words, topn, message):
    with pytest.raises(CourseError, match=message):
        neighbours_side_by_side(models, words, topn)


def test_neighbours_side_by_side_explains_bad_words_and_topn():
    a = kv(["cat", "dog"], [[1.0, 0.0], [0.9, 0.1]])
    with pytest.raises(CourseError, match="at least one word"):
        neighbours_side_by_side({"A": a}, [])
    with pytest.raises(CourseError, match="None of the models knows"):
        neighbours_side_by_side({"A": a}, ["unicorn"])
    for bad in (0, -1, 2.5, True, "3"):
        with pytest.raises(CourseError, match="topn"):
            neighbours_side_by_side({"A": a}, ["cat"], topn=bad)
    one = kv(["alone"], [[1.0, 0.0]])
    with pytest.raises(CourseError, match="None of the models knows"):
        neighbours_side_by_side({"A": one}, ["alone"])
