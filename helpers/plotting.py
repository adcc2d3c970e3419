"""Figures for the lessons. Every function draws on ``ax`` (a new figure if ``None``), returns the
``Axes`` and never calls ``plt.show()``; the lesson decides when to show.

Colours come from the Okabe-Ito palette, which stays distinct for colour-blind readers.
"""
import matplotlib.pyplot as plt
import numpy as np

from helpers.errors import CourseError

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]


def _axes(ax):
    return ax if ax is not None else plt.subplots()[1]


def zipf(counts, ax=None, label=None):
    """Plot word frequency against frequency rank on log-log axes (lesson 01).

    ``counts`` is a ``Counter`` (or dict) of word -> count. A straight-ish line is Zipf's law.
    """
    if not counts:
        raise CourseError("No word counts to plot: the corpus is empty.")
    frequencies = np.array(sorted(counts.values(), reverse=True))
    ax = _axes(ax)
    ax.loglog(np.arange(1, len(frequencies) + 1), frequencies, marker=".", linestyle="none",
              markersize=3, color=PALETTE[0], label=label)
    ax.set(xlabel="rank of the word (1 = most frequent)", ylabel="how often it occurs",
           title="Word frequency against rank (Zipf's law)")
    return ax


def loss_curve(losses, ax=None, label=None):
    """Plot one training loss per epoch (``losses``: list of float, as ``LossLogger.losses``) (lesson 02)."""
    if len(losses) == 0:
        raise CourseError("No losses to plot: train with compute_loss=True and callbacks=[LossLogger()].")
    ax = _axes(ax)
    ax.plot(np.arange(1, len(losses) + 1), losses, marker="o", color=PALETTE[0], label=label)
    ax.set(xlabel="epoch", ylabel="training loss in that epoch", title="Training loss per epoch")
    ax.set_ylim(bottom=0)
    return ax


def scatter_2d(points, labels, groups=None, ax=None, title="Words in two dimensions"):
    """Draw labelled points (``points``: n x 2 array; ``labels``: n words), coloured by ``groups``
    (n group names, or ``None`` for one colour), with a legend when there are groups."""
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(labels):
        raise CourseError(f"Expected one (x, y) pair per label: got points of shape {points.shape} "
                          f"for {len(labels)} labels.")
    groups = list(groups) if groups is not None else [None] * len(labels)
    ax = _axes(ax)
    for colour, group in zip(PALETTE * 4, dict.fromkeys(groups)):
        mask = np.array([g == group for g in groups])
        ax.scatter(points[mask, 0], points[mask, 1], color=colour, label=group, s=25)
    for (x, y), label in zip(points, labels):
        ax.annotate(label, (x, y), textcoords="offset points", xytext=(4, 3), fontsize=9)
    if groups[0] is not None:
        ax.legend(loc="best", fontsize=8)
    ax.set(title=title, xlabel="dimension 1", ylabel="dimension 2")
    return ax
