"""helpers.errors: CourseError shown as a short wrapped message, and wrap() for printed lines."""

from helpers.errors import WIDTH, CourseError, wrap

LONG = " ".join(f"word{number}" for number in range(80))


def test_wrap_breaks_between_words_within_the_width_and_loses_nothing():
    lines = wrap(LONG).split("\n")
    assert len(lines) > 1 and all(len(line) <= WIDTH for line in lines)
    assert " ".join(lines) == LONG


def test_wrap_keeps_line_breaks_and_blank_lines_and_short_text():
    assert wrap("short") == "short"
    assert wrap("one\n\ntwo") == "one\n\ntwo"
    assert wrap("") == ""


def test_wrap_never_cuts_a_long_word_such_as_a_path():
    path = "/a/" + "very_long_folder_name/" * 8 + "file.txt"
    assert f"{path}:" in wrap(f"Could not read {path}: check it").split("\n")


def test_wrap_takes_any_object_and_a_width():
    assert wrap(CourseError("a b c d"), width=3) == "a b\nc d"


def test_course_error_is_a_value_error_whose_str_is_the_message():
    error = CourseError(LONG)
    assert isinstance(error, ValueError) and str(error) == LONG


def test_course_error_shows_in_jupyter_as_its_wrapped_message_without_a_traceback():
    assert CourseError("Add more text.")._render_traceback_() == ["CourseError: Add more text."]
    lines = CourseError(LONG)._render_traceback_()
    assert lines[0].startswith("CourseError: word0") and all(len(line) <= WIDTH for line in lines)
