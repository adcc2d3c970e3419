"""Checks for the exercises of lesson 07 · Rare words with FastText."""

import numpy as np
import pytest
from gensim.models.fasttext import save_facebook_model

from helpers.exercises.lesson07 import check_bucket, check_share_kept, check_shareable
from helpers.lessons.subwords import char_ngrams

# check_bucket ----------------------------------------------------------------------------------


def test_check_bucket_accepts_the_largest_that_fits():
    feedback = check_bucket(50_000, vector_size=100, budget_mb=20)
    assert feedback.ok and "20.0 MB" in repr(feedback) and repr(feedback).startswith("[ok]")
    assert check_bucket(25_000, vector_size=200, budget_mb=20).ok
    assert "the most that fits" in check_bucket(25_000, vector_size=200, budget_mb=20).message


def test_check_bucket_accepts_a_near_answer_without_calling_it_the_most():
    feedback = check_bucket(46_000, vector_size=100, budget_mb=20)  # within 10 % of the largest
    assert feedback.ok and "18.4 MB: it fits, within 10 % of the largest, 50,000 rows" in feedback.message
    assert "the most that fits" not in feedback.message


def test_check_bucket_says_when_it_is_too_big():
    feedback = check_bucket(100_000, vector_size=100, budget_mb=20)
    assert not feedback.ok and "40.0 MB, over the 20 MB budget" in feedback.message
    assert repr(feedback).startswith("[not yet]")
    assert not check_bucket(50_001, vector_size=100, budget_mb=20).ok


def test_check_bucket_says_when_it_wastes_the_budget():
    feedback = check_bucket(10_000, vector_size=100, budget_mb=20)
    assert not feedback.ok and "it fits, but the budget allows more rows" in feedback.message


@pytest.mark.parametrize("bad", [0, -1, 0.5, 50_000.5, float("nan"), float("inf"), "50000", True, None])
def test_check_bucket_rejects_non_counts(bad):
    feedback = check_bucket(bad)
    assert not feedback.ok and "positive whole number of rows" in feedback.message


@pytest.mark.parametrize("whole_float", [50_000.0, 20_000_000 / 400, np.float64(50_000)])
def test_check_bucket_says_a_whole_float_needs_int(whole_float):
    feedback = check_bucket(whole_float, vector_size=100, budget_mb=20)
    assert not feedback.ok and "a float: gensim needs a whole number (an int)" in feedback.message
    assert "//" in feedback.message and "int(...)" in feedback.message


# check_shareable -------------------------------------------------------------------------------


def test_check_shareable_accepts_facebook_format(fasttext_model, tmp_path):
    path = tmp_path / "shared.bin"
    save_facebook_model(fasttext_model, str(path))
    feedback = check_shareable(path, unseen_word="goverment")
    assert feedback.ok and "builds a vector for the unseen 'goverment'" in feedback.message
    assert f"{fasttext_model.wv.bucket:,} n-gram rows" in feedback.message
    assert check_shareable(path, unseen_word="runner").ok  # a known word is fine too


def test_check_shareable_refuses_a_pickle(fasttext_model, tmp_path):
    path = tmp_path / "model.pickle"
    fasttext_model.save(str(path))
    feedback = check_shareable(path)
    assert not feedback.ok and "pickle" in feedback.message
    assert "look in gensim.models.fasttext" in feedback.message
    assert "save_facebook_model" not in feedback.message  # the hint names it; the check leaves it to find


@pytest.mark.parametrize("binary", [True, False])
def test_check_shareable_refuses_word2vec_format(fasttext_model, tmp_path, binary):
    path = tmp_path / "words.bin"
    fasttext_model.wv.save_word2vec_format(str(path), binary=binary)
    feedback = check_shareable(path)
    assert not feedback.ok and "word2vec format" in feedback.message
    assert "look in gensim.models.fasttext" in feedback.message and "save_facebook_model" not in feedback.message


def test_check_shareable_reports_missing_file(tmp_path):
    feedback = check_shareable(tmp_path / "nothing.bin")
    assert not feedback.ok and "no file at 'nothing.bin'" in feedback.message


def test_check_shareable_reports_other_files(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    assert "not a FastText model file" in check_shareable(path).message
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    assert "not a FastText model file" in check_shareable(empty).message


@pytest.mark.parametrize("keep", [40, 120, 200, 0.3], ids=lambda keep: f"keep {keep}")
def test_check_shareable_reports_a_cut_file(fasttext_model, tmp_path, keep):
    """Cut in the header (40 bytes), among the words (120, 200: where gensim 4.4's own loader never
    returns), or in the vectors (30 % of the file). A cut in the output weights at the very end still
    loads as vectors (load_facebook_vectors does not read them), which is what a colleague asks of it."""
    path = tmp_path / "shared.bin"
    save_facebook_model(fasttext_model, str(path))
    data = path.read_bytes()
    path.write_bytes(data[: keep if isinstance(keep, int) else int(len(data) * keep)])
    feedback = check_shareable(path)
    assert not feedback.ok and "cannot be read" in feedback.message


# check_share_kept ------------------------------------------------------------------------------


def right_share_kept(word, typo):
    pieces = set(char_ngrams(word, 3, 5))
    return len(pieces & set(char_ngrams(typo, 3, 5))) / len(pieces)


def test_check_share_kept_accepts_a_right_answer():
    assert check_share_kept(right_share_kept).ok


def test_check_share_kept_accepts_numpy_numbers():
    assert check_share_kept(lambda word, typo: np.float32(right_share_kept(word, typo))).ok
    assert check_bucket(np.int64(50_000), vector_size=100, budget_mb=20).ok


def test_check_share_kept_explains_a_wrong_number():
    feedback = check_share_kept(lambda word, typo: 0.0)
    assert not feedback.ok and "returned 0.000, expected 0.556" in feedback.message


def test_check_share_kept_catches_a_count_instead_of_a_share():
    def count_only(word, typo):  # forgot to divide by the number of pieces
        return len(set(char_ngrams(word, 3, 5)) & set(char_ngrams(typo, 3, 5)))

    feedback = check_share_kept(count_only)
    assert not feedback.ok and "returned 15.000, expected 0.556" in feedback.message


def test_check_share_kept_catches_repeated_ngrams_counted_twice():
    def with_repeats(word, typo):  # lists, not sets: "ana" and "nan" of "banana" count twice
        pieces = char_ngrams(word, 3, 5)
        kept = set(char_ngrams(typo, 3, 5))
        return sum(piece in kept for piece in pieces) / len(pieces)

    assert with_repeats("banana", "bananna") != right_share_kept("banana", "bananna")
    feedback = check_share_kept(with_repeats)
    assert not feedback.ok and "share_kept('banana', 'bananna')" in feedback.message


def test_check_share_kept_reports_errors_and_wrong_types():
    def broken(word, typo):
        raise ZeroDivisionError("division by zero")

    assert "raised ZeroDivisionError" in check_share_kept(broken).message
    assert "return a number" in check_share_kept(lambda word, typo: "half").message
    assert "return a number" in check_share_kept(lambda word, typo: True).message
    assert "should be a function" in check_share_kept(0.5).message
