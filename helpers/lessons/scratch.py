"""Plumbing for lesson 08, where Word2Vec is built from scratch in NumPy.

The lesson itself writes the loss, the gradient, the gradient check and the trainer. This module only
holds what is not the point of the lesson: turning a NumPy matrix into gensim ``KeyedVectors`` so the
course's benchmarks can score it, checking that a text gives enough training pairs, and a speed for
the speed table. Scoring several models side by side is ``helpers.evaluation.compare_pair_scores``;
their neighbours side by side, ``helpers.vocab.neighbours_side_by_side``.

    >>> wv = helpers.lessons.scratch.keyed_vectors(words, vectors)          # words: n str, vectors: n × d

gensim is imported inside ``keyed_vectors``: importing it takes about a second.
"""

import math

import numpy as np

from helpers.errors import CourseError
from helpers.numeric import is_number, is_whole_number

# Fewer training pairs than this cannot teach a model anything worth looking at.
MIN_PAIRS = 20


def keyed_vectors(words, vectors):
    """Return gensim ``KeyedVectors`` holding ``vectors`` (an n × d array of numbers) for ``words``
    (n distinct strings, row i belongs to ``words[i]``), so helpers.evaluation and ``most_similar``
    work on vectors trained without gensim (lesson 08). The vectors are stored as float32, like gensim's.

    Raises ``CourseError`` if the words and rows do not match, a word repeats or is not a non-empty
    string, or a vector holds NaN or infinity (training diverged).
    """
    from gensim.models import KeyedVectors

    if isinstance(words, str):
        raise CourseError("words must be a list of words, not one string: pass the vocabulary list.")
    words = list(words)
    try:
        array = np.asarray(vectors, dtype=np.float64)
    except (TypeError, ValueError):
        raise CourseError(
            f"vectors must be an array of numbers (one row per word), got {type(vectors).__name__}."
        ) from None
    if array.ndim != 2:
        raise CourseError(f"vectors must be a 2-D array (one row per word), got an array of shape {array.shape}.")
    if not words or array.shape[0] == 0 or array.shape[1] == 0:
        raise CourseError("There are no words or no vector dimensions: train on some text first.")
    if len(words) != array.shape[0]:
        raise CourseError(
            f"{len(words):,} words but {array.shape[0]:,} vectors: give exactly one row per word, "
            "in the order of the vocabulary."
        )
    bad = [word for word in words if not isinstance(word, str) or not word.strip()]
    if bad:
        raise CourseError(f"Every word must be a non-empty string; found {bad[0]!r}. Check the vocabulary list.")
    if len(set(words)) != len(words):
        seen = set()
        repeated = next(word for word in words if word in seen or seen.add(word))
        raise CourseError(f"The word {repeated!r} appears twice in the vocabulary: each word needs one row.")
    if not np.all(np.isfinite(array)):
        raise CourseError(
            "Some vectors hold NaN or infinity: training diverged. Lower the learning rate "
            "(alpha) or the batch size, and train again."
        )
    wv = KeyedVectors(array.shape[1])
    wv.add_vectors(words, array.astype(np.float32))
    return wv


def check_enough_pairs(n_pairs, minimum=MIN_PAIRS):
    """Check that a text gave at least ``minimum`` (centre, context) training pairs; return ``n_pairs``.

    Raises ``CourseError`` saying what to change if there are fewer: each pair needs two words of
    the vocabulary in one sentence, close enough for the window.
    """
    if not is_whole_number(n_pairs, minimum=0):
        raise CourseError(f"n_pairs must be a count of training pairs (a whole number, 0 or more), got {n_pairs!r}.")
    if n_pairs < minimum:
        raise CourseError(
            f"Your text gives only {int(n_pairs)} training pairs (at least {minimum} are needed): "
            "a pair is two words of one sentence within the window. Add more sentences of several "
            "words each, or raise the window."
        )
    return int(n_pairs)


def pairs_per_second(n_pairs, seconds):
    """Return ``n_pairs / seconds`` rounded to 2 significant digits (a float), for a speed table.

    Raises ``CourseError`` for a negative count or a time that is not positive.
    """
    if not is_number(n_pairs) or n_pairs < 0:
        raise CourseError(f"n_pairs must be a number of pairs (0 or more), got {n_pairs!r}.")
    if not is_number(seconds) or not seconds > 0 or math.isinf(seconds):
        raise CourseError(f"seconds must be a positive duration, got {seconds!r}: time the training first.")
    rate = n_pairs / seconds
    return 0.0 if rate == 0 else float(f"{rate:.1e}")
