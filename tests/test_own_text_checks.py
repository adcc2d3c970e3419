"""The own-text checks added to helpers.corpus: stopwords-only text gets a message saying what to change."""
from pathlib import Path

import pytest

from helpers import CourseError
from helpers import corpus

TEXTS = Path(__file__).resolve().parent / "texts"
ONLY_STOPWORDS = [["the", "and", "of", "is"], ["it", "was", "the", "of"]]


def test_is_stopword_uses_the_english_list():
    assert corpus.is_stopword("the") and corpus.is_stopword("of")
    assert not corpus.is_stopword("cat") and not corpus.is_stopword("katze")


def test_content_words_are_the_common_non_stopwords_most_common_first():
    sentences = [["the", "cat", "sat", "on", "the", "mat"], ["the", "cat", "ran"]]
    assert corpus.content_words(sentences) == [("cat", 2), ("sat", 1), ("mat", 1), ("ran", 1)]
    assert corpus.content_words(sentences, min_count=2) == [("cat", 2)]
    assert corpus.content_words(ONLY_STOPWORDS) == []


def test_top_content_words_picks_example_words_from_any_text():
    german = corpus.load_sentences(TEXTS / "german.txt")
    assert corpus.top_content_words(german, n=3) == ["die", "und", "ist"]  # German stopwords are not English
    tiny = corpus.load_sentences(TEXTS / "tiny.txt")
    assert corpus.top_content_words(tiny, n=2) == ["cat", "sat"]
    noisy = corpus.load_sentences(TEXTS / "noisy.txt")
    assert corpus.top_content_words(noisy, n=2) == ["coffee", "cat"]


def test_a_text_of_only_stopwords_is_stopped_with_what_to_do():
    sentences = corpus.load_sentences(TEXTS / "stopwords_only.txt")
    with pytest.raises(CourseError) as error:
        corpus.check_not_only_stopwords(sentences)
    message = str(error.value)
    assert message.startswith("Your text has only stopwords (the, and, of,")
    assert "Add sentences about something" in message
    with pytest.raises(CourseError, match="only stopwords"):
        corpus.top_content_words(sentences)


def test_content_words_below_min_count_say_lower_min_count():
    sentences = [["the", "cat", "of", "the"], ["the", "of", "dog"]]
    with pytest.raises(CourseError) as error:
        corpus.check_not_only_stopwords(sentences, min_count=2)
    assert "at least min_count=2 times is a stopword (the, of" in str(error.value)
    assert "lower min_count" in str(error.value)
    assert corpus.check_not_only_stopwords(sentences, min_count=1) == 2


def test_no_words_at_all():
    with pytest.raises(CourseError, match="no words"):
        corpus.check_not_only_stopwords([])


def test_strings_instead_of_token_lists_are_caught():
    with pytest.raises(CourseError, match="list of token lists"):
        corpus.check_not_only_stopwords(["the cat sat"])


def test_check_trainable_stops_a_stopwords_only_text():
    with pytest.raises(CourseError, match="only stopwords"):
        corpus.check_trainable(ONLY_STOPWORDS, min_count=1)


class CountingCorpus:
    """A restartable corpus that counts how often it is read."""

    def __init__(self, sentences):
        self.sentences, self.passes = sentences, 0

    def __iter__(self):
        self.passes += 1
        return iter(self.sentences)


def test_check_trainable_still_passes_a_normal_text_without_extra_passes():
    sentences = corpus.load_sentences(TEXTS / "tiny.txt")
    assert corpus.check_trainable(sentences, 1) == 21
    counting = CountingCorpus(sentences)
    corpus.word_counts(counting)
    passes_for_counting = counting.passes
    counting.passes = 0
    corpus.check_trainable(counting, 1)
    assert counting.passes == passes_for_counting  # the stopword check reuses the counts


def test_check_trainable_keeps_its_earlier_messages_first():
    with pytest.raises(CourseError, match="No word appears at least min_count=5"):
        corpus.check_trainable(ONLY_STOPWORDS, min_count=5)


@pytest.mark.parametrize("name", ["tiny.txt", "german.txt", "noisy.txt"])
def test_the_sample_texts_pass(name):
    sentences = corpus.load_sentences(TEXTS / name)
    assert corpus.check_not_only_stopwords(sentences) > 10
    assert corpus.check_trainable(sentences, 1) > 10


def test_reading_bad_files_never_changes_them(tmp_path):
    files = {"empty.txt": b"", "notes.docx": b"PK\x03\x04\x14\x00\x00\x00binary",
             "latin1.txt": "Grüße aus München.".encode("latin-1")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(CourseError):
            corpus.load_sentences(tmp_path / name)
        assert (tmp_path / name).read_bytes() == data
