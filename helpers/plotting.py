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
    ax.loglog(
        np.arange(1, len(frequencies) + 1),
        frequencies,
        marker=".",
        linestyle="none",
        markersize=3,
        color=PALETTE[0],
        label=label,
    )
    ax.set(
        xlabel="rank of the word (1 = most frequent)",
        ylabel="how often it occurs",
        title="Word frequency against rank (Zipf's law)",
    )
    return ax


def _check_points(points, labels):
    """Return ``points`` as an n x 2 float array, or raise ``CourseError`` if it does not fit ``labels``."""
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(labels):
        raise CourseError(
            f"Expected one (x, y) pair per label: got points of shape {points.shape} for {len(labels)} labels."
        )
    if not len(points):
        raise CourseError("There are no points to plot: pass at least one word.")
    if not np.isfinite(points).all():
        raise CourseError("Some points are NaN or infinite, so they cannot be drawn: check the vectors you projected.")
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


def _draw_groups(ax, points, groups, styles, size, zorder=None):
    """One ``scatter`` per group, in order of first appearance, with ``styles[group] = (colour, marker)``."""
    for group in dict.fromkeys(groups):
        colour, marker = styles[group]
        mask = np.array([g == group for g in groups])
        ax.scatter(
            points[mask, 0],
            points[mask, 1],
            color=colour,
            marker=marker,
            label=group,
            s=size,
            edgecolors="white",
            linewidths=0.4,
            zorder=zorder,
        )


def scatter_2d(
    points,
    labels,
    groups=None,
    ax=None,
    title="Words in two dimensions",
    *,
    max_labels=40,
    label_words=None,
    xlabel="dimension 1",
    ylabel="dimension 2",
):
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
    styles = group_styles(groups) if groups[0] is not None else {None: (PALETTE[0], MARKERS[0])}
    _draw_groups(ax, points, groups, styles, size=28)
    if label_words is not None:
        unknown = [word for word in label_words if word not in labels]
        if unknown:
            raise CourseError(
                f"label_words has words that are not plotted: {unknown[:5]}. Pick words from the labels you passed."
            )
        shown = [labels.index(word) for word in dict.fromkeys(label_words)][:max_labels]
    else:
        shown = (
            _spread_out(points, max_labels)
            if len(labels) > max_labels and max_labels
            else list(range(len(labels)))[:max_labels]
        )
    if len(shown) < len(labels):
        title = f"{title}\n(labels on {len(shown)} of {len(labels)} points)"
    if groups[0] is not None:
        ax.legend(loc="best", fontsize=8, framealpha=0.8)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    # the same label placement as scatter_groups: no label over another, leader lines where crowded
    if shown:
        label_points(ax, points[shown], [labels[index] for index in shown], fontsize=9 if len(shown) <= 25 else 7.5)
    return ax


def explained_variance(ratios, ax=None, title="How much of the spread each PCA direction keeps"):
    """Bar chart of PCA's ``explained_variance_ratio_`` (``ratios``: 1-D, each 0 to 1), with the running
    total as a line (lesson 05)."""
    ratios = np.asarray(ratios, dtype=float)
    if ratios.ndim != 1 or not len(ratios):
        raise CourseError(
            f"Expected a list of variance shares, one per component (like "
            f"pca.explained_variance_ratio_), got shape {ratios.shape}."
        )
    if not np.isfinite(ratios).all() or (ratios < 0).any() or (ratios > 1).any() or ratios.sum() > 1 + 1e-6:
        raise CourseError(
            "Variance shares must each lie between 0 and 1 and add up to at most 1: pass "
            "pca.explained_variance_ratio_, not pca.explained_variance_."
        )
    components = np.arange(1, len(ratios) + 1)
    ax = _axes(ax)
    ax.bar(components, ratios, color=PALETTE[0], label="this component")
    ax.plot(components, np.cumsum(ratios), marker="o", color=PALETTE[3], label="all components up to here")
    ax.set(
        xlabel="principal component (PCA direction)",
        ylabel="share of the variance",
        title=title,
        xticks=components,
        ylim=(0, 1),
    )
    ax.legend(loc="upper left", fontsize=8)  # the bars and the rising line leave the top left free
    return ax


def relation_arrows(points, labels, pairs, ax=None, title="A relation as arrows", names=("from", "to")):
    """Draw an arrow for each ``(start, end)`` word pair in ``pairs``, between their ``points``
    (n x 2, one row per word in ``labels``) (lesson 05). Parallel arrows of similar length mean the
    relation is one direction in the vector space. ``names`` label the two ends in the legend, drawn
    below the panel. The words are written with ``label_points``, which measures the figure as laid
    out: for several panels, create the figure with ``layout="constrained"``.
    """
    labels = list(labels)
    points = _check_points(points, labels)
    pairs = [tuple(pair) for pair in pairs]
    if not pairs or any(len(pair) != 2 for pair in pairs):
        raise CourseError(f"pairs must be a non-empty list of (start, end) word pairs, got {pairs!r:.80}.")
    unknown = [word for pair in pairs for word in pair if word not in labels]
    if unknown:
        raise CourseError(
            f"These words of pairs have no point: {unknown[:5]}. Project every word of every "
            "pair and pass the same words as labels."
        )
    starts = [labels.index(start) for start, _ in pairs]
    ends = [labels.index(end) for _, end in pairs]
    ax = _axes(ax)
    for start, end in zip(starts, ends):
        ax.annotate(
            "",
            xy=points[end],
            xytext=points[start],
            arrowprops=dict(arrowstyle="-|>", color="0.45", linewidth=1.2, shrinkA=4, shrinkB=4),
        )
    ax.plot([], [], color="0.45", label=f"{names[0]} → {names[1]}")  # a legend entry for the arrows
    ax.scatter(points[starts, 0], points[starts, 1], color=PALETTE[0], marker="o", s=30, label=names[0], zorder=3)
    ax.scatter(points[ends, 0], points[ends, 1], color=PALETTE[3], marker="s", s=30, label=names[1], zorder=3)
    # below the panel: inside it, the legend would cover words or arrows wherever they happen to fall
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, fontsize=8)
    ax.set(title=title, xlabel="dimension 1", ylabel="dimension 2")
    labelled = list(dict.fromkeys(starts + ends))
    label_points(ax, points[labelled], [labels[index] for index in labelled], fontsize=9)  # last: it measures pixels
    return ax


def plot_norms(counts, norms, words=(), labels=(), ax=None, trend=True, spread=False):
    """Scatter vector length (norm) against how often each word appears, on a log scale (lesson 04).

    ``counts``, ``norms`` and ``words`` have one entry per word; each word in ``labels`` that is in
    ``words`` is written next to its point. With ``trend``, a line joins the mean norm of the words in
    each of about ten frequency bins; with ``spread`` as well, a shaded band shows the middle 80 % of
    the norms in each bin (10th to 90th percentile). Returns the ``Axes``; never calls ``plt.show()``.
    """
    counts, norms = as_numbers(counts, "counts"), as_numbers(norms, "norms")
    if len(counts) != len(norms) or len(counts) == 0:
        raise CourseError(
            f"Expected one norm per count (and at least one word), got {len(counts)} counts and {len(norms)} norms."
        )
    if np.any(counts <= 0):
        raise CourseError("Every count must be at least 1 to draw it on a log scale.")
    ax = _axes(ax)
    ax.scatter(counts, norms, s=4, alpha=0.3, color=PALETTE[0], linewidths=0)
    position = {word: index for index, word in enumerate(words)}
    for word in labels:
        if word in position:
            index = position[word]
            ax.scatter(counts[index], norms[index], s=18, color=PALETTE[3])
            ax.annotate(word, (counts[index], norms[index]), textcoords="offset points", xytext=(4, 3), fontsize=9)
    if trend and counts.max() > counts.min():
        edges = np.geomspace(counts.min(), counts.max() * 1.001, 11)
        bins = np.digitize(counts, edges)
        in_bins = [bins == b for b in np.unique(bins)]
        centres = [np.exp(np.log(counts[in_bin]).mean()) for in_bin in in_bins]
        means = [norms[in_bin].mean() for in_bin in in_bins]
        if spread:
            low, high = np.array([np.percentile(norms[in_bin], [10, 90]) for in_bin in in_bins]).T
            ax.fill_between(
                centres, low, high, color=PALETTE[1], alpha=0.25, linewidth=0, label="middle 80 % of each bin"
            )
        ax.plot(centres, means, color=PALETTE[1], marker="o", linewidth=2, label="mean norm in each frequency bin")
        ax.legend(loc="upper right", fontsize=8)
    ax.set_xscale("log")
    ax.set(
        xlabel="how often the word appears in the corpus (log scale)",
        ylabel="length of its vector (norm)",
        title="Vector length against word frequency",
    )
    return ax


# --- Labels that do not collide, and one style per group across a lesson (lessons 05, 06 and 12) --
# A greedy "repel" step: each label tries places around its point, nearest first, and takes the first
# where it covers no label written before it and no other point (or, if none is free, the place where it
# overlaps least). Labels in crowded places go first. A label placed away from its point gets a thin
# leader line to it. Deterministic, and small enough to read.

_NEAR = [(4, 3), (4, -11), (-4, 3), (-4, -11), (0, 7), (0, -15), (7, -4), (-7, -4)]
# the places a label tries, nearest first: right above, right below, left above, ... then further out,
# on rings of 16 directions (offsets in points, from the point to the label's anchor)
_RINGS = [
    (round(radius * np.cos(angle), 1), round(radius * np.sin(angle), 1))
    for radius in (16, 24, 34, 46, 60)
    for angle in np.linspace(0, 2 * np.pi, 16, endpoint=False) + np.pi / 16
]
_LABEL_OFFSETS = _NEAR + _RINGS
_LEADER_FROM = 12  # points: a label further than this from its point gets a leader line
_ALIGN = {1: "left", 0: "center", -1: "right"}
_VISIBLE = [colour for colour in PALETTE if colour != "#F0E442"]  # yellow does not show on white


def group_styles(groups):
    """Return ``{group: (colour, marker)}`` for the distinct names in ``groups`` (a list, or a dict whose
    keys are the groups), in order. Pass the same styles to every figure of a lesson, so a group keeps
    its colour and shape even when a figure shows only some groups. Yellow is left out: it does not
    show on a white background."""
    names = list(dict.fromkeys(groups))
    if not names:
        raise CourseError("There are no groups to give styles to: pass at least one group name.")
    return {name: (_VISIBLE[i % len(_VISIBLE)], MARKERS[i % len(MARKERS)]) for i, name in enumerate(names)}


def group_legend(fig, styles, **kwargs):
    """Draw one legend for a whole figure of several panels that share ``styles`` (``{group: (colour,
    marker)}`` from ``group_styles``), below the panels, one column per group (lesson 05); returns it.

    Under ``layout="constrained"`` the panels make room for it; call it before labelling the panels
    (``label_points`` measures the free space). ``kwargs`` go to ``fig.legend`` (e.g. ``ncol=3``).
    """
    if not styles:
        raise CourseError("There are no groups to show in a legend: pass styles from helpers.plotting.group_styles.")
    handles = [
        plt.Line2D([], [], color=colour, marker=marker, linestyle="none", markeredgecolor="white", label=group)
        for group, (colour, marker) in styles.items()
    ]
    outside = type(fig.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"
    options = {"loc": "outside lower center" if outside else "lower center", "ncol": len(handles), "fontsize": 8.5}
    return fig.legend(handles=handles, **{**options, **kwargs})


def _overlap(box, others):
    """Total area (pixels²) that ``box`` (x0, y0, x1, y1) shares with the rows of ``others``."""
    if not len(others):
        return 0.0
    width = np.clip(np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]), 0, None)
    height = np.clip(np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]), 0, None)
    return float((width * height).sum())


def label_points(ax, points, labels, fontsize=8.5):
    """Write each of ``labels`` beside its point (``points``: n x 2, in data coordinates) so that labels
    do not cover each other or other points (lessons 05, 06 and 12); returns the list of text objects.

    Labels where points are crowded are placed first; a label that has to go further than a few points
    from its point gets a thin grey leader line to it. Call it after everything else is drawn and the
    axis limits are set, since it measures in pixels. A figure without a layout engine gets
    ``tight_layout()`` first (as the lessons apply anyway), and a figure with one (``layout="constrained"``)
    is laid out by it first, so the labels are measured where they will be drawn (add a figure legend,
    ``group_legend``, before the labels for the same reason). A label that finds no free place takes the
    one where it overlaps least.
    """
    labels = list(labels)
    points = _check_points(points, labels)
    figure = ax.figure
    ax.autoscale_view()
    if figure.get_layout_engine() is None:
        figure.tight_layout()
    else:  # e.g. layout="constrained": lay the figure out now, so labels are measured where they will be drawn
        figure.get_layout_engine().execute(figure)
    renderer = figure.canvas.get_renderer()
    pixels = ax.transData.transform(points)
    per_point = figure.dpi / 72
    dots = np.column_stack([pixels - 4, pixels + 4])  # the space each point's marker takes
    axes_box = ax.get_window_extent(renderer)
    # crowded first: more other points within 40 pixels; ties keep the given order
    crowd = (np.linalg.norm(pixels[:, None] - pixels[None], axis=2) < 40).sum(axis=1)
    order = sorted(range(len(labels)), key=lambda index: -crowd[index])
    placed, texts = [], [None] * len(labels)
    for index in order:
        label, point = labels[index], points[index]
        # the label's size, measured once; each candidate place is then plain arithmetic
        probe = ax.annotate(label, point, textcoords="offset points", xytext=(0, 0), fontsize=fontsize)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        width, below, above = extent.width, pixels[index][1] - extent.y0, extent.y1 - pixels[index][1]
        others = np.delete(dots, index, axis=0)
        best = None
        for dx, dy in _LABEL_OFFSETS:
            x, y = pixels[index] + np.array([dx, dy]) * per_point
            x0 = {1: x, 0: x - width / 2, -1: x - width}[int(np.sign(dx))]
            box = np.array([x0 - 1, y - below - 1, x0 + width + 1, y + above + 1])
            outside = (
                max(0, axes_box.x0 - box[0])
                + max(0, box[2] - axes_box.x1)
                + max(0, axes_box.y0 - box[1])
                + max(0, box[3] - axes_box.y1)
            ) * 50
            cost = _overlap(box, np.array(placed).reshape(-1, 4)) + _overlap(box, others) + outside
            if best is None or cost < best[0]:
                best = (cost, (dx, dy), box)
            if cost == 0:
                break
        (dx, dy), box = best[1], best[2]
        far = np.hypot(dx, dy) > _LEADER_FROM
        texts[index] = ax.annotate(
            label,
            point,
            textcoords="offset points",
            xytext=(dx, dy),
            fontsize=fontsize,
            ha=_ALIGN[int(np.sign(dx))],
            va="baseline",
            path_effects=_HALO,
            arrowprops=dict(arrowstyle="-", color="0.55", linewidth=0.6, shrinkA=1, shrinkB=2) if far else None,
        )
        placed.append(box)
    return texts


def scatter_groups(
    points,
    labels,
    groups,
    styles=None,
    ax=None,
    title="Words in two dimensions",
    *,
    label_words=None,
    xlabel="dimension 1",
    ylabel="dimension 2",
    legend=True,
    fontsize=8.5,
):
    """Draw labelled points coloured and shaped by group, with labels that do not collide
    (lessons 05 and 06); returns the ``Axes``.

    ``points``: n x 2; ``labels``: n words; ``groups``: n group names; ``styles``: ``{group: (colour,
    marker)}`` from ``group_styles`` (the same for every figure of a lesson), or ``None`` to make one.
    ``label_words`` labels only those words (say so in the text); by default every point is labelled.
    """
    labels = list(labels)
    points = _check_points(points, labels)
    groups = list(groups)
    if len(groups) != len(labels):
        raise CourseError(f"Expected one group per label: got {len(groups)} groups for {len(labels)} labels.")
    styles = group_styles(groups) if styles is None else styles
    missing = [group for group in dict.fromkeys(groups) if group not in styles]
    if missing:
        raise CourseError(
            f"styles has no colour for the group(s) {missing}: make the styles from every "
            "group of the lesson, helpers.plotting.group_styles(...)."
        )
    ax = _axes(ax)
    _draw_groups(ax, points, groups, styles, size=30, zorder=3)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if legend:
        ax.legend(loc="best", fontsize=8, framealpha=0.8)
    if label_words is not None:
        unknown = [word for word in label_words if word not in labels]
        if unknown:
            raise CourseError(
                f"label_words has words that are not plotted: {unknown[:5]}. Pick words from the labels you passed."
            )
        chosen = [labels.index(word) for word in dict.fromkeys(label_words)]
    else:
        chosen = list(range(len(labels)))
    label_points(ax, points[chosen], [labels[i] for i in chosen], fontsize=fontsize)
    return ax
