"""helpers.corpus: reading, tokenizing and streaming text, bad input included."""
import hashlib

import pytest

from helpers import CourseError, corpus


def test_tokenize_lowercases_keeps_accents_and_drops_punctuation_numbers_and_single_letters():
    assert corpus.tokenize("I love Programming! Café über 3.12 a") == ["love", "programming", "café", "über"]


def test_tokenize_keeps_long_words():
    assert corpus.tokenize("internationalization") == ["internationalization"]


def test_split_sentences_at_punctuation_and_blank_lines():
    text = "One here. Two there! Three? Yes.\n\nBlank line ends it\nbut not a single newline"
    assert corpus.split_sentences(text) == ["One here.", "Two there!", "Three?", "Yes.",
                                            "Blank line ends it\nbut not a single newline"]


def test_read_text_skips_comment_lines(write_file):
    path = write_file("t.txt", "# a note\nHello world.\n  # indented note\nBye.")
    assert corpus.read_text(path) == "Hello world.\nBye."


def test_read_text_accepts_a_utf8_byte_order_mark(write_file):
    assert corpus.read_text(write_file("bom.txt", "\ufeffHallo Welt".encode("utf-8"))) == "Hallo Welt"


def test_read_text_missing_file(tmp_path):
    with pytest.raises(CourseError, match="No file at .*nope.txt.*create it"):
        corpus.read_text(tmp_path / "nope.txt")


def test_read_text_folder(tmp_path):
    with pytest.raises(CourseError, match="is a folder"):
        corpus.read_text(tmp_path)


@pytest.mark.parametrize("content", ["", "   \n\t\n", "# only a note\n"])
def test_read_text_empty_whitespace_or_only_notes(write_file, content):
    with pytest.raises(CourseError, match="has no text.*write a few sentences"):
        corpus.read_text(write_file("empty.txt", content))


def test_read_text_not_utf8_names_the_byte_and_the_fix(write_file):
    path = write_file("latin1.txt", "Caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(CourseError, match=r"not UTF-8 text: byte 0xe9 at position 3 cannot be read: save the file as UTF-8"):
        corpus.read_text(path)


def test_read_text_binary(write_file):
    with pytest.raises(CourseError, match="binary file"):
        corpus.read_text(write_file("model.bin", b"\x80\x04\x95\x00\x00binary"))


def test_read_text_never_changes_the_file(write_file):
    path = write_file("mine.txt", "Caf\xe9".encode("latin-1"))
    before = hashlib.sha1(path.read_bytes()).hexdigest()
    with pytest.raises(CourseError):
        corpus.load_sentences(path)
    assert hashlib.sha1(path.read_bytes()).hexdigest() == before


def test_load_sentences(write_file):
    path = write_file("t.txt", "The cat sleeps. The dog barks!\n\nA bird sings")
    assert corpus.load_sentences(path) == [["the", "cat", "sleeps"], ["the", "dog", "barks"], ["bird", "sings"]]


def test_load_sentences_with_no_words(write_file):
    with pytest.raises(CourseError, match="no words the tokenizer keeps"):
        corpus.load_sentences(write_file("t.txt", "123 456 !!! ? a"))


def test_load_sentences_single_word(write_file):
    assert corpus.load_sentences(write_file("t.txt", "hello")) == [["hello"]]


def test_my_text_path_default_and_env(monkeypatch, write_file):
    monkeypatch.delenv("COURSE_TEXT", raising=False)
    assert corpus.my_text_path().name == "my_text.txt"
    other = write_file("other.txt", "Guten Morgen. Wie geht es dir?")
    monkeypatch.setenv("COURSE_TEXT", str(other))
    assert corpus.my_text_path() == other
    assert corpus.load_my_sentences() == [["guten", "morgen"], ["wie", "geht", "es", "dir"]]


def test_default_my_text_is_trainable(monkeypatch):
    monkeypatch.delenv("COURSE_TEXT", raising=False)
    sentences = corpus.load_my_sentences()
    assert corpus.check_trainable(sentences, min_count=1) > 50


def test_sample_sentences_start_with_the_classic_three():
    assert corpus.sample_sentences()[:3] == [["I", "love", "programming"],
                                             ["Machine", "learning", "is", "interesting"],
                                             ["Python", "is", "a", "popular", "language"]]
    assert len(corpus.sample_sentences()) > 10


def test_word_counts():
    counts = corpus.word_counts([["a", "b"], ["a"]])
    assert counts == {"a": 2, "b": 1}


@pytest.mark.parametrize("bad", ["just a string", ["a list", "of strings"]])
def test_word_counts_rejects_strings(bad):
    with pytest.raises(CourseError, match="list of token lists"):
        corpus.word_counts(bad)


def test_check_trainable_counts_kept_words():
    assert corpus.check_trainable([["cat", "dog", "cat"], ["dog", "fish"]], min_count=2) == 2


def test_check_trainable_empty():
    with pytest.raises(CourseError, match="no words to train on"):
        corpus.check_trainable([], min_count=1)
    with pytest.raises(CourseError, match="no words to train on"):
        corpus.check_trainable([[], []], min_count=1)


def test_check_trainable_all_below_min_count():
    with pytest.raises(CourseError, match=r"No word appears at least min_count=5 times.*'cat', appears 2 "
                                          r"times.*lower min_count"):
        corpus.check_trainable([["cat", "dog", "cat"]], min_count=5)


def test_check_trainable_single_word():
    with pytest.raises(CourseError, match=r"Only one distinct word \('hello'\)"):
        corpus.check_trainable([["hello"]], min_count=1)


def test_chunk_cuts_long_token_lists_without_losing_any():
    tokens = [str(i) for i in range(2500)]
    pieces = corpus.chunk(tokens, size=1000)
    assert [len(p) for p in pieces] == [1000, 1000, 500]
    assert sum(pieces, []) == tokens


def test_token_file_is_restartable(write_file):
    stream = corpus.TokenFile(write_file("tokens.txt", "a b c\nd e\n"))
    assert list(stream) == [["a", "b", "c"], ["d", "e"]]
    assert list(stream) == list(stream)
    assert len(stream) == 2


def test_gensim_data_path_missing_file():
    with pytest.raises(CourseError, match="bundled file no-such-file.txt is missing"):
        corpus.gensim_data_path("no-such-file.txt")


def test_lee_sentences():
    stories = list(corpus.lee_sentences())
    assert len(stories) == 300
    assert all(1 < len(story) <= corpus.MAX_SENTENCE_TOKENS for story in stories)


def test_real_corpus_builds_cache_once_and_keeps_every_sentence_under_the_limit(tmp_cache):
    stream = corpus.real_corpus()
    assert stream.path.is_relative_to(tmp_cache)
    lengths = [len(sentence) for sentence in stream]
    assert len(lengths) == 13_743 and sum(lengths) == 508_768
    assert max(lengths) <= corpus.MAX_SENTENCE_TOKENS < 10_000
    assert not list(stream.path.parent.glob("*.partial"))
    mtime = stream.path.stat().st_mtime_ns
    assert corpus.real_corpus().path.stat().st_mtime_ns == mtime  # second call reads the cache


def test_word_counts_does_not_lose_the_first_sentence_of_a_one_pass_stream():
    stream = (sentence for sentence in [["cat", "dog"], ["dog"]])
    assert corpus.word_counts(stream) == {"cat": 1, "dog": 2}


def test_decode_text_file_names_what_is_missing_and_uses_the_given_fix(tmp_path, write_file):
    with pytest.raises(CourseError, match=r"No vectors file at .*v.tsv: export it again\."):
        corpus.decode_text_file(tmp_path / "v.tsv", "vectors file", fix="export it again.")
    with pytest.raises(CourseError, match=r"is not UTF-8 text: byte 0xff at position 0 cannot be read: export it"):
        corpus.decode_text_file(write_file("v.tsv", b"\xff\xfe"), "vectors file", fix="export it again.")
    assert corpus.decode_text_file(write_file("ok.txt", "# kept\nHallo")) == "# kept\nHallo"


def test_wiki_articles_are_plain_text_without_redirects():
    articles = list(corpus.wiki_articles())
    assert len(articles) == 107
    title, text = articles[0]
    assert title == "Anarchism" and "'''Anarchism''' is a political philosophy" in text
    assert not any(text.lstrip().lower().startswith("#redirect") for _, text in articles)


def test_wiki_sentences_are_paragraphs_of_two_to_max_tokens():
    sentences = list(corpus.wiki_sentences())
    assert len(sentences) == 13_743 - 300  # the real corpus is these paragraphs plus 300 news stories
    assert all(2 <= len(sentence) <= corpus.MAX_SENTENCE_TOKENS for sentence in sentences)
    assert sentences[0][:4] == ["anarchism", "is", "political", "philosophy"]
