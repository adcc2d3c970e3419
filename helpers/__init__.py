"""Shared code for the course *Word Embeddings, hands on*.

Lessons do ``import helpers`` and then ``helpers.setup_notebook()``. Importing changes nothing
global and is cheap: each submodule (``helpers.corpus``, ``helpers.training``, ...) is imported
the first time a lesson uses it.

Modules are nouns, functions verbs; each module holds one idea. Where a module sits says who may use it:

- ``helpers/`` holds what two or more lessons (or the tools and tests of several lessons) share, e.g.
  ``helpers.corpus``, ``helpers.training``, ``helpers.storage``, ``helpers.plotting``;
- ``helpers/lessons/`` holds the modules exactly one lesson uses (``helpers.lessons.projection`` is
  lesson 05's), each named for its idea;
- ``helpers/exercises/`` holds the checks of each lesson's "Your turn" cells (``lessonNN.py``).

A module imports only from the modules below it, at the top of the file. The one exception: gensim,
scipy, scikit-learn, matplotlib and threadpoolctl are slow to import, so a module that does not always
need them imports them inside the functions that do, and its docstring says so.

The list of modules and the idea of each is written once, in CONTRIBUTING.md, "The helpers package"
(``tests/test_layout.py`` keeps it equal to the files here).
"""

from importlib import import_module

from helpers.errors import CourseError
from helpers.notebook import setup_notebook

__all__ = ["CourseError", "setup_notebook"]


def _lazy_submodules(package):
    """Return a module ``__getattr__`` for ``package`` that imports ``package.<name>`` on first use, so
    ``helpers.corpus.tokenize(...)`` works after ``import helpers`` (used here and by ``helpers.lessons``)."""

    def __getattr__(name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return import_module(f"{package}.{name}")  # the import also sets it on the package
        except ModuleNotFoundError as error:
            if error.name != f"{package}.{name}":
                raise
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None

    return __getattr__


__getattr__ = _lazy_submodules(__name__)
