"""Checks for the "Your turn" exercises of lesson 05 (PCA and t-SNE plots)."""

from helpers.exercises import not_yet, right
from helpers.lessons.projection import MIN_TSNE_POINTS
from helpers.numeric import is_number
from helpers.vocab import suggest

MIN_PAIRS = 4


def check_relation_pairs(wv, pairs):
    """Check ``pairs`` (a list of ``(start, end)`` words, e.g. country -> capital) can be drawn as
    arrows: at least ``MIN_PAIRS`` distinct pairs of two different words, all in ``wv``'s vocabulary."""
    if isinstance(pairs, (str, dict)) or not hasattr(pairs, "__iter__"):
        return not_yet(
            f"pairs should be a list of (start, end) tuples, like [('france', 'paris')], not a {type(pairs).__name__}."
        )
    pairs = list(pairs)
    for pair in pairs:
        if isinstance(pair, str) or not hasattr(pair, "__len__") or len(pair) != 2:
            return not_yet(f"{pair!r} is not a pair: write each one as a tuple of two words, like ('italy', 'rome').")
        if pair[0] == pair[1]:
            return not_yet(f"{pair!r} goes from a word to itself: an arrow needs two different words.")
    distinct = list(dict.fromkeys(tuple(pair) for pair in pairs))
    if len(distinct) < MIN_PAIRS:
        return not_yet(
            f"you have {len(distinct)} different pair(s): add more, at least {MIN_PAIRS}, "
            "so you can see whether the arrows agree."
        )
    for word in (word for pair in distinct for word in pair):
        if not isinstance(word, str) or word not in wv.key_to_index:
            close = suggest(wv, word) if isinstance(word, str) else []
            hint = f" Close words that are: {', '.join(close)}." if close else ""
            return not_yet(
                f"{word!r} is not in the vocabulary, so it has no vector to draw.{hint} "
                "Use lowercase, or pick another pair."
            )
    return right(
        f"{len(distinct)} pairs, every word in the vocabulary. Now measure the relation and "
        "compare it with the adjectives'."
    )


def check_perplexity(perplexity, n_points):
    """Check ``perplexity`` suits t-SNE on ``n_points`` points: above 0 and 3 x perplexity < n_points - 1
    (the rule of thumb of Barnes-Hut t-SNE; scikit-learn itself only needs perplexity < n_points)."""
    limit = (n_points - 1) / 3
    if not is_number(perplexity):
        return not_yet(f"perplexity should be a number, like 5, not {perplexity!r}.")
    if n_points < MIN_TSNE_POINTS:
        return not_yet(f"{n_points} points are too few for t-SNE: use at least {MIN_TSNE_POINTS} words.")
    if perplexity <= 0:
        return not_yet(f"perplexity {perplexity} is not above 0: it is a number of neighbours, so try 2 to 5.")
    if 3 * perplexity >= n_points - 1:
        return not_yet(
            f"perplexity {perplexity} is too high for {n_points} points: the Barnes-Hut "
            f"rule of thumb wants 3 × perplexity < points − 1, so stay below ({n_points} − 1) / 3 "
            f"≈ {limit:.1f}."
        )
    if perplexity < 3 and n_points > 10:
        return right(
            f"perplexity {perplexity} is valid for {n_points} points, but below about 3 t-SNE gets "
            "unstable and can fling single words far out: try 3 to 5 as well."
        )
    return right(f"perplexity {perplexity} is valid for {n_points} points (it must stay below {limit:.1f}).")
