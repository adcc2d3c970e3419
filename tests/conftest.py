"""Shared test fixtures, one copy each. Tests never touch the learner's output/ or .cache/ folders.

A script of the repository (course.py, tools/) is loaded by path with ``load_script`` from
``tests/repo_scripts.py``: tools/ is not a package.
"""

import shutil

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


# Words for FastText: related forms ("government", "governments"; "running", "runner") share n-grams.
SUBWORD_SENTENCES = [
    ["the", "runner", "was", "running", "in", "the", "park"],
    ["a", "runner", "runs", "every", "morning"],
    ["the", "government", "and", "the", "governments", "met"],
    ["running", "is", "good", "for", "the", "runner"],
] * 5


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


@pytest.fixture(scope="session")
def subword_sentences():
    """The sentences ``fasttext_model`` and ``subword_w2v`` learned from (tests must not change them)."""
    return SUBWORD_SENTENCES


@pytest.fixture(scope="session")
def fasttext_model():
    """A tiny FastText model (10 dimensions, n-grams of 3-5 letters, 1,000 buckets) of SUBWORD_SENTENCES;
    tests must not change it."""
    from gensim.models import FastText

    return FastText(
        SUBWORD_SENTENCES,
        vector_size=10,
        window=2,
        min_count=1,
        epochs=5,
        min_n=3,
        max_n=5,
        bucket=1000,
        workers=1,
        seed=42,
    )


@pytest.fixture(scope="session")
def subword_w2v():
    """Word2Vec vectors of SUBWORD_SENTENCES keeping only words seen 6 times or more, to set beside
    ``fasttext_model`` (a rare word has no Word2Vec vector there)."""
    from gensim.models import Word2Vec

    return Word2Vec(SUBWORD_SENTENCES, vector_size=10, window=2, min_count=6, epochs=5, workers=1, seed=42).wv


@pytest.fixture
def close_figures():
    """Close every matplotlib figure a test opened (use: ``pytestmark = pytest.mark.usefixtures("close_figures")``)."""
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


@pytest.fixture(scope="session")
def main_vectors(tmp_path_factory):
    """The main model's vectors, from a cache folder of this test session: copied from the learner's
    ``.cache/models/`` when it holds them (only read), otherwise trained there (about 15 s)."""
    from helpers import files, training

    mp = pytest.MonkeyPatch()
    learner_models = files.ROOT / ".cache" / "models"
    cache = tmp_path_factory.mktemp("cache")
    mp.setenv("COURSE_CACHE_DIR", str(cache))
    try:
        stem = training.main_model_stem()
        for suffix in (".bin", ".vocab.txt"):
            cached = learner_models / f"{stem}{suffix}"
            if cached.is_file():
                shutil.copyfile(cached, files.cache_dir("models") / cached.name)
        yield training.load_main_vectors()
    finally:
        mp.undo()
