"""How lesson 10 chose its Word2Vec settings: train English and Spanish models with each candidate, fit
Procrustes on the first 200 seed pairs, score P@1 on the other seed pairs (never the test pairs).

    .venv/bin/python tools/research/translation_settings.py     # a few minutes; prints one line per setting
    .venv/bin/python tools/research/translation_settings.py --joint   # section 7's joint model: two settings compared

CPU seconds (time.process_time) are per model; on a shared machine they vary by +-30 %.

Last run: 2026-11-26, for commit 98d2f15 (lesson 10's settings table and, with --joint, section 7).
"""

import sys
import time

import numpy as np
from gensim.models import Word2Vec

from helpers.lessons import bilingual

CANDIDATES = [  # (sg, vector_size, epochs, window, min_count, negative, alpha)
    (0, 100, 5, 5, 5, 5, 0.025),  # gensim's defaults (CBOW)
    (0, 100, 10, 5, 5, 5, 0.025),
    (0, 64, 6, 8, 10, 5, 0.05),
    (1, 100, 5, 5, 5, 5, 0.025),  # skip-gram, gensim's other defaults
    (1, 64, 3, 5, 10, 3, 0.05),  # the lesson's choice
    (1, 64, 4, 5, 10, 3, 0.05),
]


def unit(matrix):
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def p_at_1(scores, sources, pairs, candidates):
    """The share of source words whose highest-scoring candidate (first one on a tie) is a right translation."""
    right = {}
    for source, target in pairs:
        right.setdefault(source, set()).add(target)
    best = dict(zip(sources, np.argmax(scores, axis=1)))
    return float(np.mean([candidates[best[source]] in right[source] for source in right]))


def score(en_wv, es_wv, fit, held, k=10):
    """P@1 of Procrustes and of Procrustes + CSLS, fitted on ``fit`` and scored on ``held``."""
    source, target = unit(en_wv.vectors), unit(es_wv.vectors)
    rows = lambda wv, words: [wv.key_to_index[word] for word in words]  # noqa: E731
    x, y = source[rows(en_wv, [a for a, _ in fit])], target[rows(es_wv, [b for _, b in fit])]
    u, _, vt = np.linalg.svd(x.T @ y)
    mapping = u @ vt
    cos = source[rows(en_wv, [a for a, _ in held])] @ mapping @ target.T
    r_target = np.sort(source @ mapping @ target.T, axis=0)[-k:].mean(axis=0)
    r_source = np.sort(cos, axis=1)[:, -k:].mean(axis=1)
    result = []
    for scores in (cos, 2 * cos - r_source[:, None] - r_target[None, :]):
        result.append(p_at_1(scores, [a for a, _ in held], held, es_wv.index_to_key))
    return result


def main():
    english, spanish = bilingual.verse_sentences("en"), bilingual.verse_sentences("es")
    seed = bilingual.load_dictionary("seed")
    fit, held = seed[:200], seed[200:]
    print(f"fit on {len(fit)} seed pairs, scored on the other {len(held)} seed pairs")
    for sg, size, epochs, window, min_count, negative, alpha in CANDIDATES:
        models, seconds = [], []
        for sentences in (english, spanish):
            start = time.process_time()
            models.append(
                Word2Vec(
                    sentences,
                    sg=sg,
                    vector_size=size,
                    epochs=epochs,
                    window=window,
                    min_count=min_count,
                    negative=negative,
                    alpha=alpha,
                    hs=0,
                    workers=1,
                    seed=1,
                )
            )
            seconds.append(time.process_time() - start)
        procrustes, csls = score(models[0].wv, models[1].wv, fit, held)
        print(
            f"{'skip-gram' if sg else 'CBOW':9} dims={size:3} epochs={epochs:2} window={window:2} "
            f"min_count={min_count:2} negative={negative} alpha={alpha}: {np.mean(seconds):4.1f} CPU s/model, "
            f"P@1 Procrustes {procrustes:.2f}, + CSLS {csls:.2f}",
            flush=True,
        )


LESSON = dict(sg=1, vector_size=64, epochs=3, window=5, min_count=10, negative=3, alpha=0.05, hs=0, workers=1, seed=1)
JOINT_CANDIDATES = [  # changes to LESSON; the window matters most, since a joint verse's word order is shuffled
    {"epochs": 2},
    {"epochs": 2, "sample": 1e-4, "negative": 2, "alpha": 0.07},  # the previous version's choice: 0.68
    {"sg": 0, "window": 20, "epochs": 2, "sample": 1e-4, "negative": 2, "alpha": 0.07},
    {"sg": 0, "window": 20, "epochs": 3, "sample": 1e-4, "negative": 3, "alpha": 0.05},
    {"sg": 0, "window": 40, "epochs": 3, "sample": 1e-4, "negative": 3, "alpha": 0.05},
    {"sg": 0, "window": 20, "epochs": 3, "sample": 1e-3, "negative": 3, "alpha": 0.05},
    {"sg": 0, "window": 40, "epochs": 3, "sample": 1e-3, "negative": 3, "alpha": 0.05},
    {"sg": 0, "window": 20, "epochs": 5, "sample": 1e-4, "negative": 5, "alpha": 0.05},
    {"sg": 1, "window": 10, "epochs": 2, "sample": 1e-4, "negative": 2, "alpha": 0.07},
    {"sg": 1, "window": 20, "epochs": 1, "sample": 1e-4, "negative": 2, "alpha": 0.07},
    {"sg": 1, "window": 20, "epochs": 2, "sample": 1e-4, "negative": 2, "alpha": 0.07},
    {"window": 40, "epochs": 1, "sample": 1e-4, "negative": 2, "alpha": 0.07},  # the lesson's choice (0.89, fast)
]


def joint():
    """Train the joint model of section 7 with each candidate; P@1 on the 557 seed pairs (never the test pairs)."""
    english, spanish = bilingual.verse_tokens("en"), bilingual.verse_tokens("es")
    rng = np.random.default_rng(0)
    mixed = []
    for en_verse, es_verse in bilingual.aligned_verses(english, spanish):
        verse = [f"en_{w}" for w in en_verse] + [f"es_{w}" for w in es_verse]
        rng.shuffle(verse)
        mixed.append(verse)
    seed = bilingual.load_dictionary("seed")
    for extra in JOINT_CANDIDATES:
        start = time.process_time()
        wv = Word2Vec(mixed, **{**LESSON, **extra}).wv
        seconds = time.process_time() - start
        spanish_keys = [w for w in wv.index_to_key if w.startswith("es_")]
        found = [(e, s) for e, s in seed if f"en_{e}" in wv.key_to_index]
        scores = unit(wv[[f"en_{e}" for e, _ in found]]) @ unit(wv[spanish_keys]).T
        spanish_words = [w[3:] for w in spanish_keys]
        p1 = p_at_1(scores, [e for e, _ in found], found, spanish_words)
        print(
            f"joint {extra}: {seconds:4.1f} CPU s, P@1 on {len(found)} seed pairs {p1:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    joint() if "--joint" in sys.argv[1:] else main()
