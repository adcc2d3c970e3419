"""Modules that exactly one lesson uses, each named for its idea; its docstring names the lesson.

A lesson calls them as ``helpers.lessons.<module>.<name>`` after ``import helpers``, e.g.
``helpers.lessons.projection.group_vectors(wv, groups)`` in lesson 05. What several lessons (or the
tools and tests of several lessons) share lives one level up, in ``helpers/``. When a second lesson
starts to use a module here, move it up (and rename its uses with a plain text replace).

The list of modules, with the lesson of each: CONTRIBUTING.md, "The helpers package".
"""

from importlib import import_module


def __getattr__(name):
    """Import a submodule on first use, so ``helpers.lessons.bilingual.load_bible(...)`` works at once."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        module = import_module(f"helpers.lessons.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"helpers.lessons.{name}":
            raise
        raise AttributeError(f"module 'helpers.lessons' has no attribute {name!r}") from None
    globals()[name] = module
    return module
