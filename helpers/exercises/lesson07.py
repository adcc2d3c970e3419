"""Checks for lesson 07 · Rare words with FastText.

gensim is imported inside the check that uses it: importing it takes about a second.
"""

from pathlib import Path

from helpers.exercises import not_yet, right
from helpers.files import output_dir
from helpers.lessons.subwords import char_ngrams
from helpers.numeric import is_number, is_whole_number

PICKLE_START = b"\x80"  # every pickle of protocol 2 or later starts with this byte
FACEBOOK_MAGIC = (793712314).to_bytes(4, "little")  # first 4 bytes of a Facebook FastText .bin


def check_bucket(bucket, vector_size=100, budget_mb=20):
    """Is ``bucket`` the largest number of n-gram rows whose matrix fits in ``budget_mb`` megabytes?

    A row holds ``vector_size`` float32 numbers (4 bytes each); 1 MB is 1,000,000 bytes.
    Answers within 10 % below the largest size count as right.
    """
    if is_number(bucket) and not is_whole_number(bucket) and float(bucket).is_integer() and bucket >= 1:
        return not_yet(
            f"bucket is {bucket!r}, a float: gensim needs a whole number (an int) of rows. "
            "Divide with // or wrap the result in int(...)."
        )
    if not is_whole_number(bucket, minimum=1):
        return not_yet(f"bucket must be a positive whole number of rows, got {bucket!r}.")
    size_mb = bucket * vector_size * 4 / 1_000_000
    largest = int(budget_mb * 1_000_000 // (vector_size * 4))
    if bucket > largest:
        return not_yet(
            f"{bucket:,} rows × {vector_size} numbers × 4 bytes = {size_mb:,.1f} MB, over the "
            f"{budget_mb} MB budget. Divide the budget in bytes by the bytes of one row."
        )
    if bucket < 0.9 * largest:
        return not_yet(
            f"{bucket:,} rows take {size_mb:,.1f} MB: it fits, but the budget allows more rows, "
            "and more rows mean fewer n-grams sharing one. Divide the budget in bytes by "
            "the bytes of one row."
        )
    if bucket == largest:
        return right(
            f"{bucket:,} rows × {vector_size} numbers × 4 bytes = {size_mb:,.1f} MB: "
            f"the most that fits in {budget_mb} MB."
        )
    return right(
        f"{bucket:,} rows × {vector_size} numbers × 4 bytes = {size_mb:,.1f} MB: it fits, within 10 % of the "
        f"largest, {largest:,} rows."
    )


def check_shareable(path, unseen_word="goverment"):
    """Is the file at ``path`` a FastText model a colleague can load without a pickle and still
    ask for a word that was never seen (``unseen_word``)? Facebook's ``.bin`` format is.
    """
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = output_dir() / path  # a name such as "lesson07/fasttext_shared.bin", as new_file takes
    if not path.is_file():
        return not_yet(f"There is no file at {path.name!r} yet: save the model first, then check.")
    with open(path, "rb") as file:
        start = file.read(4)
    if start.startswith(PICKLE_START):
        return not_yet(
            "This file is a pickle (what model.save() writes): loading it can run code, so a "
            "colleague should not load it. Facebook's own fastText tool has a binary format that keeps "
            "the n-grams: look in gensim.models.fasttext for a function that saves to it."
        )
    if start != FACEBOOK_MAGIC:
        if start[:1].isdigit():
            return not_yet(
                "This looks like the word2vec format: it keeps whole words only, so unseen words "
                "have no vector after loading. Facebook's own fastText tool has a binary format that keeps "
                "the n-grams: look in gensim.models.fasttext for a function that saves to it."
            )
        return not_yet(
            "This is not a FastText model file: save it with gensim.models.fasttext.save_facebook_model(model, path)."
        )
    from gensim.models.fasttext import load_facebook_vectors

    try:
        _check_words_complete(path)
        wv = load_facebook_vectors(path)
    except Exception:  # noqa: BLE001 - any failure means the file is damaged or incomplete
        return not_yet(
            f"{path.name} starts like a Facebook FastText file but cannot be read (cut short?): save it again."
        )
    if unseen_word in wv.key_to_index:
        return right(f"{path.name} loads without a pickle ({unseen_word!r} is even in its vocabulary).")
    if not wv.bucket:
        return not_yet(
            f"{path.name} loads, but the model was trained without n-grams (bucket=0), so it "
            f"has no vector for the unseen {unseen_word!r}."
        )
    return right(
        f"{path.name} loads without a pickle, keeps {len(wv.index_to_key):,} words and "
        f"{wv.bucket:,} n-gram rows, and builds a vector for the unseen {unseen_word!r}."
    )


def check_share_kept(share_kept):
    """Does ``share_kept(word, typo)`` return the share of ``word``'s distinct n-grams (3 to 5
    letters) that ``typo`` still has, a number from 0 to 1?
    """
    if not callable(share_kept):
        return not_yet(f"share_kept should be a function, got {type(share_kept).__name__}.")
    cases = [
        ("government", "goverment"),
        ("running", "runnign"),
        ("cat", "dog"),
        ("where", "where"),
        ("banana", "bananna"),  # "ana" and "nan" occur twice in the word: a list would count them twice
    ]
    for word, typo in cases:
        pieces = set(char_ngrams(word, 3, 5))
        expected = len(pieces & set(char_ngrams(typo, 3, 5))) / len(pieces)
        try:
            answer = share_kept(word, typo)
        except Exception as error:  # noqa: BLE001 - the learner's code: report, do not crash
            return not_yet(f"share_kept({word!r}, {typo!r}) raised {type(error).__name__}: {error}")
        if not is_number(answer):
            return not_yet(f"share_kept({word!r}, {typo!r}) returned {answer!r}: return a number from 0 to 1.")
        if abs(answer - expected) > 1e-6:  # float32 answers are right too
            return not_yet(
                f"share_kept({word!r}, {typo!r}) returned {answer:.3f}, expected {expected:.3f}: "
                "count the distinct n-grams of the word (a set) that the typo also has, and "
                "divide by the number of distinct n-grams of the word."
            )
    return right("share_kept counts the pieces a typo keeps.")


class _ExactReads:
    """A file whose ``read(n)`` raises ``EOFError`` when fewer than ``n`` bytes are left."""

    def __init__(self, file, name):
        self.file, self.name = file, name

    def read(self, size=-1):
        data = self.file.read(size)
        if size is not None and size > 0 and len(data) < size:
            raise EOFError(f"{self.name} ends early")
        return data


def _check_words_complete(path):
    """Read the header and the words of a Facebook FastText file; raise ``EOFError`` if it ends among them.

    gensim 4.4.0 reads each word byte by byte until a zero byte and never stops at the end of the file,
    so loading a file cut inside its words would never return; the number matrices after the words
    raise an error when cut. This reads the same fields with gensim's own readers (4.4.0's private
    ``_fasttext_bin`` module, pinned in requirements.txt), stopping at the end of the file.
    """
    from gensim.models import _fasttext_bin as fasttext_bin

    with open(path, "rb") as file:
        reader = _ExactReads(file, path.name)
        magic, _version = fasttext_bin._struct_unpack(reader, "@2i")
        new_format = magic == fasttext_bin._FASTTEXT_FILEFORMAT_MAGIC
        for _name, fmt in fasttext_bin._NEW_HEADER_FORMAT if new_format else fasttext_bin._OLD_HEADER_FORMAT:
            fasttext_bin._struct_unpack(reader, fmt)
        fasttext_bin._load_vocab(reader, new_format)
