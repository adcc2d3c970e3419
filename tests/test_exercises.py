"""The exercise framework: Feedback, right, not_yet and the lazily imported lessonNN modules."""

import importlib
import pkgutil
import subprocess
import sys

import numpy as np
import pytest

import helpers
from helpers.exercises import Feedback, not_yet, right


def test_right_is_true_and_shows_ok():
    feedback = right("Well done.")
    assert feedback and feedback.ok is True
    assert repr(feedback) == "[ok] Well done."


def test_right_has_a_default_message():
    assert repr(right()) == "[ok] Right!"


def test_not_yet_is_false_and_shows_the_hint():
    feedback = not_yet("lowercase the text first.")
    assert not feedback and feedback.ok is False
    assert repr(feedback) == "[not yet] lowercase the text first."
    assert feedback.message == "lowercase the text first."


def test_feedback_marks_are_plain_ascii():
    # Emoji ticks show as empty boxes where no emoji font is installed; ASCII shows in every font.
    for feedback in (right("Well done."), not_yet("a hint")):
        assert repr(feedback).isascii()


def test_feedback_turns_any_value_into_a_bool():
    assert Feedback(1, "x").ok is True and Feedback([], "x").ok is False


def test_feedback_shows_as_one_line_in_jupyter():
    # Jupyter displays the repr of a cell's last value; it must be a single line.
    assert "\n" not in repr(not_yet("a hint")) and "\n" not in repr(right("ok"))


def test_a_lesson_calls_its_checks_after_a_plain_import_helpers():
    code = "import helpers\nprint(helpers.exercises.lesson02.check_min_count(2, {'a': 3, 'b': 1}, limit=2))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("[ok]")


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        helpers.exercises.not_a_lesson  # noqa: B018 - the look-up is the test


def test_a_missing_lesson_module_fails_clearly():
    with pytest.raises(ModuleNotFoundError, match="lesson99"):
        helpers.exercises.lesson99  # noqa: B018


def test_every_check_module_is_named_after_a_lesson_and_documents_its_checks():
    names = [info.name for info in pkgutil.iter_modules(helpers.exercises.__path__)]
    assert "lesson01" in names
    for name in names:
        assert name.startswith("lesson") and name[6:].isdigit() and len(name) == 8, name
        module = importlib.import_module(f"helpers.exercises.{name}")
        checks = [value for key, value in vars(module).items() if key.startswith("check_") and callable(value)]
        assert checks, f"{name} defines no check_... function"
        for check in checks:
            assert check.__doc__, f"{name}.{check.__name__} needs a docstring"


def test_a_long_message_wraps_between_words_to_fit_the_notebook_column():
    from helpers.errors import WIDTH
    from helpers.exercises import not_yet

    words = [f"word{number}" for number in range(60)]
    text = repr(not_yet(" ".join(words)))
    lines = text.split("\n")
    assert len(lines) > 1 and all(len(line) <= WIDTH for line in lines)
    assert text.replace("\n", " ") == "[not yet] " + " ".join(words)  # no word cut in two, none lost


def test_a_message_keeps_its_own_line_breaks():
    from helpers.exercises import right

    assert repr(right("first line\nsecond line")) == "[ok] first line\nsecond line"


# --- a right answer held in a NumPy integer is right (what np.argmax, len of arrays, sums give) ----------


def test_whole_number_answers_may_be_numpy_integers():
    from helpers.exercises import lesson02, lesson07, lesson10, lesson11

    counts = {"a": 5, "b": 3, "c": 3, "d": 1}
    assert lesson02.check_min_count(3, counts, limit=5).ok == lesson02.check_min_count(np.int64(3), counts, limit=5).ok
    assert lesson07.check_bucket(np.int64(50_000), vector_size=100, budget_mb=20).ok
    measured = {16: 0.5, 32: 0.3, 48: 0.6, 64: 0.6, 128: 0.7}
    assert lesson10.check_breaking_point(np.int64(32), measured, dims=32).ok
    assert lesson10.check_breaking_point(np.int32(32), measured, dims=32).ok
    assert lesson11.check_best_layer(np.int64(3), [0.1, 0.2, 0.3, 0.9]).ok
    for check in (lambda n: lesson10.check_breaking_point(n, measured, dims=32), lambda n: lesson07.check_bucket(n)):
        assert not check(np.bool_(True)).ok and not check(True).ok and not check(np.float64(64.0)).ok
