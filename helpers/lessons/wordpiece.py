"""BERT's uncased WordPiece tokenizer in plain Python: text to pieces to ids (lesson 11).

- ``basic_tokens``: lowercased, accent-free words and punctuation marks (the first step);
- ``WordPieceTokenizer``: words cut into the longest pieces of a vocabulary, ``[CLS] ... [SEP]`` ids;
- ``read_vocab``: a ``vocab.txt`` (one piece a line) into a list.
"""

import unicodedata
from pathlib import Path

import numpy as np

from helpers.errors import CourseError

# sentence-transformers cuts inputs at 256 pieces for this model (sentence_bert_config.json), although
# the position table has 512 rows: it was trained on inputs of at most 128 pieces.
MAX_PIECES = 256
SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


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


def read_vocab(path, fix="check the path, or write the file again."):
    """Read a ``vocab.txt`` (UTF-8, one piece a line; the line number is the piece's id) into a list.

    Raises ``CourseError`` (ending with ``fix``) if the file cannot be read or is not UTF-8.
    """
    path = Path(path)
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
