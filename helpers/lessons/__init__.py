"""Modules that exactly one lesson uses, each named for its idea; its docstring names the lesson.

A lesson calls them as ``helpers.lessons.<module>.<name>`` after ``import helpers``, e.g.
``helpers.lessons.projection.group_vectors(wv, groups)`` in lesson 05. What several lessons (or the
tools and tests of several lessons) share lives one level up, in ``helpers/``. When a second lesson
starts to use a module here, move it up (and rename its uses with a plain text replace).

The list of modules, with the lesson of each: CONTRIBUTING.md, "The helpers package".
"""

from helpers import _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
