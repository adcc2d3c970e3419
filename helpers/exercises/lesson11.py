"""Checks for lesson 11 · From static to contextual."""

import numpy as np

from helpers.exercises import not_yet, right
from helpers.lessons.wordpiece import basic_tokens
from helpers.numeric import is_whole_number


def _softmax(scores, axis=-1):
    scores = scores - scores.max(axis=axis, keepdims=True)
    weights = np.exp(scores)
    return weights / weights.sum(axis=axis, keepdims=True)


def check_attention(attention_one_head):
    """Does ``attention_one_head(q, k, v)`` compute scaled dot-product attention for one head?

    ``q``, ``k``, ``v`` have shape ``(tokens, d)``; the answer must be ``softmax(q @ k.T / sqrt(d)) @ v``
    (the softmax over each row), of shape ``(tokens, d)``. Common slips get a hint of their own.
    """
    if not callable(attention_one_head):
        return not_yet(f"attention_one_head should be a function, got {type(attention_one_head).__name__}.")
    rng = np.random.default_rng(11)
    q, k, v = (rng.normal(size=(5, 8)).astype(np.float32) for _ in range(3))
    d = q.shape[1]
    expected = _softmax(q @ k.T / np.sqrt(d)) @ v
    try:
        answer = attention_one_head(q.copy(), k.copy(), v.copy())
    except Exception as error:  # noqa: BLE001 - the learner's code: report, do not crash
        return not_yet(f"attention_one_head raised {type(error).__name__}: {error}")
    if answer is None:
        return not_yet("attention_one_head returned None: end it with `return weights @ v`.")
    answer = np.asarray(answer)
    if answer.shape == (5, 5):
        return not_yet("This returns the 5 × 5 attention weights; multiply them by v to mix the value vectors.")
    if answer.shape != expected.shape:
        return not_yet(
            f"Expected an array of shape {expected.shape} (one mixed vector per token), got shape {answer.shape}."
        )
    if np.allclose(answer, expected, atol=1e-4):
        return right("softmax(q kᵀ / √d) v: each token's new vector is a weighted mean of the value vectors.")
    hints = [
        (_softmax(q @ k.T) @ v, "Close: divide the scores by np.sqrt(d) (d = q.shape[1]) before the softmax."),
        (_softmax(q @ k.T / d) @ v, "Divide by the square root of d, not by d itself."),
        (
            _softmax(q @ k.T / np.sqrt(d), axis=0) @ v,
            "The softmax goes along each row (axis=-1): each token's weights over the other tokens sum to 1.",
        ),
        ((q @ k.T / np.sqrt(d)) @ v, "Apply the softmax to the scores before multiplying by v."),
    ]
    for wrong, hint in hints:
        if np.allclose(answer, wrong, atol=1e-4):
            return not_yet(hint)
    return not_yet(
        "The result differs from softmax(q @ k.T / np.sqrt(d)) @ v: compute the scores, "
        "the softmax of each row, then the weighted sum of v."
    )


def check_sense_sentences(word, sentences_by_sense, min_senses=2, min_sentences=3):
    """Are ``sentences_by_sense`` (``{sense: [sentence, ...]}``) enough to test whether ``word``'s senses
    separate: at least ``min_senses`` senses, ``min_sentences`` sentences each, each using ``word``?
    """
    if not isinstance(word, str) or len(basic_tokens(word)) != 1:
        return not_yet(f"my_word should be one word, such as 'spring', not {word!r}.")
    wanted = basic_tokens(word)[0]
    if not isinstance(sentences_by_sense, dict) or len(sentences_by_sense) < min_senses:
        return not_yet(f"Give a dict with at least {min_senses} senses as keys, each with a list of sentences.")
    for sense, sentences in sentences_by_sense.items():
        if isinstance(sentences, str) or not isinstance(sentences, (list, tuple)):
            return not_yet(f"The sentences of {sense!r} should be a list of strings.")
        if len(sentences) < min_sentences:
            return not_yet(
                f"{sense!r} has {len(sentences)} sentence(s): write at least {min_sentences}, "
                "so each one has a same-sense neighbour to find."
            )
        for sentence in sentences:
            if not isinstance(sentence, str) or wanted not in basic_tokens(sentence):
                return not_yet(
                    f"{sentence!r} (sense {sense!r}) does not use the word {word!r} itself: "
                    "use exactly that form (not a plural or a longer word)."
                )
    total = sum(len(sentences) for sentences in sentences_by_sense.values())
    return right(f"{total} sentences in {len(sentences_by_sense)} senses of {word!r}: ready to score.")


def check_best_layer(best_layer, accuracies):
    """Is ``best_layer`` a layer (0 = embeddings, 1 to 6) with the highest accuracy in ``accuracies``?"""
    accuracies = [float(a) for a in accuracies]
    top = max(accuracies)
    best = [layer for layer, accuracy in enumerate(accuracies) if accuracy == top]
    if not is_whole_number(best_layer):
        return not_yet(f"best_layer should be a layer number from 0 to {len(accuracies) - 1}, got {best_layer!r}.")
    if not 0 <= best_layer < len(accuracies):
        return not_yet(
            f"There is no layer {best_layer}: the layers are numbered 0 (embeddings) to {len(accuracies) - 1}."
        )
    if best_layer in best:
        ties = "" if len(best) == 1 else f" (tied with layer(s) {', '.join(str(b) for b in best if b != best_layer)})"
        return right(
            f"Layer {best_layer} separates the senses best{ties}: {top:.0%} of the uses find a same-sense neighbour."
        )
    return not_yet(
        f"Layer {best_layer} scores {accuracies[best_layer]:.0%}, but another layer scores {top:.0%}: "
        "pick the layer with the highest accuracy (np.argmax(accuracies))."
    )
