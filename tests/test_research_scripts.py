"""The scripts in tools/research/ (run by hand, never by a lesson or course.py) still load with today's
helpers, say how to run them and when they last ran, and where it costs seconds, reproduce what the
course committed from them."""

import ast
import json
import re

import numpy as np
import pytest
from repo_scripts import ROOT, load_script

SCRIPTS = sorted((ROOT / "tools" / "research").glob("*.py"))


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_a_research_script_loads_and_says_how_and_when_it_ran(path):
    module = load_script(path.relative_to(ROOT))  # every import at its top resolves
    assert callable(getattr(module, "main", None)), f"{path.name} has no main()"
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert f"tools/research/{path.name}" in doc, f"{path.name}: its docstring should give the command that runs it"
    assert re.search(r"^Last run: .*\d{4}-\d\d-\d\d", doc, re.M), f"{path.name}: say when it last ran ('Last run: ...')"


def test_build_dictionary_reproduces_the_committed_dictionary():
    build = load_script("tools/research/build_dictionary.py")
    committed = [
        tuple(line.split("\t"))
        for line in (build.BIBLE_DIR / build.DICTIONARY_FILE).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert committed[0] == ("english", "spanish", "dice", "split")
    assert build.rows(build.induce()) == committed[1:]


def test_compare_corpus_units_cuts_the_real_corpus_into_sentences():
    compare = load_script("tools/research/compare_corpus_units.py")
    first = [sentence for sentence, _ in zip(compare.sentence_corpus(), range(200))]
    assert len(first) == 200 and all(isinstance(word, str) for sentence in first for word in sentence)
    assert max(len(sentence) for sentence in first) < 200, "sentences, not whole paragraphs"


def test_full_sweep_changes_only_settings_the_main_model_has():
    sweep = load_script("tools/research/full_sweep.py")
    from helpers.training import MAIN_SETTINGS

    changes = [*sweep.OUTPUT_LAYERS.values(), *sweep.ONE_CHANGE.values()]
    assert changes and all(len(change) >= 1 for change in changes)
    for change in changes:
        assert set(change) <= set(MAIN_SETTINGS), f"{change} names a setting MAIN_SETTINGS does not have"
    assert set(sweep.OLD_SETTINGS) == set(MAIN_SETTINGS), "the old settings it times name the same settings"


def _lesson_function(notebook, name):
    """The source of the function ``name`` as one of the lesson's code cells defines it."""
    for cell in json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return ast.get_source_segment("".join(cell["source"]), node)
    raise AssertionError(f"{notebook} defines no function {name}")


def test_lesson08_choices_counts_as_the_lesson_does_and_builds_ppmi_vectors():
    """Its cooccurrence_matrix and ppmi are lesson 08's (the lesson's window weights, the 0.75 smoothing);
    on the first 2,000 sentences of the corpus it builds PPMI + SVD vectors with each of its changes."""

    from helpers.corpus import real_corpus

    choices = load_script("tools/research/lesson08_choices.py")
    lesson = {"np": np, "scipy": choices.scipy}
    exec(_lesson_function("08_inside_word2vec.ipynb", "cooccurrence_matrix"), lesson)
    exec(_lesson_function("08_inside_word2vec.ipynb", "ppmi"), lesson)
    sentences = [sentence for sentence, _ in zip(real_corpus(), range(2000))]
    words, tokens, sentence_of = choices.vocabulary(sentences)
    ours = choices.cooccurrence_matrix(tokens, sentence_of, len(words), window=5)
    theirs = lesson["cooccurrence_matrix"](tokens, sentence_of, len(words), window=5)
    assert abs(ours - theirs).max() == 0
    assert abs(choices.ppmi(ours) - lesson["ppmi"](theirs)).max() == 0
    flat = choices.cooccurrence_matrix(tokens, sentence_of, len(words), window=5, flat=True)
    assert flat.sum() > ours.sum(), "a flat window counts far pairs in full"
    for power, flat in ((0.75, False), (1.0, True)):
        wv = choices.ppmi_vectors(words, tokens, sentence_of, power=power, flat=flat, dimensions=10)
        assert wv.vectors.shape == (len(words), 10) and np.isfinite(wv.vectors).all()
    assert choices.RATES == (0.025, 0.05, 0.1, 0.2, 0.3)
    notebook = json.loads((ROOT / "notebooks" / "08_inside_word2vec.ipynb").read_text(encoding="utf-8"))
    line = next(
        line
        for cell in notebook["cells"]
        for line in "".join(cell["source"]).splitlines()
        if line.startswith("SETTINGS = dict(")
    )
    lesson_settings = eval(line.split("=", 1)[1])  # the lesson's own literal
    assert lesson_settings == {**choices.SETTINGS, "alpha": 0.2}, "the script tries the lesson's settings"


def test_translation_settings_scores_a_perfect_map_and_centres_rows():
    settings = load_script("tools/research/translation_settings.py")
    from gensim.models import KeyedVectors

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(30, 8)).astype(np.float32)
    words = [f"w{i}" for i in range(30)]
    english, spanish = KeyedVectors(vector_size=8), KeyedVectors(vector_size=8)
    english.add_vectors(words, vectors)
    spanish.add_vectors(words, vectors @ np.linalg.qr(rng.normal(size=(8, 8)))[0].astype(np.float32))
    pairs = [(w, w) for w in words]
    assert settings.score(english, spanish, pairs[:20], pairs[20:]) == [1.0, 1.0]  # a rotation apart: all found
    centred = settings.centred(vectors + 5)
    assert np.allclose(np.linalg.norm(centred, axis=1), 1, atol=1e-5)
    assert np.linalg.norm(centred.mean(axis=0)) < np.linalg.norm(settings.unit(vectors + 5).mean(axis=0))
    rows = list(range(20)), list(range(20))
    p1 = settings.csls_p_at_1(
        settings.unit(english.vectors), settings.unit(spanish.vectors), rows, list(range(20, 30)), pairs[20:], words
    )
    assert p1 == 1.0


def test_continued_training_seeds_uses_the_lessons_tree_control():
    seeds = load_script("tools/research/continued_training_seeds.py")
    from gensim.models import Word2Vec

    restore_old_tree = seeds.lesson_restore_old_tree()  # read from lesson 03's own cell
    old_text = [["a", "b", "c", "a", "d", "e"] * 3, ["b", "a", "f", "a", "c"] * 2]
    model = Word2Vec(old_text, vector_size=4, min_count=1, sg=1, hs=1, negative=0, epochs=1, workers=1, seed=1)
    old = Word2Vec(old_text, vector_size=4, min_count=1, sg=1, hs=1, negative=0, epochs=1, workers=1, seed=1).wv
    model.build_vocab([["x", "y", "z", "x", "a"]], update=True)
    restore_old_tree(model, old)
    root = len(model.wv) - 2  # V - 1 inner nodes in rows 0 to V - 2: the old tree's, the new words', the root
    codes = {}
    for word in model.wv.index_to_key:
        points, code = list(model.wv.get_vecattr(word, "point")), list(model.wv.get_vecattr(word, "code"))
        assert points[0] == root and all(point <= root for point in points)
        if word in old.key_to_index:  # each old path: one extra first turn (left), then the old path
            assert points[1:] == list(old.get_vecattr(word, "point")) and code[0] == 0
            assert code[1:] == list(old.get_vecattr(word, "code"))
        else:
            assert code[0] == 1 and all(point >= len(old) - 1 for point in points)
        codes[word] = "".join(map(str, code))
    # a real tree: no word's turns are the start of another's
    assert not any(a != b and codes[b].startswith(codes[a]) for a in codes for b in codes)
    lesson = json.loads(seeds.LESSON.read_text(encoding="utf-8"))["cells"]
    (literal,) = [
        match.group(1)
        for cell in lesson
        if cell["cell_type"] == "code"
        for match in [re.search(r"^settings = (dict\(.*?\))$", "".join(cell["source"]), re.M | re.S)]
        if match
    ]
    assert eval(literal) == seeds.SETTINGS, "the script trains the lesson's section 1 model"


def _random_vectors(words, seed):
    from gensim.models import KeyedVectors

    wv = KeyedVectors(vector_size=8)
    wv.add_vectors(words, np.random.default_rng(seed).normal(size=(len(words), 8)).astype(np.float32))
    return wv


def test_spark_partitions_tables_and_compares_runs_without_spark():
    script = load_script("tools/research/spark_partitions.py")
    from helpers.evaluation import split_word_pairs

    assert script.BASE in script.RUNS and set(script.REPEATS) <= set(script.RUNS)
    firsts = [script.order_for(index)[0] for index in range(len(script.RUNS))]
    assert sorted(firsts) == sorted(script.RUNS), "each run comes first for one seed"
    assert all(sorted(script.order_for(index)) == sorted(script.RUNS) for index in range(4))
    tuning, reporting = split_word_pairs("WordSim353")
    words = sorted({word for pair in tuning + reporting for word in pair[:2]})
    vectors = {(1, 1, 42): _random_vectors(words, 1), (2, 1, 42): _random_vectors(words, 2)}
    vectors[(1, 1, 7)] = vectors[(1, 1, 42)]  # the same vectors under another seed: the control must see no change
    vectors[(2, 1, 7)] = _random_vectors(words, 3)
    results = {
        key: {"wall": 10.0 + index, "cpu": None if index else 9.0, "scores": script.score(wv, tuning, reporting)}
        for index, (key, wv) in enumerate(vectors.items())
    }
    lines = script.summary_table(results)
    assert len(lines) == 2 + 2, "a header, its rule and one row per (partitions, iterations)"
    assert lines[2].startswith("| 1 | 1 | 2 | 11.0 (10.0 to 12.0) | 9.0 |")
    assert f"on {len(reporting)} |" in lines[2] and f"on {len(tuning)} |" in lines[2]
    found = dict(script.comparisons(vectors, reporting))
    assert set(found) == {
        "1 vs 2 partitions (1 vs 1 iterations), seed 42",
        "1 vs 2 partitions (1 vs 1 iterations), seed 7",
        "control: 1 partition, seed 42 vs seed 7",
    }
    control = found["control: 1 partition, seed 42 vs seed 7"]
    assert control["difference"] == 0 and not control["excludes_zero"] and control["covered"] == len(reporting)


def test_spark_partitions_reads_no_java_cpu_without_a_java_process():
    script = load_script("tools/research/spark_partitions.py")
    assert script.jvm_cpu_seconds(object()) is None


def test_spark_partitions_reads_runs_and_refuses_bad_ones():
    import argparse

    script = load_script("tools/research/spark_partitions.py")
    assert script.parse_run("2x1") == (2, 1) and script.parse_run("4X2") == (4, 2)
    for bad in ("2", "0x1", "2x", "two x one", "1x0"):
        with pytest.raises(argparse.ArgumentTypeError, match="2x1|at least 1"):
            script.parse_run(bad)
