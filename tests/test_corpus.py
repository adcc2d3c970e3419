"""helpers.corpus: tokenizing, the learner's text, streaming and the real corpus, bad input included."""

import pytest

from helpers import CourseError, corpus
from helpers.words import check_trainable


def test_tokenize_lowercases_keeps_accents_and_drops_punctuation_numbers_and_single_letters():
    assert corpus.tokenize("I love Programming! Café über 3.12 a") == ["love", "programming", "café", "über"]


def test_tokenize_keeps_long_words():
    assert corpus.tokenize("internationalization") == ["internationalization"]


def test_split_sentences_at_punctuation_and_blank_lines():
    text = "One here. Two there! Three? Yes.\n\nBlank line ends it\nbut not a single newline"
    assert corpus.split_sentences(text) == [
        "One here.",
        "Two there!",
        "Three?",
        "Yes.",
        "Blank line ends it\nbut not a single newline",
    ]


def test_load_sentences(write_file):
    path = write_file("t.txt", "The cat sleeps. The dog barks!\n\nA bird sings")
    assert corpus.load_sentences(path) == [["the", "cat", "sleeps"], ["the", "dog", "barks"], ["bird", "sings"]]


def test_load_sentences_with_no_words(write_file):
    with pytest.raises(CourseError, match="no words the tokenizer keeps"):
        corpus.load_sentences(write_file("t.txt", "123 456 !!! ? a"))


def test_load_sentences_single_word(write_file):
    assert corpus.load_sentences(write_file("t.txt", "hello")) == [["hello"]]


def test_load_sentences_cuts_a_long_sentence_into_pieces(write_file):
    # 12,000 words on lines of 8, with no sentence end: lyrics, a list or a transcript look like this
    words = [f"word{'abcdefghijkl'[i % 12]}" for i in range(12_000)]
    lines = "\n".join(" ".join(words[start : start + 8]) for start in range(0, len(words), 8))
    sentences = corpus.load_sentences(write_file("lyrics.txt", lines))
    assert [len(sentence) for sentence in sentences] == [corpus.MAX_SENTENCE_TOKENS] * 12
    assert [token for sentence in sentences for token in sentence] == words  # nothing lost, order kept


def test_load_sentences_pieces_are_trained_in_full(write_file):
    """Without the cut gensim would train only the first 10,000 tokens of the one long sentence."""
    from gensim.models import Word2Vec

    words = [f"word{'abcdefghijkl'[i % 12]}" for i in range(24_000)]
    sentences = corpus.load_sentences(write_file("long.txt", " ".join(words)))
    model = Word2Vec(vector_size=4, min_count=1, sample=0, workers=1, seed=1)
    model.build_vocab(sentences)
    trained, raw = model.train(sentences, total_examples=len(sentences), epochs=1)
    assert (trained, raw) == (24_000, 24_000)
    one_sentence = model.train([words], total_examples=1, epochs=1)  # the trap the cut avoids
    assert one_sentence == (10_000, 24_000)


def test_load_sentences_leaves_short_sentences_whole(write_file):
    text = " ".join(["word"] * corpus.MAX_SENTENCE_TOKENS) + ". Next one."
    assert [len(s) for s in corpus.load_sentences(write_file("t.txt", text))] == [corpus.MAX_SENTENCE_TOKENS, 2]


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
    assert check_trainable(sentences, min_count=1) > 50


def test_sample_sentences_start_with_the_classic_three():
    assert corpus.sample_sentences()[:3] == [
        ["I", "love", "programming"],
        ["Machine", "learning", "is", "interesting"],
        ["Python", "is", "a", "popular", "language"],
    ]
    assert len(corpus.sample_sentences()) > 10


def test_chunk_cuts_long_token_lists_without_losing_any():
    tokens = [str(i) for i in range(2500)]
    pieces = corpus.chunk(tokens, size=1000)
    assert [len(p) for p in pieces] == [1000, 1000, 500]
    assert [token for piece in pieces for token in piece] == tokens


@pytest.mark.parametrize("size", [0, -5, 2.5, "1000", None, True])
def test_chunk_bad_size(size):
    with pytest.raises(CourseError, match="whole number of tokens, 1 or more"):
        corpus.chunk(["a", "b"], size=size)


def test_chunk_of_nothing_is_nothing():
    assert corpus.chunk([]) == []


def test_token_file_is_restartable(write_file):
    stream = corpus.TokenFile(write_file("tokens.txt", "a b c\nd e\n"))
    assert list(stream) == [["a", "b", "c"], ["d", "e"]]
    assert list(stream) == list(stream)
    assert len(stream) == 2


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
