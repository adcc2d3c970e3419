"""helpers.lessons.subwords: character n-grams and FastText look-ups (lesson 07)."""

from collections import Counter

import pytest
from gensim.models import KeyedVectors
from gensim.models.fasttext import compute_ngrams

from helpers import CourseError
from helpers.lessons.subwords import bucket_usage, char_ngrams, compare_table, example_words, ngram_coverage, typos

# char_ngrams -----------------------------------------------------------------------------------


def test_char_ngrams_pads_and_orders_shortest_first():
    assert char_ngrams("where", 3, 3) == ["<wh", "whe", "her", "ere", "re>"]
    assert char_ngrams("her", 3, 5) == ["<he", "her", "er>", "<her", "her>", "<her>"]


@pytest.mark.parametrize("word", ["running", "a", "über", "governments"])
@pytest.mark.parametrize("min_n, max_n", [(3, 6), (1, 2), (3, 5)])
def test_char_ngrams_match_gensim(word, min_n, max_n):
    assert char_ngrams(word, min_n, max_n) == compute_ngrams(word, min_n, max_n)


@pytest.mark.parametrize("bad", ["", "   ", None, 5, ["run"]])
def test_char_ngrams_rejects_non_words(bad):
    with pytest.raises(CourseError, match="non-empty string"):
        char_ngrams(bad)


def test_char_ngrams_rejects_several_words():
    with pytest.raises(CourseError, match="one word without spaces"):
        char_ngrams("two words")


def test_char_ngrams_rejects_min_longer_than_max():
    with pytest.raises(CourseError, match="min_n=5 is larger than max_n=3"):
        char_ngrams("running", 5, 3)


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_char_ngrams_rejects_bad_lengths(bad):
    with pytest.raises(CourseError, match="min_n must be a whole number"):
        char_ngrams("running", bad, 6)


# bucket_usage ----------------------------------------------------------------------------------


def test_bucket_usage_counts_distinct_ngrams_and_rows():
    words = ["running", "runner", "runs"]
    distinct = len({gram for word in words for gram in char_ngrams(word, 3, 5)})
    assert bucket_usage(words, 3, 5, 2_000_000) == (distinct, distinct, 0)  # no collision in 2 M rows
    assert bucket_usage(words, 3, 5, 1) == (distinct, 1, distinct)  # one row: everything collides
    found, used, shared = bucket_usage(words, 3, 5, 10)
    assert found == distinct and 1 <= used <= 10 and shared >= distinct - used


def test_bucket_usage_uses_gensims_rows():
    from gensim.models.fasttext import ft_ngram_hashes

    words = ["running", "runner", "über", "governments"]
    rows = {int(row) for word in words for row in ft_ngram_hashes(word, 3, 6, 500)}
    distinct, used, shared = bucket_usage(words, 3, 6, 500)
    assert used == len(rows)
    assert 0 < distinct - used < shared <= 2 * (distinct - used)  # a shared row holds two n-grams or more


def test_bucket_usage_needs_a_list_of_words():
    with pytest.raises(CourseError, match="not one string"):
        bucket_usage("running", 3, 5, 100)
    with pytest.raises(CourseError, match="no words"):
        bucket_usage([], 3, 5, 100)
    with pytest.raises(CourseError, match="non-empty string"):
        bucket_usage(["run", ""], 3, 5, 100)


@pytest.mark.parametrize("bad", [0, -5, 10.0, "100", True])
def test_bucket_usage_rejects_bad_bucket(bad):
    with pytest.raises(CourseError, match="bucket must be a positive whole number"):
        bucket_usage(["run"], 3, 5, bad)


def test_bucket_usage_rejects_bad_lengths():
    with pytest.raises(CourseError, match="min_n=6 is larger than max_n=3"):
        bucket_usage(["run"], 6, 3, 100)


# ngram_coverage --------------------------------------------------------------------------------


def test_ngram_coverage_of_known_typo_and_stranger(fasttext_model):
    assert ngram_coverage(fasttext_model.wv, "runner") == (15, 15)  # a training word: every piece was trained
    seen, total = ngram_coverage(fasttext_model.wv, "runnner")
    assert total == len(set(char_ngrams("runnner", 3, 5))) and 0 < seen < total
    assert ngram_coverage(fasttext_model.wv, "qxzjvw") == (0, 15)


def test_ngram_coverage_refuses_vectors_without_ngrams(fasttext_model, subword_w2v, tmp_path):
    with pytest.raises(CourseError, match="no character n-grams"):
        ngram_coverage(subword_w2v, "runner")
    path = tmp_path / "words.bin"
    fasttext_model.wv.save_word2vec_format(str(path), binary=True)
    words_only = KeyedVectors.load_word2vec_format(str(path), binary=True)
    with pytest.raises(CourseError, match="word2vec format, which drops the n-grams"):
        ngram_coverage(words_only, "runner")


def test_ngram_coverage_asks_for_wv_not_the_model(fasttext_model):
    with pytest.raises(CourseError, match=r"whole model: pass its vectors, wv\.wv"):
        ngram_coverage(fasttext_model, "runner")
    with pytest.raises(CourseError, match="must be word vectors"):
        ngram_coverage({"runner": [0.0]}, "runner")


def test_ngram_coverage_rejects_a_bad_word(fasttext_model):
    with pytest.raises(CourseError, match="non-empty string"):
        ngram_coverage(fasttext_model.wv, "")


# typos -----------------------------------------------------------------------------------------


def test_typos_are_made_in_the_middle():
    assert typos("government") == {
        "doubled letter": "governnment",
        "dropped letter": "goverment",
        "swapped letters": "govenrment",
    }


def test_typos_never_swap_two_equal_letters():
    assert typos("apple")["swapped letters"] == "aplpe"
    assert "swapped letters" not in typos("aaa")


def test_typos_leave_out_real_words():
    assert typos("apple", vocabulary=["aple", "apple"]) == {"doubled letter": "appple", "swapped letters": "aplpe"}


def test_typos_reject_short_or_bad_words():
    with pytest.raises(CourseError, match="'ab' is too short"):
        typos("ab")
    with pytest.raises(CourseError, match="non-empty string"):
        typos(None)


# example_words ---------------------------------------------------------------------------------


def test_example_words_prefers_common_long_non_stopwords(subword_sentences):
    assert example_words(subword_sentences, n=3) == ["runner", "running", "park"]


def test_example_words_keeps_text_order_for_ties():
    sentences = [["zebra", "apple", "mango"]]
    assert example_words(sentences, n=2) == ["zebra", "apple"]


def test_example_words_of_only_stopwords_say_what_to_add():
    with pytest.raises(CourseError, match="only stopwords.*Add sentences about something"):
        example_words([["there", "were", "these", "of", "the"]], n=2)


def test_example_words_explains_a_text_without_long_words():
    with pytest.raises(CourseError, match=r"not a stopword has 4 letters or more \(the longest word is 'cat'\)"):
        example_words([["a", "cat", "is"]])


def test_example_words_rejects_empty_or_untokenized_text():
    with pytest.raises(CourseError, match="no words"):
        example_words([])
    with pytest.raises(CourseError, match="not one string"):
        example_words("a whole text as one string")


# compare_table ---------------------------------------------------------------------------------


def test_compare_table_marks_missing_and_ngram_only_words(fasttext_model, subword_w2v, subword_sentences):
    counts = Counter(word for sentence in subword_sentences for word in sentence)
    table = compare_table(subword_w2v, fasttext_model.wv, ["runner", "governments", "runnerz"], counts, topn=2)
    lines = table.splitlines()
    assert lines[0].split()[:4] == ["word", "seen", "Word2Vec", "FastText"]
    runner, governments, unseen = lines[1:]
    assert runner.startswith("runner") and " 15 " in runner and "(no vector)" not in runner
    assert not runner.endswith("*")
    assert governments.startswith("governments") and "(no vector)" in governments  # below min_count=6
    assert unseen.startswith("runnerz") and " 0 " in unseen and unseen.endswith("*")
    assert len(lines) == 4


def test_compare_table_rejects_bad_input(fasttext_model, subword_w2v):
    counts = Counter({"runner": 3})
    with pytest.raises(CourseError, match="not one string"):
        compare_table(subword_w2v, fasttext_model.wv, "runner", counts)
    with pytest.raises(CourseError, match="words is empty"):
        compare_table(subword_w2v, fasttext_model.wv, [], counts)
    with pytest.raises(CourseError, match="counts must be a Counter"):
        compare_table(subword_w2v, fasttext_model.wv, ["runner"], {"runner": 3})
    with pytest.raises(CourseError, match="no character n-grams"):
        compare_table(subword_w2v, subword_w2v, ["runner"], counts)
    with pytest.raises(CourseError, match=r"whole model: pass its vectors, w2v\.wv"):
        compare_table(fasttext_model, fasttext_model.wv, ["runner"], counts)
    with pytest.raises(CourseError, match="topn must be a whole number of at least 1"):
        compare_table(subword_w2v, fasttext_model.wv, ["runner"], counts, topn=0)
