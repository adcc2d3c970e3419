"""helpers.evaluation: benchmark scores with coverage, and clear messages when nothing is covered."""

import json
import logging
import warnings
from collections import Counter

import numpy as np
import pytest
from gensim.models import KeyedVectors, Word2Vec

from helpers import CourseError
from helpers.evaluation import (
    MIN_ITEMS,
    ComparisonTable,
    ScoreTable,
    analogy_sections,
    check_word_pairs,
    compare_pair_scores,
    evaluate,
    read_analogies,
    read_word_pairs,
    word_pair_score,
)
from helpers.files import gensim_data_path


def keyed_vectors(words, vectors=None, size=20, seed=0):
    """KeyedVectors for ``words`` (in this order), random unless ``vectors`` is given."""
    if vectors is None:
        vectors = np.random.default_rng(seed).normal(size=(len(words), size))
    wv = KeyedVectors(vector_size=np.shape(vectors)[1])
    wv.add_vectors(list(words), np.asarray(vectors, dtype=np.float32))
    return wv


def pair_words(dataset, pairs=None):
    pairs = read_word_pairs(dataset)[:pairs]
    return list(dict.fromkeys(word.lower() for a, b, _ in pairs for word in (a, b)))


def capital_vectors():
    """Vectors on which every capital-common-countries analogy holds exactly:
    country i = (e_i + e_country) / sqrt 2 and its capital = (e_i + e_capital) / sqrt 2,
    so  greece - athens + baghdad = iraq."""
    questions = read_analogies()["capital-common-countries"]
    capital_of = {country.lower(): capital.lower() for capital, country, _, _ in questions}
    countries = sorted(capital_of)
    size = len(countries) + 2
    words, vectors = [], []
    for i, country in enumerate(countries):
        for word, shared in ((country, size - 2), (capital_of[country], size - 1)):
            vector = np.zeros(size)
            vector[[i, shared]] = 1 / np.sqrt(2)
            words.append(word)
            vectors.append(vector)
    return words, np.array(vectors)


def gensim_sections(wv):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, sections = wv.evaluate_word_analogies(gensim_data_path("questions-words.txt"))
    return {s["section"]: (len(s["correct"]), len(s["correct"]) + len(s["incorrect"])) for s in sections}


# --- the files ---------------------------------------------------------------------------------


def test_reads_the_bundled_files():
    assert len(read_word_pairs("WordSim353")) == 353
    assert len(read_word_pairs("SimLex-999")) == 999
    assert read_word_pairs("WordSim353")[0] == ("love", "sex", 6.77)
    sections = read_analogies()
    assert len(sections) == 14 and sum(map(len, sections.values())) == 19_544
    assert sections["capital-common-countries"][0] == ("Athens", "Greece", "Baghdad", "Iraq")
    assert list(sections)[-1] == "gram9-plural-verbs"


def test_unknown_dataset_is_explained():
    with pytest.raises(CourseError, match="Unknown word-pair dataset 'wordsim'.*WordSim353, SimLex-999"):
        read_word_pairs("wordsim")
    wv = keyed_vectors(pair_words("WordSim353"))
    with pytest.raises(CourseError, match="Unknown word-pair dataset 'SimLex'"):
        word_pair_score(wv, "SimLex")
    with pytest.raises(CourseError, match="Unknown benchmark 'analogies'.*questions-words"):
        evaluate(wv, ["WordSim353", "analogies"])
    with pytest.raises(CourseError, match="No benchmark chosen"):
        evaluate(wv, [])


# --- word pairs --------------------------------------------------------------------------------


def test_word_pair_score_matches_gensim_on_the_covered_pairs():
    wv = keyed_vectors(pair_words("WordSim353", pairs=200))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, spearman, oov_percent = wv.evaluate_word_pairs(gensim_data_path("wordsim353.tsv"))
    row = evaluate(wv, ["WordSim353"]).row("WordSim353")
    assert row["score"] == round(float(spearman[0]), 2) == word_pair_score(wv)
    assert row["total"] == 353 and row["covered"] >= 200
    assert row["covered"] == round(353 * (1 - oov_percent / 100))
    assert row["coverage"] == round(row["covered"] / 353, 2)


def test_vectors_that_agree_with_people_score_one():
    # Pairs whose words occur in no other pair, one dimension each plus a shared one: the cosine
    # of each pair is set to grow with its human score, so the ranks agree exactly.
    pairs = read_word_pairs("SimLex-999")
    uses = Counter(word for a, b, _ in pairs for word in (a, b))
    chosen = [(a, b, human) for a, b, human in pairs if uses[a] == uses[b] == 1]
    size = len(chosen) + 1
    words, vectors = [], []
    for i, (a, b, human) in enumerate(chosen):
        angle = (1 - human / 10) * np.pi / 2
        vector_a, vector_b = np.zeros(size), np.zeros(size)
        vector_a[i] = 1
        vector_b[[i, size - 1]] = np.cos(angle), np.sin(angle)
        words += [a, b]
        vectors += [vector_a, vector_b]
    row = evaluate(keyed_vectors(words, np.array(vectors)), "SimLex-999").row("SimLex-999")
    assert row["covered"] == len(chosen) == 87
    assert row["score"] == 1.0
    reversed_order = keyed_vectors(words[1::2] + words[::2], np.array(vectors[1::2] + vectors[::2]))
    assert word_pair_score(reversed_order, "SimLex-999") == 1.0  # the vocabulary order does not matter


def test_words_are_matched_whatever_their_case():
    words = pair_words("WordSim353")
    lower = evaluate(keyed_vectors(words), ["WordSim353"])[0]
    upper = evaluate(keyed_vectors([w.upper() for w in words]), ["WordSim353"])[0]
    assert lower["covered"] == upper["covered"] == 353
    assert lower["score"] == upper["score"]


def test_a_model_of_other_words_gets_a_clear_message_not_a_crash():
    german = keyed_vectors(["katze", "hund", "straße", "über", "müde", "apfel", "birne"])
    for call in (evaluate, word_pair_score, analogy_sections):
        with pytest.raises(CourseError) as error:
            call(german)
        message = str(error.value)
        assert "Too few benchmark words" in message and "vocabulary of 7 words" in message
        assert "general English vocabulary" in message and "your own task" in message
    with pytest.raises(
        CourseError,
        match="WordSim353: 0 of 353 pairs; SimLex-999: 0 of 999 pairs; questions-words: 0 of 19,544 questions",
    ):
        evaluate(german)


def test_a_few_covered_pairs_give_no_score_but_the_coverage():
    few = pair_words("WordSim353", pairs=5)
    words, vectors = capital_vectors()
    table = evaluate(keyed_vectors(few + words, np.vstack([np.ones((len(few), vectors.shape[1])), vectors])))
    row = table.row("WordSim353")
    assert row["score"] is None and 5 <= row["covered"] < MIN_ITEMS
    assert table.score("questions-words") is not None
    assert "too few to score" in repr(table).splitlines()[1]
    with pytest.raises(CourseError, match=r"WordSim353: \d+ of 353 pairs"):
        word_pair_score(keyed_vectors(few))


# --- analogies ---------------------------------------------------------------------------------


def test_analogies_that_hold_exactly_are_all_answered():
    words, vectors = capital_vectors()
    table = analogy_sections(keyed_vectors(words, vectors))
    row = table.row("capital-common-countries")
    assert row["covered"] == row["total"] == 506
    assert row["score"] == 1.0 and row["correct"] == 506
    assert table.score("family") is None  # no family words at all


def test_analogy_counts_match_gensim_including_case_variants():
    words, vectors = capital_vectors()
    rng = np.random.default_rng(1)
    vectors = vectors + rng.normal(scale=0.15, size=vectors.shape)  # some answers now go wrong
    family = list(dict.fromkeys(w.lower() for q in read_analogies()["family"] for w in q))
    variants = ["Athens", "Greece", "Paris", "Boy", "Girl"]  # "Paris" beside "paris": less frequent
    words = words + family + variants
    vectors = np.vstack([vectors, rng.normal(size=(len(family) + len(variants), vectors.shape[1]))])
    wv = keyed_vectors(words, vectors)
    ours = {row["dataset"]: (row["correct"], row["covered"]) for row in analogy_sections(wv)}
    theirs = gensim_sections(wv)
    assert ours == {name: counts for name, counts in theirs.items() if name != "Total accuracy"}
    assert 0 < ours["capital-common-countries"][0] < 506
    total = evaluate(wv, ["questions-words"]).row("questions-words")
    assert (total["correct"], total["covered"]) == theirs["Total accuracy"]


# --- the table ---------------------------------------------------------------------------------


def test_the_table_prints_reads_and_converts_to_json():
    words, vectors = capital_vectors()
    wv = keyed_vectors(pair_words("WordSim353") + pair_words("SimLex-999") + words, size=30)
    wv = keyed_vectors(
        wv.index_to_key, np.vstack([wv.vectors[: -len(words)], np.pad(vectors, ((0, 0), (0, 30 - vectors.shape[1])))])
    )
    table = evaluate(wv)
    assert isinstance(table, ScoreTable) and [row["dataset"] for row in table] == [
        "WordSim353",
        "SimLex-999",
        "questions-words",
    ]
    lines = repr(table).splitlines()
    assert lines[0].split() == ["dataset", "measure", "score", "covered"]
    assert lines[1].startswith("WordSim353") and "353 of 353 pairs (100%)" in lines[1]
    assert "Spearman ρ" in lines[2] and "of 19,544 questions" in lines[3]
    assert table.score("questions-words") is not None
    assert json.loads(json.dumps(table))[0]["dataset"] == "WordSim353"
    with pytest.raises(CourseError, match="No row called 'wordsim'.*WordSim353, SimLex-999"):
        table.row("wordsim")
    assert repr(ScoreTable()) == "(empty table)"


def test_a_model_is_accepted_in_place_of_its_vectors():
    sentences = [pair_words("WordSim353")] * 3
    model = Word2Vec(sentences, vector_size=10, min_count=1, epochs=1, workers=1, seed=1)
    assert evaluate(model, ["WordSim353"])[0]["covered"] == 353


@pytest.mark.parametrize("bad", [None, ["cat", "dog"], "wordsim353.tsv"])
def test_anything_else_is_explained(bad):
    with pytest.raises(CourseError, match="Expected word vectors .*KeyedVectors"):
        evaluate(bad)


def test_empty_vectors_are_explained():
    with pytest.raises(CourseError, match="no words at all"):
        evaluate(KeyedVectors(vector_size=5))


def test_scoring_is_silent(caplog):
    caplog.set_level(logging.DEBUG, logger="gensim")
    wv = keyed_vectors(pair_words("WordSim353", pairs=100) + ["paris", "france", "rome", "italy"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        evaluate(wv)
    assert caught == [] and caplog.records == []
    assert logging.getLogger("gensim").level == logging.DEBUG  # set back as it was


# --- split_word_pairs / pairs_score / paired_bootstrap (lesson 06) ------------------------------

from helpers.evaluation import paired_bootstrap, pairs_score, split_word_pairs  # noqa: E402


def test_split_word_pairs_gives_two_fixed_disjoint_halves_over_the_whole_range():
    tuning, reporting = split_word_pairs("WordSim353")
    assert (len(tuning), len(reporting)) == (177, 176)
    assert sorted(tuning + reporting) == sorted(read_word_pairs("WordSim353"))
    assert not set(tuning) & set(reporting)
    assert split_word_pairs("WordSim353") == (tuning, reporting)
    means = [np.mean([score for _, _, score in half]) for half in (tuning, reporting)]
    assert abs(means[0] - means[1]) < 0.2
    assert split_word_pairs("WordSim353", seed=1) != (tuning, reporting)


@pytest.mark.parametrize("bad", ["1", 1.5, None, True])
def test_split_word_pairs_rejects_a_bad_seed(bad):
    with pytest.raises(CourseError, match="seed"):
        split_word_pairs("WordSim353", seed=bad)


def test_split_word_pairs_unknown_dataset():
    with pytest.raises(CourseError, match="Unknown word-pair dataset"):
        split_word_pairs("MEN")


def human_ordered_vectors(pairs, size=2):
    """Vectors whose cosine for each pair rises with its human score: word1 along x, word2 at an angle."""
    words, vectors = [], []
    scores = [score for _, _, score in pairs]
    low, high = min(scores), max(scores)
    for index, (_, _, score) in enumerate(pairs):
        angle = (1 - (score - low) / (high - low + 1e-9)) * np.pi * 0.9
        for word, vector in ((f"a{index}", [1.0, 0.0]), (f"b{index}", [np.cos(angle), np.sin(angle)])):
            words.append(word)
            vectors.append(vector)
    renamed = [(f"a{index}", f"b{index}", score) for index, (_, _, score) in enumerate(pairs)]
    return keyed_vectors(words, np.array(vectors)), renamed


def test_pairs_score_is_1_for_vectors_that_follow_the_human_order():
    pairs = [("x", "y", float(score)) for score in range(30)]
    wv, renamed = human_ordered_vectors(pairs)
    assert pairs_score(wv, renamed) == (1.0, 30)


def test_pairs_score_matches_word_pair_score_on_the_whole_file():
    words = pair_words("WordSim353")
    wv = keyed_vectors(words)
    rho, covered = pairs_score(wv, read_word_pairs("WordSim353"))
    assert rho == word_pair_score(wv, "WordSim353")
    assert covered == evaluate(wv, ["WordSim353"]).row("WordSim353")["covered"]


@pytest.mark.parametrize(
    "pairs, message",
    [([], "no word pairs"), ("love sex 6.7", "list"), ([("love", "sex")], "word1, word2, human_score")],
)
def test_pairs_score_bad_pairs(pairs, message):
    with pytest.raises(CourseError, match=message):
        pairs_score(keyed_vectors(["love", "sex"]), pairs)


def test_pairs_score_too_few_covered():
    with pytest.raises(CourseError, match="Too few benchmark words"):
        pairs_score(keyed_vectors(["love", "sex"]), read_word_pairs("WordSim353"))


def test_paired_bootstrap_of_a_model_with_itself_is_exactly_zero():
    words = pair_words("WordSim353")
    wv = keyed_vectors(words)
    result = paired_bootstrap(wv, wv, read_word_pairs("WordSim353"), samples=200)
    assert (result["difference"], result["low"], result["high"]) == (0.0, 0.0, 0.0)
    assert result["rho_a"] == result["rho_b"] and result["excludes_zero"] is False


def test_paired_bootstrap_finds_a_real_difference_and_repeats_exactly():
    pairs = [("x", "y", float(score)) for score in range(60)]
    good, renamed = human_ordered_vectors(pairs)
    noise = keyed_vectors(good.index_to_key, size=2, seed=3)
    result = paired_bootstrap(good, noise, renamed, samples=500)
    assert result["rho_a"] == 1.0 and result["low"] > 0 and result["covered"] == 60
    assert result["excludes_zero"] is True
    assert paired_bootstrap(good, noise, renamed, samples=500) == result


def test_paired_bootstrap_uses_only_pairs_both_models_cover():
    words = pair_words("WordSim353")
    smaller = keyed_vectors(words[: len(words) // 2])
    result = paired_bootstrap(keyed_vectors(words), smaller, read_word_pairs("WordSim353"), samples=100)
    assert result["covered"] == pairs_score(smaller, read_word_pairs("WordSim353"))[1]


@pytest.mark.parametrize("bad", [10, 0, 1.5, "1000", True])
def test_paired_bootstrap_rejects_bad_samples(bad):
    wv = keyed_vectors(pair_words("WordSim353"))
    with pytest.raises(CourseError, match="samples"):
        paired_bootstrap(wv, wv, read_word_pairs("WordSim353"), samples=bad)


def test_paired_bootstrap_too_few_shared_pairs():
    with pytest.raises(CourseError, match="both cover only"):
        paired_bootstrap(keyed_vectors(["love", "sex"]), keyed_vectors(["love", "sex"]), read_word_pairs("WordSim353"))


def test_paired_bootstrap_wants_vectors():
    with pytest.raises(CourseError, match="Expected word vectors"):
        paired_bootstrap("not vectors", keyed_vectors(["a", "b"]), read_word_pairs("WordSim353"))


def test_check_word_pairs_returns_a_list_and_names_what_is_wrong():
    assert check_word_pairs(iter([("a", "b", 1.0)])) == [("a", "b", 1.0)]
    for bad, message in [
        ("WordSim353", "my pairs must be a list"),
        ([], "my pairs holds no word pairs"),
        ([("a", "b")], "Each pair must be"),
        ([(1, "b", 2.0)], "Each pair must be"),
    ]:
        with pytest.raises(CourseError, match=message):
            check_word_pairs(bad, what="my pairs")


# --- several models side by side ----------------------------------------------------------------


@pytest.fixture(scope="module")
def benchmark_wv():
    """Random vectors for every word of WordSim353 and SimLex-999: scorable, and ρ near 0."""
    words = sorted(
        {w.lower() for name in ("WordSim353", "SimLex-999") for a, b, _ in read_word_pairs(name) for w in (a, b)}
    )
    return keyed_vectors(words, size=8)


def test_compare_pair_scores_agrees_with_evaluate_on_the_whole_benchmark(benchmark_wv):
    pairs = read_word_pairs("WordSim353")
    sets = {"WS353 all pairs": pairs}
    table = compare_pair_scores({"random": benchmark_wv}, sets)
    assert sets == {"WS353 all pairs": pairs}, "the caller's dict is left alone"
    whole = evaluate(benchmark_wv, datasets="WordSim353").score("WordSim353")
    assert table.score("random", "WS353 all pairs") == round(whole, 2)
    lines = repr(table).splitlines()
    assert "WS353 all pairs ρ" in lines[0] and "353/353" in lines[1]
    assert len(lines[0]) == len(lines[1]), "the columns line up"


def test_compare_pair_scores_counts_coverage_and_ignores_case():
    wv = keyed_vectors(["tiger", "cat", "car"], np.array([[1.0, 0.1], [1.0, 0.0], [0.0, 1.0]]))
    pairs = [("Tiger", "cat", 9.0), ("cat", "car", 1.0), ("tiger", "car", 2.0), ("cat", "unknown", 5.0)]
    table = compare_pair_scores({"tiny": wv}, {"few": pairs}, min_items=3)
    assert table[0]["few covered"] == 3 and table[0]["few total"] == 4 and table.score("tiny", "few") == 1.0
    table = compare_pair_scores({"tiny": wv}, {"few": pairs})  # fewer than 20 covered pairs: no score
    assert table.score("tiny", "few") is None and "–" in repr(table)


@pytest.mark.parametrize(
    "models, pair_sets, message",
    [
        ({}, {"x": [("a", "b", 1.0)]}, "models must be a dict"),
        ({"m": None}, {"x": [("a", "b", 1.0)]}, "must be word vectors"),
        ({"m": "wv"}, {}, "pair_sets must be a dict"),
        ({"m": "wv"}, {"x": []}, "holds no word pairs"),
        ({"m": "wv"}, {"x": "WordSim353"}, "must be a list of"),
        ({"m": "wv"}, {"x": [("a", "b")]}, r"\(word1, word2, human_score\)"),
        ({"m": "wv"}, {"x": ["ab1"]}, r"\(word1, word2, human_score\)"),
    ],
)
def test_compare_pair_scores_explains_bad_input(benchmark_wv, models, pair_sets, message):
    models = {name: benchmark_wv if wv == "wv" else wv for name, wv in models.items()}
    with pytest.raises(CourseError, match=message):
        compare_pair_scores(models, pair_sets)


def test_compare_pair_scores_prints_one_line_per_model_on_both_benchmarks(benchmark_wv):
    sets = {name: read_word_pairs(name) for name in ("WordSim353", "SimLex-999")}
    table = compare_pair_scores({"random": benchmark_wv, "again": benchmark_wv}, sets)
    assert isinstance(table, ComparisonTable) and len(table) == 2
    text = repr(table)
    assert text.splitlines()[0].split()[:2] == ["model", "WordSim353"]
    assert "353/353" in text and "999/999" in text
    assert table.score("random") == table.score("again") and abs(table.score("random")) < 0.2
    assert table.score("random", "SimLex-999") is not None
    with pytest.raises(CourseError, match="No model called 'y'"):
        table.score("y")


def test_compare_pair_scores_accepts_a_whole_model():
    words = [w.lower() for a, b, _ in read_word_pairs("WordSim353") for w in (a, b)]
    model = Word2Vec(
        [words[i : i + 10] for i in range(0, len(words), 10)], vector_size=8, min_count=1, epochs=1, workers=1, seed=1
    )
    table = compare_pair_scores({"tiny": model}, {"WordSim353": read_word_pairs("WordSim353")})
    assert table.datasets == ["WordSim353"] and table.score("tiny") is not None


def test_empty_comparison_table_prints():
    assert repr(ComparisonTable([], ["WordSim353"])) == "(empty table)"
