"""helpers.storage: saving without replacing a learner's file (lesson 03)."""

import errno
import os

import numpy as np
import pytest

from helpers import CourseError, storage

pytestmark = pytest.mark.usefixtures("tmp_output")  # every test gets its own empty output folder


# --- new_file ---------------------------------------------------------------------------------------


def test_new_file_gives_a_str_inside_output_and_records_the_file(model, output):
    with storage.new_file("lesson03/vectors.bin") as path:
        assert isinstance(path, str) and path == str(output / "lesson03" / "vectors.bin")
        model.wv.save_word2vec_format(path, binary=True)
    assert storage.is_course_file("lesson03/vectors.bin")
    assert (output / storage.RECORDS_FOLDER / "lesson03" / "vectors.bin.json").is_file()


def test_running_again_replaces_the_course_own_file(model, output, save_binary):
    save_binary(model, "v.bin")
    with storage.new_file("v.bin") as path:
        with open(path, "wb") as out:
            out.write(b"new content")
    assert (output / "v.bin").read_bytes() == b"new content"
    assert storage.is_course_file("v.bin")


def test_refuses_to_replace_a_learner_file_and_leaves_it_alone(output):
    output.mkdir(parents=True, exist_ok=True)
    (output / "mine.model").write_text("my work")
    with pytest.raises(CourseError) as error:
        with storage.new_file("mine.model"):
            pytest.fail("the block must not run")
    message = str(error.value)
    assert "mine.model already exists" in message and "overwrite=True" in message
    assert "'mine_2.model'" in message
    assert str(output) not in message, "messages name files, not full paths"
    assert (output / "mine.model").read_text() == "my work"


def test_overwrite_true_replaces_a_learner_file(output):
    output.mkdir(parents=True, exist_ok=True)
    (output / "mine.txt").write_text("old")
    with storage.new_file("mine.txt", overwrite=True) as path:
        with open(path, "w") as out:
            out.write("new")
    assert (output / "mine.txt").read_text() == "new"
    assert storage.is_course_file("mine.txt")


def test_a_course_file_changed_by_the_learner_is_protected(model, output, save_binary):
    save_binary(model, "v.bin")
    with open(output / "v.bin", "ab") as out:
        out.write(b"my edit")
    assert not storage.is_course_file("v.bin")
    with pytest.raises(CourseError, match="changed since"):
        with storage.new_file("v.bin"):
            pass


def test_a_copied_course_file_with_a_new_time_still_counts(model, output, save_binary):
    save_binary(model, "v.bin")
    os.utime(output / "v.bin", ns=(1, 1))  # same bytes, another modification time (as after a copy)
    assert storage.is_course_file("v.bin")


def test_a_learner_npy_file_next_to_the_name_is_protected(model, output):
    output.mkdir(parents=True, exist_ok=True)
    np.save(output / "wv.kv.vectors.npy", np.zeros(3))
    with pytest.raises(CourseError, match=r"wv\.kv\.vectors\.npy already exists"):
        with storage.new_file("wv.kv"):
            pass


def test_gensim_companion_files_are_recorded_and_replaceable(model, output):
    for _ in range(2):  # the second run replaces the course's own files
        with storage.new_file("wv.kv") as path:
            model.wv.save(path, separately=["vectors"])
    assert storage.is_course_file("wv.kv") and storage.is_course_file("wv.kv.vectors.npy")


@pytest.mark.parametrize("name", ["/somewhere/else.bin", "../escape.bin"])
def test_refuses_names_outside_the_output_folder(name):
    with pytest.raises(CourseError, match="only inside its output folder"):
        with storage.new_file(name):
            pass


@pytest.mark.parametrize("name", [None, "", "  ", 42])
def test_refuses_names_that_are_not_file_names(name):
    with pytest.raises(CourseError, match="Expected a file name"):
        with storage.new_file(name):
            pass


def test_refuses_a_folder_and_the_records_folder(output):
    (output / "folder").mkdir(parents=True)
    with pytest.raises(CourseError, match="is a folder"):
        with storage.new_file("folder"):
            pass
    with pytest.raises(CourseError, match="notes about its files"):
        with storage.new_file(f"{storage.RECORDS_FOLDER}/x.json"):
            pass


def test_an_interrupted_save_can_be_repeated(output):
    with pytest.raises(RuntimeError):
        with storage.new_file("half.bin") as path:
            with open(path, "wb") as out:
                out.write(b"half")
            raise RuntimeError("interrupted")
    assert not storage.is_course_file("half.bin"), "an unfinished file is not trusted"
    with storage.new_file("half.bin") as path:  # but it may be replaced
        with open(path, "wb") as out:
            out.write(b"whole")
    assert storage.is_course_file("half.bin")


def test_a_file_in_use_gives_a_course_error():
    with pytest.raises(CourseError, match="in use or read-only"):
        with storage.new_file("busy.bin"):
            raise PermissionError(13, "Permission denied")


def test_a_full_disk_gives_a_course_error():
    with pytest.raises(CourseError, match="disk is full"):
        with storage.new_file("big.bin"):
            raise OSError(errno.ENOSPC, "No space left on device")


def test_other_errors_pass_through():
    with pytest.raises(OSError, match="something else"):
        with storage.new_file("x.bin"):
            raise OSError(errno.EIO, "something else")


def test_is_course_file_is_false_for_missing_unrecorded_and_outside_files(tmp_path, output):
    assert not storage.is_course_file("missing.bin")
    output.mkdir(parents=True, exist_ok=True)
    (output / "mine.bin").write_bytes(b"x")
    assert not storage.is_course_file("mine.bin")
    (tmp_path / "outside.bin").write_bytes(b"x")
    assert not storage.is_course_file(tmp_path / "outside.bin")
