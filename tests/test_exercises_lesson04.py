"""Exercise checks of lesson 04: right answers pass, each typical mistake gets a hint that names it."""

import numpy as np

from helpers.exercises.lesson04 import check_analogy, check_cosine


def right_cosine(a, b):
    return np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))


# --- check_cosine --------------------------------------------------------------------------------------


def test_right_cosine_passes_with_and_without_wv(royal_wv):
    assert check_cosine(right_cosine)
    feedback = check_cosine(right_cosine, royal_wv)
    assert feedback.ok and repr(feedback).startswith("[ok]")


def test_dot_product_gets_the_divide_hint():
    feedback = check_cosine(lambda a, b: np.dot(a, b))
    assert not feedback
    assert repr(feedback).startswith("[not yet]")
    assert "gave 10.00 but should be 1.00" in feedback.message and "dot product" in feedback.message


def test_other_wrong_formula_gets_the_formula():
    feedback = check_cosine(lambda a, b: np.dot(a, b) / np.linalg.norm(a))
    assert not feedback and "np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))" in feedback.message


def test_elementwise_product_is_not_one_number():
    feedback = check_cosine(lambda a, b: a * b / (np.linalg.norm(a) * np.linalg.norm(b)))
    assert not feedback and "returned 2 numbers, not one" in feedback.message


def test_an_error_in_the_learners_code_is_reported():
    def broken(a, b):
        raise ValueError("shapes {not} aligned")

    feedback = check_cosine(broken)
    assert not feedback and "stopped with ValueError: shapes {not} aligned" in feedback.message


def test_division_by_zero_is_caught():
    feedback = check_cosine(lambda a, b: np.dot(a, b) / 0.0 if np.dot(a, b) else np.float64("nan"))
    assert not feedback and "divided by zero" in feedback.message


def test_not_a_number_and_not_a_function():
    assert "returned 'half', not a number" in check_cosine(lambda a, b: "half").message
    assert "return line" in check_cosine(lambda a, b: None).message
    feedback = check_cosine(0.5)
    assert not feedback and "Pass the function itself" in feedback.message


def test_cosine_that_only_works_in_two_dimensions_fails_on_real_vectors(royal_wv):
    def two_numbers_only(a, b):
        return (a[0] * b[0] + a[1] * b[1]) / (np.hypot(a[0], a[1]) * np.hypot(b[0], b[1]))

    assert check_cosine(two_numbers_only)  # the small cases are 2-D, so they pass
    feedback = check_cosine(two_numbers_only, royal_wv)
    assert not feedback and "vectors of any length" in feedback.message


# --- check_analogy -------------------------------------------------------------------------------------


def test_analogy_the_model_gets_right(royal_wv):
    feedback = check_analogy(royal_wv, "man", "king", "woman", "queen")
    assert feedback and "'queen'" in feedback.message


def test_analogy_the_model_gets_wrong_names_its_answer(royal_wv):
    feedback = check_analogy(royal_wv, "man", "king", "woman", "pear")
    assert not feedback
    assert "top answer is 'queen'" in feedback.message and "'pear' ranks" in feedback.message


def test_analogy_with_an_unknown_word_explains_it(royal_wv):
    feedback = check_analogy(royal_wv, "man", "king", "woman", "empress")
    assert not feedback and "'empress' is not in the vocabulary" in feedback.message
    feedback = check_analogy(royal_wv, "Man", "king", "woman", "queen")
    assert not feedback and "lowercase" in feedback.message


def test_analogy_answer_cannot_be_a_question_word(royal_wv):
    feedback = check_analogy(royal_wv, "man", "king", "woman", "king")
    assert not feedback and "one of the question words" in feedback.message


def test_check_analogy_refuses_a_question_already_on_screen(royal_wv):
    shown = [("man", "king", "woman", "queen")]
    feedback = check_analogy(royal_wv, "man", "king", "woman", "queen", shown=shown)
    assert not feedback.ok and "already in the table" in str(feedback)
