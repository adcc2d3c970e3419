"""Text into sentences of tokens: tokenizing, the learner's own text, streaming, and the course's real
corpus (lesson 01 introduces every idea here).

Glossary: ``sentences`` is a list (or a restartable iterable) of token lists, for example
``[["i", "love", "programming"], ["python", "is", "popular"]]``.

Reading files is ``helpers.files``; counting words and choosing example words is ``helpers.words``.
gensim is imported inside the functions that use it: importing it takes about a second.
"""

import bz2
import hashlib
import os
import re
from pathlib import Path

from helpers.errors import CourseError
from helpers.files import DATA_DIR, cache_dir, gensim_data_path, read_text, write_atomically
from helpers.numeric import is_whole_number

WIKI_FILE = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
LEE_FILE = "lee_background.cor"
MY_TEXT_ENV = "COURSE_TEXT"
# gensim trains on at most 10,000 kept tokens (in the vocabulary, after thinning) of one sentence and
# silently ignores the rest; we cut long paragraphs (and the learner's long sentences) into pieces of at
# most this many tokens.
MAX_SENTENCE_TOKENS = 1000
CORPUS_VERSION = "wiki+lee-v1"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def tokenize(text):
    """Split ``text`` (a str) into lowercase word tokens (a list of str), as lesson 01 chooses.

    gensim's ``simple_preprocess``: lowercase, letters only (accents kept, numbers and
    punctuation dropped), words of 2 to 30 letters.
    """
    from gensim.utils import simple_preprocess

    return simple_preprocess(text, deacc=False, min_len=2, max_len=30)


def split_sentences(text):
    """Split ``text`` into sentence strings at ``.``, ``!``, ``?`` or a blank line (lesson 01)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def chunk(tokens, size=MAX_SENTENCE_TOKENS):
    """Split one long token list into consecutive pieces of at most ``size`` tokens (a list of lists)."""
    if not is_whole_number(size, minimum=1):
        raise CourseError(f"chunk needs size to be a whole number of tokens, 1 or more, not {size!r}: e.g. size=1000.")
    return [tokens[start : start + size] for start in range(0, len(tokens), size)]


def load_sentences(path, tokenizer=tokenize):
    """Read the text file at ``path`` and return ``sentences``: one token list per sentence.

    Sentences are split with ``split_sentences`` and tokenized with ``tokenizer``; sentences with
    no tokens left are dropped. A sentence longer than ``MAX_SENTENCE_TOKENS`` tokens (a text with no
    sentence ends, such as lyrics or a transcript) is cut into consecutive pieces of at most that many,
    as ``real_corpus`` does, so gensim trains on all of it. Raises ``CourseError`` if no words remain.
    """
    text = read_text(path)
    sentences = [piece for tokens in map(tokenizer, split_sentences(text)) if tokens for piece in chunk(tokens)]
    if not sentences:
        raise CourseError(
            f"{Path(path).name} has text but no words the tokenizer keeps (it keeps "
            "letters, 2 to 30 in a row): add sentences made of words."
        )
    return sentences


def my_text_path():
    """Return the path of the learner's own text: ``$COURSE_TEXT`` if set, else ``data/my_text.txt``."""
    return Path(os.environ.get(MY_TEXT_ENV) or DATA_DIR / "my_text.txt")


def load_my_sentences():
    """Return ``sentences`` from the learner's own text (see ``my_text_path``)."""
    return load_sentences(my_text_path())


def sample_sentences():
    """Return the course's sample sentences (``data/sample_sentences.txt``) split on spaces, case kept.

    The first three are the classic example: ``["I", "love", "programming"]``, ...
    """
    text = read_text(DATA_DIR / "sample_sentences.txt")
    return [line.split() for line in text.splitlines() if line.strip()]


class TokenFile:
    """A restartable corpus: each pass re-reads ``path``, one sentence of space-separated tokens a line.

    Unlike a generator, it can be iterated again and again, which Word2Vec needs
    (one pass to build the vocabulary, then one per epoch).
    """

    def __init__(self, path):
        self.path = Path(path)

    def __iter__(self):
        with open(self.path, encoding="utf-8") as lines:
            for line in lines:
                yield line.split()

    def __len__(self):
        with open(self.path, encoding="utf-8") as lines:
            return sum(1 for _ in lines)


def wiki_articles():
    """Yield ``(title, plain_text)`` for each article in gensim's English Wikipedia sample."""
    from gensim.corpora.wikicorpus import extract_pages, filter_wiki

    with bz2.open(gensim_data_path(WIKI_FILE)) as xml:
        for title, markup, _page_id in extract_pages(xml, filter_namespaces=("0",)):
            if markup.lstrip().lower().startswith("#redirect"):
                continue
            yield title, filter_wiki(markup)


def wiki_sentences():
    """Yield token lists for the Wikipedia sample: one per paragraph (cut to ``MAX_SENTENCE_TOKENS``)."""
    for _title, text in wiki_articles():
        for paragraph in text.split("\n"):
            tokens = tokenize(paragraph)
            if len(tokens) > 1:  # a lone word has no neighbours to learn from
                yield from chunk(tokens)


def lee_sentences():
    """Yield token lists for gensim's Lee news corpus: one per news story."""
    with open(gensim_data_path(LEE_FILE), encoding="utf-8") as stories:
        for story in stories:
            tokens = tokenize(story)
            if len(tokens) > 1:
                yield from chunk(tokens)


def real_corpus():
    """Return the course's real corpus (Wikipedia sample + Lee news, ~0.5 M tokens) as a ``TokenFile``.

    The first call tokenizes both (a few seconds) and caches the result under ``.cache/corpus/``.
    """
    import gensim

    key = hashlib.sha1(f"{CORPUS_VERSION} {gensim.__version__}".encode()).hexdigest()[:10]
    path = cache_dir("corpus") / f"wiki_lee-{key}.txt"
    if not path.exists():
        with write_atomically(path) as partial, open(partial, "w", encoding="utf-8") as out:
            for part in (wiki_sentences(), lee_sentences()):
                for sentence in part:
                    out.write(" ".join(sentence) + "\n")
    return TokenFile(path)
