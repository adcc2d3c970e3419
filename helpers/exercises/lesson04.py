"""Checks for the "Your turn" exercises of lesson 04 · Inspecting vectors."""

import numpy as np

from helpers.errors import CourseError
from helpers.exercises import not_yet, right
from helpers.vectors import solve_analogy
from helpers.vocab import check_word

# (a, b, expected cosine): perpendicular, same direction, opposite, and an in-between angle.
_COSINE_CASES = [
    ([1.0, 0.0], [0.0, 1.0], 0.0),
    ([1.0, 2.0], [2.0, 4.0], 1.0),
    ([1.0, 2.0], [-1.0, -2.0], -1.0),
    ([3.0, 4.0], [4.0, 3.0], 0.96),
]


def check_cosine(cosine, wv=None):
    """Check a learner's ``cosine(a, b)``: it must return the cosine similarity of two vectors as one number.

    Tries small vectors with known answers, then (if ``wv`` is given) two real word vectors against
    ``wv.similarity``. Returns a ``Feedback``; never raises on a wrong answer.
    """
    if not callable(cosine):
        return not_yet(f"Pass the function itself, check_cosine(cosine), not {type(cosine).__name__!r}.")
    for a, b, expected in _COSINE_CASES:
        value = _call(cosine, np.array(a), np.array(b), f"cosine({a}, {b})")
        if isinstance(value, str):
            return not_yet(value)
        if abs(value - expected) > 0.005:
            dot = float(np.dot(a, b))
            hint = (
                " That is the dot product: divide it by the length (norm) of each vector, "
                "np.linalg.norm(a) * np.linalg.norm(b)."
                if abs(value - dot) < 1e-6
                else " Cosine similarity is np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))."
            )
            return not_yet(f"cosine({a}, {b}) gave {value:.2f} but should be {expected:.2f}.{hint}")
    words = wv.index_to_key if wv is not None else []
    if len(words) >= 2:
        first, middle, last = words[0], words[len(words) // 2], words[-1]
        for one, other in dict.fromkeys([(first, middle), (middle, last), (first, last)]):
            if one == other:
                continue
            value = _call(cosine, wv[one], wv[other], f"cosine(wv[{one!r}], wv[{other!r}])")
            if isinstance(value, str):
                return not_yet(value)
            expected = float(wv.similarity(one, other))
            if abs(value - expected) > 1e-3:
                return not_yet(
                    f"On the vectors of {one!r} and {other!r} your cosine gives {value:.3f}, but "
                    f"wv.similarity gives {expected:.3f}: does it work for vectors of any length, "
                    "not only 2 numbers?"
                )
    return right("Right: your cosine gives the same answers as wv.similarity.")


def _call(cosine, a, b, call):
    """Return ``cosine(a, b)`` as a float, or a message (str) saying what went wrong in ``call``."""
    try:
        value = cosine(a, b)
    except Exception as error:  # noqa: BLE001 - any mistake in the learner's code becomes a hint
        return f"{call} stopped with {type(error).__name__}: {error}"
    if np.ndim(value) != 0:
        return (
            f"{call} returned {np.size(value)} numbers, not one: "
            "np.dot(a, b) adds up the products into one number, a * b does not."
        )
    if value is None:
        return f"{call} returned None: does your function end with a return line?"
    try:
        value = float(value)
    except (TypeError, ValueError):
        return f"{call} returned {value!r}, not a number."
    if not np.isfinite(value):
        return f"{call} returned {value}: is something divided by zero?"
    return value


def check_analogy(wv, a, b, c, expected, shown=()):
    """Check an analogy the learner wrote, "``a`` is to ``b`` as ``c`` is to ``expected``".

    Right if ``expected`` is the model's top answer to ``most_similar(positive=[b, c], negative=[a])``;
    otherwise the hint says what the model answered and where ``expected`` ranks. ``shown`` holds the
    questions ``(a, b, c, expected)`` the lesson already answered on screen: copying one is not right.
    """
    words = (a, b, c, expected)
    for word in words:
        try:
            check_word(wv, word)
        except CourseError as error:
            return not_yet(str(error))
    if expected in (a, b, c):
        return not_yet(
            f"{expected!r} is one of the question words, and most_similar never answers with "
            "those: pick an answer that is a fourth word."
        )
    if tuple(words) in {tuple(question) for question in shown}:
        return not_yet(
            f"{a} : {b} :: {c} : {expected}? is already in the table above: find a question of "
            "your own (the same kind of relation with other words is fine)."
        )
    answers = [word for word, _ in solve_analogy(wv, a, b, c, topn=10)]
    if answers[0] == expected:
        return right(f"Right: the model answers {expected!r} to {a} : {b} :: {c} : ?")
    where = (
        f"{expected!r} ranks {answers.index(expected) + 1}"
        if expected in answers
        else f"{expected!r} is not in its top 10"
    )
    return not_yet(
        f"the model's top answer is {answers[0]!r}, and {where}. Try a kind of relation the "
        "corpus has many examples of, like those that got a ✓ in the table above."
    )
