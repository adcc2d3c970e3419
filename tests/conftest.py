"""Shared test fixtures. Tests never touch the learner's output/ or .cache/ folders."""

import pytest

PET_SENTENCES = [
    ["the", "cat", "sleeps", "on", "the", "sofa"],
    ["the", "dog", "sleeps", "on", "the", "rug"],
    ["a", "cat", "and", "a", "dog", "play"],
    ["the", "dog", "chases", "the", "cat"],
] * 5


@pytest.fixture
def tmp_output(tmp_path, monkeypatch):
    """Point helpers' output folder at a temporary directory."""
    folder = tmp_path / "output"
    monkeypatch.setenv("COURSE_OUTPUT_DIR", str(folder))
    return folder


@pytest.fixture
def tmp_cache(tmp_path, monkeypatch):
    """Point helpers' cache folder at a temporary directory."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("COURSE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def write_file(tmp_path):
    """Write bytes or text to a file in tmp_path and return its path."""

    def write(name, content):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def w2v_model():
    """A tiny Word2Vec model (8 dimensions, 12 words) trained in a moment; tests must not change it."""
    from gensim.models import Word2Vec

    return Word2Vec(PET_SENTENCES, vector_size=8, window=2, min_count=1, epochs=5, workers=1, seed=1)


@pytest.fixture
def save_binary(tmp_output):
    """Save a model's vectors in word2vec binary format through helpers.storage.new_file; return the path."""
    from helpers import storage

    def save(model, name):
        with storage.new_file(name) as path:
            model.wv.save_word2vec_format(path, binary=True)
        return path

    return save


# Three dimensions: royalty, gender (+ male, - female), fruit. Chosen so that king - man + woman = queen.
ROYAL_WORDS = {
    "man": [0.0, 1.0, 0.0],
    "woman": [0.0, -1.0, 0.0],
    "king": [1.0, 1.0, 0.0],
    "queen": [1.0, -1.0, 0.0],
    "prince": [1.0, 0.8, 0.2],
    "apple": [0.0, 0.0, 1.0],
    "pear": [0.1, 0.0, 1.0],
}
ROYAL_COUNTS = {"man": 50, "woman": 40, "king": 20, "queen": 10, "prince": 5, "apple": 3, "pear": 1}


@pytest.fixture
def royal_wv():
    """KeyedVectors of seven words in 3 dimensions where king - man + woman = queen, with word counts."""
    import numpy as np
    from gensim.models import KeyedVectors

    vectors = KeyedVectors(vector_size=3)
    vectors.add_vectors(list(ROYAL_WORDS), np.array(list(ROYAL_WORDS.values()), dtype=np.float32))
    for word, count in ROYAL_COUNTS.items():
        vectors.set_vecattr(word, "count", count)
    return vectors


@pytest.fixture
def model(w2v_model):
    """The tiny Word2Vec model, by the name the storage, loading and file-format tests use."""
    return w2v_model


@pytest.fixture
def output(tmp_output):
    """The test's own empty output folder (``tmp_output``), by the name the storage tests use."""
    return tmp_output
