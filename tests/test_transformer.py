"""Lesson 11's modules: helpers.lessons.wordpiece (the tokenizer), .safetensors (the weights reader),
.transformer (the NumPy encoder) and .contextual (a word's vectors across sentences).

The references in tests/data/ were made once with PyTorch and transformers by
tools/research/make_contextual_reference.py (see its docstring); this test needs neither.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from helpers import CourseError
from helpers.lessons import contextual, transformer, wordpiece
from helpers.lessons.safetensors import read_safetensors
from helpers.lessons.wordpiece import WordPieceTokenizer, read_vocab

DATA = Path(__file__).resolve().parent / "data"
REFERENCE = np.load(DATA.parent.parent / "data" / "minilm_reference.npz", allow_pickle=False)
PIECES = json.loads((DATA / "wordpiece_reference.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def model():
    return transformer.load_model()


@pytest.fixture(scope="module")
def tiny_tokenizer():
    vocab = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        "the",
        "bank",
        "river",
        "em",
        "##bed",
        "##ding",
        "##s",
        "'",
        "s",
        ",",
        "!",
        "cafe",
        "un",
    ]
    return WordPieceTokenizer(vocab, max_pieces=8)


# the tokenizer -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", PIECES["cases"], ids=lambda case: repr(case["text"][:20]))
def test_tokenizer_matches_the_original(model, case):
    assert model.tokenizer.tokenize(case["text"]) == case["pieces"]
    assert model.tokenizer.encode(case["text"], note=False).tolist() == case["encoded_ids"]


def test_accents_are_stripped_and_case_lowered(tiny_tokenizer):
    assert tiny_tokenizer.basic_tokens("CAFÉ Café café") == ["cafe", "cafe", "cafe"]
    assert tiny_tokenizer.basic_tokens("naïve façade") == ["naive", "facade"]


def test_punctuation_becomes_its_own_token(tiny_tokenizer):
    assert tiny_tokenizer.basic_tokens("the bank's, river!") == ["the", "bank", "'", "s", ",", "river", "!"]
    assert tiny_tokenizer.basic_tokens("$3.50 (x)") == ["$", "3", ".", "50", "(", "x", ")"]


def test_word_pieces_longest_match_first(tiny_tokenizer):
    assert tiny_tokenizer.tokenize("embeddings") == ["em", "##bed", "##ding", "##s"]


def test_unknown_words_become_unk(tiny_tokenizer, model):
    assert tiny_tokenizer.tokenize("zebra river") == ["[UNK]", "river"]
    assert tiny_tokenizer.word_pieces("x" * 101) == ["[UNK]"]
    assert model.tokenizer.tokenize("☃") == ["[UNK]"]


def test_control_characters_and_empty_text(tiny_tokenizer):
    assert tiny_tokenizer.tokenize("the\x00 \u200bbank\t\n") == ["the", "bank"]
    assert tiny_tokenizer.tokenize("") == []
    assert tiny_tokenizer.encode("   ", note=False).tolist() == [2, 3]


def test_long_input_is_cut_with_a_note(tiny_tokenizer, capsys):
    ids = tiny_tokenizer.encode("the bank " * 10)
    assert len(ids) == 8 and ids[0] == 2 and ids[-1] == 3
    note = capsys.readouterr().out
    assert "20 pieces" in note and "at most 6" in note and "last 14 are left out" in note
    tiny_tokenizer.encode("the bank " * 10, note=False)
    assert capsys.readouterr().out == ""


def test_long_input_cut_at_the_models_limit(model, capsys):
    ids = model.tokenizer.encode("word " * 300)
    assert len(ids) == wordpiece.MAX_PIECES == 256
    assert "the last 46 are left out" in capsys.readouterr().out


def test_tokenizer_refuses_bytes(tiny_tokenizer):
    with pytest.raises(CourseError, match="takes a str.*decode"):
        tiny_tokenizer.tokenize(b"the bank")


def test_vocabulary_needs_the_special_tokens():
    with pytest.raises(CourseError, match=r"no \[PAD\], \[UNK\]"):
        WordPieceTokenizer(["the", "bank"])


def test_read_vocab(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("[PAD]\nthe\n##s\n", encoding="utf-8")
    assert read_vocab(path) == ["[PAD]", "the", "##s"]
    path.write_bytes(b"caf\xe9\n")
    with pytest.raises(CourseError, match="not a UTF-8 vocabulary.*reinstall"):
        read_vocab(path, fix=transformer.REINSTALL)
    with pytest.raises(CourseError, match="Cannot read.*check the path"):
        read_vocab(tmp_path / "missing.txt")


# safetensors -----------------------------------------------------------------------------------


def write_safetensors(path, tensors, header_extra=None):
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        data = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header.update(header_extra or {})
    text = json.dumps(header).encode()
    path.write_bytes(len(text).to_bytes(8, "little") + text + b"".join(blobs))


def test_read_safetensors_round_trip(tmp_path):
    a, b = np.arange(6, dtype=np.float32).reshape(2, 3), np.array([1.5], dtype=np.float32)
    write_safetensors(tmp_path / "t.safetensors", {"a": a, "b": b}, {"__metadata__": {"format": "pt"}})
    tensors = read_safetensors(tmp_path / "t.safetensors")
    assert set(tensors) == {"a", "b"}
    np.testing.assert_array_equal(tensors["a"], a)
    np.testing.assert_array_equal(tensors["b"], b)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x05\x00",
        b"\xff" * 8 + b"{}",
        b"\x04\x00\x00\x00\x00\x00\x00\x00nope",
        b"\x02\x00\x00\x00\x00\x00\x00\x00[]",
    ],
)
def test_read_safetensors_refuses_damaged_files(tmp_path, content):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(content)
    with pytest.raises(CourseError, match="not a complete safetensors file.*reinstall"):
        read_safetensors(path, fix=transformer.REINSTALL)
    with pytest.raises(CourseError, match="not a complete safetensors file: check the file"):
        read_safetensors(path)


def test_read_safetensors_refuses_a_cut_file(tmp_path):
    path = tmp_path / "t.safetensors"
    write_safetensors(path, {"a": np.ones((4, 4), dtype=np.float32)})
    path.write_bytes(path.read_bytes()[:-8])
    with pytest.raises(CourseError, match="not a complete safetensors file"):
        read_safetensors(path)


def test_read_safetensors_missing_file(tmp_path):
    with pytest.raises(CourseError, match="Cannot read missing.safetensors"):
        read_safetensors(tmp_path / "missing.safetensors")


def test_model_path_checks_names():
    with pytest.raises(CourseError, match="reads only model.safetensors"):
        transformer.model_path("tokenizer.json")


# the encoder -----------------------------------------------------------------------------------


def test_model_shapes(model):
    assert (model.layers, model.heads, model.dim) == (6, 12, 384)
    assert model.piece_table.shape == (30522, 384) and model.piece_table.dtype == np.float32
    ids = model.tokenizer.encode("The bank of the river.")
    assert model.tokenizer.pieces_of(ids) == ["[CLS]", "the", "bank", "of", "the", "river", ".", "[SEP]"]
    states = model.hidden_states(ids)
    assert states.shape == (7, 8, 384) and states.dtype == np.float32
    new_x, weights = model.self_attention(model.embed(ids), 0)
    assert new_x.shape == (8, 384) and weights[0].shape == (12, 8, 8)
    np.testing.assert_allclose(weights[0].sum(axis=-1), 1, atol=1e-6)
    assert "6 layers, 12 heads, 384 numbers per token" in repr(model)


def test_token_vectors_agree_with_pytorch_at_every_layer(model):
    ids = REFERENCE["ids"][: REFERENCE["lengths"][0]]
    assert model.tokenizer.encode(str(REFERENCE["sentences"][0])).tolist() == ids.tolist()
    np.testing.assert_allclose(model.hidden_states(ids), REFERENCE["first_sentence_states"], atol=1e-5)


def test_sentence_vectors_agree_with_sentence_transformers(model):
    sentences = [str(s) for s in REFERENCE["sentences"]]
    bounds = np.cumsum([0, *REFERENCE["lengths"]])
    for sentence, a, b in zip(sentences, bounds[:-1], bounds[1:]):
        assert model.tokenizer.encode(sentence).tolist() == REFERENCE["ids"][a:b].tolist()
    vectors = model.embed_sentences(sentences)
    assert vectors.shape == (len(sentences), 384)
    np.testing.assert_allclose(vectors, REFERENCE["sentence_vectors"], atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-6)


def test_batch_equals_one_by_one(model):
    texts = ["A bank.", "The river bank was muddy after the rain."]
    batch = model.batch_hidden_states([model.tokenizer.encode(t) for t in texts])
    for text, states in zip(texts, batch):
        np.testing.assert_allclose(states, model.hidden_states(model.tokenizer.encode(text)), atol=1e-5)


def test_attention_by_hand():
    rng = np.random.default_rng(0)
    q, k, v = (rng.normal(size=(2, 3, 4)).astype(np.float32) for _ in range(3))
    out, weights = transformer.attention(q, k, v)
    scores = np.einsum("htd,hsd->hts", q, k) / 2.0
    expected = np.exp(scores) / np.exp(scores).sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(weights, expected, rtol=1e-5)
    np.testing.assert_allclose(out, expected @ v, rtol=1e-5)


def test_static_vector(model):
    table = model.piece_table
    np.testing.assert_array_equal(model.static_vector("bank"), table[model.tokenizer.index["bank"]])
    pieces = model.tokenizer.tokenize("embeddings")
    assert len(pieces) > 1
    np.testing.assert_allclose(
        model.static_vector("embeddings"), table[[model.tokenizer.index[p] for p in pieces]].mean(axis=0)
    )
    with pytest.raises(CourseError, match="has no pieces"):
        model.static_vector("  ")


@pytest.mark.parametrize("bad", [[], [[1, 2]], [-1, 5], [40000], np.array([1.5, 2.0])])
def test_encoder_refuses_bad_ids(model, bad):
    with pytest.raises(CourseError, match="piece ids|Piece ids"):
        model.hidden_states(bad)


def test_encoder_refuses_too_many_positions(model):
    with pytest.raises(CourseError, match="more than the 512 positions"):
        model.hidden_states(np.full(600, 1000))


def test_embed_sentences_needs_sentences(model):
    with pytest.raises(CourseError, match="at least one sentence"):
        model.embed_sentences([])
    assert model.embed_sentences("One sentence.").shape == (1, 384)


def test_missing_package_is_explained(monkeypatch):
    from importlib import metadata

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", not_installed)
    with pytest.raises(CourseError, match="not installed.*course.py"):
        transformer.load_model()


# word_states, sense_sentences, repeated_words ----------------------------------------------------


def test_word_states_picks_the_words_pieces(model):
    sentences = ["The bank of the river.", ["we", "love", "embeddings", "here"]]
    states = contextual.word_states(model, sentences[:1], "bank")
    assert states.shape == (1, 7, 384)
    np.testing.assert_allclose(states[0], model.hidden_states(model.tokenizer.encode(sentences[0]))[:, 2], atol=1e-6)
    pieces = contextual.word_states(model, [sentences[1]], "Embeddings")
    full = model.hidden_states(model.tokenizer.encode("we love embeddings here"))
    n = len(model.tokenizer.tokenize("embeddings"))
    np.testing.assert_allclose(pieces[0], full[:, 3 : 3 + n].mean(axis=1), atol=1e-6)


def test_word_states_explains_bad_input(model):
    with pytest.raises(CourseError, match="not a word of the sentence 'The banks"):
        contextual.word_states(model, ["The banks."], "bank")
    with pytest.raises(CourseError, match="Give one word"):
        contextual.word_states(model, ["The bank."], "river bank")
    with pytest.raises(CourseError, match="No sentences"):
        contextual.word_states(model, [], "bank")
    with pytest.raises(CourseError, match="does not read: use shorter sentences"):
        contextual.word_states(model, ["word " * 300 + "bank"], "bank")


def test_sense_sentences_are_balanced():
    rows = contextual.sense_sentences()
    words = {word for word, _, _ in rows}
    assert len(words) >= 5
    for word in words:
        senses = [sense for w, sense, _ in rows if w == word]
        assert len(set(senses)) == 2 and all(senses.count(s) >= 4 for s in set(senses))
    for word, _, sentence in rows:
        assert wordpiece.basic_tokens(sentence).count(word) == 1, sentence


def test_repeated_words():
    sentences = [["the", "bank", "was", "closed"], ["a", "river", "bank"], ["the", "river", "ran"], ["bank", "!"]]
    assert contextual.repeated_words(sentences) == [("bank", sentences[:2] + sentences[3:]), ("river", sentences[1:3])]
    assert contextual.repeated_words(sentences, n=1, min_sentences=3) == [("bank", sentences[:2] + sentences[3:])]
    with pytest.raises(CourseError, match="appears in 2 different sentences.*Add sentences"):
        contextual.repeated_words([["the", "cat"], ["a", "dog"]])
    with pytest.raises(CourseError, match="stopword"):
        contextual.repeated_words([["the", "a"], ["the", "of"]])
    with pytest.raises(CourseError):
        contextual.repeated_words([])


def test_repeated_words_counts_sentences_the_model_reads_whole():
    too_long = ["bank", "river"] + ["water"] * contextual.MAX_PIECES  # the model would not read it whole
    sentences = [["bank", "bank", "river"], ["river", "bank"], too_long, ["2024", "e-mail"], ["2024", "e-mail"]]
    # each sentence counts once, the long one not at all, and "2024" and "e-mail" are no words to compare
    assert contextual.repeated_words(sentences) == [("bank", sentences[:2]), ("river", sentences[:2])]


def test_layer_norm_and_gelu():
    x = np.array([[1.0, 2.0, 3.0, 6.0]], dtype=np.float32)
    normed = transformer.layer_norm(x, np.ones(4, np.float32), np.zeros(4, np.float32))
    np.testing.assert_allclose([normed.mean(), normed.var()], [0, 1], atol=1e-5)
    np.testing.assert_allclose(transformer.layer_norm(x, 2 * np.ones(4), np.ones(4)), 2 * normed + 1, atol=1e-5)
    values = transformer.gelu(np.array([-10.0, 0.0, 1.0, 10.0], dtype=np.float32))
    assert values.dtype == np.float32
    np.testing.assert_allclose(values, [0.0, 0.0, 0.8413447, 10.0], atol=1e-6)


def test_one_thread_restores_the_settings():
    from threadpoolctl import threadpool_info

    before = [pool["num_threads"] for pool in threadpool_info()]
    with transformer.one_thread():
        assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
    assert [pool["num_threads"] for pool in threadpool_info()] == before
