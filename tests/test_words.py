"""helpers.words: counting words, whether a text is trainable, and choosing its example words; stopwords-only
text gets a message saying what to change."""

from pathlib import Path

import pytest

from helpers import CourseError, corpus, words

TEXTS = Path(__file__).resolve().parent / "texts"
ONLY_STOPWORDS = [["the", "and", "of", "is"], ["it", "was", "the", "of"]]


def test_is_stopword_uses_the_english_list():
    assert words.is_stopword("the") and words.is_stopword("of")
    assert not words.is_stopword("cat") and not words.is_stopword("katze")


def test_content_words_are_the_common_non_stopwords_most_common_first():
    sentences = [["the", "cat", "sat", "on", "the", "mat"], ["the", "cat", "ran"]]
    assert words.content_words(sentences) == [("cat", 2), ("sat", 1), ("mat", 1), ("ran", 1)]
    assert words.content_words(sentences, min_count=2) == [("cat", 2)]
    assert words.content_words(ONLY_STOPWORDS) == []


def test_top_content_words_picks_example_words_from_any_text():
    german = corpus.load_sentences(TEXTS / "german.txt")
    assert words.top_content_words(german, n=3) == ["die", "und", "ist"]  # German stopwords are not English
    tiny = corpus.load_sentences(TEXTS / "tiny.txt")
    assert words.top_content_words(tiny, n=2) == ["cat", "sat"]
    noisy = corpus.load_sentences(TEXTS / "noisy.txt")
    assert words.top_content_words(noisy, n=2) == ["coffee", "cat"]


def test_a_text_of_only_stopwords_is_stopped_with_what_to_do():
    sentences = corpus.load_sentences(TEXTS / "stopwords_only.txt")
    with pytest.raises(CourseError) as error:
        words.check_not_only_stopwords(sentences)
    message = str(error.value)
    assert message.startswith("Your text has only stopwords (the, and, of,")
    assert "Add sentences about something" in message
    with pytest.raises(CourseError, match="only stopwords"):
        words.top_content_words(sentences)


def test_content_words_below_min_count_say_lower_min_count():
    sentences = [["the", "cat", "of", "the"], ["the", "of", "dog"]]
    with pytest.raises(CourseError) as error:
        words.check_not_only_stopwords(sentences, min_count=2)
    assert "at least min_count=2 times is a stopword (the, of" in str(error.value)
    assert "lower min_count" in str(error.value)
    assert words.check_not_only_stopwords(sentences, min_count=1) == 2


def test_no_words_at_all():
    with pytest.raises(CourseError, match="no words"):
        words.check_not_only_stopwords([])


def test_strings_instead_of_token_lists_are_caught():
    with pytest.raises(CourseError, match="list of token lists"):
        words.check_not_only_stopwords(["the cat sat"])


def test_check_trainable_stops_a_stopwords_only_text():
    with pytest.raises(CourseError, match="only stopwords"):
        words.check_trainable(ONLY_STOPWORDS, min_count=1)


class CountingCorpus:
    """A restartable corpus that counts how often it is read."""

    def __init__(self, sentences):
        self.sentences, self.passes = sentences, 0

    def __iter__(self):
        self.passes += 1
        return iter(self.sentences)


def test_check_trainable_still_passes_a_normal_text_without_extra_passes():
    sentences = corpus.load_sentences(TEXTS / "tiny.txt")
    assert words.check_trainable(sentences, 1) == 21
    counting = CountingCorpus(sentences)
    words.word_counts(counting)
    passes_for_counting = counting.passes
    counting.passes = 0
    words.check_trainable(counting, 1)
    assert counting.passes == passes_for_counting  # the stopword check reuses the counts


def test_check_trainable_keeps_its_earlier_messages_first():
    with pytest.raises(CourseError, match="No word appears at least min_count=5"):
        words.check_trainable(ONLY_STOPWORDS, min_count=5)


@pytest.mark.parametrize("name", ["tiny.txt", "german.txt", "noisy.txt"])
def test_the_sample_texts_pass(name):
    sentences = corpus.load_sentences(TEXTS / name)
    assert words.check_not_only_stopwords(sentences) > 10
    assert words.check_trainable(sentences, 1) > 10


def test_reading_bad_files_never_changes_them(tmp_path):
    files = {
        "empty.txt": b"",
        "notes.docx": b"PK\x03\x04\x14\x00\x00\x00binary",
        "latin1.txt": "Grüße aus München.".encode("latin-1"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(CourseError):
            corpus.load_sentences(tmp_path / name)
        assert (tmp_path / name).read_bytes() == data


def test_word_counts():
    counts = words.word_counts([["a", "b"], ["a"]])
    assert counts == {"a": 2, "b": 1}


@pytest.mark.parametrize("bad", ["just a string", ["a list", "of strings"]])
def test_word_counts_rejects_strings(bad):
    with pytest.raises(CourseError, match="list of token lists"):
        words.word_counts(bad)


def test_check_trainable_counts_kept_words():
    assert words.check_trainable([["cat", "dog", "cat"], ["dog", "fish"]], min_count=2) == 2


def test_check_trainable_empty():
    with pytest.raises(CourseError, match="no words to train on"):
        words.check_trainable([], min_count=1)
    with pytest.raises(CourseError, match="no words to train on"):
        words.check_trainable([[], []], min_count=1)


def test_check_trainable_all_below_min_count():
    with pytest.raises(
        CourseError,
        match=r"No word appears at least min_count=5 times.*'cat', appears 2 "
        r"times.*lower min_count",
    ):
        words.check_trainable([["cat", "dog", "cat"]], min_count=5)


def test_check_trainable_single_word():
    with pytest.raises(CourseError, match=r"Only one distinct word \('hello'\)"):
        words.check_trainable([["hello"]], min_count=1)


def test_word_counts_does_not_lose_the_first_sentence_of_a_one_pass_stream():
    stream = (sentence for sentence in [["cat", "dog"], ["dog"]])
    assert words.word_counts(stream) == {"cat": 1, "dog": 2}
