"""helpers.files: where the course keeps files, reading a learner's text file whatever their editor saved,
bundled data, atomic writes, sha256."""

import hashlib
import os

import pytest

from helpers import CourseError, corpus, files
from helpers.files import file_sha256


def test_read_text_skips_comment_lines(write_file):
    path = write_file("t.txt", "# a note\nHello world.\n  # indented note\nBye.")
    assert files.read_text(path) == "Hello world.\nBye."


def test_read_text_accepts_a_utf8_byte_order_mark(write_file):
    assert files.read_text(write_file("bom.txt", "\ufeffHallo Welt".encode("utf-8"))) == "Hallo Welt"


def test_read_text_missing_file(tmp_path):
    with pytest.raises(CourseError, match="No file at .*nope.txt.*create it"):
        files.read_text(tmp_path / "nope.txt")


def test_read_text_folder(tmp_path):
    with pytest.raises(CourseError, match="is a folder"):
        files.read_text(tmp_path)


@pytest.mark.parametrize("content", ["", "   \n\t\n", "# only a note\n"])
def test_read_text_empty_whitespace_or_only_notes(write_file, content):
    with pytest.raises(CourseError, match="has no text.*write a few sentences"):
        files.read_text(write_file("empty.txt", content))


def test_read_text_not_utf8_names_the_byte_and_the_fix(write_file):
    path = write_file("latin1.txt", "Caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(CourseError, match=r"not UTF-8 text: byte 0xe9 at position 3 cannot be read: save the file as"):
        files.read_text(path)


def test_read_text_binary(write_file):
    with pytest.raises(CourseError, match="binary file"):
        files.read_text(write_file("model.bin", b"\x80\x04\x95\x00\x00binary"))


def test_read_text_never_changes_the_file(write_file):
    path = write_file("mine.txt", "Caf\xe9".encode("latin-1"))
    before = hashlib.sha1(path.read_bytes()).hexdigest()
    with pytest.raises(CourseError):
        corpus.load_sentences(path)
    assert hashlib.sha1(path.read_bytes()).hexdigest() == before


def test_gensim_data_path_missing_file():
    with pytest.raises(CourseError, match="bundled file no-such-file.txt is missing"):
        files.gensim_data_path("no-such-file.txt")


def test_decode_text_file_names_what_is_missing_and_uses_the_given_fix(tmp_path, write_file):
    with pytest.raises(CourseError, match=r"No vectors file at .*v.tsv: export it again\."):
        files.decode_text_file(tmp_path / "v.tsv", "vectors file", fix="export it again.")
    with pytest.raises(CourseError, match=r"is not UTF-8 text: byte 0xff at position 0 cannot be read: export it"):
        files.decode_text_file(write_file("v.tsv", b"\xff\xfdx"), "vectors file", fix="export it again.")
    assert files.decode_text_file(write_file("ok.txt", "# kept\nHallo")) == "# kept\nHallo"


# --- UTF-16 with a byte-order mark (Windows Notepad's "Unicode") is text -------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_file_with_a_byte_order_mark_is_read_as_text(write_file, encoding):
    text = "Grüße aus München.\r\nThe cat sat on the mat. ☕"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # what Notepad writes: the mark, then the text
        data = ("\ufeff" + text).encode(encoding)
    path = write_file("notepad.txt", data)
    assert files.decode_text_file(path) == text
    assert files.read_text(path) == "Grüße aus München.\nThe cat sat on the mat. ☕"
    assert path.read_bytes() == data  # only read


def test_a_utf16_learner_text_gives_sentences(write_file):
    path = write_file("notes.txt", "# my notes\nDie Katze schläft. Der Hund bellt!".encode("utf-16"))
    assert corpus.load_sentences(path) == [["die", "katze", "schläft"], ["der", "hund", "bellt"]]


def test_a_damaged_utf16_file_says_what_to_do(write_file):
    path = write_file("cut.txt", "Hallo".encode("utf-16") + b"\x00")  # an odd number of bytes
    with pytest.raises(CourseError, match=r"cut.txt starts like UTF-16 text but is damaged.*save the file as UTF-8"):
        files.read_text(path)


def test_a_utf16_file_with_only_the_mark_has_no_text(write_file):
    with pytest.raises(CourseError, match="has no text"):
        files.read_text(write_file("empty16.txt", b"\xff\xfe"))


def test_binary_data_after_a_utf16_mark_is_still_binary(write_file):
    with pytest.raises(CourseError, match="binary file"):
        files.read_text(write_file("odd.bin", b"\xff\xfeA\x00\x00\x00B\x00"))


def test_utf16_without_a_mark_is_still_refused_with_the_fix(write_file):
    with pytest.raises(CourseError, match="binary file.*Plain Text, UTF-8"):
        files.read_text(write_file("nomark.txt", "Hallo Welt".encode("utf-16-le")))


# --- write_atomically ------------------------------------------------------------------------------


def test_write_atomically_replaces_the_file_in_one_step(tmp_path):
    target = tmp_path / "data.txt"
    target.write_text("old", encoding="utf-8")
    with files.write_atomically(target) as partial:
        partial.write_text("new", encoding="utf-8")
        assert partial != target and partial.parent == target.parent
        assert target.read_text(encoding="utf-8") == "old"  # a reader still sees the whole old file
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(os.listdir(tmp_path)) == ["data.txt"]


def test_write_atomically_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "data.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with files.write_atomically(target) as partial:
            partial.write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["data.txt"]


def test_write_atomically_creates_a_new_file(tmp_path):
    with files.write_atomically(tmp_path / "new.txt") as partial:
        partial.write_bytes(b"\x00\x01")
    assert (tmp_path / "new.txt").read_bytes() == b"\x00\x01"


# --- where the course keeps files ------------------------------------------------------------------


def test_paths_resolve_from_the_package_not_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert (files.DATA_DIR / "my_text.txt").exists()
    assert files.DATA_DIR.parent == files.ROOT


def test_output_dir_is_created_and_can_be_redirected(tmp_output):
    assert files.output_dir() == tmp_output and tmp_output.is_dir()
    assert files.output_path("model.bin") == tmp_output / "model.bin"


def test_cache_dir_is_created_per_kind(tmp_cache):
    assert files.cache_dir("models") == tmp_cache / "models"
    assert (tmp_cache / "models").is_dir()


def test_outputs_are_git_ignored():
    ignored = (files.ROOT / ".gitignore").read_text()
    for folder in ("output/", ".cache/", "student/", ".venv/"):
        assert folder in ignored


def test_file_sha256_reads_in_chunks(tmp_path):
    big = tmp_path / "big.bin"
    big.write_bytes(b"\x00\xff" * 1_500_000)  # more than one chunk, not UTF-8
    assert file_sha256(big) == hashlib.sha256(big.read_bytes()).hexdigest()
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    assert file_sha256(empty) == hashlib.sha256(b"").hexdigest()
