"""The one exception the course raises for a learner's mistake."""


class CourseError(ValueError):
    """A problem the learner can fix: the message says what went wrong and what to do next.

    In Jupyter it shows as a single clear line instead of a long traceback.
    """

    def _render_traceback_(self):
        # IPython calls this hook instead of printing the traceback: the message is what matters.
        return [f"CourseError: {self}"]
