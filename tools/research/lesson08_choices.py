"""How lesson 08 chose its learning rate, and what PPMI + SVD owes to the settings carried over from word2vec.

    .venv/bin/python tools/research/lesson08_choices.py rates   # gensim SGNS at 5 learning rates, ~20 s of CPU
    .venv/bin/python tools/research/lesson08_choices.py ppmi    # PPMI + SVD with and without 2 settings, ~15 s

`rates` trains gensim's skip-gram with negative sampling at lesson 08's settings (section 6: vector_size
100, window 5, 5 negatives, sample 1e-3, 2 epochs, seed 42, one worker) and each learning rate, and prints
Spearman's rho on the **tuning half** of WordSim353 (lesson 06's fixed split) and the mean length of the
vectors. Only the tuning half chose the rate; the lesson reports on the other half.

`ppmi` builds lesson 08's PPMI + SVD vectors (section 8: window 5 weighted like word2vec's dynamic window,
context counts raised to 0.75, a truncated SVD with 100 directions, U sqrt(Sigma)) and, one change at a
time, without the smoothing (power 1) and with a flat window (every distance weighted 1), and prints rho
on both halves of WordSim353 and on SimLex-999. The two functions are copies of the lesson's cells.

Last run: 2026-12-03, for lesson 08's section 6 and 8 (same numbers as a reviewer's re-run, rev0708):
    rates: tuning-half rho 0.04 at 0.025, 0.09 at 0.05, 0.22 at 0.1, 0.47 at 0.2, -0.03 at 0.3
           (mean vector length 2.5 at 0.2, 7.0 at 0.3: training broke down)
    ppmi (tuning / reporting / SimLex-999): lesson's 0.48 / 0.48 / 0.18, power 1 0.50 / 0.49 / 0.18,
           flat window 0.50 / 0.50 / 0.18, both 0.51 / 0.50 / 0.16
"""

import sys

import numpy as np
import scipy.sparse

import helpers

RATES = (0.025, 0.05, 0.1, 0.2, 0.3)
SETTINGS = dict(vector_size=100, window=5, negative=5, sample=1e-3, epochs=2, min_alpha=0.0001)  # lesson 08's


def vocabulary(sentences, min_count=5):
    """(words, token indices, sentence number of each token), as lesson 08's build_vocab makes them."""
    counts = helpers.words.word_counts(sentences)
    words = [word for word, count in counts.most_common() if count >= min_count]
    index = {word: i for i, word in enumerate(words)}
    ids = [[index[word] for word in sentence if word in index] for sentence in sentences]
    tokens = np.array([i for sentence in ids for i in sentence], dtype=np.int32)
    sentence_of = np.repeat(np.arange(len(ids)), [len(sentence) for sentence in ids]).astype(np.int32)
    return words, tokens, sentence_of


def cooccurrence_matrix(tokens, sentence_of, vocabulary_size, window, flat=False):
    """Lesson 08's cell: pairs up to `window` apart in one sentence, weighted (W - d + 1) / W (or 1 if flat)."""
    rows, columns, weights = [], [], []
    for distance in range(1, window + 1):
        same = sentence_of[:-distance] == sentence_of[distance:]
        left, right = tokens[:-distance][same], tokens[distance:][same]
        weight = np.full(len(left), 1.0 if flat else (window - distance + 1) / window)
        rows += [left, right]
        columns += [right, left]
        weights += [weight, weight]
    return scipy.sparse.csr_array(
        (np.concatenate(weights), (np.concatenate(rows), np.concatenate(columns))),
        shape=(vocabulary_size, vocabulary_size),
    )


def ppmi(matrix, power=0.75):
    """Lesson 08's cell: positive PMI with the context counts raised to `power`."""
    total = matrix.sum()
    word_share = matrix.sum(axis=1) / total
    context_counts = matrix.sum(axis=0) ** power
    context_share = context_counts / context_counts.sum()
    cells = matrix.tocoo()
    pmi = np.log(cells.data / total / (word_share[cells.row] * context_share[cells.col]))
    positive = pmi > 0
    return scipy.sparse.csr_array(
        (pmi[positive].astype(np.float32), (cells.row[positive], cells.col[positive])), shape=matrix.shape
    )


def ppmi_vectors(words, tokens, sentence_of, power=0.75, flat=False, dimensions=100):
    from sklearn.decomposition import TruncatedSVD

    matrix = ppmi(cooccurrence_matrix(tokens, sentence_of, len(words), window=5, flat=flat), power=power)
    svd = TruncatedSVD(n_components=dimensions, n_iter=2, random_state=42)
    u_sigma = svd.fit_transform(matrix)
    return helpers.lessons.scratch.keyed_vectors(words, u_sigma / np.sqrt(svd.singular_values_))


def rate_scores(sentences, rates=RATES, **changes):
    """{rate: (tuning-half rho, mean vector length)} for gensim SGNS at lesson 08's settings (plus `changes`)."""
    from gensim.models import Word2Vec

    tuning, _ = helpers.evaluation.split_word_pairs("WordSim353")
    results = {}
    for rate in rates:
        model = Word2Vec(sentences, sg=1, hs=0, min_count=5, workers=1, seed=42, alpha=rate, **{**SETTINGS, **changes})
        rho, _ = helpers.evaluation.pairs_score(model.wv, tuning)
        results[rate] = (rho, float(np.linalg.norm(model.wv.vectors, axis=1).mean()))
    return results


def ppmi_scores(sentences):
    """{(power, flat window): (tuning rho, reporting rho, SimLex-999 rho)}, one change at a time."""
    words, tokens, sentence_of = vocabulary(sentences)
    tuning, reporting = helpers.evaluation.split_word_pairs("WordSim353")
    simlex = helpers.evaluation.read_word_pairs("SimLex-999")
    results = {}
    for power, flat in ((0.75, False), (1.0, False), (0.75, True), (1.0, True)):
        wv = ppmi_vectors(words, tokens, sentence_of, power=power, flat=flat)
        results[power, flat] = tuple(
            helpers.evaluation.pairs_score(wv, pairs)[0] for pairs in (tuning, reporting, simlex)
        )
    return results


def main(argv=None):
    part = (argv if argv is not None else sys.argv[1:]) or ["rates"]
    helpers.setup_notebook()
    sentences = list(helpers.corpus.real_corpus())
    if "rates" in part:
        for rate, (rho, length) in rate_scores(sentences).items():
            print(f"alpha {rate:<6}: tuning-half rho {rho:+.2f}, mean vector length {length:.1f}", flush=True)
    if "ppmi" in part:
        for (power, flat), (tuning, reporting, simlex) in ppmi_scores(sentences).items():
            window = "flat window    " if flat else "weighted window"
            print(
                f"power {power:<4}, {window}: tuning {tuning:.2f}, reporting {reporting:.2f}, SimLex-999 {simlex:.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
