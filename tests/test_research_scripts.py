"""The scripts in tools/research/ (run by hand, never by a lesson or course.py) still load with today's
helpers, say how to run them and when they last ran, and where it costs seconds, reproduce what the
course committed from them."""

import ast
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
