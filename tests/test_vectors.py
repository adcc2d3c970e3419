"""helpers.vectors: analogies, rank correlation, norms by frequency band (lesson 04), how far words moved (03)."""

import re

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers import CourseError
from helpers.vectors import analogy_table, compare_versions, norm_by_frequency, solve_analogy

pytestmark = pytest.mark.usefixtures("close_figures")


# --- solve_analogy -------------------------------------------------------------------------------------


def test_solve_analogy_finds_queen(royal_wv):
    answers = solve_analogy(royal_wv, "man", "king", "woman", topn=2)
    assert answers[0][0] == "queen"
    assert len(answers) == 2
    assert all(isinstance(score, float) and score == round(score, 2) for _, score in answers)


def test_solve_analogy_never_answers_a_question_word(royal_wv):
    words = [word for word, _ in solve_analogy(royal_wv, "man", "king", "woman", topn=10)]
    assert not {"man", "king", "woman"} & set(words)
    assert len(words) == len(royal_wv) - 3


def test_solve_analogy_cosmul_agrees_on_an_easy_question(royal_wv):
    assert solve_analogy(royal_wv, "man", "king", "woman", method="cosmul")[0][0] == "queen"


def test_solve_analogy_unknown_word_is_explained(royal_wv):
    with pytest.raises(CourseError, match=r"'princess' is not in the vocabulary of 7 words.*min_count"):
        solve_analogy(royal_wv, "man", "king", "princess")


def test_solve_analogy_capitalised_word_is_explained(royal_wv):
    with pytest.raises(CourseError, match=r"'King'.*but 'king' is.*lowercase"):
        solve_analogy(royal_wv, "man", "King", "woman")


def test_solve_analogy_rejects_unknown_method_and_bad_topn(royal_wv):
    with pytest.raises(CourseError, match=r"method must be one of 'add', 'cosmul', got 'multiply'"):
        solve_analogy(royal_wv, "man", "king", "woman", method="multiply")
    with pytest.raises(CourseError, match=r"topn must be a whole number of at least 1, got 0"):
        solve_analogy(royal_wv, "man", "king", "woman", topn=0)


# --- analogy_table -------------------------------------------------------------------------------------


def test_analogy_table_marks_right_wrong_and_missing(royal_wv):
    # king - man + woman points along queen; pear leans that way a little, apple not at all.
    table = analogy_table(
        royal_wv,
        [
            ("man", "king", "woman", "queen"),
            ("man", "king", "woman", "pear"),
            ("man", "king", "woman", "apple"),
            ("man", "king", "lady", "queen"),
        ],
        topn=2,
    )
    lines = table.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("man : king :: woman : queen?") and lines[0].endswith("✓ top answer")
    assert lines[1].endswith("✗ ranked 2 (top answer: queen)")
    assert lines[2].endswith("✗ not in the top 2 (top answer: queen)")
    assert lines[3].endswith("(not in the vocabulary: lady)")
    assert len({re.search(r"\s{3}(\S)", line).start(1) for line in lines}) == 1, "verdicts line up in a column"


def test_analogy_table_shows_the_rank_of_a_near_miss(royal_wv):
    answers = [word for word, _ in solve_analogy(royal_wv, "man", "king", "woman", topn=10)]
    second = answers[1]
    table = analogy_table(royal_wv, [("man", "king", "woman", second)])
    assert table.endswith("✗ ranked 2 (top answer: queen)")


def test_analogy_table_names_a_missing_expected_word(royal_wv):
    assert analogy_table(royal_wv, [("man", "king", "woman", "empress")]).endswith("(not in the vocabulary: empress)")


def test_analogy_table_rejects_empty_and_malformed_questions(royal_wv):
    with pytest.raises(CourseError, match="No analogy questions"):
        analogy_table(royal_wv, [])
    with pytest.raises(CourseError, match=r"four words \(a, b, c, expected\), got \('man', 'king', 'woman'\)"):
        analogy_table(royal_wv, [("man", "king", "woman")])
    with pytest.raises(CourseError, match="four words"):
        analogy_table(royal_wv, ["king"])


# --- norm_by_frequency ---------------------------------------------------------------------------------


def test_norm_by_frequency_table_means_and_empty_bands():
    counts = [5, 6, 12, 15, 2000]
    norms = [1.0, 2.0, 3.0, 4.0, 0.5]
    lines = norm_by_frequency(counts, norms, edges=(5, 10, 100, 1000)).splitlines()
    assert lines[0].split() == ["seen", "(times)", "words", "mean", "norm"]
    assert [line.split() for line in lines[1:]] == [["5-9", "2", "1.5"], ["10-99", "2", "3.5"], ["1,000+", "1", "0.5"]]


def test_norm_by_frequency_labels_a_one_count_band():
    lines = norm_by_frequency([1, 1, 2, 3], [1.0, 1.2, 2.0, 3.0], edges=(1, 2, 5)).splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["1", "2-4"]


def test_norm_by_frequency_on_a_real_looking_vocabulary(royal_wv):
    counts = np.array([royal_wv.get_vecattr(word, "count") for word in royal_wv.index_to_key])
    norms = np.linalg.norm(royal_wv.vectors, axis=1)
    table = norm_by_frequency(counts, norms, edges=(1, 10, 30))
    assert [line.split()[1] for line in table.splitlines()[1:]] == ["3", "2", "2"]


def test_norm_by_frequency_rejects_bad_input():
    with pytest.raises(CourseError, match=r"got 3 and 2 values"):
        norm_by_frequency([1, 2, 3], [1.0, 2.0])
    with pytest.raises(CourseError, match="vocabulary is empty"):
        norm_by_frequency([], [])
    with pytest.raises(CourseError, match=r"increasing order.*got \(10, 5\)"):
        norm_by_frequency([1, 2], [1.0, 2.0], edges=(10, 5))
    with pytest.raises(CourseError, match="increasing order"):
        norm_by_frequency([1, 2], [1.0, 2.0], edges=())
    with pytest.raises(CourseError, match=r"No word has a count of at least 5.*lower the edges"):
        norm_by_frequency([1, 2], [1.0, 2.0])


# --- compare_versions ----------------------------------------------------------------------------------


def test_compare_versions_measures_how_far_words_moved(w2v_model):
    moved = KeyedVectors(w2v_model.wv.vector_size)
    vectors = w2v_model.wv.vectors.copy()
    vectors[w2v_model.wv.key_to_index["cat"]] *= -1  # opposite direction
    moved.add_vectors(w2v_model.wv.index_to_key, vectors)
    assert compare_versions(w2v_model.wv, moved, ["dog", "cat"]) == [("dog", 1.0), ("cat", -1.0)]
    assert compare_versions(w2v_model.wv, moved, "dog") == [("dog", 1.0)]


def test_compare_versions_unknown_word_says_which_side(w2v_model):
    bigger = KeyedVectors(w2v_model.wv.vector_size)
    bigger.add_vectors(
        w2v_model.wv.index_to_key + ["mouse"],
        np.vstack([w2v_model.wv.vectors, np.ones((1, w2v_model.wv.vector_size), dtype=np.float32)]),
    )
    with pytest.raises(CourseError, match=r"In the vectors before: 'mouse' is not in the vocabulary"):
        compare_versions(w2v_model.wv, bigger, ["mouse"])
    with pytest.raises(CourseError, match=r"In the vectors after: 'mouse' is not in the vocabulary"):
        compare_versions(bigger, w2v_model.wv, ["mouse"])


def test_compare_versions_different_sizes(w2v_model):
    other = KeyedVectors(3)
    other.add_vectors(["cat"], np.ones((1, 3), dtype=np.float32))
    with pytest.raises(CourseError, match="different sizes"):
        compare_versions(w2v_model.wv, other, ["cat"])
