"""helpers.scratch: the plumbing of lesson 08 (vectors trained without gensim, side-by-side tables)."""

import numpy as np
import pytest
from gensim.models import KeyedVectors, Word2Vec

from helpers import CourseError
from helpers.evaluation import read_word_pairs
from helpers.scratch import (
    ComparisonTable,
    check_enough_pairs,
    compare_pair_scores,
    compare_scores,
    keyed_vectors,
    neighbours_side_by_side,
)


@pytest.fixture(scope="module")
def benchmark_wv():
    """Random vectors for every word of WordSim353 and SimLex-999: scorable, and ρ near 0."""
    words = sorted(
        {w.lower() for name in ("WordSim353", "SimLex-999") for a, b, _ in read_word_pairs(name) for w in (a, b)}
    )
    return keyed_vectors(words, np.random.default_rng(0).normal(size=(len(words), 8)))


# keyed_vectors -------------------------------------------------------------------------------


def test_keyed_vectors_keeps_words_and_rows():
    wv = keyed_vectors(["cat", "dog", "fish"], np.arange(6).reshape(3, 2))
    assert isinstance(wv, KeyedVectors) and wv.index_to_key == ["cat", "dog", "fish"]
    assert wv.vectors.dtype == np.float32 and wv["dog"].tolist() == [2.0, 3.0]


@pytest.mark.parametrize(
    "words, vectors, message",
    [
        ([], np.zeros((0, 3)), "no words"),
        (["a"], np.zeros((1, 0)), "no words"),
        (["a", "b"], np.zeros((3, 2)), "2 words but 3 vectors"),
        (["a", "a"], np.zeros((2, 2)), "appears twice"),
        (["a", " "], np.zeros((2, 2)), "non-empty string"),
        (["a", 3], np.zeros((2, 2)), "non-empty string"),
        ("ab", np.zeros((2, 2)), "not one string"),
        (["a", "b"], np.zeros(2), "2-D array"),
        (["a", "b"], [["x", "y"], ["z", "w"]], "array of numbers"),
        (["a", "b"], np.array([[0.0, np.nan], [1.0, 2.0]]), "diverged"),
        (["a", "b"], np.array([[0.0, np.inf], [1.0, 2.0]]), "Lower the learning rate"),
    ],
)
def test_keyed_vectors_explains_bad_input(words, vectors, message):
    with pytest.raises(CourseError, match=message):
        keyed_vectors(words, vectors)


# compare_scores --------------------------------------------------------------------------------


def test_compare_scores_prints_one_line_per_model(benchmark_wv):
    table = compare_scores({"random": benchmark_wv, "again": benchmark_wv})
    assert isinstance(table, ComparisonTable) and len(table) == 2
    text = repr(table)
    assert text.splitlines()[0].split()[:2] == ["model", "WordSim353"]
    assert "353/353" in text and "999/999" in text
    assert table.score("random") == table.score("again") and abs(table.score("random")) < 0.2
    assert table.score("random", "SimLex-999") is not None


def test_compare_scores_accepts_a_model_and_one_dataset():
    words = [w.lower() for a, b, _ in read_word_pairs("WordSim353") for w in (a, b)]
    model = Word2Vec(
        [words[i : i + 10] for i in range(0, len(words), 10)], vector_size=8, min_count=1, epochs=1, workers=1, seed=1
    )
    table = compare_scores({"tiny": model}, datasets="WordSim353")
    assert table.datasets == ["WordSim353"] and table.score("tiny") is not None


def test_compare_scores_explains_bad_input(benchmark_wv):
    with pytest.raises(CourseError, match="dict"):
        compare_scores([benchmark_wv])
    with pytest.raises(CourseError, match="dict"):
        compare_scores({})
    with pytest.raises(CourseError, match="'analogies' is not one of them"):
        compare_scores({"x": benchmark_wv}, datasets=["analogies"])
    with pytest.raises(CourseError, match="No model called 'y'"):
        compare_scores({"x": benchmark_wv}).score("y")


def test_compare_scores_on_a_model_of_unknown_words():
    wv = keyed_vectors(["qqq", "zzz", "xxx"], np.eye(3))
    with pytest.raises(CourseError, match="Too few benchmark words"):
        compare_scores({"odd": wv})


def test_empty_comparison_table_prints():
    assert repr(ComparisonTable([], ["WordSim353"])) == "(empty table)"


# neighbours_side_by_side -----------------------------------------------------------------------


def test_neighbours_side_by_side():
    a = keyed_vectors(["cat", "dog", "car"], [[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    b = keyed_vectors(["cat", "car", "bus"], [[1.0, 0.0], [0.0, 1.0], [0.1, 0.9]])
    text = neighbours_side_by_side({"A": a, "B": b}, ["cat", "dog"], topn=1)
    lines = text.splitlines()
    assert lines[0].split() == ["word", "A", "B"]
    assert lines[1].split() == ["cat", "dog", "bus"]
    assert "(not in vocabulary)" in lines[2]
    assert neighbours_side_by_side({"A": a}, "car", topn=2).splitlines()[1].split(maxsplit=1) == ["car", "dog, cat"]


@pytest.mark.parametrize(
    "models, words, topn, message",
    [
        ({}, ["cat"], 3, "dict"),
        ("wv", ["cat"], 3, "dict"),
        (None, [], 3, "dict"),
    ],
)
def test_neighbours_side_by_side_wants_models(models, words, topn, message):
    with pytest.raises(CourseError, match=message):
        neighbours_side_by_side(models, words, topn)


def test_neighbours_side_by_side_explains_bad_words_and_topn():
    a = keyed_vectors(["cat", "dog"], [[1.0, 0.0], [0.9, 0.1]])
    with pytest.raises(CourseError, match="at least one word"):
        neighbours_side_by_side({"A": a}, [])
    with pytest.raises(CourseError, match="None of the models knows"):
        neighbours_side_by_side({"A": a}, ["unicorn"])
    for bad in (0, -1, 2.5, True, "3"):
        with pytest.raises(CourseError, match="topn"):
            neighbours_side_by_side({"A": a}, ["cat"], topn=bad)
    one = keyed_vectors(["alone"], [[1.0, 0.0]])
    with pytest.raises(CourseError, match="None of the models knows"):
        neighbours_side_by_side({"A": one}, ["alone"])


# check_enough_pairs --------------------------------------------------------


def test_check_enough_pairs():
    assert check_enough_pairs(20) == 20 and check_enough_pairs(np.int64(5), minimum=5) == 5
    with pytest.raises(CourseError, match="only 0 training pairs.*Add more sentences"):
        check_enough_pairs(0)
    for bad in (-1, 2.5, "10", None, True):
        with pytest.raises(CourseError, match="n_pairs"):
            check_enough_pairs(bad)


# compare_pair_scores -----------------------------------------------------------------------------


def test_compare_pair_scores_agrees_with_compare_scores_on_the_whole_benchmark(benchmark_wv):
    pairs = read_word_pairs("WordSim353")
    sets = {"WS353 all pairs": pairs}
    table = compare_pair_scores({"random": benchmark_wv}, sets)
    assert sets == {"WS353 all pairs": pairs}, "the caller's dict is left alone"
    whole = compare_scores({"random": benchmark_wv}, datasets="WordSim353").score("random")
    assert table.score("random", "WS353 all pairs") == round(whole, 2)
    lines = repr(table).splitlines()
    assert "WS353 all pairs ρ" in lines[0] and "353/353" in lines[1]
    assert len(lines[0]) == len(lines[1]), "the columns line up"


def test_compare_pair_scores_counts_coverage_and_ignores_case():
    wv = keyed_vectors(["tiger", "cat", "car"], np.array([[1.0, 0.1], [1.0, 0.0], [0.0, 1.0]]))
    pairs = [("Tiger", "cat", 9.0), ("cat", "car", 1.0), ("tiger", "car", 2.0), ("cat", "unknown", 5.0)]
    table = compare_pair_scores({"tiny": wv}, {"few": pairs}, min_items=3)
    assert table[0]["few covered"] == 3 and table[0]["few total"] == 4 and table.score("tiny", "few") == 1.0
    table = compare_pair_scores({"tiny": wv}, {"few": pairs})  # fewer than 20 covered pairs: no score
    assert table.score("tiny", "few") is None and "–" in repr(table)


@pytest.mark.parametrize(
    "models, pair_sets, message",
    [
        ({}, {"x": [("a", "b", 1.0)]}, "models must be a dict"),
        ({"m": None}, {"x": [("a", "b", 1.0)]}, "must be word vectors"),
        ({"m": "wv"}, {}, "pair_sets must be a dict"),
        ({"m": "wv"}, {"x": []}, "holds no word pairs"),
        ({"m": "wv"}, {"x": "WordSim353"}, "must be a list of"),
        ({"m": "wv"}, {"x": [("a", "b")]}, r"\(word1, word2, human_score\)"),
        ({"m": "wv"}, {"x": ["ab1"]}, r"\(word1, word2, human_score\)"),
    ],
)
def test_compare_pair_scores_explains_bad_input(benchmark_wv, models, pair_sets, message):
    models = {name: benchmark_wv if wv == "wv" else wv for name, wv in models.items()}
    with pytest.raises(CourseError, match=message):
        compare_pair_scores(models, pair_sets)
