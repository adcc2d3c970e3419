"""helpers.loading: loading models and vectors safely, with clear errors (lesson 03)."""

import gzip
import pickle

import numpy as np
import pytest
from gensim.models import Word2Vec

from helpers import CourseError, loading, storage

pytestmark = pytest.mark.usefixtures("tmp_output")  # every test gets its own empty output folder


# --- load_model / load_vectors ------------------------------------------------------------------------


def test_load_model_round_trip_can_keep_training(model):
    with storage.new_file("m.model") as path:
        model.save(path)
    loaded = loading.load_model("m.model")
    assert isinstance(loaded, Word2Vec)
    assert np.array_equal(loaded.wv.vectors, model.wv.vectors)
    more = [["the", "cat", "sleeps", "on", "the", "rug"]] * 5
    loaded.train(more, total_examples=len(more), epochs=1)


def test_load_model_refuses_a_pickle_the_course_did_not_write(model, tmp_path):
    elsewhere = tmp_path / "from_a_stranger.model"
    model.save(str(elsewhere))
    with pytest.raises(CourseError) as error:
        loading.load_model(elsewhere)
    message = str(error.value)
    assert "from_a_stranger.model" in message and "pickle" in message and "trust=True" in message
    assert "word2vec format" in message
    assert isinstance(loading.load_model(elsewhere, trust=True), Word2Vec)


def test_load_model_refuses_a_course_pickle_changed_since(model, output):
    with storage.new_file("m.model") as path:
        model.save(path)
    with open(output / "m.model", "ab") as out:
        out.write(b"\x00")
    with pytest.raises(CourseError, match="did not write this file"):
        loading.load_model("m.model")


def test_load_model_does_not_run_an_untrusted_pickle(tmp_path, capsys):
    class Loud:
        def __reduce__(self):
            return (print, ("RAN",))

    (tmp_path / "loud.model").write_bytes(pickle.dumps(Loud()))
    with pytest.raises(CourseError, match="pickle"):
        loading.load_model(tmp_path / "loud.model")
    assert "RAN" not in capsys.readouterr().out


def test_load_model_wrong_formats(model, save_binary):
    with storage.new_file("wv.kv") as path:
        model.wv.save(path)
    with pytest.raises(CourseError, match=r"holds KeyedVectors.*load_vectors"):
        loading.load_model("wv.kv")
    save_binary(model, "v.bin")
    with pytest.raises(CourseError, match=r"not a gensim save file \(it looks like word2vec binary\).*load_word2vec"):
        loading.load_model("v.bin")


def test_load_model_missing_empty_and_corrupt_files(model, output):
    with pytest.raises(CourseError, match="There is no file nothing.model"):
        loading.load_model("nothing.model")
    with storage.new_file("empty.model"):
        pass
    (output / "empty.model").write_bytes(b"")
    with pytest.raises(CourseError, match=r"empty \(0 bytes\)"):
        loading.load_model("empty.model", trust=True)
    with storage.new_file("cut.model") as path:
        model.save(path)
    data = (output / "cut.model").read_bytes()
    with storage.new_file("cut.model") as path:
        with open(path, "wb") as out:
            out.write(data[: len(data) // 2])
    with pytest.raises(CourseError, match="damaged"):
        loading.load_model("cut.model")


def test_load_model_of_a_pickle_that_is_not_gensim(output):
    with storage.new_file("dict.pkl") as path:
        with open(path, "wb") as out:
            pickle.dump({"a": 1}, out)
    with pytest.raises(CourseError, match="could not be loaded"):
        loading.load_model("dict.pkl")


def test_load_model_a_folder_is_not_a_file(output):
    (output / "folder").mkdir(parents=True)
    with pytest.raises(CourseError, match="is a folder"):
        loading.load_model("folder")


def test_load_vectors_memory_maps_and_names_a_missing_companion(model, output):
    with storage.new_file("wv.kv") as path:
        model.wv.save(path, separately=["vectors"])
    mapped = loading.load_vectors("wv.kv", mmap="r")
    assert isinstance(mapped.vectors, np.memmap) and not mapped.vectors.flags.writeable
    assert np.array_equal(mapped.vectors, model.wv.vectors)
    del mapped
    (output / "wv.kv.vectors.npy").unlink()
    with pytest.raises(CourseError, match=r"wv\.kv\.vectors\.npy, which is missing"):
        loading.load_vectors("wv.kv")


def test_load_vectors_refuses_a_full_model(model):
    with storage.new_file("m.model") as path:
        model.save(path)
    with pytest.raises(CourseError, match=r"full Word2Vec model.*load_model"):
        loading.load_vectors("m.model")


# --- load_word2vec ------------------------------------------------------------------------------------


def test_load_word2vec_text_and_binary_round_trips(model, output, save_binary):
    save_binary(model, "v.bin")
    with storage.new_file("v.txt") as path:
        model.wv.save_word2vec_format(path)
    for name in ("v.bin", "v.txt"):
        loaded = loading.load_word2vec(name)
        assert loaded.index_to_key == model.wv.index_to_key
        assert np.array_equal(loaded.vectors, model.wv.vectors)
    assert len(loading.load_word2vec("v.bin", limit=3)) == 3
    with gzip.open(output / "v.txt.gz", "wb") as out:
        out.write((output / "v.txt").read_bytes())
    assert np.array_equal(loading.load_word2vec("v.txt.gz").vectors, model.wv.vectors)


def test_load_word2vec_wrong_binary_flag(model, save_binary):
    save_binary(model, "v.bin")
    with storage.new_file("v.txt") as path:
        model.wv.save_word2vec_format(path)
    with pytest.raises(CourseError, match="binary=False was given: pass binary=True"):
        loading.load_word2vec("v.bin", binary=False)
    with pytest.raises(CourseError, match="binary=True was given: pass binary=False"):
        loading.load_word2vec("v.txt", binary=True)


def test_load_word2vec_wrong_formats(model, output):
    with storage.new_file("m.model") as path:
        model.save(path)
    with pytest.raises(CourseError, match=r"gensim save file \(a pickle\).*load_vectors"):
        loading.load_word2vec("m.model")
    (output / "story.txt").write_text("Once upon a time\nthere was a cat.\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"not in word2vec format \(it looks like plain text\).*'Once upon a time'"):
        loading.load_word2vec("story.txt")


def test_load_word2vec_missing_empty_and_corrupt_files(model, output, save_binary):
    with pytest.raises(CourseError, match="There is no file v.bin"):
        loading.load_word2vec("v.bin")
    (output / "empty.bin").write_bytes(b"")
    with pytest.raises(CourseError, match="is empty"):
        loading.load_word2vec("empty.bin")
    save_binary(model, "v.bin")
    data = (output / "v.bin").read_bytes()
    (output / "cut.bin").write_bytes(data[: len(data) // 2])
    with pytest.raises(CourseError, match="cut.bin is damaged: it ends before"):
        loading.load_word2vec("cut.bin")
    (output / "bad.txt").write_text("2 3\ncat 0.1 0.2 0.3\ndog 0.1 oops\n", encoding="utf-8")
    with pytest.raises(CourseError, match="bad.txt is damaged: some line"):
        loading.load_word2vec("bad.txt")
