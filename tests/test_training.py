"""helpers.training: settings (read-only), the loss callback and the cached main model."""

import copy
import json
import pickle

import numpy as np
import pytest
from gensim.models import Word2Vec

from helpers import CourseError, corpus, training

SENTENCES = [["the", "cat", "sleeps", "on", "the", "sofa"], ["the", "dog", "sleeps", "on", "the", "rug"]] * 20


@pytest.fixture
def small_main(monkeypatch, tmp_cache, write_file):
    """Make the 'real corpus' the Lee news stories and the main settings cheap, for speed."""
    news = write_file("news.txt", "\n".join(" ".join(s) for s in corpus.lee_sentences()))
    monkeypatch.setattr(corpus, "real_corpus", lambda: corpus.TokenFile(news))
    monkeypatch.setattr(training, "MAIN_SETTINGS", {**training.MAIN_SETTINGS, "epochs": 1, "min_count": 10})
    return tmp_cache


def test_main_settings_train_the_same_vectors_twice():
    settings = {**training.MAIN_SETTINGS, "min_count": 1, "epochs": 2}
    first, second = Word2Vec(SENTENCES, **settings), Word2Vec(SENTENCES, **settings)
    assert np.array_equal(first.wv.vectors, second.wv.vectors)


def test_tiny_settings_train_the_same_vectors_twice():
    first = Word2Vec(SENTENCES, **training.TINY_SETTINGS)
    second = Word2Vec(SENTENCES, **training.TINY_SETTINGS)
    assert np.array_equal(first.wv.vectors, second.wv.vectors)


def test_load_main_vectors_trains_once_then_reads_the_cache(small_main):
    first = training.load_main_vectors()
    files = sorted(path.name for path in (small_main / "models").iterdir())
    assert len(files) == 2 and files[0].endswith(".bin") and files[1].endswith(".vocab.txt")
    second = training.load_main_vectors()
    assert second.index_to_key == first.index_to_key
    assert np.array_equal(second.vectors, first.vectors)
    word = first.index_to_key[0]
    assert second.get_vecattr(word, "count") == first.get_vecattr(word, "count")


def test_load_main_vectors_rebuilds_a_damaged_cache(small_main):
    good = training.load_main_vectors()
    for path in (small_main / "models").glob("*.bin"):
        path.write_bytes(b"not a model")
    again = training.load_main_vectors()
    assert np.array_equal(again.vectors, good.vectors)


def test_remember_main_model_keeps_only_the_real_main_model(small_main):
    assert training.remember_main_model(Word2Vec(SENTENCES, **training.TINY_SETTINGS)) is False
    other_corpus = Word2Vec(SENTENCES, **training.MAIN_SETTINGS)  # right settings, wrong corpus
    assert training.remember_main_model(other_corpus) is False
    model = training.train_main_model()
    assert training.remember_main_model(model) is True
    assert np.array_equal(training.load_main_vectors().vectors, model.wv.vectors)


def test_main_model_stem_names_the_settings(monkeypatch):
    stem = training.main_model_stem()
    assert stem.startswith("main-") and len(stem) == len("main-") + 10
    monkeypatch.setattr(training, "MAIN_SETTINGS", {**training.MAIN_SETTINGS, "epochs": 1})
    assert training.main_model_stem() != stem, "other settings, another cached file"


@pytest.mark.parametrize("name", ["MAIN_SETTINGS", "TINY_SETTINGS"])
def test_the_shared_settings_are_read_only_and_say_how_to_copy(name):
    settings = getattr(training, name)
    before = dict(settings)
    for change in (
        lambda: settings.__setitem__("epochs", 3),
        lambda: settings.__delitem__("epochs"),
        lambda: settings.update(epochs=3),
        lambda: settings.pop("epochs"),
        lambda: settings.setdefault("alpha", 0.1),
        lambda: settings.clear(),
    ):
        with pytest.raises(CourseError, match=r"Change a copy instead: settings = \{\*\*helpers\.training"):
            change()
    with pytest.raises(CourseError):
        settings |= {"epochs": 3}
    assert dict(settings) == before


def test_the_shared_settings_still_work_as_a_dict():
    settings = training.TINY_SETTINGS
    assert repr(settings) == repr(dict(settings)), "a lesson that prints them shows a plain dict"
    copy_with_change = {**settings, "epochs": 2}
    copy_with_change["window"] = 1  # a copy is the learner's own
    assert type(copy_with_change) is dict and type(settings.copy()) is dict and type(settings | {}) is dict
    assert copy.deepcopy(settings) == settings and pickle.loads(pickle.dumps(settings)) == settings
    assert json.loads(json.dumps(settings)) == dict(settings)
    assert training._settings_key(training.MAIN_SETTINGS) == training._settings_key(dict(training.MAIN_SETTINGS))
    model = Word2Vec([["a", "b", "c"]] * 3, **{**settings, "epochs": 1})
    assert model.wv.vector_size == settings["vector_size"]
