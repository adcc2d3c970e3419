"""The full-epoch sweep behind the table in lesson 06 (minutes, so it is not part of the lesson).

    .venv/bin/python tools/research/full_sweep.py

Trains one model per row on the real corpus (workers=1, seed=42, one change from MAIN_SETTINGS at a
time) and prints a Markdown table: the Spearman rho on the *tuning* half of WordSim353 (the half the
settings are chosen on, helpers.evaluation.split_word_pairs) and the rho on the *reporting* half (pairs
not used for the choice), each with the number of pairs the model covers, and CPU seconds on one core.
Scores repeat exactly; seconds depend on the machine.

Last run: 2026-11-24, for commit 96bf138 (lesson 06's full-epoch table); run it again whenever
MAIN_SETTINGS change.
"""

import time

from gensim.models import Word2Vec

import helpers

ROWS = {
    "**main settings: skip-gram, hs, window 10, 7 epochs**": {},
    "8 epochs": dict(epochs=8),
    "window 15, 5 epochs": dict(window=15, epochs=5),
    "window 5, 10 epochs": dict(window=5, epochs=10),
    "vector_size 200": dict(vector_size=200),
    "sample 1e-4": dict(sample=1e-4),
    "min_count 3": dict(min_count=3),
    "min_count 10": dict(min_count=10),
    "negative sampling, 10 epochs": dict(hs=0, negative=5, epochs=10),
    "CBOW, 12 epochs": dict(sg=0, epochs=12),
    "CBOW, negative sampling, 30 epochs, sample 1e-4": dict(sg=0, hs=0, negative=5, epochs=30, sample=1e-4),
}


def main():
    helpers.setup_notebook()
    corpus = list(helpers.corpus.real_corpus())
    tuning, reporting = helpers.evaluation.split_word_pairs("WordSim353")
    print(
        "| settings (changes from the main settings) | ρ, tuning half (pairs) | ρ, reporting half (pairs) "
        "| seconds |\n|---|---|---|---|"
    )
    for name, change in ROWS.items():
        start = time.process_time()
        model = Word2Vec(corpus, **{**helpers.training.MAIN_SETTINGS, **change})
        seconds = time.process_time() - start
        rho, covered = helpers.evaluation.pairs_score(model.wv, tuning)
        reported, reported_covered = helpers.evaluation.pairs_score(model.wv, reporting)
        print(f"| {name} | {rho:.2f} ({covered}) | {reported:.2f} ({reported_covered}) | ≈ {seconds:.0f} |", flush=True)


if __name__ == "__main__":
    main()
