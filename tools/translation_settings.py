"""How lesson 10 chose its Word2Vec settings: train English and Spanish models with each candidate, fit
Procrustes on the first 200 seed pairs, score P@1 on the other seed pairs (never the test pairs).

    .venv/bin/python tools/translation_settings.py     # a few minutes; prints one line per setting

CPU seconds (time.process_time) are per model; on a shared machine they vary by +-30 %.
"""
import time

import numpy as np
from gensim.models import Word2Vec

from helpers import bilingual

CANDIDATES = [  # (sg, vector_size, epochs, window, min_count, negative, alpha)
    (0, 100, 5, 5, 5, 5, 0.025),     # gensim's defaults (CBOW)
    (0, 100, 10, 5, 5, 5, 0.025),
    (0, 64, 6, 8, 10, 5, 0.05),
    (1, 100, 5, 5, 5, 5, 0.025),     # skip-gram, gensim's other defaults
    (1, 64, 3, 5, 10, 3, 0.05),      # the lesson's choice
    (1, 64, 4, 5, 10, 3, 0.05),
]


def unit(matrix):
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


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
        guesses = dict(zip([a for a, _ in held], bilingual.nearest(scores, es_wv.index_to_key, 1)))
        result.append(bilingual.precision_at_k(guesses, held, 1))
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
            models.append(Word2Vec(sentences, sg=sg, vector_size=size, epochs=epochs, window=window,
                                   min_count=min_count, negative=negative, alpha=alpha, hs=0, workers=1, seed=1))
            seconds.append(time.process_time() - start)
        procrustes, csls = score(models[0].wv, models[1].wv, fit, held)
        print(f"{'skip-gram' if sg else 'CBOW':9} dims={size:3} epochs={epochs:2} window={window:2} "
              f"min_count={min_count:2} negative={negative} alpha={alpha}: {np.mean(seconds):4.1f} CPU s/model, "
              f"P@1 Procrustes {procrustes:.2f}, + CSLS {csls:.2f}", flush=True)


if __name__ == "__main__":
    main()
