"""Files on disk: where the course keeps them, reading a text file (whatever a learner's editor saved),
finding the data files that ship inside gensim, writing a file so no reader ever sees half of it, and
a file's sha256 (lesson 01 on).

- ``DATA_DIR``: text that ships with the course (``data/``). Every path resolves from the package
  location, so lessons run from any working directory.
- ``output_dir()`` / ``output_path(name)``: files the lessons write for you to look at (models,
  exports); git-ignored. Saving there without replacing your files is ``helpers.storage.new_file``.
- ``cache_dir(kind)``: things kept only to save time (tokenized corpus, the main model); git-ignored,
  safe to delete at any time.
- ``decode_text_file``: the text of a file saved as UTF-8 (with or without a byte-order mark) or as
  UTF-16 with a byte-order mark (Windows Notepad's "Unicode"); anything else stops with what to do.
- ``read_text``: the same, with ``#`` note lines removed (the format of ``data/my_text.txt``).
- ``gensim_data_path``: a file that ships inside the gensim package (no download).
- ``write_atomically``: the one way the course writes a file that another process may be reading.
- ``file_sha256``: the sha256 of a file's bytes (the course's records of its own files, data packages).

gensim is imported inside ``gensim_data_path`` only: importing it takes about a second.
"""

import codecs
import contextlib
import hashlib
import os
from pathlib import Path

from helpers.errors import CourseError

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

# Byte-order marks that say how a text file is encoded. UTF-32's little-endian mark starts with
# UTF-16's, so it is tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAVE_AS_UTF8 = "save the file as UTF-8 (Save As → Encoding: UTF-8) and run this cell again."
_PLAIN_TEXT = "use a plain .txt file (in a word processor: Save As → Plain Text, UTF-8)."


def _encoding_of(data):
    """The encoding a byte-order mark at the start of ``data`` announces, or ``None``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_text_file(path, what="file", fix=None):
    """Return the text (a str) of the file at ``path``.

    UTF-8 is read with or without a byte-order mark; a file that starts with a UTF-16 (or UTF-32)
    byte-order mark, as Windows Notepad writes when you choose "Unicode", is read as that. The mark
    itself is dropped; nothing else changes.

    Raises ``CourseError`` when the file is missing, a folder, binary, or neither of those encodings.
    Each message names the file and the problem, then says what to do: ``fix`` if given (e.g.
    "export it again"), otherwise advice for a learner's own text file. The file is only read.
    """
    path = Path(path)
    if not path.exists():
        raise CourseError(f"No {what} at {path}: {fix or 'check the name, or create it with some sentences in it.'}")
    if path.is_dir():
        raise CourseError(f"{path} is a folder, not a {what}: give the path of the file itself.")
    data = path.read_bytes()
    binary = CourseError(f"{path.name} looks like a binary file, not text: {fix or _PLAIN_TEXT}")
    encoding = _encoding_of(data)
    if encoding:
        try:
            text = data.decode(encoding)  # the BOM tells the byte order and is removed
        except UnicodeDecodeError:
            raise CourseError(
                f"{path.name} starts like {encoding.upper()} text but is damaged further on: {fix or _SAVE_AS_UTF8}"
            ) from None
        if "\x00" in text:
            raise binary
        return text
    if b"\x00" in data:
        raise binary
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CourseError(
            f"{path.name} is not UTF-8 text: byte 0x{data[error.start]:02x} at position "
            f"{error.start} cannot be read: {fix or _SAVE_AS_UTF8}"
        ) from None


def read_text(path):
    """Return the text of the file at ``path`` (see ``decode_text_file``), lines starting with ``#`` removed.

    Raises ``CourseError`` with the fix when the file is missing, binary, not UTF-8 (or UTF-16 with a
    byte-order mark), or holds no text. The file itself is only read, never changed.
    """
    path = Path(path)
    lines = [line for line in decode_text_file(path).splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(lines)
    if not text.strip():
        raise CourseError(
            f"{path.name} has no text (it is empty, blank, or only # notes): "
            "write a few sentences in it and run this cell again."
        )
    return text


def gensim_data_path(name):
    """Return the path (a ``Path``) of a data file that ships inside the gensim package (no download).

    Raises ``CourseError`` if gensim's installation lacks the file.
    """
    from gensim.test.utils import datapath

    path = Path(datapath(name))
    if not path.exists():
        raise CourseError(
            f"gensim's bundled file {name} is missing: reinstall with "
            "`python course.py lab` (it installs the pinned gensim)."
        )
    return path


@contextlib.contextmanager
def write_atomically(path):
    """Give a temporary path (a ``Path`` beside ``path``) to write to; when the ``with`` block ends
    without an error, it replaces ``path`` in one step, so a reader sees the old file or the new one,
    never half of it. On an error the temporary file is removed and ``path`` is left as it was::

        with helpers.files.write_atomically(cache_file) as partial:
            partial.write_text(text, encoding="utf-8")
    """
    path = Path(path)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def file_sha256(path):
    """Return the sha256 hex digest of the file at ``path``, reading it in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- where the course keeps files ----------------------------------------------------------------


def output_dir():
    """Return the folder for files lessons write (``output/``, or ``$COURSE_OUTPUT_DIR``), creating it."""
    folder = Path(os.environ.get("COURSE_OUTPUT_DIR") or ROOT / "output")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_dir(kind):
    """Return ``.cache/<kind>/`` (or under ``$COURSE_CACHE_DIR``), creating it."""
    folder = Path(os.environ.get("COURSE_CACHE_DIR") or ROOT / ".cache") / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def output_path(name):
    """Return ``output_dir() / name``: the place a lesson saves a file called ``name``."""
    return output_dir() / name
