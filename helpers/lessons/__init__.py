"""Modules that exactly one lesson uses, each named for its idea; its docstring names the lesson.

- ``helpers.lessons.spark`` - starting Apache Spark in local mode and reading its Word2Vec vectors (lesson 13)

Importing ``helpers.lessons`` changes nothing global and imports none of them: each module is imported
the first time a lesson uses it (``helpers.lessons.spark.start_spark()`` works after ``import helpers``).
"""

from importlib import import_module


def __getattr__(name):
    """Import a submodule on first use, so ``helpers.lessons.spark.start_spark()`` works after ``import helpers``."""
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
