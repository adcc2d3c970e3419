"""Induce lesson 10's English-Spanish dictionary from the verse-aligned Bibles in data/bible/.

    .venv/bin/python tools/research/build_dictionary.py     # writes data/bible/en_es_dictionary.tsv (seconds)

How (also written at the top of the file it makes):
1. Tokenize every verse present in both Bibles as the lesson does (helpers.lessons.bilingual.tokenize_verse, which
   gives the same tokens as helpers.corpus.tokenize).
2. Keep words that occur in at least MIN_VERSES verses in their language.
3. For each English word e and Spanish word s, the Dice coefficient over verses:
   dice = 2 * verses(e and s) / (verses(e) + verses(s)).
4. Keep mutual best matches: s is e's best Spanish partner and e is s's best English partner.
5. Drop pairs with dice < MIN_DICE and pairs whose English word is a stopword (gensim's list:
   the, and, of ... have no one translation).
6. Shuffle with a fixed seed and write the rows in that order; the first TEST_SIZE are marked 'test'
   (held out), the rest 'seed' (so the first n seed rows are a random sample of the seed pairs).
Never run by a lesson or a test; its output is committed.

Last run: 2026-12-03, after the move to tools/research/: the same 957 rows as commit 6bc6da2 (2026-11-26),
only the header's script path changed. tests/test_research_scripts.py checks that ``rows(induce())`` still
gives exactly the committed rows.
"""

import random
from collections import Counter

import numpy as np
import scipy.sparse as sparse

from helpers.lessons.bilingual import BIBLE_DIR, DICTIONARY_FILE, aligned_verses
from helpers.words import is_stopword

MIN_VERSES = 20
MIN_DICE = 0.45
TEST_SIZE = 400
SEED = 10


def incidence(verses):
    """Return (verse × word 0/1 sparse matrix, vocabulary, verses per word) for words in >= MIN_VERSES verses."""
    counts = Counter(word for verse in verses for word in set(verse))
    vocab = sorted(word for word, count in counts.items() if count >= MIN_VERSES)
    index = {word: i for i, word in enumerate(vocab)}
    rows, cols = [], []
    for row, verse in enumerate(verses):
        for word in set(verse):
            if word in index:
                rows.append(row)
                cols.append(index[word])
    matrix = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(verses), len(vocab)))
    return matrix, vocab, np.asarray(matrix.sum(axis=0)).ravel()


def induce():
    """Return [(english, spanish, dice)], mutual best Dice matches, filtered as the module docstring says."""
    pairs = aligned_verses()
    english, en_vocab, en_df = incidence([en for en, _ in pairs])
    spanish, es_vocab, es_df = incidence([es for _, es in pairs])
    both = (english.T @ spanish).toarray()
    dice = 2 * both / (en_df[:, None] + es_df[None, :])
    best_es, best_en = dice.argmax(axis=1), dice.argmax(axis=0)
    found = []
    for i, j in enumerate(best_es):
        if best_en[j] == i and dice[i, j] >= MIN_DICE and not is_stopword(en_vocab[i]):
            found.append((en_vocab[i], es_vocab[j], float(dice[i, j])))
    return found


def rows(found):
    """Return the dictionary's rows ``(english, spanish, "dice", split)`` in the file's order: ``found``
    shuffled with SEED, the first TEST_SIZE pairs of the shuffle marked 'test', the others 'seed'."""
    order = list(range(len(found)))
    random.Random(SEED).shuffle(order)
    test = set(order[:TEST_SIZE])
    # rows in shuffled order: the first n seed rows are a random sample
    return [
        (found[rank][0], found[rank][1], f"{found[rank][2]:.3f}", "test" if rank in test else "seed") for rank in order
    ]


def main():
    found = induce()
    table = rows(found)
    out = BIBLE_DIR / DICTIONARY_FILE
    with open(out, "w", encoding="utf-8", newline="\n") as file:
        file.write(
            "# English-Spanish word pairs induced from the verse-aligned KJV and Reina-Valera 1909 Bibles\n"
            f"# by tools/research/build_dictionary.py: words in >= {MIN_VERSES} verses (tokenized by "
            "helpers.corpus.tokenize),\n"
            f"# Dice coefficient over verse co-occurrence, mutual best matches, dice >= {MIN_DICE:.2f}, English\n"
            f"# stopwords dropped; rows shuffled (seed {SEED}, so the first n seed rows are a random sample);\n"
            f"# the first {TEST_SIZE} rows are marked 'test' (held out), the rest 'seed'.\n"
            "# Public Domain, like the two Bibles (see data/README.md).\n"
        )
        file.write("english\tspanish\tdice\tsplit\n")
        for row in table:
            file.write("\t".join(row) + "\n")
    test = sum(1 for row in table if row[3] == "test")
    print(f"{len(found)} pairs ({len(found) - test} seed, {test} test) -> {out}")


if __name__ == "__main__":
    main()
