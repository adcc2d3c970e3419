"""helpers.fileformats: what a saved file holds and how big it is (lesson 03)."""

import gzip

import numpy as np
import pytest

from helpers import CourseError, fileformats, storage

pytestmark = pytest.mark.usefixtures("tmp_output")  # every test gets its own empty output folder


# --- guess_format -----------------------------------------------------------------------------------


def test_guess_format_tells_the_formats_apart(model, output, save_binary):
    with storage.new_file("m.model") as path:
        model.save(path)
    with storage.new_file("v.txt") as path:
        model.wv.save_word2vec_format(path)
    save_binary(model, "v.bin")
    np.save(output / "a.npy", np.ones(3))
    (output / "notes.txt").write_text("Just some words.\nAnd more.\n", encoding="utf-8")
    (output / "empty.bin").write_bytes(b"")
    (output / "noise.bin").write_bytes(bytes(range(256)) * 4)
    with gzip.open(output / "v.txt.gz", "wb") as out:
        out.write((output / "v.txt").read_bytes())
    assert fileformats.guess_format("m.model") == fileformats.GENSIM
    assert fileformats.guess_format("v.txt") == fileformats.W2V_TEXT
    assert fileformats.guess_format("v.bin") == fileformats.W2V_BINARY
    assert fileformats.guess_format("a.npy") == fileformats.NUMPY
    assert fileformats.guess_format("notes.txt") == fileformats.PLAIN_TEXT
    assert fileformats.guess_format("empty.bin") == fileformats.EMPTY
    assert fileformats.guess_format("noise.bin") == fileformats.UNKNOWN
    assert fileformats.guess_format("v.txt.gz") == "word2vec text (gzip)"


def test_guess_format_of_a_missing_file_suggests_close_names(model, save_binary):
    save_binary(model, "vectors.bin")
    with pytest.raises(CourseError, match=r"no file vectors\.bim.*similar name there: vectors\.bin"):
        fileformats.guess_format("vectors.bim")


# --- size_table and compare_versions -------------------------------------------------------------------


def test_size_table_lists_names_formats_and_companions(model, output, save_binary):
    save_binary(model, "lesson03/v.bin")
    with storage.new_file("lesson03/wv.kv") as path:
        model.wv.save(path, separately=["vectors"])
    table = fileformats.size_table(["lesson03/v.bin", "lesson03/wv.kv"])
    lines = table.splitlines()
    assert lines[0].split() == ["file", "format", "size"]
    assert lines[1].startswith("v.bin") and "word2vec binary" in lines[1]
    assert lines[2].startswith("wv.kv") and "gensim (pickle)" in lines[2]
    assert lines[3].startswith("+ wv.kv.vectors.npy") and "numpy array" in lines[3]
    assert "lesson03" not in table and str(output) not in table
    assert fileformats.size_table("lesson03/v.bin").splitlines()[1].startswith("v.bin")


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
    assert fileformats.human_size(size) == shown


def test_size_table_missing_file_and_no_files():
    with pytest.raises(CourseError, match="There is no file gone.bin"):
        fileformats.size_table(["gone.bin"])
    with pytest.raises(CourseError, match="No files given"):
        fileformats.size_table([])
