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
