"""Experiments with a word's vectors in context: the same word in different sentences (lesson 11).

- ``word_states``: the vectors of one word in several sentences, at every depth of the encoder;
- ``sense_sentences``: lesson 11's hand-written sentences for ambiguous words (``data/ambiguous_words.tsv``);
- ``repeated_words``: words of a learner's text that occur in several sentences, to compare across contexts.
"""

import numpy as np

from helpers.errors import CourseError
from helpers.files import DATA_DIR
from helpers.lessons.wordpiece import MAX_PIECES, basic_tokens
from helpers.words import top_content_words


def word_states(model, sentences, word):
    """Return the vectors of ``word`` in each of ``sentences`` at every depth of ``model``.

    ``sentences``: a list of str or of token lists (joined with spaces); each must contain ``word``
    (compared after the tokenizer's lowercasing and accent stripping; its first occurrence is used).
    A word cut into several pieces gets the mean of its pieces' vectors.
    Returns an array of shape ``(len(sentences), layers + 1, dim)``. Raises ``CourseError`` naming
    the first sentence without the word.
    """
    tokenizer = model.tokenizer
    wanted = tokenizer.basic_tokens(word) if isinstance(word, str) else []
    if len(wanted) != 1:
        raise CourseError(f"Give one word (letters, no spaces or punctuation), not {word!r}.")
    if len(sentences) == 0:
        raise CourseError(f"No sentences given: write a few sentences that use {word!r}.")
    all_ids, spans = [], []
    for sentence in sentences:
        text = sentence if isinstance(sentence, str) else " ".join(sentence)
        basic = tokenizer.basic_tokens(text)
        if wanted[0] not in basic:
            raise CourseError(
                f"{word!r} is not a word of the sentence {text[:80]!r}: use sentences that contain "
                "it (a longer word such as 'banks' does not count)."
            )
        position = basic.index(wanted[0])
        start = 1 + sum(len(tokenizer.word_pieces(token)) for token in basic[:position])  # 1: after [CLS]
        end = start + len(tokenizer.word_pieces(basic[position]))
        if end > tokenizer.max_pieces - 1:
            raise CourseError(
                f"{word!r} comes after the first {tokenizer.max_pieces - 2} pieces of the sentence "
                f"{text[:80]!r}, which the model does not read: use shorter sentences."
            )
        all_ids.append(tokenizer.encode(text, note=False))
        spans.append((start, end))
    states = model.batch_hidden_states(all_ids)
    return np.stack([state[:, start:end].mean(axis=1) for state, (start, end) in zip(states, spans)])


def sense_sentences():
    """Return lesson 11's hand-written sentences for ambiguous words as a list of ``(word, sense, sentence)``
    (``data/ambiguous_words.tsv``: 6 words, 2 senses each, 5 sentences per sense)."""
    lines = (DATA_DIR / "ambiguous_words.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [tuple(row) for row in rows[1:]]


def repeated_words(sentences, n=5, min_sentences=2):
    """Return up to ``n`` words of ``sentences`` (token lists) that are not stopwords and occur in at least
    ``min_sentences`` different sentences, the most widespread first, as ``[(word, [sentence, ...]), ...]``.

    Raises ``CourseError`` (saying what to add) if the text is only stopwords or no word repeats.
    """
    content = top_content_words(sentences, n=10_000)  # raises a CourseError for a text of stopwords only
    # "e-mail" is two words and a mark for the model; "2024" has no sense to tell apart
    wanted = [word for word in content if len(basic_tokens(word)) == 1 and any(char.isalpha() for char in word)]
    using = {word: [] for word in wanted}
    for sentence in sentences:
        if len(sentence) <= MAX_PIECES // 2:  # the model reads these whole
            for word in using.keys() & set(sentence):  # one pass over the text, not one per word
                using[word].append(sentence)
    found = [(word, using[word]) for word in wanted if len(using[word]) >= min_sentences]
    found.sort(key=lambda item: -len(item[1]))  # stable: ties keep the most common word first
    if not found:
        raise CourseError(
            f"No word of your text (other than stopwords) appears in {min_sentences} different "
            "sentences, so there is nothing to compare across contexts. Add sentences that use "
            "one word several times, ideally in two meanings (a river 'bank' and a 'bank' for "
            "money), and run again."
        )
    return found[:n]
