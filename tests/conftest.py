"""Shared test fixtures. Tests never touch the learner's output/ or .cache/ folders."""
import pytest


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
