"""Shared code for the course *Word Embeddings, hands on*.

Lessons do ``import helpers`` and then ``helpers.setup_notebook()``. Importing changes nothing
global and is cheap: each submodule (``helpers.corpus``, ``helpers.training``, ...) is imported
the first time a lesson uses it.

Modules are nouns, functions are verbs:

- ``helpers.corpus``   - reading, tokenizing and streaming text (lesson 01)
- ``helpers.training`` - training callbacks and the course's main model settings (lesson 02)
- ``helpers.vocab``    - word look-ups that explain a missing word (lesson 02 and later)
- ``helpers.plotting`` - figures that return their Axes (lesson 01 and later)
- ``helpers.paths``    - where data, outputs and caches live
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
