"""Counting the words of a text and choosing which of them to look at (lesson 01 introduces both).

- ``word_counts``: how often each token occurs.
- ``check_trainable``: whether enough words are frequent enough for Word2Vec to learn anything.
- ``is_stopword``, ``content_words``, ``check_not_only_stopwords``: English stopwords (*the*, *of*,
  *is*, ...) against the words a text is about.
- ``top_content_words``: THE way a lesson picks example words from a learner's text: the most common
  words that are not stopwords, optionally only those of some length.

gensim's stopword list is imported inside ``is_stopword``: importing gensim takes about a second.
"""

from collections import Counter

from helpers.errors import CourseError


def word_counts(sentences):
    """Return a ``collections.Counter`` of how often each token occurs in ``sentences`` (token lists).

    Raises ``CourseError`` if ``sentences`` is a string or a list of strings instead of token lists.
    """
    _check_token_lists(sentences)
    return Counter(token for sentence in sentences for token in sentence)


def check_trainable(sentences, min_count):
    """Check that Word2Vec can learn from ``sentences`` with this ``min_count``; return the
    number of distinct words it will keep. Raises ``CourseError`` saying what to change if not.
    """
    counts = word_counts(sentences)
    if not counts:
        raise CourseError(
            "There are no words to train on: the sentences are empty. "
            "Add text (at least a few sentences) and run again."
        )
    kept = [word for word, count in counts.items() if count >= min_count]
    top_word, top_count = counts.most_common(1)[0]
    if not kept:
        raise CourseError(
            f"No word appears at least min_count={min_count} times (the most frequent, "
            f"{top_word!r}, appears {top_count} times): lower min_count "
            f"(for example min_count=1) or add more text."
        )
    if len(kept) < 2:
        raise CourseError(
            f"Only one distinct word ({kept[0]!r}) appears at least min_count={min_count} "
            "times: Word2Vec needs several words to compare. Lower min_count or add more text."
        )
    _check_not_only_stopwords(counts, min_count)
    return len(kept)


def is_stopword(word):
    """Return ``True`` if ``word`` is in gensim's English stopword list (*the*, *of*, *is*, ...; lesson 01)."""
    from gensim.parsing.preprocessing import STOPWORDS

    return word in STOPWORDS


def content_words(sentences, min_count=1):
    """Return ``[(word, count), ...]``, most common first (ties in the order of the text), for the words
    of ``sentences`` that appear at least ``min_count`` times and are not English stopwords. May be empty.
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


def top_content_words(sentences, n=10, min_count=1, min_len=1):
    """Return the ``n`` most common words of ``sentences`` that are not stopwords and have at least
    ``min_len`` letters (a list of str, most common first): the words a lesson tries things on, from
    any text. Raises ``CourseError`` saying what to change if there are none.
    """
    counts = word_counts(sentences)
    _check_not_only_stopwords(counts, min_count)
    found = [word for word, _ in _content_words(counts, min_count) if len(word) >= min_len]
    if not found:
        longest = max(counts, key=len)
        raise CourseError(
            f"No word of your text that is not a stopword has {min_len} letters or more (the "
            f"longest word is {longest!r}): add text with longer words."
        )
    return found[:n]


def _content_words(counts, min_count):
    return [(word, count) for word, count in counts.most_common() if count >= min_count and not is_stopword(word)]


def _check_not_only_stopwords(counts, min_count):
    """``check_not_only_stopwords`` on counts already made, so a caller need not read a stream twice."""
    found = _content_words(counts, min_count)
    if found:
        return len(found)
    if not counts:
        raise CourseError("There are no words in the sentences: add text (a few sentences) and run again.")
    common = ", ".join(word for word, _ in counts.most_common(5))
    if any(not is_stopword(word) for word in counts):
        raise CourseError(
            f"Every word that appears at least min_count={min_count} times is a stopword "
            f"({common}, ...): lower min_count (for example min_count=1) or add text that "
            "repeats names, places, things or actions."
        )
    raise CourseError(
        f"Your text has only stopwords ({common}, ...): the lessons need other words to "
        "look at. Add sentences about something (names, places, things, actions) and run again."
    )


def _check_token_lists(sentences):
    """Catch the classic slip of passing strings where token lists are expected."""
    if isinstance(sentences, str):
        raise CourseError(
            "sentences must be a list of token lists, not one string: "
            "use helpers.corpus.tokenize(text) on each sentence first."
        )
    if not isinstance(sentences, (list, tuple)):
        return  # a stream (e.g. a TokenFile) is read once by the caller; peeking would use up a generator
    first = sentences[0] if sentences else None
    if isinstance(first, str):
        raise CourseError(
            f"sentences must be a list of token lists, like [['i', 'love', 'cats']], but the "
            f"first item is the string {first[:40]!r}: tokenize each sentence first."
        )
