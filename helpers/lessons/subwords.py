"""Character n-grams and FastText look-ups (lesson 07).

FastText builds a word's vector from the vectors of its character n-grams: the pieces of
``<word>`` (``<`` and ``>`` mark the start and the end) that are ``min_n`` to ``max_n`` letters
long. ``wv`` here is a FastText ``KeyedVectors`` (``model.wv``) unless a function says otherwise;
``w2v`` is a Word2Vec ``KeyedVectors``.

gensim is imported inside the functions that use it: importing it takes about a second.
"""

from collections import Counter

from helpers.errors import CourseError
from helpers.numeric import is_whole_number
from helpers.vocab import neighbours_side_by_side
from helpers.words import top_content_words


def _check_word(word):
    if not isinstance(word, str) or not word.strip():
        raise CourseError(f"Expected a word (a non-empty string), got {word!r}.")
    if word != word.strip() or " " in word:
        raise CourseError(f"Expected one word without spaces, got {word!r}: look up one word at a time.")


def _check_lengths(min_n, max_n):
    for name, value in (("min_n", min_n), ("max_n", max_n)):
        if not is_whole_number(value, minimum=1):
            raise CourseError(f"{name} must be a whole number of letters, 1 or more; got {value!r}.")
    if min_n > max_n:
        raise CourseError(
            f"min_n={min_n} is larger than max_n={max_n}: the shortest piece cannot be longer "
            "than the longest. FastText's defaults are min_n=3, max_n=6."
        )


def _check_vectors(wv, name):
    if hasattr(wv, "wv") and not hasattr(wv, "key_to_index"):
        raise CourseError(f"{name} is a whole model: pass its vectors, {name}.wv, instead.")
    if not hasattr(wv, "key_to_index"):
        raise CourseError(f"{name} must be word vectors (a KeyedVectors, such as model.wv), got {type(wv).__name__}.")


def _check_fasttext(wv):
    _check_vectors(wv, "wv")
    vectors_ngrams = getattr(wv, "vectors_ngrams", None)
    if vectors_ngrams is None or not getattr(wv, "bucket", 0):
        raise CourseError(
            "These vectors have no character n-grams: they are plain Word2Vec vectors (or "
            "FastText vectors reloaded from the word2vec format, which drops the n-grams). "
            "Use a FastText model's .wv, or reload it with FastText.load / load_facebook_vectors."
        )


def char_ngrams(word, min_n=3, max_n=6):
    """Return the character n-grams of ``word`` as FastText cuts them (a list of str).

    The word is padded as ``<word>``; pieces of ``min_n`` to ``max_n`` characters are listed,
    shortest first: ``char_ngrams("where", 3, 3)`` -> ``['<wh', 'whe', 'her', 'ere', 're>']``.

    Lesson 07 writes this cutting itself and checks it against gensim's ``compute_ngrams``. This
    helper keeps no second copy of the algorithm: it checks its input, then calls gensim's function,
    so the lesson, the helpers and the trained models share one definition.
    """
    from gensim.models.fasttext import compute_ngrams

    _check_word(word)
    _check_lengths(min_n, max_n)
    return list(compute_ngrams(word, min_n, max_n))


def bucket_usage(words, min_n, max_n, bucket):
    """Return ``(distinct_ngrams, rows_used, shared)`` for the n-grams of ``words`` hashed into ``bucket`` rows.

    FastText does not keep a list of n-grams: it hashes each one to a row of a matrix with ``bucket``
    rows, so different n-grams can land on the same row (a *collision*) and then share one vector.
    ``shared`` counts the distinct n-grams whose row also holds another n-gram.
    """
    from gensim.models.fasttext import ft_hash_bytes

    if isinstance(words, str):
        raise CourseError("words must be a list of words, not one string: e.g. wv.index_to_key.")
    words = list(words)
    if not words:
        raise CourseError("There are no words to cut into n-grams: pass a non-empty list, e.g. wv.index_to_key.")
    _check_lengths(min_n, max_n)
    if not is_whole_number(bucket, minimum=1):
        raise CourseError(f"bucket must be a positive whole number of rows, got {bucket!r}.")
    ngrams = set()
    for word in words:
        _check_word(word)
        ngrams.update(char_ngrams(word, min_n, max_n))
    # the same hash gensim uses (ft_ngram_hashes), one n-gram at a time
    per_row = Counter(ft_hash_bytes(ngram.encode("utf-8")) % bucket for ngram in ngrams)
    shared = sum(count for count in per_row.values() if count > 1)
    return len(ngrams), len(per_row), shared


def ngram_coverage(wv, word):
    """Return ``(seen, total)``: how many of ``word``'s n-grams occur in a word FastText trained on.

    Only n-grams of vocabulary words are trained. FastText returns a vector for any word, but
    when ``seen`` is 0 that vector comes from rows nothing was learned for: it is noise.
    """
    _check_fasttext(wv)
    _check_word(word)
    ngrams = set(char_ngrams(word, wv.min_n, wv.max_n))
    trained = {ngram for known in wv.index_to_key for ngram in char_ngrams(known, wv.min_n, wv.max_n)}
    return len(ngrams & trained), len(ngrams)


def typos(word, vocabulary=()):
    """Return ``{kind: misspelling}`` of ``word``: a doubled, a dropped and two swapped letters.

    Each typo is made in the middle of the word, so the same word always gives the same typos.
    Typos that happen to be real words of ``vocabulary`` (or equal to ``word``) are left out.
    ``typos("government")`` -> ``{'doubled letter': 'governnment', 'dropped letter': 'goverment',
    'swapped letters': 'govenrment'}``.
    """
    _check_word(word)
    if len(word) < 3:
        raise CourseError(f"{word!r} is too short to misspell usefully: pick a word of 3 letters or more.")
    known = set(vocabulary)
    middle = len(word) // 2
    candidates = {
        "doubled letter": word[: middle + 1] + word[middle:],
        "dropped letter": word[:middle] + word[middle + 1 :],
    }
    # swap the two letters just before the middle, or the nearest pair of different letters
    # ("apple" -> "aplpe", not "apple" again)
    for start in sorted(range(len(word) - 1), key=lambda i: (abs(i - (middle - 1)), -i)):
        if word[start] != word[start + 1]:
            candidates["swapped letters"] = word[:start] + word[start + 1] + word[start] + word[start + 2 :]
            break
    return {kind: typo for kind, typo in candidates.items() if typo != word and typo not in known}


def example_words(sentences, n=3, min_len=4):
    """Return up to ``n`` words of ``sentences`` to try FastText on: ``helpers.words.top_content_words``
    (the course's one way to pick example words) keeping words of at least ``min_len`` letters, since
    FastText's n-grams need longer words to share. Raises ``CourseError`` saying what to change if
    there are none.
    """
    return top_content_words(sentences, n=n, min_len=min_len)


def compare_table(w2v, wv, words, counts, topn=3):
    """Return a printable side-by-side table: for each word, how often the corpus has it, and its
    ``topn`` nearest words in Word2Vec (``w2v``) and in FastText (``wv``).

    ``counts`` is a ``Counter`` of the training corpus (``helpers.words.word_counts``). Word2Vec
    shows ``(no vector)`` for a word it never kept; FastText marks a vector built only from
    n-grams with ``*``. The table is ``helpers.vocab.neighbours_side_by_side``; this checks that
    ``wv`` really is FastText.
    """
    _check_vectors(w2v, "w2v")
    _check_fasttext(wv)
    if isinstance(words, str):
        raise CourseError("words must be a list of words, e.g. ['mountaineer', 'france'], not one string.")
    words = list(words)
    if not words:
        raise CourseError("words is empty: give at least one word to compare.")
    for word in words:
        _check_word(word)
    models = {"Word2Vec": w2v, "FastText (* = built from n-grams only)": wv}
    return neighbours_side_by_side(models, words, topn=topn, counts=counts)
