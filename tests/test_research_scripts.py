"""The scripts in tools/research/ (run by hand, never by a lesson or course.py) still load with today's
helpers, say how to run them and when they last ran, and where it costs seconds, reproduce what the
course committed from them."""

import ast
import re

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


def test_full_sweep_changes_one_setting_at_a_time_from_the_main_settings():
    sweep = load_script("tools/research/full_sweep.py")
    from helpers.training import MAIN_SETTINGS

    assert next(iter(sweep.ROWS.values())) == {}, "the first row is the main settings themselves"
    for change in sweep.ROWS.values():
        assert set(change) <= set(MAIN_SETTINGS), f"{change} names a setting Word2Vec is not given"
