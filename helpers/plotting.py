"""Figures for the lessons. Every function draws on ``ax`` (a new figure if ``None``), returns the
``Axes`` and never calls ``plt.show()``; the lesson decides when to show.

Colours come from the Okabe-Ito palette, which stays distinct for colour-blind readers; groups also
get different marker shapes, so they stay apart in grey print too.
"""
import matplotlib.patheffects as path_effects
import matplotlib.pyplot as plt
import numpy as np

from helpers.errors import CourseError
from helpers.numeric import as_numbers, is_whole_number

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
# Word labels get a thin white outline, so they stay readable where they cross points or lines.
_HALO = [path_effects.withStroke(linewidth=2.5, foreground="white")]


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


def _check_points(points, labels):
    """Return ``points`` as an n x 2 float array, or raise ``CourseError`` if it does not fit ``labels``."""
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(labels):
        raise CourseError(f"Expected one (x, y) pair per label: got points of shape {points.shape} "
                          f"for {len(labels)} labels.")
    if not len(points):
        raise CourseError("There are no points to plot: pass at least one word.")
    if not np.isfinite(points).all():
        raise CourseError("Some points are NaN or infinite, so they cannot be drawn: check the vectors "
                          "you projected.")
    return points


def _spread_out(points, k):
    """Indices of ``k`` points chosen far from each other (farthest-point order, starting at point 0),
    so the labels drawn for them do not pile up."""
    chosen = [0]
    distance = np.linalg.norm(points - points[0], axis=1)
    while len(chosen) < k:
        index = int(np.argmax(distance))
        chosen.append(index)
        distance = np.minimum(distance, np.linalg.norm(points - points[index], axis=1))
    return sorted(chosen)


def scatter_2d(points, labels, groups=None, ax=None, title="Words in two dimensions", *, max_labels=40,
               label_words=None, xlabel="dimension 1", ylabel="dimension 2"):
    """Draw labelled points (``points``: n x 2 array; ``labels``: n words), coloured and shaped by
    ``groups`` (n group names, or ``None`` for one colour), with a legend when there are groups
    (lessons 02 and 05).

    Many labels overlap, so at most ``max_labels`` are written: those in ``label_words`` if given,
    otherwise a spread-out selection; the title then says how many are labelled.
    """
    labels = list(labels)
    points = _check_points(points, labels)
    groups = list(groups) if groups is not None else [None] * len(labels)
    if len(groups) != len(labels):
        raise CourseError(f"Expected one group per label: got {len(groups)} groups for {len(labels)} labels.")
    if not is_whole_number(max_labels, minimum=0):
        raise CourseError(f"max_labels must be a whole number, 0 or more, got {max_labels!r}.")
    ax = _axes(ax)
    styles = zip(PALETTE * 4, MARKERS * 4)
    for (colour, marker), group in zip(styles, dict.fromkeys(groups)):
        mask = np.array([g == group for g in groups])
        ax.scatter(points[mask, 0], points[mask, 1], color=colour, marker=marker, label=group, s=28,
                   edgecolors="white", linewidths=0.4)
    if label_words is not None:
        unknown = [word for word in label_words if word not in labels]
        if unknown:
            raise CourseError(f"label_words has words that are not plotted: {unknown[:5]}. Pick words "
                              "from the labels you passed.")
        shown = [labels.index(word) for word in dict.fromkeys(label_words)][:max_labels]
    else:
        shown = _spread_out(points, max_labels) if len(labels) > max_labels and max_labels else \
            list(range(len(labels)))[:max_labels]
    fontsize = 9 if len(shown) <= 25 else 7.5
    for index in shown:
        ax.annotate(labels[index], points[index], textcoords="offset points", xytext=(4, 3),
                    fontsize=fontsize, path_effects=_HALO)
    if len(shown) < len(labels):
        title = f"{title}\n(labels on {len(shown)} of {len(labels)} points)"
    if groups[0] is not None:
        ax.legend(loc="best", fontsize=8, framealpha=0.8)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    return ax


def explained_variance(ratios, ax=None, title="How much of the spread each PCA direction keeps"):
    """Bar chart of PCA's ``explained_variance_ratio_`` (``ratios``: 1-D, each 0 to 1), with the running
    total as a line (lesson 05)."""
    ratios = np.asarray(ratios, dtype=float)
    if ratios.ndim != 1 or not len(ratios):
        raise CourseError(f"Expected a list of variance shares, one per component (like "
                          f"pca.explained_variance_ratio_), got shape {ratios.shape}.")
    if not np.isfinite(ratios).all() or (ratios < 0).any() or (ratios > 1).any() or ratios.sum() > 1 + 1e-6:
        raise CourseError("Variance shares must each lie between 0 and 1 and add up to at most 1: pass "
                          "pca.explained_variance_ratio_, not pca.explained_variance_.")
    components = np.arange(1, len(ratios) + 1)
    ax = _axes(ax)
    ax.bar(components, ratios, color=PALETTE[0], label="this component")
    ax.plot(components, np.cumsum(ratios), marker="o", color=PALETTE[3], label="all components up to here")
    ax.set(xlabel="principal component (PCA direction)", ylabel="share of the variance", title=title,
           xticks=components, ylim=(0, 1))
    ax.legend(loc="center right", fontsize=8)
    return ax


def relation_arrows(points, labels, pairs, ax=None, title="A relation as arrows", names=("from", "to")):
    """Draw an arrow for each ``(start, end)`` word pair in ``pairs``, between their ``points``
    (n x 2, one row per word in ``labels``) (lesson 05). Parallel arrows of similar length mean the
    relation is one direction in the vector space. ``names`` label the two ends in the legend.
    """
    labels = list(labels)
    points = _check_points(points, labels)
    pairs = [tuple(pair) for pair in pairs]
    if not pairs or any(len(pair) != 2 for pair in pairs):
        raise CourseError(f"pairs must be a non-empty list of (start, end) word pairs, got {pairs!r:.80}.")
    unknown = [word for pair in pairs for word in pair if word not in labels]
    if unknown:
        raise CourseError(f"These words of pairs have no point: {unknown[:5]}. Project every word of every "
                          "pair and pass the same words as labels.")
    starts = [labels.index(start) for start, _ in pairs]
    ends = [labels.index(end) for _, end in pairs]
    ax = _axes(ax)
    for (start, end) in zip(starts, ends):
        ax.annotate("", xy=points[end], xytext=points[start],
                    arrowprops=dict(arrowstyle="-|>", color="0.45", linewidth=1.2, shrinkA=4, shrinkB=4))
    ax.plot([], [], color="0.45", label=f"{names[0]} → {names[1]}")  # a legend entry for the arrows
    ax.scatter(points[starts, 0], points[starts, 1], color=PALETTE[0], marker="o", s=30, label=names[0], zorder=3)
    ax.scatter(points[ends, 0], points[ends, 1], color=PALETTE[3], marker="s", s=30, label=names[1], zorder=3)
    for index in dict.fromkeys(starts + ends):
        ax.annotate(labels[index], points[index], textcoords="offset points", xytext=(4, 3), fontsize=9,
                    path_effects=_HALO)
    ax.legend(loc="best", fontsize=8, framealpha=0.8)
    ax.set(title=title, xlabel="dimension 1", ylabel="dimension 2")
    return ax


def plot_norms(counts, norms, words=(), labels=(), ax=None, trend=True):
    """Scatter vector length (norm) against how often each word appears, on a log scale (lesson 04).

    ``counts``, ``norms`` and ``words`` have one entry per word; each word in ``labels`` that is in
    ``words`` is written next to its point. With ``trend``, a line joins the mean norm of the words in
    each of about ten frequency bins. Returns the ``Axes``; never calls ``plt.show()``.
    """
    counts, norms = as_numbers(counts, "counts"), as_numbers(norms, "norms")
    if len(counts) != len(norms) or len(counts) == 0:
        raise CourseError(f"Expected one norm per count (and at least one word), got {len(counts)} counts "
                          f"and {len(norms)} norms.")
    if np.any(counts <= 0):
        raise CourseError("Every count must be at least 1 to draw it on a log scale.")
    ax = _axes(ax)
    ax.scatter(counts, norms, s=4, alpha=0.3, color=PALETTE[0], linewidths=0)
    position = {word: index for index, word in enumerate(words)}
    for word in labels:
        if word in position:
            index = position[word]
            ax.scatter(counts[index], norms[index], s=18, color=PALETTE[3])
            ax.annotate(word, (counts[index], norms[index]), textcoords="offset points", xytext=(4, 3),
                        fontsize=9)
    if trend and counts.max() > counts.min():
        edges = np.geomspace(counts.min(), counts.max() * 1.001, 11)
        bins = np.digitize(counts, edges)
        centres, means = zip(*[(np.exp(np.log(counts[bins == b]).mean()), norms[bins == b].mean())
                               for b in np.unique(bins)])
        ax.plot(centres, means, color=PALETTE[1], marker="o", linewidth=2, label="mean norm in each frequency bin")
        ax.legend(loc="upper right", fontsize=8)
    ax.set_xscale("log")
    ax.set(xlabel="how often the word appears in the corpus (log scale)", ylabel="length of its vector (norm)",
           title="Vector length against word frequency")
    return ax
