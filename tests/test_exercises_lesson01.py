"""The friendly checks of lesson 01's exercises: right answers pass, each typical slip gets its hint."""

import re

import pytest
from gensim.models.phrases import Phrases

from helpers.exercises import lesson01

# The stub the learner starts from (lesson 01's regex_tokenize) and the lesson's solution.
TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
NUMBER_OR_WORD = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:['-][^\W\d_]+)*")


def solution(text):
    return NUMBER_OR_WORD.findall(text.lower())


def test_the_solution_is_right():
    feedback = lesson01.check_numbers_tokenizer(solution)
    assert feedback.ok, feedback.message
    assert "4.50" in feedback.message


def test_another_correct_pattern_is_right_too():
    other = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
    assert lesson01.check_numbers_tokenizer(lambda text: other.findall(text.lower())).ok


def test_the_starting_stub_splits_decimals():
    feedback = lesson01.check_numbers_tokenizer(lambda text: TOKEN.findall(text.lower()))
    assert not feedback.ok
    assert "'4.50' came out as ['4', '50']" in feedback.message and "decimal part" in feedback.message
    assert r"\d+(?:\.\d+)?" not in feedback.message  # the hint in the lesson has the pattern; the check does not


@pytest.mark.parametrize("pattern, culprit", [(r"\S+", "'$4.50'"), (r"[\w.]+", "'1815.'")])
def test_punctuation_left_on_tokens_is_named(pattern, culprit):
    feedback = lesson01.check_numbers_tokenizer(lambda text: re.findall(pattern, text.lower()))
    assert not feedback.ok
    assert culprit in feedback.message and "punctuation" in feedback.message


def test_a_dollar_sign_as_a_token_of_its_own_is_punctuation():
    pattern = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|\$")
    feedback = lesson01.check_numbers_tokenizer(lambda text: pattern.findall(text.lower()))
    assert not feedback.ok
    assert "'$'" in feedback.message and "punctuation" in feedback.message


def test_a_decimal_kept_whole_and_in_pieces_is_refused():
    def both(text):  # two patterns added up: '4.50' and also '4', '50'
        lowered = text.lower()
        return re.findall(r"\d+\.\d+", lowered) + re.findall(r"[^\W_]+", lowered)

    feedback = lesson01.check_numbers_tokenizer(both)
    assert not feedback.ok
    assert "'4.50' came out whole and also in pieces" in feedback.message and "|" in feedback.message


def test_pieces_that_are_numbers_of_their_own_do_not_count():
    assert lesson01._decimal_and_pieces("4 apples for 4.50", ["4", "apples", "for", "4.50"]) is None
    assert lesson01._decimal_and_pieces("it costs 4.50", ["it", "costs", "4.50", "50"]) == "4.50"


def test_forgetting_to_lowercase():
    feedback = lesson01.check_numbers_tokenizer(lambda text: NUMBER_OR_WORD.findall(text))
    assert not feedback.ok and "'A' is not lowercase" in feedback.message


def test_dropping_numbers():
    feedback = lesson01.check_numbers_tokenizer(lambda text: re.findall(r"[^\W\d_]+", text.lower()))
    assert not feedback.ok and "'4.50' is missing" in feedback.message and r"\d" in feedback.message


def test_dropping_words():
    feedback = lesson01.check_numbers_tokenizer(lambda text: re.findall(r"\d+(?:\.\d+)?", text.lower()))
    assert not feedback.ok and "'café' is missing" in feedback.message and "accents" in feedback.message


def test_returning_a_string_instead_of_a_list():
    feedback = lesson01.check_numbers_tokenizer(lambda text: " ".join(solution(text)))
    assert not feedback.ok and "list of strings" in feedback.message and "'a café sells" in feedback.message


def test_returning_nothing():
    feedback = lesson01.check_numbers_tokenizer(lambda text: None)
    assert not feedback.ok and "returned None" in feedback.message


def test_a_function_that_raises_is_reported_not_raised():
    feedback = lesson01.check_numbers_tokenizer(lambda text: 1 / 0)
    assert not feedback.ok and "ZeroDivisionError" in feedback.message


def test_passing_the_result_instead_of_the_function():
    feedback = lesson01.check_numbers_tokenizer(solution("A café sells it for $4.50 since 1815."))
    assert not feedback.ok and "without calling it" in feedback.message


@pytest.fixture(scope="module")
def corpus():
    # 'los angeles' always appears together, 'new york' mostly, 'red car' and others mix freely.
    sentences = [
        ["she", "lives", "in", "los", "angeles", "now"],
        ["the", "red", "car", "is", "fast"],
        ["los", "angeles", "is", "big"],
        ["a", "red", "house", "is", "old"],
        ["new", "york", "is", "big"],
        ["a", "new", "car", "in", "york"],
        ["new", "york", "now"],
    ] * 20
    return sentences


def scores(corpus):
    return Phrases(corpus, min_count=5, threshold=1e-9).export_phrases()


def test_the_learners_starting_detector_keeps_too_many(corpus):
    detector = Phrases(corpus, min_count=5, threshold=1e-9)
    count = len(detector.export_phrases())
    feedback = lesson01.check_stricter_phrases(detector, most=count, pair=("new", "york"))
    assert not feedback.ok and f"keeps {count:,} phrases" in feedback.message and "raise" in feedback.message


def test_a_threshold_between_the_two_limits_is_right(corpus):
    found = scores(corpus)
    # keep only phrases scoring at least new york's: fewer than all of them, and new york still joined
    threshold = found["new_york"] - 1e-6
    detector = Phrases(corpus, min_count=5, threshold=threshold)
    kept = len(detector.export_phrases())
    assert kept < len(found)
    feedback = lesson01.check_stricter_phrases(detector, most=len(found), pair=("new", "york"))
    assert feedback.ok, feedback.message
    assert f"{kept:,} phrases" in feedback.message and "['new_york']" in feedback.message


def test_too_strict_loses_the_pair(corpus):
    found = scores(corpus)
    detector = Phrases(corpus, min_count=5, threshold=found["new_york"] + 1)
    feedback = lesson01.check_stricter_phrases(detector, most=len(found) + 5, pair=("new", "york"))
    assert not feedback.ok and "'new york' is no longer joined" in feedback.message and "lower" in feedback.message


def test_neither_condition_names_min_count(corpus):
    detector = Phrases(corpus, min_count=100, threshold=1e-9)  # min_count too high: nothing is joined
    feedback = lesson01.check_stricter_phrases(detector, most=0, pair=("new", "york"))
    assert not feedback.ok and "min_count" in feedback.message


@pytest.mark.parametrize("min_count", [6, 30, 1])
def test_changing_min_count_instead_of_the_threshold_is_refused(corpus, min_count):
    # raising min_count can also bring the count down while keeping the pair: it is not the task
    found = scores(corpus)
    detector = Phrases(corpus, min_count=min_count, threshold=found["new_york"] - 1e-6)
    feedback = lesson01.check_stricter_phrases(detector, most=len(found) + 5, pair=("new", "york"))
    assert not feedback.ok
    assert f"min_count={min_count}" in feedback.message and "change only the threshold" in feedback.message


def test_the_lessons_min_count_can_be_given(corpus):
    found = scores(corpus)
    detector = Phrases(corpus, min_count=3, threshold=found["new_york"] - 1e-6)
    assert lesson01.check_stricter_phrases(detector, most=len(found) + 5, pair=("new", "york"), min_count=3).ok


def test_something_else_than_a_phrases_model():
    feedback = lesson01.check_stricter_phrases(10)
    assert not feedback.ok and "`stricter` should be a gensim Phrases model" in feedback.message
