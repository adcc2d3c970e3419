"""Honest measurements of directions in a vector space: held-out splits, coverage, accuracy (lesson 09).

Lesson 09 writes the ideas itself (an axis is the mean of one pole's vectors minus the other's; a word's
score is its cosine with the axis; neutralising removes a direction; the random-direction and shuffled
controls). This module holds the plumbing that
keeps those measurements honest:

- ``split_by_stem``: held-out words, with all forms of a word (*happy*, *happiness*) on the same side;
- ``covered``: which words a model has a vector for, and the share;
- ``cross_validated_accuracy``: accuracy of a classifier with its standard error;
- ``check_covered``: a clear message when none of the learner's words has a vector.

``wv`` is a gensim ``KeyedVectors``; ``vectors`` is an ``n × d`` numpy array; ``scores`` are numbers.

gensim and scikit-learn are imported inside the functions that use them: importing them is slow.
"""

import math

import numpy as np

from helpers.errors import CourseError
from helpers.numeric import is_number, is_whole_number


def stem(word):
    """Return the Porter stem of ``word`` in lowercase (``happiness`` → ``happi``), as gensim computes it."""
    from gensim.parsing.porter import PorterStemmer

    if not isinstance(word, str) or not word.strip():
        raise CourseError(f"Expected a word (a non-empty string), got {word!r}.")
    return PorterStemmer().stem(word.strip().lower())


def split_by_stem(words, test_share=0.5, keep_in_train=(), seed=0):
    """Split ``words`` into ``(train, test)`` lists so that no stem group straddles the two.

    Words with the same Porter stem (*happy*, *happiness*) form one group, and a whole group goes to one
    side, so no test word shares a stem with a training word (Porter still separates some near-twins:
    *happily* → *happili*, *badly* → *badli*). Groups of the ``keep_in_train`` words
    (e.g. the seed words of an axis) always go to training. Groups are shuffled with ``seed``; about
    ``test_share`` of the groups go to the test set. Both lists keep the order of ``words``.
    """
    words = _check_words(words, "split_by_stem")
    if not is_number(test_share) or not 0 < test_share < 1:
        raise CourseError(
            f"test_share is the share of words held out, between 0 and 1 (such as 0.5), got {test_share!r}."
        )
    if isinstance(keep_in_train, str):
        raise CourseError("keep_in_train is a list of words, e.g. ['good', 'bad'], not one string.")
    stems = {word: stem(word) for word in words}
    forced = {stem(word) for word in keep_in_train}
    groups = sorted(set(stems.values()) - forced)
    if len(groups) < 2:
        raise CourseError(
            f"Only {len(groups)} stem group(s) can be held out: give more words "
            "(words sharing a stem, such as happy and happiness, count as one)."
        )
    order = np.random.default_rng(seed).permutation(len(groups))
    held_out = {groups[index] for index in order[: max(1, round(test_share * len(groups)))]}
    train = [word for word in words if stems[word] not in held_out]
    test = [word for word in words if stems[word] in held_out]
    return train, test


def covered(wv, words):
    """Return ``(kept, share)``: the ``words`` that ``wv`` has a vector for (in order) and their share (0-1)."""
    words = _check_words(words, "covered")
    kept = [word for word in words if word in wv.key_to_index]
    return kept, len(kept) / len(words)


def check_covered(wv, words, what="your words", minimum=1):
    """Return the ``words`` that ``wv`` has vectors for; raise ``CourseError`` if fewer than ``minimum``.

    The message names a few missing words and says what to do (use English words, or other ones).
    """
    if not words:
        raise CourseError(f"There are no words to look up ({what}): add a few sentences of English text and run again.")
    kept, _ = covered(wv, words)
    if len(kept) < minimum:
        sample = ", ".join(list(words)[:5])
        raise CourseError(
            f"Only {len(kept)} of {what} ({sample}{', ...' if len(words) > 5 else ''}) "
            f"{'has' if len(kept) == 1 else 'have'} a vector here; at least {minimum} needed. "
            f"These vectors know {len(wv.index_to_key):,} English words (case matters): "
            "add English text with common words, or pick other words."
        )
    return kept


def standard_error(accuracy, n):
    """Return the standard error of an ``accuracy`` (0-1) measured on ``n`` items: √(p(1 − p)/n)."""
    if not 0 <= accuracy <= 1:
        raise CourseError(f"accuracy is a share between 0 and 1, got {accuracy!r}.")
    return math.sqrt(accuracy * (1 - accuracy) / _check_count(n))


def cross_validated_accuracy(model, features, labels, folds=5, seed=0):
    """Return ``(accuracy, standard error)`` of ``model`` (a scikit-learn classifier) by ``folds``-fold
    cross-validation, with folds stratified by label and shuffled with ``seed``.

    Each item is predicted once, by a model that did not see it; the standard error is that of a share
    measured on ``len(labels)`` items (``standard_error``).
    """
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    labels = np.asarray(labels)
    features = np.asarray(features) if not hasattr(features, "tocsr") else features
    if features.shape[0] != len(labels):
        raise CourseError(f"{features.shape[0]} rows of features but {len(labels)} labels: give one label per row.")
    counts = np.unique(labels, return_counts=True)[1]
    if len(counts) < 2:
        raise CourseError("Every item has the same label: a classifier needs at least two classes.")
    if not is_whole_number(folds, minimum=2) or counts.min() < folds:
        raise CourseError(
            f"folds must be a whole number from 2 to the size of the smallest class ({counts.min()}), got {folds!r}."
        )
    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted = cross_val_predict(model, features, labels, cv=split)
    accuracy = float(np.mean(predicted == labels))
    return accuracy, standard_error(accuracy, len(labels))


def _check_words(words, name):
    if isinstance(words, str):
        raise CourseError(f"{name} takes a list of words, e.g. ['good', 'bad'], not one string.")
    words = list(words)
    if not words:
        raise CourseError(f"{name} got no words: give a list of words.")
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise CourseError(f"{name}: every word must be a non-empty string, got {word!r}.")
    return words


def _check_count(n):
    if not is_whole_number(n, minimum=1):
        raise CourseError(f"Expected a positive whole number, got {n!r}.")
    return n
