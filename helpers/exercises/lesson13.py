"""Checks for lesson 13 · Beyond one laptop (gensim is imported inside the check that needs it, for import speed)."""

import numbers

from helpers.exercises import not_yet, right
from helpers.numeric import is_whole_number

WORDS, EPOCHS = 10_000_000, 3


def check_seconds(seconds, per_word):
    """Is ``seconds`` the CPU time for ``WORDS`` trained words and ``EPOCHS`` epochs at ``per_word`` CPU seconds
    per trained word (within 1 %)?"""
    if not isinstance(per_word, numbers.Real) or isinstance(per_word, bool) or not per_word > 0:
        return not_yet(f"per_word should be the positive number from section 1's fit, got {per_word!r}: run that cell.")
    if isinstance(seconds, bool) or not isinstance(seconds, numbers.Real):
        return not_yet(f"my_seconds should be a number of seconds, got {type(seconds).__name__}.")
    expected = WORDS * EPOCHS * per_word
    if seconds == 0:
        return not_yet("my_seconds is still 0: multiply the words, the epochs and per_word.")
    if abs(seconds - expected) <= 0.01 * expected:
        return right("Words × epochs × seconds per word: the cost grows with both, one core at a time.")
    if abs(seconds - WORDS * per_word) <= 0.01 * WORDS * per_word:
        return not_yet("That is one epoch: each of the 3 epochs trains every word again.")
    if abs(seconds - expected / 60) <= 0.01 * expected / 60 or abs(seconds - expected / 3600) <= 0.01 * expected / 3600:
        return not_yet("The fit gives seconds: leave the answer in seconds, not minutes or hours.")
    return not_yet(f"{seconds:,.0f} s is off: how many words are trained in all, over the 3 epochs? Times per_word.")


def check_bounded_vocabulary(model, cap):
    """Is ``model`` a gensim Word2Vec whose vocabulary is built and holds at most ``cap`` words, bounded with
    ``max_final_vocab``?"""
    from gensim.models import Word2Vec

    if not is_whole_number(cap, minimum=1):
        return not_yet(f"The cap should be a whole number of words, got {cap!r}.")
    if not isinstance(model, Word2Vec):
        return not_yet(f"my_model should be a gensim Word2Vec model, got {type(model).__name__}.")
    if len(model.wv) == 0:
        return not_yet("The vocabulary is empty: call my_model.build_vocab(LineSentence(str(gz_path))).")
    if getattr(model, "max_final_vocab", None) != cap:
        return not_yet(f"Create the model with max_final_vocab={cap}, then build its vocabulary.")
    if len(model.wv) > cap:
        return not_yet(f"{len(model.wv):,} words is more than {cap:,}: build the vocabulary after setting the cap.")
    megabytes = model.estimate_memory()["total"] / 1e6
    return right(f"{len(model.wv):,} words (at most {cap:,}), about {megabytes:.1f} MB: memory follows the vocabulary.")
