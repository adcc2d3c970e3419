"""helpers.storage: saving without replacing a learner's file, telling what a saved file holds, and
loading models and vectors safely, with clear errors (lesson 03)."""

import errno
import gzip
import os
import pickle

import numpy as np
import pytest
from gensim.models import Word2Vec

from helpers import CourseError, storage

pytestmark = pytest.mark.usefixtures("tmp_output")  # every test gets its own empty output folder


# --- new_file ---------------------------------------------------------------------------------------


def test_new_file_gives_a_str_inside_output_and_records_the_file(w2v_model, tmp_output):
    with storage.new_file("lesson03/vectors.bin") as path:
        assert isinstance(path, str) and path == str(tmp_output / "lesson03" / "vectors.bin")
        w2v_model.wv.save_word2vec_format(path, binary=True)
    assert storage.is_course_file("lesson03/vectors.bin")
    assert (tmp_output / storage.RECORDS_FOLDER / "lesson03" / "vectors.bin.json").is_file()


def test_running_again_replaces_the_course_own_file(w2v_model, tmp_output, save_binary):
    save_binary(w2v_model, "v.bin")
    with storage.new_file("v.bin") as path:
        with open(path, "wb") as out:
            out.write(b"new content")
    assert (tmp_output / "v.bin").read_bytes() == b"new content"
    assert storage.is_course_file("v.bin")


def test_refuses_to_replace_a_learner_file_and_leaves_it_alone(tmp_output):
    tmp_output.mkdir(parents=True, exist_ok=True)
    (tmp_output / "mine.model").write_text("my work")
    with pytest.raises(CourseError) as error:
        with storage.new_file("mine.model"):
            pytest.fail("the block must not run")
    message = str(error.value)
    assert "mine.model already exists" in message and "overwrite=True" in message
    assert "'mine_2.model'" in message
    assert str(tmp_output) not in message, "messages name files, not full paths"
    assert (tmp_output / "mine.model").read_text() == "my work"


def test_overwrite_true_replaces_a_learner_file(tmp_output):
    tmp_output.mkdir(parents=True, exist_ok=True)
    (tmp_output / "mine.txt").write_text("old")
    with storage.new_file("mine.txt", overwrite=True) as path:
        with open(path, "w") as out:
            out.write("new")
    assert (tmp_output / "mine.txt").read_text() == "new"
    assert storage.is_course_file("mine.txt")


def test_a_course_file_changed_by_the_learner_is_protected(w2v_model, tmp_output, save_binary):
    save_binary(w2v_model, "v.bin")
    with open(tmp_output / "v.bin", "ab") as out:
        out.write(b"my edit")
    assert not storage.is_course_file("v.bin")
    with pytest.raises(CourseError, match="changed since"):
        with storage.new_file("v.bin"):
            pass


def test_a_copied_course_file_with_a_new_time_still_counts(w2v_model, tmp_output, save_binary):
    save_binary(w2v_model, "v.bin")
    os.utime(tmp_output / "v.bin", ns=(1, 1))  # same bytes, another modification time (as after a copy)
    assert storage.is_course_file("v.bin")


def test_a_learner_npy_file_next_to_the_name_is_protected(w2v_model, tmp_output):
    tmp_output.mkdir(parents=True, exist_ok=True)
    np.save(tmp_output / "wv.kv.vectors.npy", np.zeros(3))
    with pytest.raises(CourseError, match=r"wv\.kv\.vectors\.npy already exists"):
        with storage.new_file("wv.kv"):
            pass


def test_gensim_companion_files_are_recorded_and_replaceable(w2v_model, tmp_output):
    for _ in range(2):  # the second run replaces the course's own files
        with storage.new_file("wv.kv") as path:
            w2v_model.wv.save(path, separately=["vectors"])
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


def test_refuses_a_folder_and_the_records_folder(tmp_output):
    (tmp_output / "folder").mkdir(parents=True)
    with pytest.raises(CourseError, match="is a folder"):
        with storage.new_file("folder"):
            pass
    with pytest.raises(CourseError, match="notes about its files"):
        with storage.new_file(f"{storage.RECORDS_FOLDER}/x.json"):
            pass


def test_an_interrupted_save_can_be_repeated(tmp_output):
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


def test_is_course_file_is_false_for_missing_unrecorded_and_outside_files(tmp_path, tmp_output):
    assert not storage.is_course_file("missing.bin")
    tmp_output.mkdir(parents=True, exist_ok=True)
    (tmp_output / "mine.bin").write_bytes(b"x")
    assert not storage.is_course_file("mine.bin")
    (tmp_path / "outside.bin").write_bytes(b"x")
    assert not storage.is_course_file(tmp_path / "outside.bin")


# --- guess_format -----------------------------------------------------------------------------------


def test_guess_format_tells_the_formats_apart(w2v_model, tmp_output, save_binary):
    with storage.new_file("m.model") as path:
        w2v_model.save(path)
    with storage.new_file("v.txt") as path:
        w2v_model.wv.save_word2vec_format(path)
    save_binary(w2v_model, "v.bin")
    np.save(tmp_output / "a.npy", np.ones(3))
    (tmp_output / "notes.txt").write_text("Just some words.\nAnd more.\n", encoding="utf-8")
    (tmp_output / "empty.bin").write_bytes(b"")
    (tmp_output / "noise.bin").write_bytes(bytes(range(256)) * 4)
    with gzip.open(tmp_output / "v.txt.gz", "wb") as out:
        out.write((tmp_output / "v.txt").read_bytes())
    assert storage.guess_format("m.model") == storage.GENSIM
    assert storage.guess_format("v.txt") == storage.W2V_TEXT
    assert storage.guess_format("v.bin") == storage.W2V_BINARY
    assert storage.guess_format("a.npy") == storage.NUMPY
    assert storage.guess_format("notes.txt") == storage.PLAIN_TEXT
    assert storage.guess_format("empty.bin") == storage.EMPTY
    assert storage.guess_format("noise.bin") == storage.UNKNOWN
    assert storage.guess_format("v.txt.gz") == "word2vec text (gzip)"


def test_guess_format_of_a_missing_file_suggests_close_names(w2v_model, save_binary):
    save_binary(w2v_model, "vectors.bin")
    with pytest.raises(CourseError, match=r"no file vectors\.bim.*similar name there: vectors\.bin"):
        storage.guess_format("vectors.bim")


# --- size_table and compare_versions -------------------------------------------------------------------


def test_size_table_lists_names_formats_and_companions(w2v_model, tmp_output, save_binary):
    save_binary(w2v_model, "lesson03/v.bin")
    with storage.new_file("lesson03/wv.kv") as path:
        w2v_model.wv.save(path, separately=["vectors"])
    table = storage.size_table(["lesson03/v.bin", "lesson03/wv.kv"])
    lines = table.splitlines()
    assert lines[0].split() == ["file", "format", "size"]
    assert lines[1].startswith("v.bin") and "word2vec binary" in lines[1]
    assert lines[2].startswith("wv.kv") and "gensim (pickle)" in lines[2]
    assert lines[3].startswith("+ wv.kv.vectors.npy") and "numpy array" in lines[3]
    assert "lesson03" not in table and str(tmp_output) not in table
    assert storage.size_table("lesson03/v.bin").splitlines()[1].startswith("v.bin")


@pytest.mark.parametrize(
    "size, shown",
    [
        (0, "0 B"),
        (999, "999 B"),
        (1_000, "1.0 KB"),
        (1_549, "1.5 KB"),
        (12_345, "12 KB"),
        (123_456, "120 KB"),
        (3_645_823, "3.6 MB"),
        (10_768_866, "11 MB"),
        (2_500_000_000, "2.5 GB"),
    ],
)
def test_sizes_are_rounded_to_two_significant_digits(size, shown):
    assert storage.human_size(size) == shown


def test_size_table_missing_file_and_no_files():
    with pytest.raises(CourseError, match="There is no file gone.bin"):
        storage.size_table(["gone.bin"])
    with pytest.raises(CourseError, match="No files given"):
        storage.size_table([])


# --- load_model / load_vectors ------------------------------------------------------------------------


def test_load_model_round_trip_can_keep_training(w2v_model):
    with storage.new_file("m.model") as path:
        w2v_model.save(path)
    loaded = storage.load_model("m.model")
    assert isinstance(loaded, Word2Vec)
    assert np.array_equal(loaded.wv.vectors, w2v_model.wv.vectors)
    more = [["the", "cat", "sleeps", "on", "the", "rug"]] * 5
    loaded.train(more, total_examples=len(more), epochs=1)


def test_load_model_refuses_a_pickle_the_course_did_not_write(w2v_model, tmp_path):
    elsewhere = tmp_path / "from_a_stranger.model"
    w2v_model.save(str(elsewhere))
    with pytest.raises(CourseError) as error:
        storage.load_model(elsewhere)
    message = str(error.value)
    assert "from_a_stranger.model" in message and "pickle" in message and "trust=True" in message
    assert "word2vec format" in message
    assert isinstance(storage.load_model(elsewhere, trust=True), Word2Vec)


def test_load_model_refuses_a_course_pickle_changed_since(w2v_model, tmp_output):
    with storage.new_file("m.model") as path:
        w2v_model.save(path)
    with open(tmp_output / "m.model", "ab") as out:
        out.write(b"\x00")
    with pytest.raises(CourseError, match="did not write this file"):
        storage.load_model("m.model")


def test_load_model_does_not_run_an_untrusted_pickle(tmp_path, capsys):
    class Loud:
        def __reduce__(self):
            return (print, ("RAN",))

    (tmp_path / "loud.model").write_bytes(pickle.dumps(Loud()))
    with pytest.raises(CourseError, match="pickle"):
        storage.load_model(tmp_path / "loud.model")
    assert "RAN" not in capsys.readouterr().out


def test_load_model_wrong_formats(w2v_model, save_binary):
    with storage.new_file("wv.kv") as path:
        w2v_model.wv.save(path)
    with pytest.raises(CourseError, match=r"holds KeyedVectors.*load_vectors"):
        storage.load_model("wv.kv")
    save_binary(w2v_model, "v.bin")
    with pytest.raises(CourseError, match=r"not a gensim save file \(it looks like word2vec binary\).*load_word2vec"):
        storage.load_model("v.bin")


def test_load_model_missing_empty_and_corrupt_files(w2v_model, tmp_output):
    with pytest.raises(CourseError, match="There is no file nothing.model"):
        storage.load_model("nothing.model")
    with storage.new_file("empty.model"):
        pass
    (tmp_output / "empty.model").write_bytes(b"")
    with pytest.raises(CourseError, match=r"empty \(0 bytes\)"):
        storage.load_model("empty.model", trust=True)
    with storage.new_file("cut.model") as path:
        w2v_model.save(path)
    data = (tmp_output / "cut.model").read_bytes()
    with storage.new_file("cut.model") as path:
        with open(path, "wb") as out:
            out.write(data[: len(data) // 2])
    with pytest.raises(CourseError, match="damaged"):
        storage.load_model("cut.model")


def test_load_model_of_a_pickle_that_is_not_gensim(tmp_output):
    with storage.new_file("dict.pkl") as path:
        with open(path, "wb") as out:
            pickle.dump({"a": 1}, out)
    with pytest.raises(CourseError, match="could not be loaded"):
        storage.load_model("dict.pkl")


def test_load_model_a_folder_is_not_a_file(tmp_output):
    (tmp_output / "folder").mkdir(parents=True)
    with pytest.raises(CourseError, match="is a folder"):
        storage.load_model("folder")


def test_load_vectors_memory_maps_and_names_a_missing_companion(w2v_model, tmp_output):
    with storage.new_file("wv.kv") as path:
        w2v_model.wv.save(path, separately=["vectors"])
    mapped = storage.load_vectors("wv.kv", mmap="r")
    assert isinstance(mapped.vectors, np.memmap) and not mapped.vectors.flags.writeable
    assert np.array_equal(mapped.vectors, w2v_model.wv.vectors)
    del mapped
    (tmp_output / "wv.kv.vectors.npy").unlink()
    with pytest.raises(CourseError, match=r"wv\.kv\.vectors\.npy, which is missing"):
        storage.load_vectors("wv.kv")


def test_load_vectors_refuses_a_full_model(w2v_model):
    with storage.new_file("m.model") as path:
        w2v_model.save(path)
    with pytest.raises(CourseError, match=r"full Word2Vec model.*load_model"):
        storage.load_vectors("m.model")


# --- load_word2vec ------------------------------------------------------------------------------------


def test_load_word2vec_text_and_binary_round_trips(w2v_model, tmp_output, save_binary):
    save_binary(w2v_model, "v.bin")
    with storage.new_file("v.txt") as path:
        w2v_model.wv.save_word2vec_format(path)
    for name in ("v.bin", "v.txt"):
        loaded = storage.load_word2vec(name)
        assert loaded.index_to_key == w2v_model.wv.index_to_key
        assert np.array_equal(loaded.vectors, w2v_model.wv.vectors)
    assert len(storage.load_word2vec("v.bin", limit=3)) == 3
    with gzip.open(tmp_output / "v.txt.gz", "wb") as out:
        out.write((tmp_output / "v.txt").read_bytes())
    assert np.array_equal(storage.load_word2vec("v.txt.gz").vectors, w2v_model.wv.vectors)


def test_load_word2vec_wrong_binary_flag(w2v_model, save_binary):
    save_binary(w2v_model, "v.bin")
    with storage.new_file("v.txt") as path:
        w2v_model.wv.save_word2vec_format(path)
    with pytest.raises(CourseError, match="binary=False was given: pass binary=True"):
        storage.load_word2vec("v.bin", binary=False)
    with pytest.raises(CourseError, match="binary=True was given: pass binary=False"):
        storage.load_word2vec("v.txt", binary=True)


def test_load_word2vec_wrong_formats(w2v_model, tmp_output):
    with storage.new_file("m.model") as path:
        w2v_model.save(path)
    with pytest.raises(CourseError, match=r"gensim save file \(a pickle\).*load_vectors"):
        storage.load_word2vec("m.model")
    (tmp_output / "story.txt").write_text("Once upon a time\nthere was a cat.\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"not in word2vec format \(it looks like plain text\).*'Once upon a time'"):
        storage.load_word2vec("story.txt")


def test_load_word2vec_missing_empty_and_corrupt_files(w2v_model, tmp_output, save_binary):
    with pytest.raises(CourseError, match="There is no file v.bin"):
        storage.load_word2vec("v.bin")
    (tmp_output / "empty.bin").write_bytes(b"")
    with pytest.raises(CourseError, match="is empty"):
        storage.load_word2vec("empty.bin")
    save_binary(w2v_model, "v.bin")
    data = (tmp_output / "v.bin").read_bytes()
    (tmp_output / "cut.bin").write_bytes(data[: len(data) // 2])
    with pytest.raises(CourseError, match="cut.bin is damaged: it ends before"):
        storage.load_word2vec("cut.bin")
    (tmp_output / "bad.txt").write_text("2 3\ncat 0.1 0.2 0.3\ndog 0.1 oops\n", encoding="utf-8")
    with pytest.raises(CourseError, match="bad.txt is damaged: some line"):
        storage.load_word2vec("bad.txt")
