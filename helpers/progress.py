"""Progress a learner can see while a long cell runs (lessons 06, 08, 10, 13 and your own, larger text).

``steps(items, "label")`` yields the items one by one and, in Jupyter, shows a live line such as
``sweep: 3 of 12 · 9 s`` with a progress bar under the cell while it runs. When the loop ends, the line
becomes ``sweep: 12 of 12 done``, which depends on nothing but the count, so it is the same on every run
and every computer.

How it stays out of the way of the tests (strict nbval compares every stored output): the display is
created with its *final* text, updated live while the loop runs (Jupyter's ``update_display_data``
messages, which a notebook stores only in their last state and nbval does not collect), and set back to
that final text at the end. So the output stored in the notebook and the one a re-run produces are the
same line, and the moving numbers never enter a compared output. Outside Jupyter (a script, a terminal)
the same function writes the live line to stderr with ``\\r`` and ends it with a newline.

Updates are sent at most every ``every`` seconds (0.5 by default), so a fast loop costs nothing.
"""

import sys
import time
from html import escape

from IPython.display import display

from helpers.errors import CourseError


def _count(items, total):
    if total is not None:
        if isinstance(total, bool) or not isinstance(total, int) or total < 0:
            raise CourseError(f"total must be a whole number of steps (0 or more), not {total!r}.")
        return total
    try:
        return len(items)
    except TypeError:
        return None


def _texts(label, done, total, seconds, finished):
    """The plain and the HTML text of one progress line."""
    if finished:
        text = f"{label}: {total} of {total} done" if total is not None else f"{label}: done"
        return text, f"<span>{escape(text)}</span>"
    of = f" of {total}" if total is not None else ""
    text = f"{label}: {done}{of} · {seconds:.0f} s"
    bar = f'<progress value="{done}" max="{total}" style="width: 12em"></progress> ' if total else ""
    return text, f"{bar}<span>{escape(text)}</span>"


class _JupyterLine:
    """One display under the running cell, created with its final text and updated in place."""

    def __init__(self, final):
        self._handle = display(self._bundle(*final), raw=True, display_id=True)

    @staticmethod
    def _bundle(text, html):
        return {"text/plain": text, "text/html": html}

    def show(self, text, html):
        self._handle.update(self._bundle(text, html), raw=True)


class _TerminalLine:
    """The same line on stderr, rewritten in place with a carriage return."""

    def __init__(self, stream=None):
        self._stream = stream or sys.stderr

    def show(self, text, html, end=""):
        self._stream.write(f"\r{text}{end}")
        self._stream.flush()


def _in_jupyter():
    shell = sys.modules.get("IPython") and getattr(sys.modules["IPython"], "get_ipython", lambda: None)()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def steps(items, label, total=None, every=0.5, line=None):
    """Yield each of ``items`` while showing ``label: k of n`` live; leave ``label: n of n done``.

    ``items``: any iterable (a list, a range, a generator). ``label``: a few words saying what is being
    done (``"sweep"``, ``"epochs"``). ``total``: the number of items, when ``items`` has no ``len()``
    (a generator); without it the line counts up with no bar. ``every``: the fewest seconds between two
    updates. ``line``: where to show it (for tests); by default a Jupyter display, or stderr outside
    Jupyter. Introduced in lesson 06's sweep; any loop of your own can use it::

        for window in helpers.progress.steps([2, 5, 10], "windows"):
            ...
    """
    if not isinstance(label, str) or not label.strip():
        raise CourseError(f"The label must be a few words saying what is being done, e.g. 'sweep'; got {label!r}.")
    if isinstance(items, (str, bytes)):
        raise CourseError("steps() needs a collection of steps (a list, a range, ...), not a single string.")
    try:
        iterator = iter(items)
    except TypeError:
        raise CourseError(
            f"steps() needs something to loop over (a list, a range, ...); got {type(items).__name__}."
        ) from None
    total = _count(items, total)
    final = _texts(label, total, total, 0, finished=True)
    if line is None:
        line = _JupyterLine(final) if _in_jupyter() else _TerminalLine()
    start = last = time.monotonic()
    done = 0
    finished = False
    line.show(*_texts(label, 0, total, 0, finished=False))
    try:
        for item in iterator:
            yield item
            done += 1
            now = time.monotonic()
            if now - last >= every:
                line.show(*_texts(label, done, total, now - start, finished=False))
                last = now
        finished = True
    finally:
        if finished and total is not None and done != total:
            # Say what really happened: the stored line then differs, and the test that compares it tells.
            text = f"{label}: {done} of {total} (total was {total}, but there were {done} steps)"
            final = text, f"<span>{escape(text)}</span>"
        elif not finished:
            text = f"{label}: stopped after {done}" + (f" of {total}" if total is not None else "")
            final = text, f"<span>{escape(text)}</span>"
        if isinstance(line, _TerminalLine):
            line.show(*final, end="\n")
        else:
            line.show(*final)
