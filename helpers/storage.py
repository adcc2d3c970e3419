"""Saving files without losing any: where the course writes, and how it tells its own files from yours
(lesson 03 introduces it).

- ``new_file(name)``: where to save, inside ``output/``; it never silently replaces a file the course
  did not write, yet re-running a lesson may replace the lesson's own files.
- ``is_course_file(path)``: did the course write this file, unchanged since?
- ``output_file``, ``existing_file``, ``companion_files``, ``shown_name``: how names are resolved and
  shown, shared with ``helpers.fileformats`` and ``helpers.loading``.

Loading is ``helpers.loading``; telling formats and sizes apart is ``helpers.fileformats``.
Errors a learner can cause raise ``CourseError`` with what to do next.
"""

import contextlib
import difflib
import errno
import hashlib
import json
import os
from pathlib import Path

from helpers.errors import CourseError
from helpers.files import write_atomically
from helpers.paths import output_dir

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


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    _write_record(path, {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": _sha256(path)})


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
    return _sha256(path) == record["sha256"]  # e.g. the folder was copied: same bytes, new time


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
