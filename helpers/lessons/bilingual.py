"""Two languages side by side: the verse-aligned Bibles and the English-Spanish dictionary (lesson 10).

The data ship with the course in ``data/bible/`` (see data/README.md for provenance and licence):

- ``kjv.tsv.bz2`` (King James Version, English) and ``rv1909.tsv.bz2`` (Reina-Valera 1909, Spanish):
  one verse a line, ``book<TAB>chapter<TAB>verse<TAB>text``; the same (book, chapter, verse) is the
  same verse in both.
- ``en_es_dictionary.tsv``: about 950 English-Spanish word pairs induced from the verse alignment
  (``tools/research/build_dictionary.py``), each marked ``seed`` (to fit a map) or ``test`` (held out).

Glossary: ``pairs`` is a list of ``(source_word, target_word)`` tuples; ``wv`` a gensim KeyedVectors.
The maps themselves (least squares, Procrustes, CSLS), the nearest-word search and P@k are written in the lesson.
"""

import bz2
import re
from pathlib import Path

from helpers.errors import CourseError
from helpers.files import DATA_DIR, decode_text_file

BIBLE_DIR = DATA_DIR / "bible"
BIBLES = {"en": "kjv.tsv.bz2", "es": "rv1909.tsv.bz2"}
DICTIONARY_FILE = "en_es_dictionary.tsv"
SPLITS = ("seed", "test")
# gensim's simple_preprocess (helpers.corpus.tokenize) finds words with this pattern in lowercased text
# and keeps those of 2 to 30 characters not starting with "_"; the same rule applied to a whole verse at
# once is about 6 times faster on the 62,000 verses (tests check that the tokens are identical).
_WORD = re.compile(r"(((?![\d])\w)+)", re.UNICODE)
_REBUILD = "restore it with `git checkout data/bible` (or rebuild it: see data/README.md)"


def read_verses(path):
    """Return ``{(book, chapter, verse): text}`` from a verse TSV(.bz2) file at ``path``.

    Each line is ``book<TAB>chapter<TAB>verse<TAB>text`` (chapter and verse whole numbers). Raises
    ``CourseError`` naming the file and line when the file is missing, not bz2/UTF-8, empty, or a
    line does not have that shape.
    """
    path = Path(path)
    if not path.is_file():
        raise CourseError(f"No verse file at {path}: {_REBUILD}.")
    opener = bz2.open if path.suffix == ".bz2" else open
    verses = {}
    try:
        with opener(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 4 or not fields[1].isdigit() or not fields[2].isdigit() or not fields[3].strip():
                    raise CourseError(
                        f"{path.name}, line {number}, is not 'book<TAB>chapter<TAB>verse<TAB>text': "
                        f"{line[:60]!r}. The file is damaged: {_REBUILD}."
                    )
                verses[(fields[0], int(fields[1]), int(fields[2]))] = fields[3]
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise CourseError(
            f"{path.name} cannot be read ({type(error).__name__}): the file is damaged or not "
            f"a bz2-compressed UTF-8 text: {_REBUILD}."
        ) from None
    if not verses:
        raise CourseError(f"{path.name} holds no verses: {_REBUILD}.")
    return verses


def load_bible(language):
    """Return the verses of the Bible in ``language`` (``"en"`` KJV or ``"es"`` Reina-Valera 1909),
    as ``{(book, chapter, verse): text}`` in canonical order.
    """
    if language not in BIBLES:
        raise CourseError(f"There is no Bible for language {language!r}: use one of {', '.join(BIBLES)}.")
    return read_verses(BIBLE_DIR / BIBLES[language])


def tokenize_verse(text):
    """Return the tokens of one verse ``text``: the same list as ``helpers.corpus.tokenize(text)``
    (lowercase, letters only, 2 to 30 letters), computed faster.
    """
    if not isinstance(text, str):
        raise CourseError(f"A verse must be a str, got {type(text).__name__}: pass the text of the verse.")
    return [word for word, _ in _WORD.findall(text.lower()) if 2 <= len(word) <= 30 and word[0] != "_"]


def verse_tokens(language):
    """Return ``{(book, chapter, verse): tokens}`` for the Bible in ``language`` (``"en"`` or ``"es"``),
    tokenized as ``helpers.corpus.tokenize`` does; verses with no word are dropped.
    """
    verses = {key: tokenize_verse(text) for key, text in load_bible(language).items()}
    return {key: tokens for key, tokens in verses.items() if tokens}


def verse_sentences(language):
    """Return the Bible in ``language`` as ``sentences``: one token list per verse, in canonical order."""
    return list(verse_tokens(language).values())


def aligned_verses(english=None, spanish=None):
    """Return ``[(english_tokens, spanish_tokens), ...]`` for every verse present in both Bibles.

    ``english`` and ``spanish`` are the ``verse_tokens`` dicts, if you have them already (saves a second
    read); by default both are read.
    """
    english = verse_tokens("en") if english is None else english
    spanish = verse_tokens("es") if spanish is None else spanish
    if not isinstance(english, dict) or not isinstance(spanish, dict):
        raise CourseError(
            "aligned_verses takes the dicts of verse_tokens('en') and verse_tokens('es'): pass those (or nothing)."
        )
    return [(tokens, spanish[key]) for key, tokens in english.items() if key in spanish]


def read_dictionary(path):
    """Return ``{"seed": pairs, "test": pairs}`` from a dictionary TSV at ``path``.

    Lines starting with ``#`` are notes; the first other line is the header
    ``english<TAB>spanish<TAB>dice<TAB>split``; each row is one pair, ``split`` is ``seed`` or ``test``.
    Raises ``CourseError`` for a missing or damaged file.
    """
    path = Path(path)
    text = decode_text_file(path, what="dictionary file", fix=_REBUILD)
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0][:4] != ["english", "spanish", "dice", "split"]:
        raise CourseError(
            f"{path.name} does not start with the header 'english<TAB>spanish<TAB>dice<TAB>split': {_REBUILD}."
        )
    pairs = {split: [] for split in SPLITS}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 4 or row[3] not in SPLITS or not row[0] or not row[1]:
            raise CourseError(
                f"{path.name}, row {number}, is not 'english<TAB>spanish<TAB>dice<TAB>seed|test': {row!r}: {_REBUILD}."
            )
        pairs[row[3]].append((row[0], row[1]))
    return pairs


def load_dictionary(split):
    """Return the course's English-Spanish pairs of one ``split``: ``"seed"`` (to fit a map) or
    ``"test"`` (held out: never used to fit), as a list of ``(english, spanish)`` tuples.
    """
    if split not in SPLITS:
        raise CourseError(
            f"split must be 'seed' or 'test', got {split!r}: use 'seed' to fit a map and 'test' to measure it."
        )
    return read_dictionary(BIBLE_DIR / DICTIONARY_FILE)[split]


def pairs_in_vocab(pairs, source_wv, target_wv, minimum=1, what="pairs"):
    """Return the ``pairs`` whose source word is in ``source_wv`` and target word in ``target_wv``
    (order kept, duplicates dropped). Raises ``CourseError`` if fewer than ``minimum`` remain, naming the
    missing words and what to do.
    """
    if isinstance(pairs, (str, bytes)) or not all(
        isinstance(p, (tuple, list)) and len(p) == 2 and all(isinstance(w, str) for w in p) for p in pairs
    ):
        raise CourseError(
            f"{what} must be a list of (source, target) word pairs, like "
            "[('water', 'agua'), ('bread', 'pan')]: check the brackets and quotes."
        )
    kept, missing, seen = [], [], set()
    for source, target in pairs:
        source, target = source.strip().lower(), target.strip().lower()
        if (source, target) in seen:
            continue
        seen.add((source, target))
        if source in source_wv.key_to_index and target in target_wv.key_to_index:
            kept.append((source, target))
        else:
            missing.append(f"{source}→{target}")
    if len(kept) < minimum:
        shown = ", ".join(missing[:8]) + (" ..." if len(missing) > 8 else "")
        raise CourseError(
            f"Only {len(kept)} of your {len(seen)} {what} have both words in the two vocabularies "
            f"(at least {minimum} are needed){'; missing: ' + shown if shown else ''}. "
            "Add pairs of words that occur often in both texts, or check the spelling "
            "(lowercase, accents as in the text)."
        )
    return kept
