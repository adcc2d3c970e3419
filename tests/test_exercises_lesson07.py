"""Checks for the exercises of lesson 07 · Rare words with FastText."""

import pytest
from gensim.models.fasttext import save_facebook_model

from helpers.exercises.lesson07 import check_bucket, check_share_kept, check_shareable
from helpers.lessons.subwords import char_ngrams

# check_bucket ----------------------------------------------------------------------------------


def test_check_bucket_accepts_the_largest_that_fits():
    feedback = check_bucket(50_000, vector_size=100, budget_mb=20)
    assert feedback.ok and "20.0 MB" in repr(feedback) and repr(feedback).startswith("[ok]")
    assert check_bucket(46_000, vector_size=100, budget_mb=20).ok  # within 10 % of the largest
    assert check_bucket(25_000, vector_size=200, budget_mb=20).ok


def test_check_bucket_says_when_it_is_too_big():
    feedback = check_bucket(100_000, vector_size=100, budget_mb=20)
    assert not feedback.ok and "40.0 MB, over the 20 MB budget" in feedback.message
    assert repr(feedback).startswith("[not yet]")
    assert not check_bucket(50_001, vector_size=100, budget_mb=20).ok


def test_check_bucket_says_when_it_wastes_the_budget():
    feedback = check_bucket(10_000, vector_size=100, budget_mb=20)
    assert not feedback.ok and "it fits, but the budget allows more rows" in feedback.message


@pytest.mark.parametrize("bad", [0, -1, 50_000.0, "50000", True, None])
def test_check_bucket_rejects_non_counts(bad):
    feedback = check_bucket(bad)
    assert not feedback.ok and "positive whole number of rows" in feedback.message


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
    assert not feedback.ok and "pickle" in feedback.message and "save_facebook_model" in feedback.message


@pytest.mark.parametrize("binary", [True, False])
def test_check_shareable_refuses_word2vec_format(fasttext_model, tmp_path, binary):
    path = tmp_path / "words.bin"
    fasttext_model.wv.save_word2vec_format(str(path), binary=binary)
    feedback = check_shareable(path)
    assert not feedback.ok and "word2vec format" in feedback.message


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


def test_check_shareable_reports_a_cut_file(fasttext_model, tmp_path):
    path = tmp_path / "shared.bin"
    save_facebook_model(fasttext_model, str(path))
    path.write_bytes(path.read_bytes()[:40])  # cut inside the header (cut inside the words, gensim 4.4 never returns)
    feedback = check_shareable(path)
    assert not feedback.ok and "cannot be read" in feedback.message


# check_share_kept ------------------------------------------------------------------------------


def right_share_kept(word, typo):
    pieces = set(char_ngrams(word, 3, 5))
    return len(pieces & set(char_ngrams(typo, 3, 5))) / len(pieces)


def test_check_share_kept_accepts_a_right_answer():
    assert check_share_kept(right_share_kept).ok


def test_check_share_kept_explains_a_wrong_number():
    feedback = check_share_kept(lambda word, typo: 0.0)
    assert not feedback.ok and "returned 0.000, expected 0.556" in feedback.message


def test_check_share_kept_catches_a_count_instead_of_a_share():
    def count_only(word, typo):  # forgot to divide by the number of pieces
        return len(set(char_ngrams(word, 3, 5)) & set(char_ngrams(typo, 3, 5)))

    feedback = check_share_kept(count_only)
    assert not feedback.ok and "returned 15.000, expected 0.556" in feedback.message


def test_check_share_kept_reports_errors_and_wrong_types():
    def broken(word, typo):
        raise ZeroDivisionError("division by zero")

    assert "raised ZeroDivisionError" in check_share_kept(broken).message
    assert "return a number" in check_share_kept(lambda word, typo: "half").message
    assert "return a number" in check_share_kept(lambda word, typo: True).message
    assert "should be a function" in check_share_kept(0.5).message
