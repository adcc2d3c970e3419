"""Checks for the "Your turn" exercises of lesson 03 · Saving and loading."""

import re

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
    """Check that ``model`` (a ``Word2Vec`` loaded from a file and trained further on ``new_sentences``) has
    learned ``word``: it is in the vocabulary, training keeps most of its uses, and ``train`` ran after
    ``build_vocab(update=True)`` with the thinning of frequent words switched on.

    ``train`` is found in gensim's ``model.lifecycle_events`` (a record of each ``build_vocab`` and
    ``train`` call, with the ``sample`` that ``train`` used); if a learner switched that record off,
    ``model.train_count`` (1 for a saved model trained once) tells whether ``train`` ran again.
    """
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
                "build_vocab(update=True) worked out the thinning of frequent words from the new "
                f"sentences alone, where '{word}' is among the most frequent words. Which setting "
                "controls thinning, and when does build_vocab read it?"
            )
        trainings = _trainings_after_update(model)
        if trainings == "no update":
            return not_yet(
                f"'{word}' is in the vocabulary, but not through build_vocab(new_sentences, update=True): "
                "load the saved model, update its vocabulary with the new sentences, then train it."
            )
        if trainings is None:  # no record kept: a loaded model trained once has train_count 1
            trainings = [None] * max(getattr(model, "train_count", 0) - 1, 0)
        if not trainings:
            return not_yet(
                f"'{word}' is in the vocabulary, but its vector is still its random start: call "
                "model.train(new_sentences, total_examples=model.corpus_count, epochs=10) after "
                "build_vocab(..., update=True)."
            )
        if trainings[-1] == 0:
            return not_yet(
                f"'{word}' was trained, but train() also reads model.sample: it ran with sample=0, so "
                "it thinned no word at all, and 'the' and 'in' were trained at every use, unlike in "
                "the model's first training. Set model.sample back to its old value after "
                "build_vocab and before train (load the saved model again and run the cell again)."
            )
        return right(
            f"'{word}' is in the vocabulary now ({len(model.wv):,} words). It took at least "
            f"min_count={model.min_count} uses in the new sentences, build_vocab(update=True), "
            f"thinning that keeps {keep:.0%} of its uses, and train()."
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


_TRAIN_SAMPLE = re.compile(r"\bsample=(\S+)")


def _trainings_after_update(model):
    """Return the ``sample`` of each ``train`` call after the last ``build_vocab(update=True)`` (a list of
    floats, ``None`` where gensim's record does not say), ``"no update"`` if the record holds no such
    ``build_vocab``, or ``None`` if the model keeps no record.

    gensim 4.4 appends ``{"event": "build_vocab", "update": True, ...}`` at the end of ``build_vocab``, and
    ``{"event": "train", "msg": "... sample=0.001 ..."}`` at the start of ``train`` (then a second "train"
    record, a tally without the settings, at its end).
    """
    events = getattr(model, "lifecycle_events", None)
    if not events:
        return None
    updates = [i for i, event in enumerate(events) if event.get("event") == "build_vocab" and event.get("update")]
    if not updates:
        return "no update"
    trainings = [event for event in events[updates[-1] + 1 :] if event.get("event") == "train"]
    samples = []
    for event in trainings:  # a train call leaves two records: its settings when it starts, then a tally
        found = _TRAIN_SAMPLE.search(str(event.get("msg", "")))
        if found:
            try:
                samples.append(float(found.group(1)))
            except ValueError:
                samples.append(None)
    return samples or [None] * bool(trainings)
