"""helpers.lessons.lexicons: the packaged files load, and bad files stop with a CourseError that says what to do."""

import json
import zipfile

import pytest

from helpers import CourseError
from helpers.lessons import lexicons

# The packaged data (installed from requirements-data.txt) -----------------------------------------


def test_googlenews_vectors_load():
    gn = lexicons.load_googlenews()
    assert len(gn.index_to_key) == 26_423 and gn.vector_size == 300
    assert "good" in gn.key_to_index and "graphic_designer" in gn.key_to_index and "Mary" in gn.key_to_index


def test_vader_keeps_words_and_drops_emoticons():
    vader = lexicons.read_vader()
    assert 7_000 < len(vader) < 7_520
    assert vader["superb"] == pytest.approx(3.1) and vader["awful"] == pytest.approx(-2.0)
    assert ":)" not in vader and all(word[0].isalpha() for word in vader)


def test_afinn_keeps_single_words():
    afinn = lexicons.read_afinn()
    assert afinn["abandon"] == -2 and "can't stand" not in afinn
    assert all(-5 <= score <= 5 for score in afinn.values())


def test_nrc_has_the_eight_emotions():
    nrc = lexicons.read_nrc()
    assert len(nrc) == 6_468 and nrc["abandon"] == {"fear", "negative", "sadness"}
    labels = set().union(*nrc.values())
    assert labels == set(lexicons.NRC_EMOTIONS) | set(lexicons.NRC_SENTIMENTS)


def test_bolukbasi_lists():
    data = lexicons.read_bolukbasi()
    assert ["she", "he"] in data["definitional_pairs"] and len(data["professions"]) == 320


def test_pang_lee_is_read_as_latin1():
    sentences, labels = lexicons.read_pang_lee()
    assert len(sentences) == 200 and sum(labels) == 100
    assert sentences[0] == ["simplistic", ",", "silly", "and", "tedious", "."]


def test_packaged_file_refuses_a_non_source():
    with pytest.raises(CourseError, match="GOOGLENEWS"):
        lexicons.packaged_file("vader")


# Bad files -------------------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path):
    made = {}
    made["empty"] = tmp_path / "empty.txt"
    made["empty"].write_bytes(b"")
    made["blank"] = tmp_path / "blank.txt"
    made["blank"].write_text("  \n\n", encoding="utf-8")
    made["binary"] = tmp_path / "lexicon.docx"
    with zipfile.ZipFile(made["binary"], "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    made["latin1"] = tmp_path / "latin1.txt"
    made["latin1"].write_bytes("café\t1.0\n".encode("latin-1"))
    return made


@pytest.mark.parametrize(
    "reader",
    [
        lexicons.parse_scores,
        lexicons.read_vader,
        lexicons.read_afinn,
        lexicons.parse_word_labels,
        lexicons.read_nrc,
        lexicons.read_bolukbasi,
    ],
)
@pytest.mark.parametrize(
    "kind, expected", [("empty", "empty"), ("blank", "empty"), ("binary", "binary"), ("latin1", "not UTF-8")]
)
def test_text_readers_refuse_bad_files(reader, kind, expected, files):
    with pytest.raises(CourseError, match=expected):
        reader(files[kind])


@pytest.mark.parametrize(
    "reader",
    [
        lexicons.parse_scores,
        lexicons.parse_word_labels,
        lexicons.read_bolukbasi,
        lexicons.read_pang_lee,
        lexicons.load_googlenews,
    ],
)
def test_readers_refuse_missing_files_and_folders(reader, tmp_path):
    with pytest.raises(CourseError, match="No .* at"):
        reader(tmp_path / "missing.txt")
    with pytest.raises(CourseError, match="folder"):
        reader(tmp_path)


def test_parse_scores_names_the_bad_line(tmp_path):
    path = tmp_path / "scores.txt"
    path.write_text("good\t2\nbad two\n", encoding="utf-8")
    with pytest.raises(CourseError, match="line 2: expected a word, a tab and a score"):
        lexicons.parse_scores(path)
    path.write_text("good\t2\nbad\tminus\n", encoding="utf-8")
    with pytest.raises(CourseError, match="line 2: the score 'minus' is not a number"):
        lexicons.parse_scores(path)
    path.write_text("\ufeffgood\t2\n\nbad\t-2.5\textra\n", encoding="utf-8")
    assert lexicons.parse_scores(path) == {"good": 2.0, "bad": -2.5}


def test_parse_word_labels_refuses_wrong_shapes(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CourseError, match="not valid JSON"):
        lexicons.parse_word_labels(path)
    path.write_text(json.dumps(["joy"]), encoding="utf-8")
    with pytest.raises(CourseError, match="map words to lists"):
        lexicons.parse_word_labels(path)
    path.write_text(json.dumps({"happy": "joy"}), encoding="utf-8")
    with pytest.raises(CourseError, match="labels of 'happy'"):
        lexicons.parse_word_labels(path)
    path.write_text(json.dumps({"happy": ["joy", "positive"]}), encoding="utf-8")
    assert lexicons.parse_word_labels(path) == {"happy": frozenset({"joy", "positive"})}


def test_read_bolukbasi_refuses_other_json(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"race": {}}), encoding="utf-8")
    with pytest.raises(CourseError, match="not Bolukbasi"):
        lexicons.read_bolukbasi(path)
    path.write_text(json.dumps({"gender": {"definitional_pairs": []}}), encoding="utf-8")
    with pytest.raises(CourseError, match="lacks equalize_pairs, professions"):
        lexicons.read_bolukbasi(path)


def test_read_pang_lee_checks_labels(tmp_path, files):
    path = tmp_path / "reviews.cor"
    path.write_bytes("__label__pos très bien\n\n__label__neg bad\n".encode("latin-1"))
    assert lexicons.read_pang_lee(path) == ([["très", "bien"], ["bad"]], [1, 0])
    path.write_text("__label__pos fine\npositive fine\n", encoding="utf-8")
    with pytest.raises(CourseError, match="line 2: expected it to start with __label__pos"):
        lexicons.read_pang_lee(path)
    with pytest.raises(CourseError, match="no labelled sentences"):
        lexicons.read_pang_lee(files["empty"])
    with pytest.raises(CourseError, match="binary"):
        lexicons.read_pang_lee(files["binary"])


def test_load_googlenews_refuses_a_broken_file(tmp_path, files):
    path = tmp_path / "vectors.bin"
    path.write_bytes(b"2 3\ngood \x00\x00")
    with pytest.raises(CourseError, match="not a readable word2vec binary file"):
        lexicons.load_googlenews(path)
    with pytest.raises(CourseError, match="not a readable word2vec binary file"):
        lexicons.load_googlenews(files["empty"])
