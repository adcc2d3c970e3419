"""Unit tests for helpers.plotting: every function returns its Axes with a title, axis labels and (where
it has several series) a legend, uses the colour-blind-safe palette, and explains bad input."""

from collections import Counter

import matplotlib

matplotlib.use("Agg")  # no window: tests run headless

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.text import Text

from helpers import CourseError
from helpers.plotting import (
    PALETTE,
    explained_variance,
    plot_norms,
    relation_arrows,
    scatter_2d,
    zipf,
)

OKABE_ITO = {"#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000"}


pytestmark = pytest.mark.usefixtures("close_figures")


def legend_texts(ax):
    legend = ax.get_legend()
    return [text.get_text() for text in legend.get_texts()] if legend else []


def word_labels(ax):
    """The annotations that carry text (arrows are annotations with empty text)."""
    return [text.get_text() for text in ax.texts if text.get_text()]


def test_groups_get_distinct_colour_blind_safe_colours_and_shapes():
    groups = [f"group {number}" for number in range(8)]
    ax = scatter_2d(np.arange(16).reshape(8, 2), [f"w{number}" for number in range(8)], groups)
    colours = [to_hex(collection.get_facecolor()[0]) for collection in ax.collections]
    # seven Okabe-Ito colours (yellow does not show on white) and eight shapes: every group looks different
    assert len(set(colours)) == 7 and set(colours) <= OKABE_ITO and "#f0e442" not in colours
    shapes = [collection.get_paths()[0].vertices.tobytes() for collection in ax.collections]
    assert len(set(shapes)) == 8, "each group has its own marker shape, so groups stay apart in grey print"


# --- zipf ----------------------------------------------------------------------------------------


def test_zipf_returns_axes_with_title_labels_and_log_axes():
    ax = zipf(Counter({"the": 100, "cat": 10, "sat": 5, "mat": 1}))
    assert isinstance(ax, Axes)
    assert "Zipf" in ax.get_title() and "rank" in ax.get_xlabel() and ax.get_ylabel()
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [100, 10, 5, 1])


def test_zipf_draws_on_a_given_axes_with_a_label_for_a_legend():
    _, given = plt.subplots()
    ax = zipf({"a": 3, "b": 1}, ax=given, label="my text")
    ax.legend()
    assert ax is given and legend_texts(ax) == ["my text"]
    assert to_hex(ax.lines[0].get_color()) in OKABE_ITO


@pytest.mark.parametrize("counts", [Counter(), {}])
def test_zipf_empty_counts(counts):
    with pytest.raises(CourseError, match="No word counts to plot"):
        zipf(counts)


# --- scatter_2d ----------------------------------------------------------------------------------


def test_scatter_2d_returns_axes_with_title_labels_and_group_legend():
    points = [[0, 0], [1, 1], [2, 0], [3, 1]]
    ax = scatter_2d(points, ["a", "b", "c", "d"], ["x", "x", "y", "z"], title="My words")
    assert isinstance(ax, Axes)
    assert ax.get_title() == "My words"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("dimension 1", "dimension 2")
    assert legend_texts(ax) == ["x", "y", "z"]
    assert word_labels(ax) == ["a", "b", "c", "d"]


def test_scatter_2d_without_groups_has_no_legend():
    ax = scatter_2d([[0, 0], [1, 1]], ["a", "b"])
    assert ax.get_legend() is None and len(ax.collections) == 1


def test_scatter_2d_groups_get_palette_colours_and_different_markers():
    ax = scatter_2d([[0, 0], [1, 1], [2, 2]], ["a", "b", "c"], ["x", "y", "z"])
    colours = [to_hex(collection.get_facecolor()[0]) for collection in ax.collections]
    assert colours == [colour.lower() for colour in PALETTE[:3]]
    paths = [collection.get_paths()[0].vertices.tobytes() for collection in ax.collections]
    assert len(set(paths)) == 3


def test_scatter_2d_custom_axis_labels():
    ax = scatter_2d([[0, 0]], ["a"], xlabel="PCA direction 1", ylabel="PCA direction 2")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("PCA direction 1", "PCA direction 2")


def test_scatter_2d_many_points_labels_a_spread_out_subset_and_says_so():
    rng = np.random.default_rng(0)
    crowd = rng.normal(scale=0.01, size=(97, 2))
    far = np.array([[10, 0], [0, 10], [-10, -10]])
    points = np.vstack([crowd, far])
    labels = [f"w{i}" for i in range(100)]
    ax = scatter_2d(points, labels, max_labels=4)
    shown = word_labels(ax)
    assert len(shown) == 4
    assert {"w97", "w98", "w99"} <= set(shown)  # the outlying points get labels, not four of the crowd
    assert "labels on 4 of 100 points" in ax.get_title()
    assert all(text.get_fontsize() <= 9 for text in ax.texts)


def test_scatter_2d_label_words_choose_the_labels():
    points = np.arange(20).reshape(10, 2)
    labels = [f"w{i}" for i in range(10)]
    ax = scatter_2d(points, labels, max_labels=3, label_words=["w5", "w1"])
    assert word_labels(ax) == ["w5", "w1"]
    assert "labels on 2 of 10 points" in ax.get_title()


def test_scatter_2d_many_labels_get_a_smaller_font():
    points = np.arange(80).reshape(40, 2)
    ax = scatter_2d(points, [f"w{i}" for i in range(40)], max_labels=40)
    assert len(ax.texts) == 40 and max(text.get_fontsize() for text in ax.texts) < 9


def test_scatter_2d_max_labels_zero_draws_points_only():
    ax = scatter_2d([[0, 0], [1, 1]], ["a", "b"], max_labels=0)
    assert word_labels(ax) == [] and "labels on 0 of 2 points" in ax.get_title()


@pytest.mark.parametrize(
    "points, labels", [([[0, 0], [1, 1]], ["a"]), ([0, 1, 2], ["a", "b", "c"]), ([[0, 0, 0]], ["a"])]
)
def test_scatter_2d_points_that_do_not_fit_the_labels(points, labels):
    with pytest.raises(CourseError, match="one \\(x, y\\) pair per label"):
        scatter_2d(points, labels)


def test_scatter_2d_groups_that_do_not_fit():
    with pytest.raises(CourseError, match="got 1 groups for 2 labels"):
        scatter_2d([[0, 0], [1, 1]], ["a", "b"], ["x"])


def test_scatter_2d_nothing_to_plot():
    with pytest.raises(CourseError, match="no points to plot"):
        scatter_2d(np.zeros((0, 2)), [])


def test_scatter_2d_nan_points():
    with pytest.raises(CourseError, match="NaN or infinite"):
        scatter_2d([[0, np.nan]], ["a"])


def test_scatter_2d_unknown_label_word():
    with pytest.raises(CourseError, match="label_words has words that are not plotted: \\['zebra'\\]"):
        scatter_2d([[0, 0]], ["a"], label_words=["zebra"])


@pytest.mark.parametrize("max_labels", [-1, 2.5, "10", True])
def test_scatter_2d_bad_max_labels(max_labels):
    with pytest.raises(CourseError, match="max_labels must be a whole number"):
        scatter_2d([[0, 0]], ["a"], max_labels=max_labels)


# --- explained_variance --------------------------------------------------------------------------


def test_explained_variance_bars_line_title_labels_legend():
    ratios = [0.4, 0.3, 0.1]
    ax = explained_variance(ratios)
    assert isinstance(ax, Axes)
    assert "PCA" in ax.get_title() and "component" in ax.get_xlabel() and "variance" in ax.get_ylabel()
    assert [patch.get_height() for patch in ax.patches] == pytest.approx(ratios)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [0.4, 0.7, 0.8])
    assert sorted(legend_texts(ax)) == ["all components up to here", "this component"]
    assert ax.get_ylim() == (0, 1)


@pytest.mark.parametrize("ratios", [[], [[0.5, 0.2]], 0.5])
def test_explained_variance_wrong_shape(ratios):
    with pytest.raises(CourseError, match="one per component"):
        explained_variance(ratios)


@pytest.mark.parametrize("ratios", [[12.5, 3.1], [0.5, -0.1], [0.7, 0.6], [np.nan]])
def test_explained_variance_values_that_are_not_shares(ratios):
    with pytest.raises(CourseError, match="explained_variance_ratio_, not pca.explained_variance_"):
        explained_variance(ratios)


# --- relation_arrows -----------------------------------------------------------------------------

PAIR_WORDS = ["france", "french", "spain", "spanish", "italy", "italian"]
PAIR_POINTS = [[0, 1], [0, 0], [1, 1], [1, 0], [2, 1], [2, 0]]
PAIRS = [("france", "french"), ("spain", "spanish"), ("italy", "italian")]


def test_relation_arrows_draws_one_arrow_per_pair_with_legend_and_labels():
    ax = relation_arrows(PAIR_POINTS, PAIR_WORDS, PAIRS, names=("country", "adjective"), title="Adjectives")
    assert isinstance(ax, Axes)
    assert ax.get_title() == "Adjectives" and ax.get_xlabel() and ax.get_ylabel()
    arrows = [text for text in ax.texts if getattr(text, "arrow_patch", None) is not None]
    assert len(arrows) == 3
    np.testing.assert_allclose(arrows[0].xy, [0, 0])  # the arrow of france -> french ends at french
    assert sorted(word_labels(ax)) == sorted(PAIR_WORDS)
    assert legend_texts(ax) == ["country → adjective", "country", "adjective"]


def test_relation_arrows_shared_start_word_is_labelled_once():
    ax = relation_arrows([[0, 0], [1, 0], [0, 1]], ["king", "queen", "prince"], [("king", "queen"), ("king", "prince")])
    assert sorted(word_labels(ax)) == ["king", "prince", "queen"]


def test_relation_arrows_word_without_a_point():
    with pytest.raises(CourseError, match="These words of pairs have no point: \\['paris'\\]"):
        relation_arrows(PAIR_POINTS, PAIR_WORDS, [("france", "paris")])


@pytest.mark.parametrize("pairs", [[], [("france",)], [("france", "french", "spain")]])
def test_relation_arrows_bad_pairs(pairs):
    with pytest.raises(CourseError, match="non-empty list of \\(start, end\\) word pairs"):
        relation_arrows(PAIR_POINTS, PAIR_WORDS, pairs)


def test_relation_arrows_points_that_do_not_fit():
    with pytest.raises(CourseError, match="one \\(x, y\\) pair per label"):
        relation_arrows(PAIR_POINTS[:4], PAIR_WORDS, PAIRS)


# --- plot_norms ----------------------------------------------------------------------------------------

NORM_WORDS = ["man", "woman", "king", "queen", "prince", "apple", "pear"]


def test_plot_norms_draws_points_labels_and_trend():
    counts = np.array([50, 40, 20, 10, 5, 3, 1])
    norms = np.array([1.0, 1.0, 1.4, 1.4, 1.3, 1.0, 1.0])
    ax = plot_norms(counts, norms, NORM_WORDS, labels=["king", "apple", "unicorn"])
    assert ax.get_xscale() == "log"
    assert sorted(text.get_text() for text in ax.texts) == ["apple", "king"], "missing words are skipped"
    assert len(ax.lines) == 1 and "mean norm" in ax.lines[0].get_label()
    assert len(ax.collections[0].get_offsets()) == len(NORM_WORDS)


def test_plot_norms_spread_shades_the_middle_80_percent_of_each_bin():
    counts = np.array([1, 1, 1, 1, 100, 100, 100, 100])
    norms = np.array([1.0, 2.0, 3.0, 4.0, 0.5, 0.6, 0.7, 0.8])
    ax = plot_norms(counts, norms, spread=True)
    shaded = [c for c in ax.collections if "middle 80 %" in c.get_label()]
    assert len(shaded) == 1
    ys = shaded[0].get_paths()[0].vertices[:, 1]
    assert ys.min() == pytest.approx(0.53) and ys.max() == pytest.approx(3.7)  # 10th/90th percentiles
    assert any("middle 80 %" in text.get_text() for text in ax.get_legend().get_texts())
    assert not [c for c in plot_norms(counts, norms).collections if "middle" in c.get_label()], "off by default"


def test_plot_norms_draws_on_a_given_axes_without_trend():
    _, ax = plt.subplots()
    assert plot_norms([1, 2, 3], [1.0, 2.0, 3.0], ax=ax, trend=False) is ax
    assert not ax.lines


def test_plot_norms_rejects_bad_input():
    with pytest.raises(CourseError, match=r"one norm per count.*got 2 counts and 3 norms"):
        plot_norms([1, 2], [1.0, 2.0, 3.0])
    with pytest.raises(CourseError, match="at least one word"):
        plot_norms([], [])
    with pytest.raises(CourseError, match="at least 1 to draw it on a log scale"):
        plot_norms([0, 2], [1.0, 2.0])


# --- group_styles / label_points / scatter_groups: labels that do not collide --------------------

from helpers.plotting import group_legend, group_styles, label_points, scatter_groups  # noqa: E402


def boxes(texts):
    texts[0].figure.canvas.draw()  # places every annotation where it is drawn
    renderer = texts[0].figure.canvas.get_renderer()
    # Text's own extent: an Annotation's would include its leader line
    return [Text.get_window_extent(text, renderer) for text in texts]


def test_group_styles_are_fixed_distinct_and_never_yellow():
    styles = group_styles({"countries": [], "numbers": [], "months": [], "a": [], "b": [], "c": [], "d": []})
    assert list(styles) == ["countries", "numbers", "months", "a", "b", "c", "d"]
    assert "#F0E442" not in {colour for colour, _ in styles.values()}
    assert len(set(styles.values())) == len(styles)
    assert group_styles(["numbers", "numbers", "months"]) == {
        "numbers": styles["countries"],
        "months": styles["numbers"],
    }


def test_group_styles_needs_a_group():
    with pytest.raises(CourseError, match="no groups"):
        group_styles([])


def test_label_points_keeps_crowded_labels_apart():
    rng = np.random.default_rng(0)
    points = rng.normal(scale=0.3, size=(12, 2))
    _, ax = plt.subplots(figsize=(6, 4))
    ax.scatter(points[:, 0], points[:, 1])
    ax.set(xlim=(-3, 3), ylim=(-3, 3))
    texts = label_points(ax, points, [f"word{i}" for i in range(12)])
    assert [text.get_text() for text in texts] == [f"word{i}" for i in range(12)]
    extents = boxes(texts)
    overlaps = sum(a.overlaps(b) for i, a in enumerate(extents) for b in extents[i + 1 :])
    assert overlaps == 0


def test_group_legend_one_entry_per_group_below_the_panels():
    styles = group_styles(["months", "numbers", "animals"])
    fig, _ = plt.subplots(1, 2, layout="constrained")
    legend = group_legend(fig, styles)
    assert [text.get_text() for text in legend.get_texts()] == ["months", "numbers", "animals"]
    assert [(h.get_color(), h.get_marker()) for h in legend.legend_handles] == list(styles.values())
    assert legend._ncols == 3
    plain = plt.figure()
    assert group_legend(plain, styles, ncol=1)._ncols == 1  # no layout engine: an ordinary legend at the bottom


def test_group_legend_needs_groups():
    with pytest.raises(CourseError, match="no groups"):
        group_legend(plt.figure(), {})


def test_label_points_lays_out_a_constrained_figure_first():
    _, ax = plt.subplots(layout="constrained")
    ax.scatter([0, 1], [0, 1])
    before = ax.get_position().bounds
    label_points(ax, [[0, 0], [1, 1]], ["a", "b"])
    assert ax.get_position().bounds != before, "the constrained layout ran before the labels were measured"


def test_label_points_bad_points():
    _, ax = plt.subplots()
    with pytest.raises(CourseError, match="one \\(x, y\\) pair per label"):
        label_points(ax, [[0, 0]], ["a", "b"])


def test_scatter_groups_uses_the_styles_it_is_given():
    styles = group_styles(["countries", "numbers", "months"])
    ax = scatter_groups(
        [[0, 0], [1, 1], [2, 0]], ["two", "march", "june"], ["numbers", "months", "months"], styles, title="t"
    )
    colours = [to_hex(collection.get_facecolor()[0]) for collection in ax.collections]
    assert colours == [styles["numbers"][0].lower(), styles["months"][0].lower()]
    assert legend_texts(ax) == ["numbers", "months"]
    assert sorted(text.get_text() for text in ax.texts) == ["june", "march", "two"]
    assert isinstance(ax, Axes) and ax.get_title() == "t"


def test_scatter_groups_label_words_and_no_legend():
    ax = scatter_groups([[0, 0], [1, 1]], ["a", "b"], ["g", "g"], label_words=["b"], legend=False)
    assert [text.get_text() for text in ax.texts] == ["b"] and ax.get_legend() is None


def test_scatter_groups_group_without_a_style():
    with pytest.raises(CourseError, match="no colour for the group"):
        scatter_groups([[0, 0]], ["a"], ["new"], group_styles(["old"]))


def test_scatter_groups_groups_that_do_not_fit():
    with pytest.raises(CourseError, match="one group per label"):
        scatter_groups([[0, 0], [1, 1]], ["a", "b"], ["g"])


def test_scatter_groups_unknown_label_word():
    with pytest.raises(CourseError, match="not plotted"):
        scatter_groups([[0, 0]], ["a"], ["g"], label_words=["zzz"])


def test_label_points_draws_leader_lines_only_for_labels_placed_away_from_their_point():
    rng = np.random.default_rng(1)
    crowded = rng.normal(scale=0.05, size=(15, 2))
    points = np.vstack([crowded, [[2.5, 2.5]]])
    _, ax = plt.subplots(figsize=(5, 4))
    ax.scatter(points[:, 0], points[:, 1])
    ax.set(xlim=(-3, 3), ylim=(-3, 3))
    texts = label_points(ax, points, [f"w{i}" for i in range(16)])
    extents = boxes(texts)
    assert sum(a.overlaps(b) for i, a in enumerate(extents) for b in extents[i + 1 :]) == 0
    assert any(text.arrow_patch is not None for text in texts[:15])  # the crowd needs leader lines
    assert texts[15].arrow_patch is None  # the lone point keeps its label beside it


def test_scatter_2d_uses_the_same_label_placement():
    points = np.random.default_rng(2).normal(scale=0.05, size=(12, 2))
    ax = scatter_2d(points, [f"w{i}" for i in range(12)])
    texts = [child for child in ax.texts]
    extents = boxes(texts)
    assert len(texts) == 12
    assert sum(a.overlaps(b) for i, a in enumerate(extents) for b in extents[i + 1 :]) == 0
