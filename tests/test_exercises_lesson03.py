"""The friendly checks of lesson 03's exercises say "right" only for a right answer, and why not otherwise."""

import copy

import numpy as np
import pytest
from gensim.models import KeyedVectors, Word2Vec

from helpers.exercises import lesson03


@pytest.fixture
def model(w2v_model):
    """A fresh copy of the tiny model, which a test may train further; with min_count=3, so that a new word
    seen twice stays out of the vocabulary (every word of the copy is seen 5 times or more)."""
    model = copy.deepcopy(w2v_model)
    model.min_count = 3
    return model


def first(wv, n):
    small = KeyedVectors(wv.vector_size)
    small.add_vectors(wv.index_to_key[:n], wv.vectors[:n])
    return small


def test_top_words_right(model):
    feedback = lesson03.check_top_words(first(model.wv, 4), model.wv, n=4)
    assert feedback.ok and "4 words" in feedback.message


def test_top_words_all_words_loaded(model):
    feedback = lesson03.check_top_words(model.wv, model.wv, n=4)
    assert not feedback.ok and "help(KeyedVectors.load_word2vec_format)" in feedback.message
    assert "limit=" not in feedback.message  # the hint must not give the answer away


def test_top_words_wrong_count(model):
    feedback = lesson03.check_top_words(first(model.wv, 3), model.wv, n=4)
    assert not feedback.ok and "3 words were loaded" in feedback.message and "limit=4" in feedback.message


def test_top_words_not_the_first_words(model):
    shuffled = KeyedVectors(model.wv.vector_size)
    shuffled.add_vectors(model.wv.index_to_key[1:5], model.wv.vectors[1:5])
    feedback = lesson03.check_top_words(shuffled, model.wv, n=4)
    assert not feedback.ok and "not the first 4" in feedback.message


def test_top_words_other_vectors(model):
    other = KeyedVectors(model.wv.vector_size)
    other.add_vectors(model.wv.index_to_key[:4], model.wv.vectors[:4] + np.float32(1))
    feedback = lesson03.check_top_words(other, model.wv, n=4)
    assert not feedback.ok and "vectors differ" in feedback.message


def test_top_words_not_keyed_vectors(model):
    feedback = lesson03.check_top_words(["cat"], model.wv, n=4)
    assert not feedback.ok and "not a list" in feedback.message


def update_and_train(model, new, sample_during_train=None, epochs=2):
    """The lesson's solution: thinning off while build_vocab works out the chances, back on for train."""
    sample = model.sample
    model.sample = 0  # thinning worked out from three sentences would drop most uses of every word
    model.build_vocab(new, update=True)
    model.sample = sample if sample_during_train is None else sample_during_train
    model.train(new, total_examples=model.corpus_count, epochs=epochs)


def test_new_word_learned(model):
    new = [["the", "zorb", "sleeps"]] * 3
    update_and_train(model, new)
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert feedback.ok and "min_count=3" in feedback.message and "keeps 100% of its uses" in feedback.message


def test_new_word_learned_by_a_model_loaded_from_a_file(model, tmp_path):
    model.save(str(tmp_path / "m.model"))
    loaded = Word2Vec.load(str(tmp_path / "m.model"))  # the lesson loads the model it saved
    new = [["the", "zorb", "sleeps"]] * 3
    update_and_train(loaded, new)
    assert lesson03.check_new_word(loaded, "zorb", new).ok


def test_new_word_thinned_away(model):
    new = [["the", "zorb", "sleeps"]] * 3
    model.build_vocab(new, update=True)  # the default sample=1e-3, counted in these sentences alone
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert not feedback.ok and "keeps only" in feedback.message and "Which setting" in feedback.message
    assert "sample = 0" not in feedback.message  # a question, not the answer


def test_new_word_without_train_is_not_learned(model):
    new = [["the", "zorb", "sleeps"]] * 3
    model.sample = 0
    model.build_vocab(new, update=True)  # the learner forgot the train line
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert not feedback.ok and "random start" in feedback.message and "model.train(new_sentences" in feedback.message


def test_new_word_trained_before_build_vocab_is_not_learned(model):
    new = [["the", "zorb", "sleeps"]] * 3
    model.train(new, total_examples=len(new), epochs=2)  # zorb is not in the vocabulary yet: skipped
    model.sample = 0
    model.build_vocab(new, update=True)
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert not feedback.ok and "random start" in feedback.message


def test_new_word_trained_with_no_thinning_at_all(model):
    new = [["the", "zorb", "sleeps"]] * 3
    update_and_train(model, new, sample_during_train=0)
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert not feedback.ok and "sample=0" in feedback.message and "back" in feedback.message


def test_new_word_in_a_model_trained_from_scratch(model):
    new = [["the", "zorb", "sleeps"]] * 3
    fresh = Word2Vec(new, vector_size=8, min_count=3, sample=0, workers=1, seed=1)
    feedback = lesson03.check_new_word(fresh, "zorb", new)
    assert not feedback.ok and "not through build_vocab(new_sentences, update=True)" in feedback.message


@pytest.mark.parametrize("train", [False, True])
def test_new_word_without_gensims_record_falls_back_on_train_count(model, train):
    model.lifecycle_events = None  # gensim's documented switch: no record is kept
    new = [["the", "zorb", "sleeps"]] * 3
    model.sample = 0
    model.build_vocab(new, update=True)
    if train:
        model.train(new, total_examples=model.corpus_count, epochs=2)
    assert lesson03.check_new_word(model, "zorb", new).ok is train


def test_new_word_too_rare(model):
    new = [["the", "zorb", "sleeps"]] * 2
    model.build_vocab(new, update=True)
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert not feedback.ok and "appears 2 times" in feedback.message and "min_count=3" in feedback.message


def test_new_word_enough_but_no_build_vocab(model):
    new = [["the", "zorb", "sleeps"]] * 3
    feedback = lesson03.check_new_word(model, "zorb", new)
    assert not feedback.ok and "build_vocab(new_sentences, update=True)" in feedback.message


def test_new_word_missing_or_capitalised(model):
    new = [["the", "zorb", "sleeps"]] * 3
    assert "look for 'zorb'" in lesson03.check_new_word(model, "Zorb", new).message
    feedback = lesson03.check_new_word(model, "blorp", new)
    assert not feedback.ok and "does not appear" in feedback.message


@pytest.mark.parametrize("word", ["", None, 7])
def test_new_word_not_a_word(model, word):
    feedback = lesson03.check_new_word(model, word, [])
    assert not feedback.ok and "as a string" in feedback.message


def test_new_word_needs_the_full_model(model):
    feedback = lesson03.check_new_word(model.wv, "zorb", [])
    assert not feedback.ok and "full Word2Vec model" in feedback.message
