"""Training helpers: the course's settings, the cached main model (lesson 02), and independent training
runs in other processes, one core each (lessons 06 and 08).

The lesson itself writes ``Word2Vec(...)``; this module only holds what several lessons share.
"""

import hashlib
import json
import multiprocessing
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

import gensim
from gensim.models import KeyedVectors, Word2Vec

from helpers import corpus
from helpers.errors import CourseError
from helpers.files import cache_dir, write_atomically
from helpers.notebook import SEED, GensimNoticeFilter
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


def _check_sentences(sentences, where, example="list(helpers.corpus.real_corpus())", empty_ok=False):
    """A CourseError unless ``sentences`` is a list of token lists (``where`` names the function asking)."""
    if not isinstance(sentences, list) or not (sentences or empty_ok):
        empty = " (empty)" if isinstance(sentences, list) else ""
        size = "a" if empty_ok else "a non-empty"
        raise CourseError(
            f"{where} needs {size} list of token lists, e.g. {example}; got {type(sentences).__name__}{empty}."
        )
    for number, sentence in enumerate(sentences, start=1):
        if not isinstance(sentence, list):
            raise CourseError(
                f"{where} needs a list of token lists, e.g. {example}; sentence {number} is a "
                f"{type(sentence).__name__}, not a list of tokens."
            )


def within_budget(sentences, settings, token_passes=TOKEN_PASSES, min_epochs=5):
    """Return ``(sentences, settings, note)`` that train in bounded time (own-text sections of lessons 02, 03).

    ``sentences`` is a list of token lists and ``settings`` a dict of Word2Vec settings with ``epochs``.
    A text whose tokens × epochs fit in ``token_passes`` comes back unchanged, with ``note`` ``None``.
    A larger one first gets fewer epochs (not below ``min_epochs``); if that is still too much, every
    k-th sentence is kept, spread evenly over the text. ``note`` then says, in one line, what changed.
    """
    _check_sentences(sentences, "within_budget", "helpers.corpus.load_my_sentences()", empty_ok=True)
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


# Independent runs (a sweep, a control with another seed) need nothing from each other, so they can train
# at the same time, each in its own Python process on its own core. Each run keeps workers=1 and its seed,
# so its vectors are bit-for-bit those it gets alone (lesson 13 shows why workers > 1 would lose that).
# "spawn" starts a fresh Python on every system. Linux's default "fork" copies the kernel's memory but only
# the thread that calls it, so a lock that another of the kernel's threads (OpenBLAS's, the I/O threads)
# held at that moment stays locked in the copy and can hang it. With spawn, what runs here is what runs on
# macOS and Windows. From a script, call these under `if __name__ == "__main__":` (each new process
# imports the script again).
def _start_training_process():
    """Runs once in each new training process: filter gensim's stray notice as ``setup_notebook`` does (in
    Jupyter a process's stderr shows under the running cell) and ignore Ctrl-C / the kernel's interrupt,
    which reaches every process of the kernel's group: the process that started the runs decides when to
    stop them. (On Linux and macOS the process already starts with the interrupt ignored: ``_submit``.)"""
    if not isinstance(sys.stderr, GensimNoticeFilter):
        sys.stderr = GensimNoticeFilter(sys.stderr)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _train_and_time(sentences, settings):
    """Runs in a training process: train, and measure that process's CPU seconds (other processes not counted)."""
    start = time.process_time()
    wv = Word2Vec(sentences, **settings).wv
    return wv, time.process_time() - start


def _defined_in_the_notebook(value):
    """True for a function or object written in a notebook cell (or a script): another process cannot
    import it, so it cannot be sent there."""
    if isinstance(value, list | tuple):
        return any(_defined_in_the_notebook(item) for item in value)
    return getattr(value, "__module__", None) == "__main__" or type(value).__module__ == "__main__"


def _check_settings(name, settings):
    if not isinstance(settings, dict):
        raise CourseError(f"The settings of run {name!r} must be a dict of Word2Vec settings, got {settings!r}.")
    epochs = settings.get("epochs", 5)
    if not is_whole_number(epochs) or epochs < 1:
        raise CourseError(f"Run {name!r}: epochs must be a whole number, 1 or more, got {epochs!r}.")
    for key, value in settings.items():
        if _defined_in_the_notebook(value):
            raise CourseError(
                f"Run {name!r}: its {key} was written in this notebook, and another process cannot use it. "
                "Train that run here instead, with Word2Vec(sentences, **settings)."
            )


def _pool(processes):
    return ProcessPoolExecutor(
        processes, mp_context=multiprocessing.get_context("spawn"), initializer=_start_training_process
    )


@contextmanager
def _interrupt_ignored():
    """Ignore Ctrl-C in this process for a moment, so that processes started meanwhile start with it ignored
    (they inherit it on Linux and macOS): an interrupt while one is still starting Python then cannot print
    its traceback. The moment is short; an interrupt is never held back longer than a submit takes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _submit(pool, sentences, settings):
    with _interrupt_ignored():
        return pool.submit(_train_and_time, sentences, dict(settings))


def _outcome(future, name, if_it_died):
    """``(vectors, cpu_seconds)`` of a finished run, or a CourseError saying what went wrong and what to do."""
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise CourseError(
            f"The process training run {name!r} stopped before it finished (interrupted, out of memory, or "
            f"killed). {if_it_died}"
        ) from error
    except Exception as error:  # gensim's own message: an unknown setting, no words above min_count ...
        raise CourseError(f"Run {name!r} failed: {type(error).__name__}: {error}. Check its settings.") from error


def _stop_now(pool):
    """Stop the pool's processes at once (an interrupted or failed sweep need not wait for runs going on)."""
    processes = getattr(pool, "_processes", None) or {}  # {pid: process} in CPython 3.11-3.14
    for process in list(processes.values()):
        process.terminate()


def train_in_processes(sentences, runs, processes=2):
    """Train one Word2Vec on ``sentences`` for each ``{name: settings}`` of ``runs``, ``processes`` at a time.

    A generator: loop over it (nothing starts before). It yields ``(name, vectors, cpu_seconds)`` as each
    run finishes (not in the order given); ``cpu_seconds`` is the CPU time of the process that trained it,
    so runs on other cores are not counted. With ``workers=1`` and a seed, a run gives the same vectors as
    ``Word2Vec(sentences, **settings)`` in this process. Runs with more epochs start first, so that a long
    run does not start last. Starting the processes costs about a second (each imports gensim). If a run
    fails or the loop is interrupted, the runs still going are stopped. Settings written in the notebook
    (a ``trim_rule`` function, ``callbacks``) cannot go to another process: train such a run here. From a
    script, call it under ``if __name__ == "__main__":`` (each new process imports the script again).
    """
    _check_sentences(sentences, "train_in_processes")
    if not isinstance(runs, dict) or not runs:
        raise CourseError(f"runs must be a non-empty dict {{name: settings}}, got {runs!r}.")
    for name, settings in runs.items():
        _check_settings(name, settings)
    if not is_whole_number(processes) or processes < 1:
        raise CourseError(
            f"processes must be a whole number, 1 or more (e.g. your number of cores), got {processes!r}."
        )
    longest_first = sorted(runs, key=lambda name: -runs[name].get("epochs", 5))
    with _pool(min(int(processes), len(runs))) as pool:
        futures = {}
        try:
            for name in longest_first:
                futures[_submit(pool, sentences, runs[name])] = name
            for future in as_completed(futures):
                advice = "Run the cell again; if it stops again, close other programs or pass processes=1."
                wv, seconds = _outcome(future, futures[future], advice)
                yield futures[future], wv, seconds
        except BaseException:  # a failed run, an interrupt, or a loop left early
            for future in futures:
                future.cancel()
            _stop_now(pool)
            raise


class Started:
    """One training run going on in another process (``start_training``); ``result()`` waits for it."""

    def __init__(self, future, name):
        self._future, self.name = future, name

    def done(self):
        return self._future.done()

    def result(self):
        """Wait for the run to finish; return ``(vectors, cpu_seconds)``."""
        return _outcome(self._future, self.name, "Run the cell that started it again.")


def start_training(sentences, settings, name="run"):
    """Start ``Word2Vec(sentences, **settings)`` in another process and return at once, a ``Started``.

    This process goes on with other work (on another core) while it trains; ``.result()`` waits for it and
    returns ``(vectors, cpu_seconds)``; with ``workers=1`` and a seed, the vectors training here would give.
    Settings written in the notebook (a ``trim_rule`` function, ``callbacks``) cannot go to another process.
    From a script, call it under ``if __name__ == "__main__":`` (each new process imports the script again).
    """
    _check_sentences(sentences, "start_training")
    _check_settings(name, settings)
    pool = _pool(1)
    future = _submit(pool, sentences, settings)
    pool.shutdown(wait=False)  # the run goes on; the process ends when it is done
    return Started(future, name)


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
