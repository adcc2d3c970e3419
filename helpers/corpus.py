"""Reading, tokenizing and streaming text (lesson 01 introduces every idea here).

Glossary: ``sentences`` is a list (or a restartable iterable) of token lists, for example
``[["i", "love", "programming"], ["python", "is", "popular"]]``.
"""
import bz2
import hashlib
import os
import re
from collections import Counter
from pathlib import Path

from helpers.errors import CourseError
from helpers.paths import DATA_DIR, cache_dir

WIKI_FILE = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
LEE_FILE = "lee_background.cor"
MY_TEXT_ENV = "COURSE_TEXT"
# gensim silently ignores every token after the 10,000th of one sentence; we cut long
# paragraphs into pieces of at most this many tokens, so nothing is lost.
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


def decode_text_file(path, what="file", fix=None):
    """Return the text of the UTF-8 file at ``path`` (a byte-order mark is dropped, nothing else).

    Raises ``CourseError`` when the file is missing, a folder, binary or not UTF-8. Each message
    names the file and the problem, then says what to do: ``fix`` if given (e.g. "export it
    again"), otherwise advice for a learner's own text file. The file is only read.
    """
    path = Path(path)
    if not path.exists():
        raise CourseError(f"No {what} at {path}: {fix or 'check the name, or create it with some sentences in it.'}")
    if path.is_dir():
        raise CourseError(f"{path} is a folder, not a {what}: give the path of the file itself.")
    data = path.read_bytes()
    if b"\x00" in data:
        raise CourseError(f"{path.name} looks like a binary file, not text: "
                          f"{fix or 'use a plain .txt file (in a word processor: Save As → Plain Text, UTF-8).'}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CourseError(f"{path.name} is not UTF-8 text: byte 0x{data[error.start]:02x} at position "
                          f"{error.start} cannot be read: "
                          f"{fix or 'save the file as UTF-8 (Save As → Encoding: UTF-8) and run this cell again.'}"
                          ) from None


def read_text(path):
    """Return the text of the UTF-8 file at ``path``, with lines starting with ``#`` removed.

    Raises ``CourseError`` with the fix when the file is missing, binary, not UTF-8, or holds
    no text (see ``decode_text_file``). The file itself is only read, never changed.
    """
    path = Path(path)
    lines = [line for line in decode_text_file(path).splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(lines)
    if not text.strip():
        raise CourseError(f"{path.name} has no text (it is empty, blank, or only # notes): "
                          "write a few sentences in it and run this cell again.")
    return text


def load_sentences(path, tokenizer=tokenize):
    """Read the text file at ``path`` and return ``sentences``: one token list per sentence.

    Sentences are split with ``split_sentences`` and tokenized with ``tokenizer``; sentences with
    no tokens left are dropped. Raises ``CourseError`` if no words remain.
    """
    text = read_text(path)
    sentences = [tokens for tokens in map(tokenizer, split_sentences(text)) if tokens]
    if not sentences:
        raise CourseError(f"{Path(path).name} has text but no words the tokenizer keeps (it keeps "
                          "letters, 2 to 30 in a row): add sentences made of words.")
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


def word_counts(sentences):
    """Return a ``collections.Counter`` of how often each token occurs in ``sentences``."""
    _check_token_lists(sentences)
    return Counter(token for sentence in sentences for token in sentence)


def check_trainable(sentences, min_count):
    """Check that Word2Vec can learn from ``sentences`` with this ``min_count``; return the
    number of distinct words it will keep. Raises ``CourseError`` saying what to change if not.
    """
    counts = word_counts(sentences)
    if not counts:
        raise CourseError("There are no words to train on: the sentences are empty. "
                          "Add text (at least a few sentences) and run again.")
    kept = [word for word, count in counts.items() if count >= min_count]
    top_word, top_count = counts.most_common(1)[0]
    if not kept:
        raise CourseError(f"No word appears at least min_count={min_count} times (the most frequent, "
                          f"{top_word!r}, appears {top_count} times): lower min_count "
                          f"(for example min_count=1) or add more text.")
    if len(kept) < 2:
        raise CourseError(f"Only one distinct word ({kept[0]!r}) appears at least min_count={min_count} "
                          "times: Word2Vec needs several words to compare. Lower min_count or add more text.")
    _check_not_only_stopwords(counts, min_count)
    return len(kept)


def is_stopword(word):
    """Return ``True`` if ``word`` is in gensim's English stopword list (*the*, *of*, *is*, ...; lesson 01)."""
    from gensim.parsing.preprocessing import STOPWORDS

    return word in STOPWORDS


def content_words(sentences, min_count=1):
    """Return ``[(word, count), ...]``, most common first, for the words of ``sentences`` that appear
    at least ``min_count`` times and are not English stopwords (see ``is_stopword``). May be empty.
    """
    return _content_words(word_counts(sentences), min_count)


def check_not_only_stopwords(sentences, min_count=1):
    """Check that ``sentences`` has words other than stopwords among those seen ``min_count`` times or
    more; return how many such words there are. Raises ``CourseError`` saying what to change if none.

    Lessons pick their example words from the most common non-stopwords of your text, and a model of
    stopwords alone only learns grammar. The stopword list is English: other languages always pass.
    ``check_trainable`` runs this check too.
    """
    return _check_not_only_stopwords(word_counts(sentences), min_count)


def top_content_words(sentences, n=10, min_count=1):
    """Return the ``n`` most common words of ``sentences`` that are not stopwords (a list of str), so a
    lesson can pick example words from any text. Raises ``CourseError`` if there are none.
    """
    counts = word_counts(sentences)
    _check_not_only_stopwords(counts, min_count)
    return [word for word, _ in _content_words(counts, min_count)[:n]]


def _content_words(counts, min_count):
    return [(word, count) for word, count in counts.most_common()
            if count >= min_count and not is_stopword(word)]


def _check_not_only_stopwords(counts, min_count):
    found = _content_words(counts, min_count)
    if found:
        return len(found)
    if not counts:
        raise CourseError("There are no words in the sentences: add text (a few sentences) and run again.")
    common = ", ".join(word for word, _ in counts.most_common(5))
    if any(not is_stopword(word) for word in counts):
        raise CourseError(f"Every word that appears at least min_count={min_count} times is a stopword "
                          f"({common}, ...): lower min_count (for example min_count=1) or add text that "
                          "repeats names, places, things or actions.")
    raise CourseError(f"Your text has only stopwords ({common}, ...): the lessons need other words to "
                      "look at. Add sentences about something (names, places, things, actions) and run again.")


def _check_token_lists(sentences):
    """Catch the classic slip of passing strings where token lists are expected."""
    if isinstance(sentences, str):
        raise CourseError("sentences must be a list of token lists, not one string: "
                          "use helpers.corpus.tokenize(text) on each sentence first.")
    if not isinstance(sentences, (list, tuple)):
        return  # a stream (e.g. a TokenFile) is read once by the caller; peeking would use up a generator
    first = sentences[0] if sentences else None
    if isinstance(first, str):
        raise CourseError(f"sentences must be a list of token lists, like [['i', 'love', 'cats']], but the "
                          f"first item is the string {first[:40]!r}: tokenize each sentence first.")


def chunk(tokens, size=MAX_SENTENCE_TOKENS):
    """Split one long token list into consecutive pieces of at most ``size`` tokens."""
    return [tokens[start:start + size] for start in range(0, len(tokens), size)]


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


def gensim_data_path(name):
    """Return the path of a data file that ships inside the gensim package (no download)."""
    from gensim.test.utils import datapath

    path = Path(datapath(name))
    if not path.exists():
        raise CourseError(f"gensim's bundled file {name} is missing: reinstall with "
                          "`python course.py lab` (it installs the pinned gensim).")
    return path


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
        _write_lines_atomically(path, (" ".join(s) for part in (wiki_sentences(), lee_sentences())
                                       for s in part))
    return TokenFile(path)


def _write_lines_atomically(path, lines):
    """Write ``lines`` to ``path`` so that a reader never sees a half-written file."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with open(partial, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")
    os.replace(partial, path)
