"""Checks for the "Your turn" exercises of lesson 01 · Tokenizing.

Each check takes what the learner wrote and returns a ``Feedback`` (see ``helpers.exercises``):
"[ok] ..." when it is right, "[not yet] <hint>" when it is not. A check never raises on a wrong answer.
"""

import re

from helpers.exercises import not_yet, right

# A token may be letters or digits, with an apostrophe or hyphen inside a word, or a decimal number.
_CLEAN_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|\d+\.\d+")

# (text, tokens that must come out, tokens that must not) for keep_numbers_tokenize.
_NUMBER_CASES = [
    ("A café sells it for $4.50 since 1815.", ["café", "sells", "4.50", "1815"], ["$4.50", "1815.", "4", "50"]),
    ("Python 3.12 came out in 2023!", ["python", "3.12", "2023"], ["Python", "2023!", "3", "12"]),
    (
        "Prices rose 7% (from 2.5 to 9.75), said Ada.",
        ["prices", "rose", "2.5", "9.75", "ada"],
        ["7%", "(from", "9.75),", "ada.", "Ada"],
    ),
]


def check_numbers_tokenizer(tokenize):
    """Check ``keep_numbers_tokenize``: lowercase words, whole numbers and decimals kept, punctuation gone.

    ``tokenize`` is the learner's function (pass it without calling it). Returns a ``Feedback``.
    """
    if not callable(tokenize):
        return not_yet("pass the function itself, without calling it: check_numbers_tokenizer(keep_numbers_tokenize).")
    for text, wanted, _unwanted in _NUMBER_CASES:
        try:
            tokens = tokenize(text)
        except Exception as error:  # noqa: BLE001 - the learner's code: report it, never crash the check
            return not_yet(
                f"your function raised {type(error).__name__}: {error} on {text!r}. "
                "Run it on that text in a cell of its own to see where."
            )
        if not isinstance(tokens, list) or not all(isinstance(token, str) for token in tokens):
            return not_yet(
                f"the function should return a list of strings; on {text!r} it returned "
                f"{_short(tokens)}. End it with `return <pattern>.findall(text.lower())`."
            )
        if any(token != token.lower() for token in tokens):
            upper = next(token for token in tokens if token != token.lower())
            return not_yet(
                f"{upper!r} is not lowercase: lowercase the text before you split it, e.g. findall(text.lower())."
            )
        glued = [token for token in tokens if not _CLEAN_TOKEN.fullmatch(token)]
        if glued:
            return not_yet(
                f"{glued[0]!r} carries punctuation (from {text!r}): a token should be only letters or "
                "digits (a decimal point inside a number, an apostrophe or hyphen inside a word), so leave "
                "$ % ( ) , ! and a final . out of the pattern."
            )
        split_number = _split_decimal(text, tokens)
        if split_number:
            return not_yet(
                f"{split_number!r} came out as {split_number.split('.')}: a decimal number should "
                "stay one token. Allow an optional decimal part after the digits, in an alternative "
                "that is tried before the one for words."
            )
        twice = _decimal_and_pieces(text, tokens)
        if twice:
            return not_yet(
                f"{twice!r} came out whole and also in pieces ({twice.split('.')}): each part of the text "
                "should become at most one token. Use one pattern with alternatives joined by |, "
                "not two patterns whose results you add up."
            )
        missing = [token for token in wanted if token not in tokens]
        if missing:
            return not_yet(
                f"{missing[0]!r} is missing from {tokens} (text: {text!r}). "
                + (
                    "Numbers must be kept: add \\d to the pattern."
                    if missing[0][0].isdigit()
                    else "Words must still be kept, accents included: [^\\W\\d_]+ matches letters."
                )
            )
    return right("Numbers such as 4.50 and 1815 stay whole, words are lowercase and punctuation is gone.")


def check_stricter_phrases(detector, most=500, pair=("new", "york"), min_count=5):
    """Check the phrase exercise: ``detector`` (the learner's gensim ``Phrases``) keeps fewer than ``most``
    phrases and still joins ``pair`` into one token, with the lesson's ``min_count`` left as it was (the
    task is to find a threshold). Both counts are measured on the detector itself.
    """
    if not hasattr(detector, "export_phrases") or not hasattr(detector, "threshold"):
        return not_yet(
            f"`stricter` should be a gensim Phrases model, but it is {_short(detector)}: "
            "run the cells above again from section 7."
        )
    if getattr(detector, "min_count", min_count) != min_count:
        return not_yet(
            f"this detector has min_count={detector.min_count}, and the task is to find a threshold: "
            f"keep min_count={min_count} and change only the threshold."
        )
    found = len(detector.export_phrases())
    joined = detector[list(pair)] == ["_".join(pair)]
    words = " ".join(pair)
    if found >= most:
        return not_yet(
            f"threshold {detector.threshold:g} keeps {found:,} phrases, not fewer than {most:,}: raise the threshold."
        )
    if not joined:
        return not_yet(
            f"threshold {detector.threshold:g} keeps {found:,} phrases, but '{words}' is no longer "
            "joined: its score is below this threshold, so lower it a little."
        )
    return right(
        f"threshold {detector.threshold:g}: {found:,} phrases (fewer than {most:,}) and '{words}' -> "
        f"{detector[list(pair)]}. A phrase is kept when its score is above the threshold."
    )


def _split_decimal(text, tokens):
    """Return the first decimal number of ``text`` (e.g. '4.50') that ``tokens`` split in two, or ``None``."""
    for number in re.findall(r"\d+\.\d+", text):
        whole, fraction = number.split(".")
        if number not in tokens and whole in tokens and fraction in tokens:
            return number
    return None


def _decimal_and_pieces(text, tokens):
    """Return the first decimal number of ``text`` that ``tokens`` hold whole *and* as its pieces, or ``None``.

    Only pieces that the text does not also hold as numbers of their own count.
    """
    own_numbers = re.findall(r"(?<![\d.])\d+(?![\d.])", text)
    for number in re.findall(r"\d+\.\d+", text):
        pieces = [piece for piece in number.split(".") if piece not in own_numbers]
        if number in tokens and any(piece in tokens for piece in pieces):
            return number
    return None


def _short(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
