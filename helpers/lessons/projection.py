"""From word vectors to points you can look at: word groups, t-SNE settings, and files for the
TensorFlow Embedding Projector (lesson 05).

The lesson itself runs ``PCA`` and ``TSNE``; this module holds the checks and the plumbing around them.
Glossary: ``wv`` is a gensim ``KeyedVectors``; ``vectors`` is an n x d array (one row per word);
``points`` is an n x 2 array (one (x, y) per word).
"""

import math
from collections import namedtuple
from pathlib import Path

import numpy as np

from helpers.errors import CourseError
from helpers.files import decode_text_file
from helpers.numeric import is_number, is_whole_number
from helpers.vocab import check_word, suggest

# t-SNE looks at about 3 x perplexity neighbours of each point, so the original t-SNE code asks for
# 3 * perplexity < n_points - 1. (scikit-learn itself only refuses perplexity >= n_points.)
MIN_TSNE_POINTS = 5
# vectors.tsv keeps this many decimals: enough for the Projector, and the read-back check's tolerance.
PROJECTOR_DECIMALS = 6

ProjectorFiles = namedtuple("ProjectorFiles", "words vectors groups")
ProjectorFiles.__doc__ = """What ``read_projector`` returns: ``words`` (list of str), ``vectors`` (n x d float
array) and ``groups`` (list of str, or ``None`` when metadata.tsv holds only words)."""


def group_vectors(wv, groups):
    """Look up every word of ``groups`` (a dict: group name -> list of words) in ``wv``.

    Returns ``(words, group_names, vectors)``: the words in order, the group of each word, and an
    n x d float array of their vectors. Raises ``CourseError`` naming every word that is missing
    from the vocabulary (with close spellings), or a word listed twice.
    """
    if not isinstance(groups, dict) or not groups:
        raise CourseError(
            "groups must be a dict of group name -> list of words, like "
            "{'months': ['january', 'june'], 'numbers': ['two', 'three']}; got "
            f"{type(groups).__name__} {groups!r:.60}."
        )
    words, names = [], []
    for name, members in groups.items():
        if isinstance(members, str) or not members:
            raise CourseError(f"Group {name!r} must be a non-empty list of words, got {members!r:.60}.")
        for word in members:
            if word in words:
                raise CourseError(
                    f"{word!r} is listed twice (in {names[words.index(word)]!r} and {name!r}): "
                    "a word can sit in one group only."
                )
            words.append(word)
            names.append(name)
    missing = [word for word in words if not isinstance(word, str) or word not in wv.key_to_index]
    if len(missing) == 1:
        check_word(wv, missing[0])  # raises, with its own explanation and suggestions
    if missing:
        described = []
        for word in missing:
            close = suggest(wv, word) if isinstance(word, str) else []
            described.append(f"{word!r}" + (f" (close: {', '.join(close)})" if close else ""))
        raise CourseError(
            f"{len(missing)} words are not in the vocabulary of {len(wv.index_to_key):,} words: "
            f"{'; '.join(described)}. Remove them from their group or fix the spelling; a "
            "word is left out when it appears fewer than min_count times."
        )
    return words, names, np.array([wv[word] for word in words], dtype=float)


def valid_perplexity(n_points, wanted=30.0):
    """Return a perplexity that t-SNE can use for ``n_points`` points: ``wanted`` if it fits,
    otherwise the largest value below ``(n_points - 1) / 3`` (one decimal), printing a note that
    says so. Raises ``CourseError`` for fewer than ``MIN_TSNE_POINTS`` points or a perplexity <= 0.
    """
    if not is_number(wanted) or not wanted > 0:
        raise CourseError(f"perplexity must be a number above 0 (typical values are 5 to 50), got {wanted!r}.")
    if not is_whole_number(n_points):
        raise CourseError(f"n_points must be a whole number (how many points t-SNE places), got {n_points!r}.")
    if n_points < MIN_TSNE_POINTS:
        raise CourseError(
            f"t-SNE needs at least {MIN_TSNE_POINTS} points to arrange, got {n_points}: "
            "add words to plot (with your own text: add text, or lower min_count so "
            "more words are kept)."
        )
    limit = (n_points - 1) / 3
    if 3 * wanted < n_points - 1:
        return float(wanted)
    chosen = math.floor(limit * 10) / 10
    if chosen >= limit:  # (n - 1) / 3 is a whole tenth: stay strictly below it
        chosen = round(chosen - 0.1, 1)
    print(
        f"perplexity {wanted:g} is too high for {n_points} points (it must stay below "
        f"({n_points} - 1) / 3 = {limit:.1f}): using {chosen:g} instead."
    )
    return chosen


def neighbours_kept(vectors, points, k=5):
    """Return the share (0 to 1) of each word's ``k`` nearest neighbours in ``vectors`` (n x d, by
    cosine similarity) that are also among its ``k`` nearest in ``points`` (n x 2, by distance).

    1.0 means the 2-D map keeps every word's neighbourhood; about ``k / n`` is what chance gives.
    """
    vectors = np.asarray(vectors, dtype=float)
    points = np.asarray(points, dtype=float)
    if vectors.ndim != 2 or points.ndim != 2 or len(vectors) != len(points):
        raise CourseError(
            f"Expected one row per word in both arrays: got vectors of shape {vectors.shape} "
            f"and points of shape {points.shape}."
        )
    if not is_whole_number(k) or not 1 <= k < len(vectors):
        raise CourseError(
            f"k must be a whole number from 1 to {len(vectors) - 1} (fewer than the {len(vectors)} words), got {k!r}."
        )
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    high = -(unit @ unit.T)  # most similar first
    low = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=-1)
    np.fill_diagonal(high, np.inf)
    np.fill_diagonal(low, np.inf)
    near_high = np.argsort(high, axis=1, kind="stable")[:, :k]
    near_low = np.argsort(low, axis=1, kind="stable")[:, :k]
    kept = sum(len(set(a) & set(b)) for a, b in zip(near_high, near_low))
    return kept / (k * len(vectors))


def export_projector(words, vectors, folder, groups=None):
    """Write ``vectors.tsv`` (one tab-separated row of numbers per word, ``PROJECTOR_DECIMALS``
    decimals) and ``metadata.tsv`` (the words, and a ``group`` column with a header row when
    ``groups`` is given) into ``folder``, for https://projector.tensorflow.org (Load → choose both).

    Returns ``(vectors_path, metadata_path)``. Only these two files in ``folder`` are (over)written.
    """
    vectors = np.asarray(vectors, dtype=float)
    words = list(words)
    if vectors.ndim != 2 or len(words) != len(vectors) or not len(words):
        raise CourseError(
            f"Expected one vector (a row) per word: got {len(words)} words and vectors of shape {vectors.shape}."
        )
    if not np.isfinite(vectors).all():
        raise CourseError(
            "Some vectors contain NaN or infinity: the Projector cannot show them. "
            "Check how the vectors were made (a model that trained normally has none)."
        )
    columns = [words] if groups is None else [words, list(groups)]
    if groups is not None and len(columns[1]) != len(words):
        raise CourseError(f"Expected one group per word: got {len(columns[1])} groups for {len(words)} words.")
    for column in columns:
        for label in column:
            if not isinstance(label, str) or not label.strip() or any(c in label for c in "\t\r\n"):
                raise CourseError(
                    f"Every word and group must be a non-empty string without tabs or line "
                    f"breaks (they separate the columns and rows), got {label!r}."
                )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vectors_path, metadata_path = folder / "vectors.tsv", folder / "metadata.tsv"
    np.savetxt(vectors_path, vectors, fmt=f"%.{PROJECTOR_DECIMALS}f", delimiter="\t", encoding="utf-8")
    rows = ["\t".join(row) for row in zip(*columns)]
    if groups is not None:  # the Projector reads a header row when there is more than one column
        rows.insert(0, "word\tgroup")
    metadata_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return vectors_path, metadata_path


def _read_lines(path, what):
    path = Path(path)
    text = decode_text_file(
        path,
        what,
        fix="run the export cell (helpers.lessons.projection.export_projector) "
        "again: the Projector needs tab-separated UTF-8 text.",
    )
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise CourseError(f"{path.name} is empty: export it again.")
    return lines


def _parse_vectors(lines, name):
    first = lines[0]
    if "\t" not in first:
        fields = first.replace(",", " ").split()
        if len(fields) == 2 and all(field.isdigit() for field in fields):
            raise CourseError(
                f"{name} starts with {first.strip()!r}: this looks like word2vec text format "
                "(a header, then a word and its numbers on each line). The Projector wants only "
                "numbers, tab-separated, in vectors.tsv and the words in metadata.tsv: use "
                "helpers.lessons.projection.export_projector."
            )
        if len(fields) > 1:
            raise CourseError(
                f"Line 1 of {name} has no tabs: the numbers must be separated by tabs "
                "(this file looks comma- or space-separated). Export it again with "
                "helpers.lessons.projection.export_projector."
            )
    rows = []
    for number, line in enumerate(lines, start=1):
        fields = line.split("\t")
        try:
            row = [float(field) for field in fields]
        except ValueError:
            bad = next(field for field in fields if not _is_float(field))
            hint = (
                " This looks like word2vec text format (a word then its numbers): the words belong in metadata.tsv."
                if _column_of(fields, bad) == 1 and len(fields) > 2
                else ""
            )
            raise CourseError(
                f"Line {number} of {name}, column {_column_of(fields, bad)}: {bad!r} is not a "
                f"number, so the file is damaged or is not a vectors.tsv.{hint}"
            ) from None
        if rows and len(row) != len(rows[0]):
            raise CourseError(
                f"Line {number} of {name} has {len(row)} numbers but line 1 has {len(rows[0])}: "
                "the file is damaged (cut short?). Export it again."
            )
        rows.append(row)
    vectors = np.array(rows)
    if not np.isfinite(vectors).all():
        raise CourseError(f"{name} contains NaN or infinity: the file is damaged. Export it again.")
    return vectors


def _is_float(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def _column_of(fields, value):
    """1-based column of ``value`` in ``fields`` (for error messages)."""
    return fields.index(value) + 1


def read_projector(vectors_path, metadata_path):
    """Read back the two files that ``export_projector`` writes; return a ``ProjectorFiles``
    ``(words, vectors, groups)``. Raises ``CourseError`` for a missing, damaged or wrongly
    formatted file, or when the two files do not have one row per word.
    """
    vectors_path, metadata_path = Path(vectors_path), Path(metadata_path)
    vectors = _parse_vectors(_read_lines(vectors_path, "vectors file"), vectors_path.name)
    rows = [line.split("\t") for line in _read_lines(metadata_path, "metadata file")]
    groups = None
    if len(rows[0]) > 1:  # several columns: the first row is the header
        header, rows = rows[0], rows[1:]
        for number, row in enumerate(rows, start=2):
            if len(row) != len(header):
                raise CourseError(
                    f"Line {number} of {metadata_path.name} has {len(row)} columns but the header "
                    f"has {len(header)}: the file is damaged. Export it again."
                )
        groups = [row[1] for row in rows]
    else:
        for number, row in enumerate(rows, start=1):
            if len(row) != 1:
                raise CourseError(
                    f"Line {number} of {metadata_path.name} has {len(row)} columns but line 1 "
                    "has 1: the file is damaged. Export it again."
                )
    words = [row[0] for row in rows]
    if len(words) != len(vectors):
        raise CourseError(
            f"{metadata_path.name} has {len(words):,} words but {vectors_path.name} has "
            f"{len(vectors):,} rows: they must match line for line. Export both files again "
            "(from the same words)."
        )
    return ProjectorFiles(words, vectors, groups)
