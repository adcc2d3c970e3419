"""Training helpers: the course's settings and the cached main model (lesson 02).

The lesson itself writes ``Word2Vec(...)``; this module only holds what several lessons share.
"""

import hashlib
import json

import gensim
from gensim.models import KeyedVectors, Word2Vec

from helpers import corpus
from helpers.errors import CourseError
from helpers.files import cache_dir, write_atomically
from helpers.notebook import SEED
from helpers.numeric import is_whole_number

# The course's main model on the real corpus, chosen by tools/research/full_sweep.py (lesson 06 shows a small
# version of it) on the tuning half of WordSim353 only: the best score among settings that train in at
# most a third of the time of the first version's settings (window 10, 7 epochs, learning rate 0.025),
# with the learning rate tuned for each. Skip-gram with hierarchical softmax, a wide window and a high
# learning rate for 2 epochs: about 4 s on one core.
MAIN_SETTINGS = dict(
    vector_size=100, window=10, min_count=5, sg=1, hs=1, negative=0, sample=1e-3, alpha=0.1, epochs=2, workers=1,
    seed=SEED,
)  # fmt: skip

# For a few hundred sentences of your own: keep every word, a small window and vector,
# and many passes over the little text there is.
TINY_SETTINGS = dict(
    vector_size=30, window=3, min_count=1, sg=1, negative=5, sample=0, epochs=100, workers=1, seed=SEED
)


def _settings_key(settings):
    text = json.dumps([settings, corpus.CORPUS_VERSION, gensim.__version__], sort_keys=True)
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def main_model_stem():
    """Return the file name stem of the cached main model: ``main-<hash of MAIN_SETTINGS, corpus and gensim>``."""
    return f"main-{_settings_key(MAIN_SETTINGS)}"


def train_main_model(**overrides):
    """Train Word2Vec on the real corpus with ``MAIN_SETTINGS`` (changed by ``overrides``); return the model."""
    # Half a million tokens fit in memory easily; not re-reading the file every epoch saves about a second.
    return Word2Vec(list(corpus.real_corpus()), **{**MAIN_SETTINGS, **overrides})


def load_main_vectors():
    """Return the main model's ``KeyedVectors``, training it (about 4 s of CPU) the first time.

    The vectors are cached in word2vec binary format under ``.cache/models/`` (not a pickle,
    so loading them runs no code); delete the folder to retrain.
    """
    folder = cache_dir("models")
    stem = main_model_stem()
    vectors_path, vocab_path = folder / f"{stem}.bin", folder / f"{stem}.vocab.txt"
    if vectors_path.exists() and vocab_path.exists():
        try:
            return KeyedVectors.load_word2vec_format(vectors_path, fvocab=vocab_path, binary=True)
        except Exception:  # noqa: BLE001 - our own cache, damaged: rebuild it below
            pass
    wv = train_main_model().wv
    _save_atomically(wv, vectors_path, vocab_path)
    return wv


def remember_main_model(model):
    """Keep ``model``'s vectors as the cached main model, so later lessons need not train it again.

    Only a model trained on ``real_corpus()`` with exactly ``MAIN_SETTINGS`` is kept (lesson 06
    trains that one); returns ``True`` if it was kept, ``False`` if the settings or corpus differ.
    """
    sentences = corpus.real_corpus()
    same_settings = all(
        getattr(model, name, None) == value for name, value in MAIN_SETTINGS.items() if name != "workers"
    )
    same_corpus = (model.corpus_count, model.corpus_total_words) == (
        len(sentences),
        sum(len(sentence) for sentence in sentences),
    )
    if not (same_settings and same_corpus):
        return False
    stem = main_model_stem()
    folder = cache_dir("models")
    _save_atomically(model.wv, folder / f"{stem}.bin", folder / f"{stem}.vocab.txt")
    return True


def _save_atomically(wv, vectors_path, vocab_path):
    """Write the cached vectors so a reader never sees half a file (the vocabulary first: a reader
    checks that the vectors file exists)."""
    with write_atomically(vectors_path) as tmp_vectors, write_atomically(vocab_path) as tmp_vocab:
        wv.save_word2vec_format(tmp_vectors, fvocab=tmp_vocab, binary=True)


# Own-text sections train on whatever a learner brings. A novel of a few MB with TINY_SETTINGS' 100 epochs
# would run for minutes; a million token-passes (tokens x epochs) take about two seconds on one core.
TOKEN_PASSES = 1_000_000


def within_budget(sentences, settings, token_passes=TOKEN_PASSES, min_epochs=5):
    """Return ``(sentences, settings, note)`` that train in bounded time (own-text sections of lessons 02, 03).

    ``sentences`` is a list of token lists and ``settings`` a dict of Word2Vec settings with ``epochs``.
    A text whose tokens × epochs fit in ``token_passes`` comes back unchanged, with ``note`` ``None``.
    A larger one first gets fewer epochs (not below ``min_epochs``); if that is still too much, every
    k-th sentence is kept, spread evenly over the text. ``note`` then says, in one line, what changed.
    """
    if not isinstance(sentences, list) or not all(isinstance(sentence, list) for sentence in sentences):
        raise CourseError(
            "within_budget needs a list of token lists, e.g. helpers.corpus.load_my_sentences(); "
            f"got {type(sentences).__name__}."
        )
    epochs = settings.get("epochs") if hasattr(settings, "get") else None
    if not is_whole_number(epochs) or epochs < 1:
        raise CourseError(f"settings must be a dict with a whole number of epochs (1 or more), got {settings!r}.")
    if not is_whole_number(token_passes) or token_passes < 1 or not is_whole_number(min_epochs) or min_epochs < 1:
        raise CourseError("token_passes and min_epochs must be whole numbers, 1 or more, e.g. 1_000_000 and 5.")
    tokens = sum(len(sentence) for sentence in sentences)
    if tokens * epochs <= token_passes:
        return sentences, dict(settings), None
    fewer = max(min(epochs, min_epochs), token_passes // max(tokens, 1))
    step = -(-tokens * fewer // token_passes)  # ceiling: keep every step-th sentence
    kept = sentences[::step] if step > 1 else sentences
    kept_tokens = sum(len(sentence) for sentence in kept)
    note = (
        f"Your text has {tokens:,} tokens: {epochs} passes over all of it would take too long.\n"
        f"Training makes {fewer} passes instead"
    )
    if step > 1:
        note += f", over one sentence in {step} ({kept_tokens:,} tokens)"
    return kept, {**settings, "epochs": int(fewer)}, note + "."


class Settings(dict):
    """A dict of Word2Vec settings that cannot be changed in place: the course's shared ``MAIN_SETTINGS``
    and ``TINY_SETTINGS``. ``Word2Vec(**settings)``, ``settings["epochs"]``, ``{**settings, "epochs": 2}``
    and ``settings.copy()`` (a plain dict) work; ``settings["epochs"] = 3`` raises ``CourseError``
    saying how to make a copy, so one lesson's change never leaks into later cells or the cache.
    """

    def _refuse(self, *args, **kwargs):
        raise CourseError(
            "These are the course's shared settings and stay as they are (later cells and the cached main "
            "model rely on them). Change a copy instead: settings = {**helpers.training.TINY_SETTINGS, "
            '"epochs": 3} (or MAIN_SETTINGS), then Word2Vec(sentences, **settings).'
        )

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self):
        return type(self), (dict(self),)  # copy.copy and pickle rebuild it without __setitem__


# Read-only from here on (the literals above stay plain dicts to read).
MAIN_SETTINGS = Settings(MAIN_SETTINGS)
TINY_SETTINGS = Settings(TINY_SETTINGS)
