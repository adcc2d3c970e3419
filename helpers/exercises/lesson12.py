"""Checks for lesson 12 · Sounds and voices."""

import numpy as np

from helpers.exercises import not_yet, right
from helpers.lessons.phonemes import PHONEMES, PLACE, VOICING_PAIRS, VOWELS
from helpers.numeric import is_whole_number


def _voicing_pairs():
    return VOICING_PAIRS


def template_scores(wv, pairs=None):
    """For each voicing pair ``(a, b)`` used as the template ``a : b :: c : ?``, count the other pairs
    ``(c, d)`` whose answer ``d`` is the nearest phoneme to ``b - a + c`` (gensim's ``most_similar``,
    which leaves out ``a``, ``b`` and ``c``). Returns ``{(a, b): count}``."""
    pairs = _voicing_pairs() if pairs is None else pairs
    scores = {}
    for a, b in pairs:
        scores[(a, b)] = sum(
            wv.most_similar(positive=[b, c], negative=[a], topn=1)[0][0] == d for c, d in pairs if (c, d) != (a, b)
        )
    return scores


def check_template_scores(scores, wv):
    """Does ``scores`` hold, for every voicing pair used as the template, how many of the other 7 pairs
    it solves in ``wv`` (the phoneme vectors)? Names the best template when it does."""
    expected = template_scores(wv)
    if not isinstance(scores, dict):
        return not_yet(f"scores should be a dict {{(voiceless, voiced): count}}, got {type(scores).__name__}.")
    missing = [pair for pair in expected if pair not in scores]
    if missing:
        return not_yet(
            f"scores has no count for {missing[0]}: loop over helpers.lessons.phonemes.VOICING_PAIRS and "
            "store one count per pair."
        )
    for pair, count in expected.items():
        got = scores[pair]
        if not is_whole_number(got):
            return not_yet(f"scores[{pair}] is {got!r}: store a whole number, how many pairs it solves.")
        if got != count:
            a, b = pair
            return not_yet(  # without the right count, so that the messages cannot replace the loop
                f"scores[{pair}] is {got}, which is not what the vectors give: for each other pair (c, d), "
                f"ask wv.most_similar(positive=['{b}', c], negative=['{a}'], topn=1) and count the "
                "answers that are d."
            )
    best = max(expected.values())
    winners = [f"{a} : {b}" for (a, b), count in expected.items() if count == best]
    return right(
        f"the best template{'s are' if len(winners) > 1 else ' is'} {', '.join(winners)} "
        f"({best} of 7); the worst solves {min(expected.values())}."
    )


def place_correct(wv, phonemes=None):
    """Leave-one-out nearest centroid by place of articulation over the consonants: how many of them are
    nearer to the centroid of their own place (computed without them) than to any other? Vectors are
    normalized to length 1 first, distances are Euclidean."""
    phonemes = [p for p in PHONEMES if p not in VOWELS] if phonemes is None else list(phonemes)
    vectors = np.array([wv[p] for p in phonemes], dtype=float)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = np.array([PLACE[p] for p in phonemes])
    correct = 0
    for index in range(len(labels)):
        keep = np.arange(len(labels)) != index
        centroids = {
            label: vectors[keep & (labels == label)].mean(axis=0)
            for label in sorted(set(labels))
            if (keep & (labels == label)).any()
        }
        guess = min(centroids, key=lambda label: np.linalg.norm(vectors[index] - centroids[label]))
        correct += guess == labels[index]
    return int(correct)


def check_place(correct, wv):
    """Is ``correct`` the number of the 24 consonants whose leave-one-out nearest place centroid in ``wv``
    is their own place of articulation?"""
    expected = place_correct(wv)
    if not is_whole_number(correct):
        return not_yet(f"place_correct should be a whole number of consonants (0 to 24), got {correct!r}.")
    if correct == expected:
        return right(
            f"{expected} of 24 consonants sit nearest the centroid of their own place; compare it "
            "with the shuffled control before you call place recoverable."
        )
    if correct > 24 or correct < 0:
        return not_yet(f"{correct} is not a count of the 24 consonants: count each consonant once.")
    return not_yet(
        f"{correct} of 24 is not what the vectors give: use the consonants only "
        "(not in helpers.lessons.phonemes.VOWELS), their labels from helpers.lessons.phonemes.PLACE, the same "
        "normalized vectors as in section 3, and leave each consonant out of its own centroid."
    )
