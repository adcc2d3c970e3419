"""Lesson 08 writes its trainer in the notebook; these tests run those functions on small inputs.

The lesson's own cells are compared by nbval; here the definitions (functions and UPPERCASE constants)
are taken from the notebook's code cells and checked for properties that hold on any CPU and at any
speed: the gradient check passes, pairs never cross a sentence, the scatter-add equals np.add.at, the
trainer is deterministic and lowers the loss. The timing cells are not compared by nbval, so their stored
outputs are checked here for order of magnitude only.
"""

import ast
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "08_inside_word2vec.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(LESSON, as_version=4)


@pytest.fixture(scope="module")
def lesson(nb):
    """The lesson's functions and constants, defined in a fresh namespace."""
    import time

    import scipy.sparse

    import helpers

    namespace = {"np": np, "scipy": scipy, "time": time, "helpers": helpers}
    for cell in nb.cells:
        if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
            continue
        tree = ast.parse(cell.source)
        keep = [
            node
            for node in tree.body
            if (isinstance(node, ast.FunctionDef) and not node.name.startswith("my_"))
            or (isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets))
        ]
        exec(compile(ast.Module(body=keep, type_ignores=[]), str(LESSON), "exec"), namespace)
    return namespace


def test_the_gradient_check_passes_and_catches_a_mistake(lesson):
    assert lesson["gradient_check"](lesson["sgns_loss_and_grads"]) < 1e-6

    def without_negatives(v, U):
        loss, _, grad_U = lesson["sgns_loss_and_grads"](v, U)
        g0 = lesson["sigmoid"](U[0] @ v) - 1
        return loss, g0 * U[0], grad_U

    assert lesson["gradient_check"](without_negatives) > 1e-2


def test_pairs_stay_in_their_sentence_and_window(lesson):
    rng = np.random.default_rng(3)
    lengths = rng.integers(1, 9, size=200)
    sentence_of = np.repeat(np.arange(len(lengths)), lengths)
    tokens = np.arange(len(sentence_of))  # token i is word i: a pair shows its positions
    centres, contexts = lesson["make_pairs"](tokens, sentence_of, 3, np.ones(len(tokens)), rng)
    assert len(centres) > 0
    assert np.all(sentence_of[centres] == sentence_of[contexts])
    assert np.all((np.abs(centres - contexts) >= 1) & (np.abs(centres - contexts) <= 3))
    assert np.all(np.diff(centres) >= 0), "pairs come in text order"
    # The dynamic window: distance d is used with probability (W - d + 1) / W, so nearer pairs are more common.
    distances = np.bincount(np.abs(centres - contexts))[1:]
    assert distances[0] > distances[1] > distances[2]


def test_subsampling_keeps_rare_words_and_thins_frequent_ones(lesson):
    keep = lesson["keep_probabilities"](np.array([100_000, 1_000, 10]), 1e-3)
    assert keep[2] == 1.0 and keep[0] < 0.2 and keep[0] < keep[1] <= 1.0
    assert np.all(lesson["keep_probabilities"](np.array([5, 1]), 0) == 1.0)


def test_noise_table_follows_the_power(lesson):
    table = lesson["noise_table"](np.array([10_000, 100, 1]), power=0.75, size=100_000)
    shares = np.bincount(table, minlength=3) / len(table)
    expected = np.array([10_000, 100, 1]) ** 0.75 / np.sum(np.array([10_000, 100, 1]) ** 0.75)
    assert np.allclose(shares, expected, atol=1e-4)


def test_scatter_sum_equals_add_at(lesson):
    rng = np.random.default_rng(5)
    rows = rng.integers(0, 20, size=(50, 4))
    weights = rng.random((50, 4))
    vectors = rng.random((50, 3))
    expected = np.zeros((20, 3))
    np.add.at(expected, rows, weights[:, :, None] * vectors[:, None, :])
    used, sums = lesson["scatter_sum"](rows, weights, vectors, 20)
    got = np.zeros((20, 3))
    got[used] = sums
    assert np.allclose(got, expected) and np.array_equal(used, np.unique(rows))


def test_fast_sigmoid_is_close_to_sigmoid(lesson):
    scores = np.linspace(-8, 8, 1001).astype(np.float32)
    assert np.max(np.abs(lesson["fast_sigmoid"](scores) - lesson["sigmoid"](scores))) < 0.01


def test_trainer_is_deterministic_and_learns(lesson):
    rng = np.random.default_rng(7)
    # Two topics: words 0-9 occur together, words 10-19 occur together.
    sentences = [rng.integers(0, 10, size=8) if i % 2 else rng.integers(10, 20, size=8) for i in range(300)]
    tokens = np.concatenate(sentences).astype(np.int32)
    sentence_of = np.repeat(np.arange(len(sentences)), 8).astype(np.int32)
    counts = np.bincount(tokens, minlength=20)
    settings = dict(vector_size=10, window=2, negative=3, sample=0, epochs=5, alpha=0.025, batch=64, seed=1)
    W1, losses, pairs = lesson["train_sgns"](tokens, sentence_of, counts, **settings)
    W2, _, _ = lesson["train_sgns"](tokens, sentence_of, counts, **settings)
    assert np.array_equal(W1, W2), "same seed, same vectors, bit for bit"
    assert losses[-1] < losses[0] and pairs > 0
    unit = W1 / np.linalg.norm(W1, axis=1, keepdims=True)
    similarity = unit @ unit.T
    same = similarity[:10, :10][~np.eye(10, dtype=bool)].mean()
    across = similarity[:10, 10:].mean()
    assert same > across + 0.2, "words of one topic end up closer than words of different topics"


def output_text(cell):
    return "".join(output.get("text", "") for output in cell.outputs)


def test_only_volatile_cells_are_ignored_and_they_agree_with_their_compared_lines(nb):
    ignored = [cell for cell in nb.cells if "nbval-ignore-output" in cell.metadata.get("tags", [])]
    timings = [cell for cell in ignored if "process_time" in cell.source or "seconds" in cell.source]
    neighbours = [cell for cell in ignored if "neighbours_side_by_side" in cell.source]
    intervals = [cell for cell in ignored if "compared['low']" in cell.source]
    assert (len(timings), len(neighbours), len(intervals)) == (2, 1, 1) and len(ignored) == 4, (
        "ignored: the scatter-add timing, the pairs/s comparison, the neighbour lists and the bootstrap intervals"
    )
    scatter_ratio = float(re.search(r"(\d+)× faster", output_text(timings[0])).group(1))
    assert 2 <= scatter_ratio <= 200, "the sparse product is several times faster than np.add.at"
    rates = [float(rate.replace(",", "")) for rate in re.findall(r"([\d,]+) pairs/s", output_text(timings[1]))]
    ratio = float(re.search(r"gensim is ([\d.]+)× faster", output_text(timings[1])).group(1))
    assert len(rates) == 2 and rates[0] >= 100_000, "the NumPy trainer runs at more than 0.1 M pairs/s"
    assert 1 <= ratio <= 30, "gensim is faster, but within an order of magnitude or so"
    # The neighbour lists: one row per word, three neighbours from each model.
    rows = output_text(neighbours[0]).splitlines()[1:]
    assert len(rows) == 4 and all(row.count(",") == 4 for row in rows), rows
    # The intervals: each contains its difference, and agrees with the verdict printed in a compared cell.
    verdicts = dict(
        re.findall(
            r"PPMI \+ SVD − (.+?) on the reporting half: .*includes 0: (yes|no)",
            "".join(output_text(cell) for cell in nb.cells if cell.cell_type == "code"),
        )
    )
    found = re.findall(
        r"PPMI \+ SVD − (.+?): ([+-][\d.]+), 95 % interval ([+-][\d.]+) to ([+-][\d.]+)", output_text(intervals[0])
    )
    assert len(found) == 2 and set(verdicts) == {name for name, *_ in found}
    for name, difference, low, high in found:
        assert float(low) <= float(difference) <= float(high)
        assert verdicts[name] == ("yes" if float(low) <= 0 <= float(high) else "no")
