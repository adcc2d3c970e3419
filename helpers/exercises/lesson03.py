"""Checks for the "Your turn" exercises of lesson 03 · Saving and loading."""

import numpy as np

from helpers.exercises import not_yet, right


def check_top_words(wv_small, wv, n=1000):
    """Check that ``wv_small`` holds exactly the ``n`` most frequent words of ``wv``, with the same vectors
    (what ``KeyedVectors.load_word2vec_format(..., limit=n)`` gives)."""
    if not hasattr(wv_small, "index_to_key") or not hasattr(wv_small, "vectors"):
        return not_yet(
            "wv_small should be the KeyedVectors that KeyedVectors.load_word2vec_format(...) "
            f"returns, not a {type(wv_small).__name__}."
        )
    size = len(wv_small.index_to_key)
    if size == len(wv.index_to_key):
        return not_yet(
            f"all {size:,} words were loaded. One parameter of load_word2vec_format stops "
            f"after the first words of the file: help(KeyedVectors.load_word2vec_format) "
            f"lists them. You want the first {n:,}."
        )
    if size != n:
        return not_yet(f"{size:,} words were loaded, and the task asks for the {n:,} most frequent: use limit={n}.")
    if list(wv_small.index_to_key) != list(wv.index_to_key[:n]):
        return not_yet(
            f"these {n:,} words are not the first {n:,} of the file: load the binary file that "
            "section 4 saved from model.wv, with limit=."
        )
    if not np.array_equal(wv_small.vectors, wv.vectors[:n]):
        return not_yet(
            "the words are right but their vectors differ: load the binary file saved from "
            "model.wv, before section 7 trains the model further."
        )
    share = wv_small.vectors.nbytes / wv.vectors.nbytes
    return right(
        f"{n:,} words, {share:.0%} of the memory. The file lists the most frequent words first, "
        "so limit= keeps the words you are most likely to ask about."
    )


def check_new_word(model, word, new_sentences):
    """Check that ``model`` (a ``Word2Vec`` trained further on ``new_sentences``) has learned ``word``."""
    if not isinstance(word, str) or not word.strip():
        return not_yet(f"word should be the made-up word as a string, got {word!r}.")
    if not hasattr(model, "wv") or not hasattr(model, "min_count"):
        return not_yet(
            f"model should be the full Word2Vec model you loaded, not a {type(model).__name__}: "
            "only a full model can learn new words."
        )
    if word in model.wv.key_to_index:
        keep = model.wv.get_vecattr(word, "sample_int") / (2**32 - 1)  # chance that training keeps a use
        if keep < 0.5:
            return not_yet(
                f"'{word}' is in the vocabulary, but training keeps only {keep:.0%} of its uses: "
                "build_vocab(update=True) worked out the thinning of frequent words (sample="
                f"{model.sample}) from the new sentences alone, where '{word}' is among the most "
                "frequent words. Set model.sample = 0 before build_vocab(..., update=True)."
            )
        return right(
            f"'{word}' is in the vocabulary now ({len(model.wv):,} words). It took at least "
            f"min_count={model.min_count} uses in the new sentences, build_vocab(update=True) "
            "and train()."
        )
    count = sum(sentence.count(word) for sentence in new_sentences)
    if count == 0:
        lower = sum(sentence.count(word.lower()) for sentence in new_sentences)
        if lower:
            return not_yet(f"the sentences are lowercased, so look for '{word.lower()}', not '{word}'.")
        return not_yet(f"'{word}' does not appear in new_sentences: check its spelling in your sentences.")
    if count < model.min_count:
        return not_yet(
            f"'{word}' appears {count} times in new_sentences, but this model keeps only words "
            f"seen at least min_count={model.min_count} times (counted in the new sentences "
            "alone): add sentences that use it."
        )
    return not_yet(
        f"'{word}' appears {count} times, enough, but it is not in the vocabulary: call "
        "model.build_vocab(new_sentences, update=True) before model.train(...)."
    )
