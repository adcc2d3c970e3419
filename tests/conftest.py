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
