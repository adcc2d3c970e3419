"""helpers.lessons.bilingual: the verse files, the dictionary, P@k, and their errors on bad input."""

import bz2

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers import CourseError
from helpers.corpus import tokenize
from helpers.lessons import bilingual


def write_bz2(path, text):
    with bz2.open(path, "wt", encoding="utf-8") as file:
        file.write(text)
    return path


def keyed(words, dims=3, seed=0):
    wv = KeyedVectors(dims)
    wv.add_vectors(words, np.random.default_rng(seed).normal(size=(len(words), dims)).astype(np.float32))
    return wv


# --- the committed data -------------------------------------------------------------------------------


def test_bibles_are_verse_aligned():
    english, spanish = bilingual.load_bible("en"), bilingual.load_bible("es")
    assert len(english) > 31_000 and len(spanish) > 31_000
    assert english[("Gen", 1, 1)].startswith("In the beginning God created")
    assert spanish[("Gen", 1, 1)].startswith("EN el principio crió Dios")
    assert len(set(english) & set(spanish)) > 31_000
    assert next(iter(english)) == ("Gen", 1, 1) and list(english)[-1] == ("Rev", 22, 21)


def test_dictionary_splits_are_disjoint_and_sized():
    seed, test = bilingual.load_dictionary("seed"), bilingual.load_dictionary("test")
    assert len(test) >= 300 and len(seed) >= 200 and 900 <= len(seed) + len(test) <= 1000
    assert not {w for p in seed for w in p} & {w for p in test for w in p}
    assert ("king", "rey") in seed + test


def test_tokenize_verse_equals_the_course_tokenizer():
    for language in ("en", "es"):
        verses = list(bilingual.load_bible(language).values())
        for text in verses[::50] + ["Señor, ¿qué? _x a1b2 " + "ab" * 20 + " naïve 2024"]:
            assert bilingual.tokenize_verse(text) == tokenize(text)


def test_verse_tokens_and_aligned_verses():
    english = {("Gen", 1, 1): ["in", "the"], ("Gen", 1, 2): ["and"]}
    spanish = {("Gen", 1, 1): ["en", "el"]}
    assert bilingual.aligned_verses(english, spanish) == [(["in", "the"], ["en", "el"])]
    with pytest.raises(CourseError, match="verse_tokens"):
        bilingual.aligned_verses(["in"], spanish)
    with pytest.raises(CourseError, match="str"):
        bilingual.tokenize_verse(b"bytes")


def test_unknown_language_and_split():
    with pytest.raises(CourseError, match="en, es"):
        bilingual.load_bible("fr")
    with pytest.raises(CourseError, match="'seed' or 'test'"):
        bilingual.load_dictionary("train")


# --- bad files ----------------------------------------------------------------------------------------


def test_read_verses_good_and_plain(tmp_path):
    path = write_bz2(tmp_path / "v.tsv.bz2", "Gen\t1\t1\tIn the beginning.\nGen\t1\t2\tAnd the earth.\n")
    assert bilingual.read_verses(path) == {("Gen", 1, 1): "In the beginning.", ("Gen", 1, 2): "And the earth."}
    plain = tmp_path / "v.tsv"
    plain.write_text("Gen\t1\t1\tIn the beginning.\n", encoding="utf-8")
    assert len(bilingual.read_verses(plain)) == 1


@pytest.mark.parametrize(
    "content, match",
    [
        ("", "no verses"),
        ("   \n", "line 1"),
        ("Gen\t1\tIn the beginning.\n", "line 1"),
        ("Gen\tone\t1\tIn the beginning.\n", "line 1"),
        ("Gen\t1\t1\t \n", "line 1"),
        ("Gen\t1\t1\tok\nonly one field\n", "line 2"),
    ],
)
def test_read_verses_bad_rows(tmp_path, content, match):
    with pytest.raises(CourseError, match=match):
        bilingual.read_verses(write_bz2(tmp_path / "v.tsv.bz2", content))


def test_read_verses_missing_binary_latin1_and_folder(tmp_path):
    with pytest.raises(CourseError, match="No verse file"):
        bilingual.read_verses(tmp_path / "missing.tsv.bz2")
    with pytest.raises(CourseError, match="No verse file"):
        bilingual.read_verses(tmp_path)
    broken = tmp_path / "broken.tsv.bz2"
    broken.write_bytes(b"\x00\x01 not bz2 at all")
    with pytest.raises(CourseError, match="damaged"):
        bilingual.read_verses(broken)
    truncated = tmp_path / "cut.tsv.bz2"
    truncated.write_bytes(bz2.compress(b"Gen\t1\t1\tIn the beginning.\n" * 100)[:40])
    with pytest.raises(CourseError, match="damaged"):
        bilingual.read_verses(truncated)
    latin1 = tmp_path / "latin1.tsv.bz2"
    latin1.write_bytes(bz2.compress("Gen\t1\t1\tcrió\n".encode("latin-1")))
    with pytest.raises(CourseError, match="UTF-8"):
        bilingual.read_verses(latin1)


def test_read_dictionary_good_and_bad(tmp_path, write_file):
    good = write_file(
        "d.tsv", "# notes\nenglish\tspanish\tdice\tsplit\nking\trey\t0.98\tseed\nbread\tpan\t0.87\ttest\n"
    )
    assert bilingual.read_dictionary(good) == {"seed": [("king", "rey")], "test": [("bread", "pan")]}
    for name, content, match in [
        ("empty.tsv", "", "header"),
        ("noheader.tsv", "king\trey\t0.98\tseed\n", "header"),
        ("badsplit.tsv", "english\tspanish\tdice\tsplit\nking\trey\t0.98\ttrain\n", "row 2"),
        ("short.tsv", "english\tspanish\tdice\tsplit\nking\trey\n", "row 2"),
        ("binary.tsv", b"english\x00spanish", "binary"),
        ("latin1.tsv", "english\tspanish\tdice\tsplit\nniño\tniño\t1\tseed\n".encode("latin-1"), "UTF-8"),
    ]:
        with pytest.raises(CourseError, match=match):
            bilingual.read_dictionary(write_file(name, content))
    with pytest.raises(CourseError, match="No dictionary file"):
        bilingual.read_dictionary(good.parent / "missing.tsv")


# --- pairs in both vocabularies ---------------------------------------------------------------------


def test_pairs_in_vocab():
    en, es = keyed(["king", "bread", "water"]), keyed(["rey", "pan", "agua"])
    pairs = [("King ", "rey"), ("king", "rey"), ("bread", "pan"), ("cat", "gato"), ("water", "agüita")]
    assert bilingual.pairs_in_vocab(pairs, en, es) == [("king", "rey"), ("bread", "pan")]
    with pytest.raises(CourseError, match=r"Only 2 of your 4 pairs.*cat→gato"):
        bilingual.pairs_in_vocab(pairs, en, es, minimum=3)
    with pytest.raises(CourseError, match="Only 0 of your 0"):
        bilingual.pairs_in_vocab([], en, es)
    for bad in ["king rey", [("king",)], [("king", 1)], [["king", "rey", "x"]]]:
        with pytest.raises(CourseError, match="pairs"):
            bilingual.pairs_in_vocab(bad, en, es)
