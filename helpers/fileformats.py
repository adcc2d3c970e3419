"""What a saved file holds and how big it is, read from its first bytes without loading it (lesson 03).

- ``guess_format(name)``: gensim pickle, word2vec binary or text, numpy array, plain text, ...
- ``size_table(names)``: a printable table of files with their format and size (``human_size``).
"""

import bz2
import gzip
import os
import re

from helpers.errors import CourseError
from helpers.numeric import round_significant
from helpers.storage import companion_files, existing_file

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
