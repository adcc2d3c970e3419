"""Shared code for the course *Word Embeddings, hands on*.

Lessons do ``import helpers`` and then ``helpers.setup_notebook()``. Importing changes nothing
global and is cheap: each submodule (``helpers.corpus``, ``helpers.training``, ...) is imported
the first time a lesson uses it.

Modules are nouns, functions are verbs:

- ``helpers.corpus``     - reading, tokenizing and streaming text (lesson 01)
- ``helpers.training``   - training callbacks and the course's main model settings (lesson 02)
- ``helpers.vocab``      - word look-ups that explain a missing word (lesson 02 and later)
- ``helpers.storage``    - saving without replacing your files, and loading safely (lesson 03)
- ``helpers.vectors``    - analogies, norms and frequency (lesson 04)
- ``helpers.projection`` - word groups, t-SNE perplexity, Embedding Projector export (lesson 05)
- ``helpers.evaluation`` - similarity and analogy benchmarks with coverage (lesson 06)
- ``helpers.subwords``   - character n-grams and FastText comparisons (lesson 07)
- ``helpers.plotting``   - figures that return their Axes (every lesson)
- ``helpers.exercises``  - friendly checks for the "Your turn" cells
- ``helpers.paths``      - where data, outputs and caches live
"""
from importlib import import_module

from helpers.errors import CourseError
from helpers.notebook import setup_notebook

__all__ = ["CourseError", "setup_notebook"]


def __getattr__(name):
    """Import a submodule on first use, so ``helpers.corpus.tokenize(...)`` works after ``import helpers``."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        module = import_module(f"helpers.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"helpers.{name}":
            raise
        raise AttributeError(f"module 'helpers' has no attribute {name!r}") from None
    globals()[name] = module
    return module
