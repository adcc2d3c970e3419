"""Friendly checks for the "Your turn" exercises.

Each lesson's checks live in ``helpers/exercises/lessonNN.py`` and are called from the exercise
cell, e.g. ``helpers.exercises.lesson01.check_numbers_tokenizer(keep_numbers_tokenize)``.
A check never raises on a wrong answer: it returns a ``Feedback`` that shows as one line,
"[ok] ..." when the answer is right or "[not yet] <hint>" when it is not. The markers are plain ASCII
so they show in every font (emoji such as a green tick render as empty boxes where no emoji font is
installed). A long message is wrapped between words at ``helpers.errors.WIDTH`` characters, so it fits
the notebook column instead of breaking in the middle of a word.
"""

from importlib import import_module

from helpers.errors import wrap

OK_MARK = "[ok]"
NOT_YET_MARK = "[not yet]"


class Feedback:
    """The verdict of an exercise check: ``ok`` (bool) and a ``message`` for the learner."""

    def __init__(self, ok, message):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return wrap(f"{OK_MARK if self.ok else NOT_YET_MARK} {self.message}")


def right(message="Right!"):
    """Return a passing ``Feedback`` with ``message``."""
    return Feedback(True, message)


def not_yet(hint):
    """Return a failing ``Feedback`` whose ``hint`` says what to look at next."""
    return Feedback(False, hint)


def __getattr__(name):
    """Import ``helpers.exercises.lessonNN`` on first use."""
    if not name.startswith("lesson"):
        raise AttributeError(name)
    module = import_module(f"helpers.exercises.{name}")
    globals()[name] = module
    return module
