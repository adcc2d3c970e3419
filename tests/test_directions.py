"""helpers.lessons.directions: stem-group splits, coverage, controls and cross-validation, with bad input."""

import numpy as np
import pytest
from gensim.models import KeyedVectors
from sklearn.linear_model import LogisticRegression

from helpers import CourseError
from helpers.lessons import directions

WORDS = [
    "happy",
    "happily",
    "happiness",
    "sad",
    "sadness",
    "good",
    "goodness",
    "bad",
    "terrible",
    "awful",
    "lovely",
    "love",
    "loved",
    "hate",
    "hated",
    "nice",
    "great",
    "poor",
]


@pytest.fixture(scope="module")
def kv():
    vectors = KeyedVectors(4)
    rng = np.random.default_rng(0)
    vectors.add_vectors(["good", "bad", "nice", "poor", "cat"], rng.standard_normal((5, 4)).astype(np.float32))
    return vectors


def test_stem_groups_word_families():
    assert directions.stem("Happiness") == directions.stem("happy") == "happi"
    for bad in ["", "  ", None, 3]:
        with pytest.raises(CourseError, match="non-empty string"):
            directions.stem(bad)


def test_split_by_stem_keeps_families_together():
    train, test = directions.split_by_stem(WORDS, test_share=0.5, keep_in_train=["good"], seed=1)
    assert sorted(train + test) == sorted(WORDS) and train and test
    assert not {directions.stem(w) for w in train} & {directions.stem(w) for w in test}
    assert "good" in train and "goodness" in train
    assert [w for w in WORDS if w in train] == train  # order kept
    assert directions.split_by_stem(WORDS, seed=1) == directions.split_by_stem(WORDS, seed=1)


@pytest.mark.parametrize("share", [0, 1, 1.5, -0.1, "half", True])
def test_split_by_stem_refuses_bad_shares(share):
    with pytest.raises(CourseError, match="test_share"):
        directions.split_by_stem(WORDS, test_share=share)


def test_split_by_stem_refuses_bad_words():
    with pytest.raises(CourseError, match="not one string"):
        directions.split_by_stem("happy sad")
    with pytest.raises(CourseError, match="no words"):
        directions.split_by_stem([])
    with pytest.raises(CourseError, match="non-empty string"):
        directions.split_by_stem(["happy", " "])
    with pytest.raises(CourseError, match="stem group"):
        directions.split_by_stem(["happy", "happiness"])  # one family only
    with pytest.raises(CourseError, match="stem group"):
        directions.split_by_stem(["happy", "sad"], keep_in_train=["sad"])
    with pytest.raises(CourseError, match="list of words"):
        directions.split_by_stem(WORDS, keep_in_train="good")


def test_covered_and_check_covered(kv):
    assert directions.covered(kv, ["good", "dog", "cat", "Good"]) == (["good", "cat"], 0.5)
    assert directions.check_covered(kv, ["dog", "nice"]) == ["nice"]
    with pytest.raises(CourseError, match="Only 0 of your words .*add English text"):
        directions.check_covered(kv, ["katze", "hund"])
    with pytest.raises(CourseError, match="at least 2 needed"):
        directions.check_covered(kv, ["good", "hund"], minimum=2)
    with pytest.raises(CourseError, match=r"no words to look up \(your words\): add"):
        directions.check_covered(kv, [])
    with pytest.raises(CourseError, match="not one string"):
        directions.covered(kv, "good")


def test_random_direction_control_is_low_for_noise_and_repeatable():
    rng = np.random.default_rng(0)
    vectors, targets = rng.standard_normal((300, 20)), rng.standard_normal(300)
    control = directions.random_direction_control(vectors, targets, n=50)
    assert 0 < control < 0.25
    assert control == directions.random_direction_control(vectors, targets, n=50)
    with pytest.raises(CourseError, match="one vector per target"):
        directions.random_direction_control(vectors, targets[:10])
    with pytest.raises(CourseError, match="all zeros"):
        directions.random_direction_control(np.zeros((5, 3)), np.arange(5))
    with pytest.raises(CourseError, match="positive whole number"):
        directions.random_direction_control(vectors, targets, n=0)


def test_shuffled_control():
    scores = np.arange(100.0)
    control = directions.shuffled_control(scores, scores, n=100)
    assert 0 < control < 0.3
    with pytest.raises(CourseError, match="one value per word each"):
        directions.shuffled_control(scores, scores[:5])


def test_standard_error():
    assert directions.standard_error(0.5, 200) == pytest.approx(0.0354, abs=1e-4)
    with pytest.raises(CourseError, match="between 0 and 1"):
        directions.standard_error(65, 200)
    with pytest.raises(CourseError, match="positive whole number"):
        directions.standard_error(0.5, 0)


def test_cross_validated_accuracy():
    rng = np.random.default_rng(0)
    labels = np.array([0, 1] * 50)
    separable = labels[:, None] + 0.1 * rng.standard_normal((100, 2))
    accuracy, error = directions.cross_validated_accuracy(LogisticRegression(), separable, labels)
    assert accuracy == 1.0 and error == 0.0
    accuracy, error = directions.cross_validated_accuracy(LogisticRegression(), rng.standard_normal((100, 2)), labels)
    assert 0.3 < accuracy < 0.7 and error == pytest.approx(0.05, abs=0.002)
    with pytest.raises(CourseError, match="one label per row"):
        directions.cross_validated_accuracy(LogisticRegression(), separable, labels[:50])
    with pytest.raises(CourseError, match="two classes"):
        directions.cross_validated_accuracy(LogisticRegression(), separable, np.zeros(100))
    with pytest.raises(CourseError, match="folds must be"):
        directions.cross_validated_accuracy(LogisticRegression(), separable, labels, folds=1)
    with pytest.raises(CourseError, match="folds must be"):
        directions.cross_validated_accuracy(LogisticRegression(), separable[:6], labels[:6], folds=5)
