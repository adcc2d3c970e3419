"""Shared code for the course *Word Embeddings, hands on*.

Lessons do ``import helpers`` and then ``helpers.setup_notebook()``. Importing changes nothing
global and is cheap: each submodule (``helpers.corpus``, ``helpers.training``, ...) is imported
the first time a lesson uses it.

Modules are nouns, functions verbs; each module holds one idea. From the bottom layer up (a module
imports only from the layers below it, at the top of the file):

- ``helpers.errors``      - ``CourseError``, the one exception a learner's mistake raises
- ``helpers.paths``       - where data, outputs and caches live
- ``helpers.numeric``     - whole-number checks, lists of numbers, rounding for print
- ``helpers.notebook``    - ``setup_notebook()``, the one switch a lesson flips; it also hides gensim's
  harmless ``our_dot_float`` notice (gensim #3642) from stderr
- ``helpers.datapackages`` - files inside data packages, found by path and checked by sha256 (never imported)
- ``helpers.files``       - reading text files (UTF-8, or UTF-16 with a byte-order mark), gensim's bundled
  data files, writing a file atomically (lesson 01)
- ``helpers.words``       - counting words, stopwords, and the one way to pick example words (lesson 01)
- ``helpers.corpus``      - tokenizing, the learner's own text, streaming, the real corpus (lesson 01)
- ``helpers.training``    - training callbacks and the course's main model settings (lesson 02)
- ``helpers.vocab``       - word look-ups that explain a missing word (lesson 02 and later)
- ``helpers.storage``     - saving without replacing your files: which files the course wrote (lesson 03)
- ``helpers.fileformats`` - what a saved file holds and how big it is (lesson 03)
- ``helpers.loading``     - loading models and vectors safely: pickles only if trusted (lesson 03)
- ``helpers.vectors``     - analogies, norms and frequency, how far words moved (lessons 03-04)
- ``helpers.plotting``    - figures that return their Axes (every lesson)
- ``helpers.projection``  - word groups, t-SNE perplexity, Embedding Projector export (lesson 05)
- ``helpers.evaluation``  - similarity and analogy benchmarks with coverage (lesson 06)
- ``helpers.subwords``    - character n-grams and FastText comparisons (lesson 07)
- ``helpers.scratch``     - vectors trained without gensim: scoring, side-by-side tables (lesson 08)
- ``helpers.lexicons``    - pretrained vectors and word lists read from data packages (lesson 09)
- ``helpers.directions``  - held-out splits by stem, coverage and chance controls for directions (lesson 09)
- ``helpers.bilingual``   - the verse-aligned Bibles, the English-Spanish dictionary, P@k (lesson 10)
- ``helpers.transformer`` - a small sentence transformer in NumPy, read from a data package (lesson 11)
- ``helpers.phonemes``    - CMUdict pronunciations, ARPAbet and IPA, phonological features (lesson 12)
- ``helpers.speech``      - espeak-ng: text to IPA and to audio (lesson 12)
- ``helpers.exercises``   - friendly checks for the "Your turn" cells

Each new lesson adds modules named for its idea. gensim, scikit-learn and scipy are imported inside
the functions that need them where importing them would slow down ``import helpers.<module>``.
"""

from importlib import import_module

from helpers.errors import CourseError
from helpers.notebook import setup_notebook

__all__ = ["CourseError", "setup_notebook"]


def __getattr__(name):
    """Import a submodule on first use, so ``helpers.corpus.tokenize(...)`` works after ``import helpers``."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        module = import_module(f"helpers.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"helpers.{name}":
            raise
        raise AttributeError(f"module 'helpers' has no attribute {name!r}") from None
    globals()[name] = module
    return module
