"""The one exception the course raises for a learner's mistake, and the width of a printed line."""

import textwrap

# Characters a printed line may take: JupyterLab's notebook column holds them at its default width, so
# a longer message is wrapped between words instead of being broken in the middle of one.
WIDTH = 100


def wrap(text, width=WIDTH):
    """Return ``text`` with each of its lines wrapped between words at ``width`` characters.

    A word longer than ``width`` (a path, a URL) stays whole on a line of its own. Used for exercise
    feedback and error messages (every lesson).
    """
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if line.strip() else line
        for line in str(text).split("\n")
    )


class CourseError(ValueError):
    """A problem the learner can fix: the message says what went wrong and what to do next.

    In Jupyter it shows as a short clear message, wrapped to the notebook column, instead of a long
    traceback; ``str(error)`` is the message itself, on one line (``print(wrap(error))`` wraps it).
    """

    def _render_traceback_(self):
        # IPython calls this hook instead of printing the traceback: the message is what matters.
        return wrap(f"CourseError: {self}").split("\n")
