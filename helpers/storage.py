"""The files a lesson saves and loads: saving without losing yours, telling what a saved file holds,
and loading it safely (lesson 03 introduces them; lessons 02, 07 and 12 save files too).

Saving:

- ``new_file(name)``: where to save, inside ``output/``; it never silently replaces a file the course
  did not write, yet re-running a lesson may replace the lesson's own files.
- ``is_course_file(path)``: did the course write this file, unchanged since?
- ``output_file``, ``existing_file``, ``companion_files``, ``shown_name``: how names are resolved and shown.

What a file holds, read from its first bytes without loading it:

- ``guess_format(name)``: gensim pickle, word2vec binary or text, numpy array, plain text, ...
- ``size_table(names)``: a printable table of files with their format and size (``human_size``).

Loading:

- ``load_model`` / ``load_vectors``: gensim's own format (``model.save``), which is a *pickle*: loading
  one runs whatever code it holds, so they load only files the course wrote unless ``trust=True``.
- ``load_word2vec``: the word2vec C format (text or binary), which holds only words and numbers.

Errors a learner can cause (a missing, empty, damaged or wrong-format file, an untrusted pickle, a
name that would replace their file) raise ``CourseError`` with what to do next. gensim is imported
inside the loaders: importing it takes about a second.
"""

import bz2
import contextlib
import difflib
import errno
import gzip
import json
import os
import re
from pathlib import Path

from helpers.errors import CourseError
from helpers.files import file_sha256, output_dir, write_atomically
from helpers.numeric import round_significant

# The course notes every file it writes here (one small JSON file each), so it can tell its own
# files from yours: a lesson may replace its own files when it runs again, never yours.
RECORDS_FOLDER = ".written_by_course"


# --- where files go --------------------------------------------------------------------------------


def output_file(name):
    """Return ``name`` (relative to the output folder, or an absolute path) as an absolute ``Path``.

    Raises ``CourseError`` if ``name`` is not a file name (empty, or not a str or path).
    """
    if not isinstance(name, (str, os.PathLike)) or not str(name).strip():
        raise CourseError(f"Expected a file name such as 'lesson03/vectors.bin', got {name!r}.")
    path = Path(name).expanduser()
    return path if path.is_absolute() else output_dir() / path


def shown_name(path):
    """Return what a message prints for ``path``: its name inside the output folder, or its file name
    (never a folder of this computer, so stored outputs stay the same everywhere)."""
    try:
        return Path(path).resolve().relative_to(output_dir().resolve()).as_posix()
    except ValueError:
        return Path(path).name


def _record_path(path):
    relative = Path(path).resolve().relative_to(output_dir().resolve())
    return output_dir() / RECORDS_FOLDER / f"{relative.as_posix()}.json"


def _write_record(path, record):
    target = _record_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with write_atomically(target) as partial:  # readers never see half a record
        partial.write_text(json.dumps(record), encoding="utf-8")


def _read_record(path):
    try:
        return json.loads(_record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remember(path):
    """Note that the course wrote ``path`` as it is now (size, time and a hash of its bytes)."""
    stat = path.stat()
    _write_record(path, {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": file_sha256(path)})


def is_course_file(path):
    """Return ``True`` if the course wrote the file at ``path`` (through ``new_file``) and nobody
    changed it since; ``False`` otherwise (including a missing file or one outside ``output/``)."""
    path = output_file(path)
    if not path.is_file():
        return False
    try:
        record = _read_record(path)
    except ValueError:  # outside the output folder
        return False
    if not record or "sha256" not in record:
        return False
    stat = path.stat()
    if stat.st_size != record["size"]:
        return False
    if stat.st_mtime_ns == record["mtime_ns"]:
        return True
    return file_sha256(path) == record["sha256"]  # e.g. the folder was copied: same bytes, new time


def companion_files(path):
    """Return the files gensim writes next to ``path`` for large arrays (``<name>.<attribute>.npy``),
    sorted; ``[]`` if there are none."""
    if not path.parent.is_dir():
        return []
    return sorted(
        other
        for other in path.parent.iterdir()
        if other.name.startswith(f"{path.name}.") and other.name.endswith(".npy") and other.is_file()
    )


def _free_name(path):
    stem, suffix = path.name.split(".", 1) if "." in path.name else (path.name, "")
    dot = "." if suffix else ""
    for number in range(2, 1000):
        candidate = path.with_name(f"{stem}_{number}{dot}{suffix}")
        if not candidate.exists():
            return shown_name(candidate)
    return shown_name(path.with_name(f"{stem}_new{dot}{suffix}"))


def _check_replaceable(path, overwrite):
    if path.is_dir():
        raise CourseError(
            f"{shown_name(path)} is a folder: give the name of a file inside it, "
            f"e.g. '{shown_name(path / 'vectors.bin')}'."
        )
    if overwrite:
        return
    for existing in [path, *companion_files(path)] if path.exists() else companion_files(path):
        record = _read_record(existing)
        if record and "sha256" not in record:
            continue  # the course began writing it and was interrupted: still the course's file
        if not is_course_file(existing):
            raise CourseError(
                f"{shown_name(existing)} already exists and the course did not write it (or it was changed "
                f"since), so saving would replace it. Choose another name, e.g. '{_free_name(path)}', or "
                "pass overwrite=True if you really want to replace it."
            )


@contextlib.contextmanager
def new_file(name, overwrite=False):
    """Give the path (a str) to save ``name`` at, inside the output folder, in a ``with`` block::

        with helpers.storage.new_file("lesson03/vectors.bin") as path:
            wv.save_word2vec_format(path, binary=True)

    ``name`` is relative to ``output/`` (sub-folders are created). Raises ``CourseError`` before
    anything is written if the file (or a ``<name>.*.npy`` file gensim would replace next to it)
    exists and the course did not write it, unless ``overwrite=True``. Files the course wrote and
    nobody changed may be replaced, so a lesson can run again. After the block, the course notes
    the files it wrote (see ``is_course_file``).
    """
    path = output_file(name)
    root = output_dir().resolve()
    if root != path.resolve() and root not in path.resolve().parents:
        raise CourseError(
            f"The course saves only inside its output folder, and {name!r} is outside it: "
            "give a name such as 'lesson03/vectors.bin' (copy the file elsewhere afterwards "
            "if you need it there)."
        )
    if RECORDS_FOLDER in path.relative_to(output_dir()).parts:
        raise CourseError(f"{RECORDS_FOLDER}/ holds the course's notes about its files: choose another name.")
    _check_replaceable(path, overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_record(path, {"pending": True})  # an interrupted save still counts as the course's file
    try:
        yield str(path)  # gensim's save() wants a str, not a Path
    except PermissionError:
        raise CourseError(
            f"Could not write {shown_name(path)}: the file is in use or read-only. If this notebook "
            "memory-mapped it, `del` the variable that holds it (or restart the kernel) and run this "
            "cell again; if another program has it open, close it."
        ) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise CourseError(
                f"The disk is full while writing {shown_name(path)}: free some space "
                "(output/ and .cache/ are safe to empty) and run the cell again."
            ) from None
        raise
    for written in [path, *companion_files(path)]:
        if written.is_file():
            _remember(written)


def existing_file(name):
    """Return the ``Path`` of the existing file ``name`` (see ``output_file``). Raises ``CourseError``
    for a missing file (suggesting similar names next to it) or a folder."""
    path = output_file(name)
    if not path.exists():
        folder = path.parent
        others = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        close = difflib.get_close_matches(path.name, others, n=3, cutoff=0.6)
        hint = f" Files with a similar name there: {', '.join(close)}." if close else ""
        raise CourseError(
            f"There is no file {shown_name(path)}.{hint} Check the name, or run the cell that saves it first."
        )
    if path.is_dir():
        raise CourseError(f"{shown_name(path)} is a folder, not a file: give the name of a file inside it.")
    return path


# --- what a saved file holds ----------------------------------------------------------------------


GENSIM = "gensim (pickle)"
W2V_BINARY = "word2vec binary"
W2V_TEXT = "word2vec text"
NUMPY = "numpy array"
PLAIN_TEXT = "plain text"
EMPTY = "empty"
UNKNOWN = "unknown"

_HEAD_BYTES = 4096
_W2V_HEADER = re.compile(rb"\s*\d+ +\d+\s*")


def _head(path):
    with open(path, "rb") as data:
        head = data.read(_HEAD_BYTES)
    for magic, opener, label in ((b"\x1f\x8b", gzip.open, "gzip"), (b"BZh", bz2.open, "bz2")):
        if head.startswith(magic):
            try:
                with opener(path, "rb") as data:
                    return data.read(_HEAD_BYTES), label
            except (OSError, EOFError, ValueError):
                return head, None
    return head, None


def _looks_like_text_vectors(line):
    try:
        parts = line.decode("utf-8").split()
        [float(part) for part in parts[1:]]
    except (UnicodeDecodeError, ValueError):
        return False
    return len(parts) >= 2


def guess_format(path):
    """Return what the file at ``path`` holds, from its first bytes (without loading it):
    ``"gensim (pickle)"``, ``"word2vec binary"``, ``"word2vec text"``, ``"numpy array"``,
    ``"plain text"``, ``"empty"`` or ``"unknown"``; `` (gzip)`` or `` (bz2)`` is added for a
    compressed file. Raises ``CourseError`` if there is no such file."""
    path = existing_file(path)
    head, compressed = _head(path)
    kind = _classify(head)
    return f"{kind} ({compressed})" if compressed else kind


def _classify(head):
    if not head:
        return EMPTY
    if head.startswith(b"\x93NUMPY"):
        return NUMPY
    if head[:1] == b"\x80":  # pickle protocol 2 and later, which gensim uses
        return GENSIM
    first, _, rest = head.partition(b"\n")
    if _W2V_HEADER.fullmatch(first):
        if not rest:
            return W2V_TEXT
        second = rest.split(b"\n", 1)[0] if b"\n" in rest else None
        return W2V_TEXT if second is not None and _looks_like_text_vectors(second) else W2V_BINARY
    try:
        head[:-4].decode("utf-8")  # the cut may fall inside a character
    except UnicodeDecodeError:
        return UNKNOWN
    return UNKNOWN if b"\x00" in head else PLAIN_TEXT


def human_size(size):
    """Return ``size`` (bytes) as people read it: 2 significant digits, 1 KB = 1,000 bytes ("3.6 MB")."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            value = round_significant(size / scale, 2)
            return f"{value:,.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    return f"{size} B"


def size_table(names):
    """Return a printable table of files: name, format and size (2 significant digits, 1 KB = 1,000 bytes).

    ``names`` are relative to ``output/`` or absolute paths; the ``.npy`` files gensim wrote next to
    a file are listed under it. Only file names are printed, never folders. Raises ``CourseError``
    for a missing file.
    """
    if isinstance(names, (str, os.PathLike)):
        names = [names]
    rows = []
    for name in names:
        path = existing_file(name)
        rows.append((path.name, guess_format(path), path.stat().st_size))
        rows += [(f"+ {other.name}", guess_format(other), other.stat().st_size) for other in companion_files(path)]
    if not rows:
        raise CourseError("No files given: pass a list of file names, e.g. ['lesson03/vectors.bin'].")
    width = max(len("file"), *(len(row[0]) for row in rows))
    kind_width = max(len("format"), *(len(row[1]) for row in rows))
    lines = [f"{'file':<{width}}  {'format':<{kind_width}}  {'size':>7}"]
    lines += [f"{file:<{width}}  {kind:<{kind_width}}  {human_size(size):>7}" for file, kind, size in rows]
    return "\n".join(lines)


# --- loading safely -------------------------------------------------------------------------------


def _nonempty(name):
    path = existing_file(name)
    if path.stat().st_size == 0:
        raise CourseError(f"{shown_name(path)} is empty (0 bytes): saving it was probably interrupted. Save it again.")
    return path


def _check_trusted(path, trust):
    if trust or is_course_file(path):
        return
    raise CourseError(
        f"{shown_name(path)} is a gensim save file, which is a pickle: loading it runs any code its author put "
        "in it. The course did not write this file (or it changed since), so it is not loaded. If you "
        "made it yourself or trust where it came from, pass trust=True. To share vectors, use the "
        "word2vec format instead (wv.save_word2vec_format), which holds only words and numbers."
    )


def _load_gensim(name, trust, mmap, wanted):
    path = _nonempty(name)
    kind = guess_format(path)
    if not kind.startswith(GENSIM):
        loader = (
            "helpers.storage.load_word2vec" if kind.startswith(("word2vec", PLAIN_TEXT)) else "the tool that wrote it"
        )
        raise CourseError(
            f"{shown_name(path)} is not a gensim save file (it looks like {kind}): "
            f"{wanted} loads files written by .save(). Load this one with {loader}."
        )
    _check_trusted(path, trust)
    from gensim.utils import SaveLoad

    try:
        return SaveLoad.load(str(path), mmap=mmap)
    except FileNotFoundError as error:
        missing = Path(error.filename or "").name or "a .npy file"
        raise CourseError(
            f"{shown_name(path)} keeps part of its data in {missing}, which is missing: keep the "
            f"files that start with '{path.name}.' next to it (copy them together)."
        ) from None
    except Exception as error:  # noqa: BLE001 - any failure while unpickling means the file is damaged
        raise CourseError(
            f"{shown_name(path)} could not be loaded: it is damaged (cut short or changed) or was "
            f"saved by a very different gensim version ({type(error).__name__}). Save it "
            "again from the model."
        ) from None


def load_model(name, trust=False, mmap=None):
    """Load a full ``Word2Vec`` model saved with ``model.save(path)``; it can keep training.

    ``name`` is relative to ``output/`` or an absolute path. The file is a pickle, so it is loaded
    only if the course wrote it, or with ``trust=True``. ``mmap="r"`` memory-maps arrays that were
    saved in separate ``.npy`` files. Raises ``CourseError`` for a missing, empty, damaged or
    untrusted file, or one that holds something else.
    """
    from gensim.models import KeyedVectors, Word2Vec

    model = _load_gensim(name, trust, mmap, "load_model")
    if isinstance(model, KeyedVectors):
        raise CourseError(
            f"{shown_name(output_file(name))} holds KeyedVectors (vectors only), not a full model: "
            "load it with helpers.storage.load_vectors. Vectors alone cannot train further."
        )
    if not isinstance(model, Word2Vec):
        raise CourseError(f"{shown_name(output_file(name))} holds a {type(model).__name__}, not a Word2Vec model.")
    return model


def load_vectors(name, trust=False, mmap=None):
    """Load ``KeyedVectors`` saved with ``wv.save(path)`` (query only: look-ups and neighbours).

    Same rules as ``load_model``. With ``mmap="r"``, vectors saved in a separate ``.npy`` file
    (``wv.save(path, separately=["vectors"])``) are read from disk on demand, read-only.
    """
    from gensim.models import KeyedVectors, Word2Vec

    wv = _load_gensim(name, trust, mmap, "load_vectors")
    if isinstance(wv, Word2Vec):
        raise CourseError(
            f"{shown_name(output_file(name))} holds a full Word2Vec model: load it with "
            "helpers.storage.load_model and use its .wv for the vectors."
        )
    if not isinstance(wv, KeyedVectors):
        raise CourseError(f"{shown_name(output_file(name))} holds a {type(wv).__name__}, not KeyedVectors.")
    return wv


def load_word2vec(name, binary=None, limit=None):
    """Load ``KeyedVectors`` from the word2vec C format (what ``wv.save_word2vec_format`` writes).

    ``binary=None`` detects text or binary from the file; ``limit`` keeps only the first (most
    frequent) words. These files hold only words and numbers, so loading runs no code. Raises
    ``CourseError`` for a missing, empty or damaged file, a wrong ``binary`` flag, or another format.
    """
    from gensim.models import KeyedVectors

    path = _nonempty(name)
    kind = guess_format(path)
    shown = shown_name(path)
    if kind.startswith(GENSIM):
        raise CourseError(
            f"{shown} is a gensim save file (a pickle), not word2vec format: load it with "
            "helpers.storage.load_vectors (only if you made it yourself)."
        )
    if not kind.startswith("word2vec"):
        with open(path, "rb") as data:
            first = data.readline(60).decode("utf-8", "replace").strip()
        raise CourseError(
            f"{shown} is not in word2vec format (it looks like {kind}): the first line of a "
            f"word2vec file gives the number of words and of dimensions, e.g. '8931 100', "
            f"but this one starts {first!r}."
        )
    is_binary = kind.startswith(W2V_BINARY)
    if binary is not None and bool(binary) != is_binary:
        raise CourseError(
            f"{shown} is in {kind} format, but binary={binary!r} was given: pass "
            f"binary={is_binary} (or leave binary out to detect it)."
        )
    try:
        return KeyedVectors.load_word2vec_format(str(path), binary=is_binary, limit=limit)
    except EOFError:
        raise CourseError(
            f"{shown} is damaged: it ends before all the words its first line announces "
            "(the file was cut short). Save it again, or get a complete copy."
        ) from None
    except (ValueError, UnicodeDecodeError, AssertionError):
        raise CourseError(
            f"{shown} is damaged: some line does not hold a word followed by the announced "
            "number of values. Save it again, or get a fresh copy."
        ) from None
