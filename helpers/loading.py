"""Loading saved vectors and models safely (lesson 03).

- ``load_model`` / ``load_vectors``: gensim's own format (``model.save``), which is a *pickle*: loading
  one runs whatever code it holds, so they load only files the course wrote unless ``trust=True``.
- ``load_word2vec``: the word2vec C format (text or binary), which holds only words and numbers.

A missing, empty, damaged or wrong-format file, or an untrusted pickle, raises ``CourseError``
with what to do next. gensim is imported inside the loaders: importing it takes about a second.
"""

from pathlib import Path

from helpers.errors import CourseError
from helpers.fileformats import GENSIM, PLAIN_TEXT, W2V_BINARY, guess_format
from helpers.storage import existing_file, is_course_file, output_file, shown_name


def _nonempty(name):
    path = existing_file(name)
    if path.stat().st_size == 0:
        raise CourseError(f"{shown_name(path)} is empty (0 bytes): saving it was probably interrupted. Save it again.")
    return path


def _check_trusted(path, trust):
    if trust or is_course_file(path):
        return
    raise CourseError(
        f"{shown_name(path)} is a gensim save file, which is a pickle: loading it runs any code its author put "
        "in it. The course did not write this file (or it changed since), so it is not loaded. If you "
        "made it yourself or trust where it came from, pass trust=True. To share vectors, use the "
        "word2vec format instead (wv.save_word2vec_format), which holds only words and numbers."
    )


def _load_gensim(name, trust, mmap, wanted):
    path = _nonempty(name)
    kind = guess_format(path)
    if not kind.startswith(GENSIM):
        loader = (
            "helpers.loading.load_word2vec" if kind.startswith(("word2vec", PLAIN_TEXT)) else "the tool that wrote it"
        )
        raise CourseError(
            f"{shown_name(path)} is not a gensim save file (it looks like {kind}): "
            f"{wanted} loads files written by .save(). Load this one with {loader}."
        )
    _check_trusted(path, trust)
    from gensim.utils import SaveLoad

    try:
        return SaveLoad.load(str(path), mmap=mmap)
    except FileNotFoundError as error:
        missing = Path(error.filename or "").name or "a .npy file"
        raise CourseError(
            f"{shown_name(path)} keeps part of its data in {missing}, which is missing: keep the "
            f"files that start with '{path.name}.' next to it (copy them together)."
        ) from None
    except Exception as error:  # noqa: BLE001 - any failure while unpickling means the file is damaged
        raise CourseError(
            f"{shown_name(path)} could not be loaded: it is damaged (cut short or changed) or was "
            f"saved by a very different gensim version ({type(error).__name__}). Save it "
            "again from the model."
        ) from None


def load_model(name, trust=False, mmap=None):
    """Load a full ``Word2Vec`` model saved with ``model.save(path)``; it can keep training.

    ``name`` is relative to ``output/`` or an absolute path. The file is a pickle, so it is loaded
    only if the course wrote it, or with ``trust=True``. ``mmap="r"`` memory-maps arrays that were
    saved in separate ``.npy`` files. Raises ``CourseError`` for a missing, empty, damaged or
    untrusted file, or one that holds something else.
    """
    from gensim.models import KeyedVectors, Word2Vec

    model = _load_gensim(name, trust, mmap, "load_model")
    if isinstance(model, KeyedVectors):
        raise CourseError(
            f"{shown_name(output_file(name))} holds KeyedVectors (vectors only), not a full model: "
            "load it with helpers.loading.load_vectors. Vectors alone cannot train further."
        )
    if not isinstance(model, Word2Vec):
        raise CourseError(f"{shown_name(output_file(name))} holds a {type(model).__name__}, not a Word2Vec model.")
    return model


def load_vectors(name, trust=False, mmap=None):
    """Load ``KeyedVectors`` saved with ``wv.save(path)`` (query only: look-ups and neighbours).

    Same rules as ``load_model``. With ``mmap="r"``, vectors saved in a separate ``.npy`` file
    (``wv.save(path, separately=["vectors"])``) are read from disk on demand, read-only.
    """
    from gensim.models import KeyedVectors, Word2Vec

    wv = _load_gensim(name, trust, mmap, "load_vectors")
    if isinstance(wv, Word2Vec):
        raise CourseError(
            f"{shown_name(output_file(name))} holds a full Word2Vec model: load it with "
            "helpers.loading.load_model and use its .wv for the vectors."
        )
    if not isinstance(wv, KeyedVectors):
        raise CourseError(f"{shown_name(output_file(name))} holds a {type(wv).__name__}, not KeyedVectors.")
    return wv


def load_word2vec(name, binary=None, limit=None):
    """Load ``KeyedVectors`` from the word2vec C format (what ``wv.save_word2vec_format`` writes).

    ``binary=None`` detects text or binary from the file; ``limit`` keeps only the first (most
    frequent) words. These files hold only words and numbers, so loading runs no code. Raises
    ``CourseError`` for a missing, empty or damaged file, a wrong ``binary`` flag, or another format.
    """
    from gensim.models import KeyedVectors

    path = _nonempty(name)
    kind = guess_format(path)
    shown = shown_name(path)
    if kind.startswith(GENSIM):
        raise CourseError(
            f"{shown} is a gensim save file (a pickle), not word2vec format: load it with "
            "helpers.loading.load_vectors (only if you made it yourself)."
        )
    if not kind.startswith("word2vec"):
        with open(path, "rb") as data:
            first = data.readline(60).decode("utf-8", "replace").strip()
        raise CourseError(
            f"{shown} is not in word2vec format (it looks like {kind}): the first line of a "
            f"word2vec file gives the number of words and of dimensions, e.g. '8931 100', "
            f"but this one starts {first!r}."
        )
    is_binary = kind.startswith(W2V_BINARY)
    if binary is not None and bool(binary) != is_binary:
        raise CourseError(
            f"{shown} is in {kind} format, but binary={binary!r} was given: pass "
            f"binary={is_binary} (or leave binary out to detect it)."
        )
    try:
        return KeyedVectors.load_word2vec_format(str(path), binary=is_binary, limit=limit)
    except EOFError:
        raise CourseError(
            f"{shown} is damaged: it ends before all the words its first line announces "
            "(the file was cut short). Save it again, or get a complete copy."
        ) from None
    except (ValueError, UnicodeDecodeError, AssertionError):
        raise CourseError(
            f"{shown} is damaged: some line does not hold a word followed by the announced "
            "number of values. Save it again, or get a fresh copy."
        ) from None
