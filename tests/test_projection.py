"""Unit tests for helpers.lessons.projection (lesson 05): word groups, perplexity, neighbours kept, Projector files."""

import numpy as np
import pytest
from gensim.models import KeyedVectors

from helpers import CourseError
from helpers.lessons.projection import (
    MIN_TSNE_POINTS,
    PROJECTOR_DECIMALS,
    export_projector,
    group_vectors,
    neighbours_kept,
    read_projector,
    valid_perplexity,
)

WORDS = ["january", "february", "march", "two", "three", "four", "france", "spain"]


@pytest.fixture
def wv():
    rng = np.random.default_rng(0)
    vectors = KeyedVectors(vector_size=4)
    vectors.add_vectors(WORDS, rng.normal(size=(len(WORDS), 4)).astype(np.float32))
    return vectors


@pytest.fixture
def exported(tmp_path):
    rng = np.random.default_rng(1)
    words = [f"word{i}" for i in range(6)] + ["café", "straße"]
    vectors = rng.normal(size=(len(words), 5))
    paths = export_projector(words, vectors, tmp_path / "projector")
    return words, vectors, paths


# --- group_vectors -------------------------------------------------------------------------------


def test_group_vectors_keeps_order_groups_and_vectors(wv):
    words, groups, vectors = group_vectors(wv, {"months": ["march", "january"], "numbers": ["two"]})
    assert words == ["march", "january", "two"]
    assert groups == ["months", "months", "numbers"]
    assert vectors.shape == (3, 4)
    np.testing.assert_allclose(vectors[1], wv["january"])


def test_group_vectors_unknown_word_names_it_and_suggests(wv):
    with pytest.raises(CourseError, match="'januray' is not in the vocabulary") as error:
        group_vectors(wv, {"months": ["januray", "march"]})
    assert "january" in str(error.value)


def test_group_vectors_lists_every_unknown_word(wv):
    with pytest.raises(CourseError) as error:
        group_vectors(wv, {"months": ["march", "mai"], "animals": ["zebra", "febuary"]})
    message = str(error.value)
    assert message.startswith("3 words are not in the vocabulary")
    assert "'mai'" in message and "'zebra'" in message and "'febuary' (close: february)" in message


def test_group_vectors_capitalised_word_explains_lowercase(wv):
    with pytest.raises(CourseError, match="lowercase"):
        group_vectors(wv, {"countries": ["France"]})


def test_group_vectors_rejects_a_word_in_two_groups(wv):
    with pytest.raises(CourseError, match=r"'march' is listed twice \(in 'months' and 'verbs'\)"):
        group_vectors(wv, {"months": ["march"], "verbs": ["march"]})


@pytest.mark.parametrize("groups", [{}, ["march", "two"], "march", None])
def test_group_vectors_rejects_what_is_not_a_dict(wv, groups):
    with pytest.raises(CourseError, match="must be a dict"):
        group_vectors(wv, groups)


@pytest.mark.parametrize("members", ["march", [], None])
def test_group_vectors_rejects_a_group_that_is_not_a_list_of_words(wv, members):
    with pytest.raises(CourseError, match="Group 'months' must be a non-empty list"):
        group_vectors(wv, {"months": members})


# --- valid_perplexity ----------------------------------------------------------------------------


def test_valid_perplexity_keeps_a_value_that_fits(capsys):
    assert valid_perplexity(100, 30) == 30.0
    assert capsys.readouterr().out == ""


def test_valid_perplexity_lowers_and_says_so(capsys):
    assert valid_perplexity(58, 30) == 18.9
    printed = capsys.readouterr().out
    assert "perplexity 30 is too high for 58 points" in printed and "using 18.9 instead" in printed


@pytest.mark.parametrize("n_points", range(MIN_TSNE_POINTS, 120))
def test_valid_perplexity_always_fits_the_rule(n_points, capsys):
    chosen = valid_perplexity(n_points, wanted=50)
    assert chosen > 0 and 3 * chosen < n_points - 1 and chosen < n_points


def test_valid_perplexity_smallest_case():
    assert valid_perplexity(MIN_TSNE_POINTS, 30) == 1.3


@pytest.mark.parametrize("n_points", [0, 1, 2, 3, 4])
def test_valid_perplexity_too_few_points(n_points):
    with pytest.raises(CourseError, match=f"at least {MIN_TSNE_POINTS} points to arrange, got {n_points}"):
        valid_perplexity(n_points)


@pytest.mark.parametrize("wanted", [0, -5, "30", None, True])
def test_valid_perplexity_rejects_a_bad_perplexity(wanted):
    with pytest.raises(CourseError, match="perplexity must be a number above 0"):
        valid_perplexity(50, wanted)


@pytest.mark.parametrize("n_points", [50.0, "50", None])
def test_valid_perplexity_rejects_a_bad_point_count(n_points):
    with pytest.raises(CourseError, match="n_points must be a whole number"):
        valid_perplexity(n_points)


# --- neighbours_kept -----------------------------------------------------------------------------


def _two_clusters():
    vectors = np.array([[1, 0.1, 0], [1, 0.2, 0], [1, 0, 0.1], [0, 1, 0.1], [0.1, 1, 0], [0, 1, 0.2]])
    points = np.array([[0, 0], [0.1, 0], [0, 0.1], [5, 5], [5.1, 5], [5, 5.1]])
    return vectors, points


def test_neighbours_kept_is_one_when_clusters_survive():
    vectors, points = _two_clusters()
    assert neighbours_kept(vectors, points, k=2) == 1.0


def test_neighbours_kept_drops_when_the_map_mixes_clusters():
    vectors, points = _two_clusters()
    mixed = points[[0, 3, 1, 4, 2, 5]]
    assert neighbours_kept(vectors, mixed, k=2) < 0.5


def test_neighbours_kept_rejects_mismatched_shapes():
    vectors, points = _two_clusters()
    with pytest.raises(CourseError, match="one row per word"):
        neighbours_kept(vectors, points[:4])


@pytest.mark.parametrize("k", [0, 6, 2.5, True])
def test_neighbours_kept_rejects_a_bad_k(k):
    vectors, points = _two_clusters()
    with pytest.raises(CourseError, match="k must be a whole number from 1 to 5"):
        neighbours_kept(vectors, points, k=k)


# --- export_projector / read_projector: round trip -------------------------------------------------


def test_export_then_read_gives_the_same_words_and_vectors(exported):
    words, vectors, (vectors_path, metadata_path) = exported
    assert (vectors_path.name, metadata_path.name) == ("vectors.tsv", "metadata.tsv")
    loaded = read_projector(vectors_path, metadata_path)
    assert loaded.words == words and loaded.groups is None
    assert loaded.vectors.shape == vectors.shape
    assert np.abs(loaded.vectors - vectors).max() <= 0.5 * 10**-PROJECTOR_DECIMALS + 1e-12


def test_export_writes_tab_separated_numbers_and_one_word_a_line(exported):
    words, vectors, (vectors_path, metadata_path) = exported
    first = vectors_path.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert len(first) == vectors.shape[1]
    assert all(len(field.split(".")[1]) == PROJECTOR_DECIMALS for field in first)
    assert metadata_path.read_text(encoding="utf-8").splitlines() == words


def test_export_with_groups_writes_a_header_and_reads_back(tmp_path):
    vectors = np.eye(3)
    vectors_path, metadata_path = export_projector(["a", "b", "c"], vectors, tmp_path, groups=["x", "x", "y"])
    assert metadata_path.read_text(encoding="utf-8").splitlines() == ["word\tgroup", "a\tx", "b\tx", "c\ty"]
    loaded = read_projector(vectors_path, metadata_path)
    assert loaded.words == ["a", "b", "c"] and loaded.groups == ["x", "x", "y"]
    np.testing.assert_array_equal(loaded.vectors, vectors)


def test_export_leaves_other_files_in_the_folder_alone(tmp_path):
    mine = tmp_path / "notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    export_projector(["a"], [[1.0, 2.0]], tmp_path)
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_read_accepts_trailing_blank_lines_and_a_bom(tmp_path):
    (tmp_path / "v.tsv").write_text("\ufeff1.5\t2\n3\t4\n\n\n", encoding="utf-8")
    (tmp_path / "m.tsv").write_text("one\ntwo\n\n", encoding="utf-8")
    loaded = read_projector(tmp_path / "v.tsv", tmp_path / "m.tsv")
    assert loaded.words == ["one", "two"]
    np.testing.assert_array_equal(loaded.vectors, [[1.5, 2], [3, 4]])


# --- export_projector: bad input -----------------------------------------------------------------


def test_export_rejects_mismatched_words_and_vectors(tmp_path):
    with pytest.raises(CourseError, match="got 2 words and vectors of shape \\(3, 2\\)"):
        export_projector(["a", "b"], np.ones((3, 2)), tmp_path)


def test_export_rejects_nothing_to_export(tmp_path):
    with pytest.raises(CourseError, match="one vector"):
        export_projector([], np.ones((0, 2)), tmp_path)


def test_export_rejects_nan(tmp_path):
    with pytest.raises(CourseError, match="NaN or infinity"):
        export_projector(["a", "b"], [[1.0, np.nan], [0.0, 1.0]], tmp_path)
    assert not (tmp_path / "vectors.tsv").exists()


@pytest.mark.parametrize("bad", ["tab\tword", "line\nbreak", "", "   ", 7])
def test_export_rejects_words_that_would_break_the_format(tmp_path, bad):
    with pytest.raises(CourseError, match="without tabs or line breaks"):
        export_projector(["ok", bad], np.ones((2, 2)), tmp_path)


def test_export_rejects_one_group_too_few(tmp_path):
    with pytest.raises(CourseError, match="got 1 groups for 2 words"):
        export_projector(["a", "b"], np.ones((2, 2)), tmp_path, groups=["x"])


# --- read_projector: missing, corrupt and wrongly formatted files ---------------------------------


def test_read_missing_vectors_file(tmp_path, exported):
    _, _, (_, metadata_path) = exported
    with pytest.raises(CourseError, match="No vectors file at .*nothing.tsv: run the export cell"):
        read_projector(tmp_path / "nothing.tsv", metadata_path)


def test_read_missing_metadata_file(tmp_path, exported):
    _, _, (vectors_path, _) = exported
    with pytest.raises(CourseError, match="No metadata file at"):
        read_projector(vectors_path, tmp_path / "nothing.tsv")


def test_read_a_folder_instead_of_a_file(tmp_path, exported):
    _, _, (_, metadata_path) = exported
    with pytest.raises(CourseError, match="is a folder"):
        read_projector(tmp_path, metadata_path)


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_read_empty_file(tmp_path, exported, content):
    _, _, (_, metadata_path) = exported
    (tmp_path / "empty.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(CourseError, match="empty.tsv is empty"):
        read_projector(tmp_path / "empty.tsv", metadata_path)


def test_read_word2vec_binary_file_is_the_wrong_format(tmp_path, wv, exported):
    _, _, (_, metadata_path) = exported
    wv.save_word2vec_format(tmp_path / "model.bin", binary=True)
    with pytest.raises(CourseError, match="model.bin looks like a binary file, not text: run the export cell"):
        read_projector(tmp_path / "model.bin", metadata_path)


def test_read_word2vec_text_file_is_the_wrong_format(tmp_path, wv, exported):
    _, _, (_, metadata_path) = exported
    wv.save_word2vec_format(tmp_path / "model.txt", binary=False)
    with pytest.raises(CourseError, match="starts with '8 4': this looks like word2vec text format"):
        read_projector(tmp_path / "model.txt", metadata_path)


def test_read_words_inside_the_vectors_file(tmp_path, exported):
    _, _, (_, metadata_path) = exported
    (tmp_path / "v.tsv").write_text("cat\t0.1\t0.2\ndog\t0.3\t0.4\n", encoding="utf-8")
    with pytest.raises(CourseError, match="Line 1 of v.tsv, column 1: 'cat' is not a number.*metadata.tsv"):
        read_projector(tmp_path / "v.tsv", metadata_path)


@pytest.mark.parametrize("separator", [",", " ", ";"])
def test_read_comma_or_space_separated_file_is_the_wrong_format(tmp_path, exported, separator):
    _, _, (_, metadata_path) = exported
    (tmp_path / "v.csv").write_text(
        f"0.1{separator}0.2{separator}0.3\n0.4{separator}0.5{separator}0.6\n", encoding="utf-8"
    )
    with (
        pytest.raises(CourseError, match="Line 1 of v.csv has no tabs")
        if separator != ";"
        else pytest.raises(CourseError, match="'0.1;0.2;0.3' is not a number")
    ):
        read_projector(tmp_path / "v.csv", metadata_path)


def test_read_corrupt_number(tmp_path, exported):
    _, _, (vectors_path, metadata_path) = exported
    lines = vectors_path.read_text(encoding="utf-8").splitlines()
    fields = lines[2].split("\t")
    fields[3] = "0.12x4"
    lines[2] = "\t".join(fields)
    vectors_path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(
        CourseError, match="Line 3 of vectors.tsv, column 4: '0.12x4' is not a number, so the file is damaged"
    ):
        read_projector(vectors_path, metadata_path)


def test_read_row_cut_short(tmp_path, exported):
    _, _, (vectors_path, metadata_path) = exported
    text = vectors_path.read_text(encoding="utf-8")
    vectors_path.write_text(text[: text.rindex("\t")], encoding="utf-8")  # the last row loses a number
    with pytest.raises(CourseError, match="Line 8 of vectors.tsv has 4 numbers but line 1 has 5"):
        read_projector(vectors_path, metadata_path)


def test_read_nan_in_file(tmp_path, exported):
    _, _, (_, metadata_path) = exported
    (tmp_path / "v.tsv").write_text("0.1\tnan\n", encoding="utf-8")
    with pytest.raises(CourseError, match="NaN or infinity"):
        read_projector(tmp_path / "v.tsv", metadata_path)


def test_read_not_utf8(tmp_path, exported):
    _, _, (vectors_path, _) = exported
    (tmp_path / "m.tsv").write_bytes("caf\u00e9\n".encode("latin-1"))
    with pytest.raises(CourseError, match="m.tsv is not UTF-8 text: byte 0xe9 at position 3 cannot be read: run the"):
        read_projector(vectors_path, tmp_path / "m.tsv")


def test_read_metadata_with_a_missing_line(exported):
    words, _, (vectors_path, metadata_path) = exported
    metadata_path.write_text("\n".join(words[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(CourseError, match="metadata.tsv has 7 words but vectors.tsv has 8 rows: they must match"):
        read_projector(vectors_path, metadata_path)


def test_read_metadata_with_a_ragged_row(tmp_path):
    vectors_path, metadata_path = export_projector(["a", "b"], np.eye(2), tmp_path, groups=["x", "y"])
    metadata_path.write_text("word\tgroup\na\tx\nb\n", encoding="utf-8")
    with pytest.raises(CourseError, match="Line 3 of metadata.tsv has 1 columns but the header has 2"):
        read_projector(vectors_path, metadata_path)


def test_read_single_column_metadata_with_a_stray_tab(tmp_path):
    vectors_path, metadata_path = export_projector(["a", "b", "c"], np.eye(3), tmp_path)
    metadata_path.write_text("a\nb\tx\nc\n", encoding="utf-8")
    with pytest.raises(CourseError, match="Line 2 of metadata.tsv has 2 columns but line 1 has 1"):
        read_projector(vectors_path, metadata_path)
