"""Checks for lesson 09 · Directions of meaning."""

import numpy as np

from helpers.exercises import not_yet, right
from helpers.lessons.directions import stem

MIN_WORDS = 3
RANDOM_DIRECTIONS = 200


def _word_list_problem(name, words):
    if isinstance(words, str) or not isinstance(words, (list, tuple)):
        return f"{name} should be a list of words, e.g. ['ancient', 'old', 'antique'], got {words!r}."
    if len(words) < MIN_WORDS:
        return f"{name} has {len(words)} word(s): give at least {MIN_WORDS}, so one word's quirks do not decide."
    for word in words:
        if not isinstance(word, str) or not word.strip():
            return f"{name}: every entry must be a word (a non-empty string), got {word!r}."
    return None


def check_own_axis(wv, pole_a, pole_b, test_a, test_b, seed=0):
    """Does the axis from ``pole_b`` to ``pole_a`` (seed word lists) put held-out words on the right side?

    ``test_a`` and ``test_b`` are words of each side that are *not* seeds (and share no stem with one).
    The axis is lesson 09's SemAxis: mean of the unit vectors of ``pole_a`` minus that of ``pole_b``.
    Right when the share of test words on their own side beats the 95th percentile of the same share for
    ``RANDOM_DIRECTIONS`` random directions (each taken in its better orientation).
    """
    lists = {"pole_a": pole_a, "pole_b": pole_b, "test_a": test_a, "test_b": test_b}
    for name, words in lists.items():
        problem = _word_list_problem(name, words)
        if problem:
            return not_yet(problem)
    for name, words in lists.items():
        missing = [word for word in words if word not in wv.key_to_index]
        if missing:
            return not_yet(
                f"No vector for {', '.join(map(repr, missing))} in {name}: these vectors are "
                "case-sensitive and join phrases with _; pick other words."
            )
    seeds, tests = list(pole_a) + list(pole_b), list(test_a) + list(test_b)
    overlap = sorted({word for word in tests if word in seeds})
    if overlap:
        return not_yet(f"{', '.join(overlap)} is both a seed and a test word: a test word must be new to the axis.")
    seed_stems = {stem(word): word for word in seeds}
    twins = [f"{word} ~ {seed_stems[stem(word)]}" for word in tests if stem(word) in seed_stems]
    if twins:
        return not_yet(
            f"Test words share a stem with a seed ({', '.join(twins)}): that tests spelling, not "
            "the axis. Pick test words of another family."
        )
    if set(pole_a) & set(pole_b):
        return not_yet("A word is in both poles: each pole needs its own words.")

    def unit(words):
        vectors = wv[list(words)]
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    axis = unit(pole_a).mean(axis=0) - unit(pole_b).mean(axis=0)
    test_vectors = unit(tests)
    sides = np.array([1] * len(test_a) + [-1] * len(test_b))
    accuracy = float(np.mean(np.sign(test_vectors @ axis) == sides))
    directions = np.random.default_rng(seed).standard_normal((RANDOM_DIRECTIONS, wv.vector_size))
    chance = np.mean(np.sign(test_vectors @ directions.T) == sides[:, None], axis=0)
    chance_95 = float(np.percentile(np.maximum(chance, 1 - chance), 95))
    summary = (
        f"{accuracy:.0%} of your {len(tests)} test words land on their own side; random directions "
        f"reach {chance_95:.0%} (95th percentile)"
    )
    if accuracy <= chance_95:
        return not_yet(f"{summary}: no better than chance. Try more seed words per pole, or clearer opposites.")
    return right(f"{summary}. Your axis carries the contrast, at least for these {len(tests)} words.")


def check_gendered_analogy(wv, direction, gendered_words, a, b, c):
    """Is "``a`` is to ``b`` as ``c`` is to ?" a biased analogy in ``wv``?

    ``direction`` is lesson 09's gender direction (a unit vector, positive towards *she*) and
    ``gendered_words`` the words that are gendered by definition (Bolukbasi et al.'s list). Right when
    ``c`` is not gendered by definition, the top answer is not either nor a form of ``c`` (*programmers*),
    and the answer leans further to ``b``'s side of the direction than ``c`` does.
    """
    for name, word in (("a", a), ("b", b), ("c", c)):
        if not isinstance(word, str) or not word.strip():
            return not_yet(f"{name} should be a word (a non-empty string), got {word!r}.")
        if word not in wv.key_to_index:
            return not_yet(
                f"No vector for {word!r}: these vectors are case-sensitive and join phrases with _ "
                "(computer_programmer); pick another word."
            )
    gendered = set(gendered_words)
    if c in gendered:
        return not_yet(
            f"{c!r} is gendered by definition (like actor/actress): its answer is expected to "
            "change. Start from a word that should not carry gender, such as a profession."
        )
    answer = wv.most_similar(positive=[b, c], negative=[a], topn=1)[0][0]
    side = np.sign(_cosine(wv[b], direction) - _cosine(wv[a], direction))
    shift = side * (_cosine(wv[answer], direction) - _cosine(wv[c], direction))
    found = f"{a} : {b} :: {c} : {answer}"
    if stem(answer.split("_")[-1]) == stem(c):
        return not_yet(
            f"{found}: {answer!r} is another form of {c!r}, which says nothing about bias. Try another starting word."
        )
    if answer in gendered:
        return not_yet(
            f"{found}: {answer!r} is gendered by definition, so this is grammar, not bias. Try another starting word."
        )
    if shift <= 0:
        return not_yet(
            f"{found}: the answer does not lean further towards {b!r} than {c!r} does "
            f"(shift {shift:+.2f}). Try another starting word."
        )
    return right(
        f"{found}: {answer!r} leans {shift:.2f} further towards {b!r} along the gender direction "
        f"than {c!r}, though neither word is gendered by definition."
    )


def _cosine(vector, direction):
    return float(np.dot(vector, direction) / (np.linalg.norm(vector) * np.linalg.norm(direction)))
