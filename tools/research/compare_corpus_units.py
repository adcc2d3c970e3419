"""Does splitting the real corpus into sentences change the main model? (lesson 01, section 5)

    python tools/research/compare_corpus_units.py

Trains a model with the course's earlier main settings (OLD_MAIN_SETTINGS below, the same as in
tools/benchmark.py: skip-gram, hierarchical softmax, window 10, sample 1e-3, alpha 0.025, 7 epochs)
twice per seed: on the course's units (one per Wikipedia line, one per news story) and on the same text
cut into sentences with helpers.corpus.split_sentences, then prints Spearman's rho on WordSim353 and
SimLex-999. These fixed settings reproduce the numbers quoted in lesson 01, section 5. Takes a few
minutes on one core. Note: these settings were chosen on the units, which favours them.

Last run: 2026-11-26, for commit 1f2caef (lesson 01, section 5's comparison of units and sentences).
"""

from gensim.models import Word2Vec

from helpers import corpus
from helpers.evaluation import word_pair_score
from helpers.files import gensim_data_path

# The course's main settings when lesson 01's numbers were measured (kept fixed so that the script
# reproduces them; the same values as OLD_MAIN_SETTINGS in tools/benchmark.py).
OLD_MAIN_SETTINGS = dict(
    vector_size=100, window=10, min_count=5, sg=1, hs=1, negative=0, sample=1e-3, alpha=0.025, epochs=7,
    workers=1, seed=42,
)  # fmt: skip


def sentence_corpus():
    """Yield token lists: the real corpus's text, cut at sentence ends instead of lines and stories."""
    texts = [text for _title, text in corpus.wiki_articles()]
    with open(gensim_data_path(corpus.LEE_FILE), encoding="utf-8") as stories:
        texts += stories.readlines()
    for text in texts:
        for paragraph in text.split("\n"):
            for sentence in corpus.split_sentences(paragraph):
                tokens = corpus.tokenize(sentence)
                if len(tokens) > 1:
                    yield tokens


def main(seeds=(42, 7)):
    versions = {"units": list(corpus.real_corpus()), "sentences": list(sentence_corpus())}
    for name, sentences in versions.items():
        print(f"{name}: {len(sentences):,} items, {sum(map(len, sentences)):,} tokens")
    for name, sentences in versions.items():
        for seed in seeds:
            wv = Word2Vec(sentences, **{**OLD_MAIN_SETTINGS, "seed": seed}).wv
            print(
                f"{name:>9}, seed {seed:>2}: WordSim353 rho {word_pair_score(wv):.2f} · "
                f"SimLex-999 rho {word_pair_score(wv, 'SimLex-999'):.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
