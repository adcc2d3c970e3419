"""helpers.training: settings (read-only), the loss callback and the cached main model."""

import copy
import json
import pickle

import numpy as np
import pytest
from gensim.models import Word2Vec

from helpers import CourseError, corpus, training

SENTENCES = [["the", "cat", "sleeps", "on", "the", "sofa"], ["the", "dog", "sleeps", "on", "the", "rug"]] * 20


@pytest.fixture
def small_main(monkeypatch, tmp_cache, write_file):
    """Make the 'real corpus' the Lee news stories and the main settings cheap, for speed."""
    news = write_file("news.txt", "\n".join(" ".join(s) for s in corpus.lee_sentences()))
    monkeypatch.setattr(corpus, "real_corpus", lambda: corpus.TokenFile(news))
    monkeypatch.setattr(training, "MAIN_SETTINGS", {**training.MAIN_SETTINGS, "epochs": 1, "min_count": 10})
    return tmp_cache


def test_main_settings_train_the_same_vectors_twice():
    settings = {**training.MAIN_SETTINGS, "min_count": 1, "epochs": 2}
    first, second = Word2Vec(SENTENCES, **settings), Word2Vec(SENTENCES, **settings)
    assert np.array_equal(first.wv.vectors, second.wv.vectors)


def test_tiny_settings_train_the_same_vectors_twice():
    first = Word2Vec(SENTENCES, **training.TINY_SETTINGS)
    second = Word2Vec(SENTENCES, **training.TINY_SETTINGS)
    assert np.array_equal(first.wv.vectors, second.wv.vectors)


def test_load_main_vectors_trains_once_then_reads_the_cache(small_main):
    first = training.load_main_vectors()
    files = sorted(path.name for path in (small_main / "models").iterdir())
    assert len(files) == 2 and files[0].endswith(".bin") and files[1].endswith(".vocab.txt")
    second = training.load_main_vectors()
    assert second.index_to_key == first.index_to_key
    assert np.array_equal(second.vectors, first.vectors)
    word = first.index_to_key[0]
    assert second.get_vecattr(word, "count") == first.get_vecattr(word, "count")


def test_load_main_vectors_rebuilds_a_damaged_cache(small_main):
    good = training.load_main_vectors()
    for path in (small_main / "models").glob("*.bin"):
        path.write_bytes(b"not a model")
    again = training.load_main_vectors()
    assert np.array_equal(again.vectors, good.vectors)


def test_remember_main_model_keeps_only_the_real_main_model(small_main):
    assert training.remember_main_model(Word2Vec(SENTENCES, **training.TINY_SETTINGS)) is False
    other_corpus = Word2Vec(SENTENCES, **training.MAIN_SETTINGS)  # right settings, wrong corpus
    assert training.remember_main_model(other_corpus) is False
    model = training.train_main_model()
    assert training.remember_main_model(model) is True
    assert np.array_equal(training.load_main_vectors().vectors, model.wv.vectors)


def test_within_budget_leaves_a_small_text_alone():
    sentences = [["a", "b", "c"]] * 10
    kept, settings, note = training.within_budget(sentences, training.TINY_SETTINGS)
    assert kept == sentences and settings == dict(training.TINY_SETTINGS) and note is None


def test_within_budget_lowers_epochs_then_samples_sentences():
    sentences = [["word"] * 10 for _ in range(1000)]  # 10,000 tokens
    kept, settings, note = training.within_budget(sentences, {"epochs": 100}, token_passes=200_000)
    assert (
        kept == sentences and settings == {"epochs": 20} and "100 passes" in note and "makes 20 passes instead." in note
    )
    kept, settings, note = training.within_budget(sentences, {"epochs": 100}, token_passes=10_000)
    assert settings == {"epochs": 5} and len(kept) == 200 and kept == sentences[::5]
    assert "one sentence in 5 (2,000 tokens)" in note
    assert sum(map(len, kept)) * settings["epochs"] <= 10_000


def test_within_budget_accepts_numpy_whole_numbers():
    _, settings, _ = training.within_budget([["a"] * 100], {"epochs": np.int64(50)}, token_passes=np.int64(1000))
    assert settings["epochs"] == 10


@pytest.mark.parametrize(
    "sentences, settings, extra",
    [
        ("not a list", {"epochs": 5}, {}),
        ([["a"], "b c"], {"epochs": 5}, {}),
        ([["a"]], {"epochs": 2.5}, {}),
        ([["a"]], {}, {}),
        ([["a"]], None, {}),
        ([["a"]], {"epochs": 5}, {"token_passes": 0}),
        ([["a"]], {"epochs": 5}, {"min_epochs": "5"}),
    ],
)
def test_within_budget_bad_input(sentences, settings, extra):
    with pytest.raises(CourseError):
        training.within_budget(sentences, settings, **extra)


def test_main_model_stem_names_the_settings(monkeypatch):
    stem = training.main_model_stem()
    assert stem.startswith("main-") and len(stem) == len("main-") + 10
    monkeypatch.setattr(training, "MAIN_SETTINGS", {**training.MAIN_SETTINGS, "epochs": 1})
    assert training.main_model_stem() != stem, "other settings, another cached file"


@pytest.mark.parametrize("name", ["MAIN_SETTINGS", "TINY_SETTINGS"])
def test_the_shared_settings_are_read_only_and_say_how_to_copy(name):
    settings = getattr(training, name)
    before = dict(settings)
    for change in (
        lambda: settings.__setitem__("epochs", 3),
        lambda: settings.__delitem__("epochs"),
        lambda: settings.update(epochs=3),
        lambda: settings.pop("epochs"),
        lambda: settings.setdefault("alpha", 0.1),
        lambda: settings.clear(),
    ):
        with pytest.raises(CourseError, match=r"Change a copy instead: settings = \{\*\*helpers\.training"):
            change()
    with pytest.raises(CourseError):
        settings |= {"epochs": 3}
    assert dict(settings) == before


def test_the_shared_settings_still_work_as_a_dict():
    settings = training.TINY_SETTINGS
    assert repr(settings) == repr(dict(settings)), "a lesson that prints them shows a plain dict"
    copy_with_change = {**settings, "epochs": 2}
    copy_with_change["window"] = 1  # a copy is the learner's own
    assert type(copy_with_change) is dict and type(settings.copy()) is dict and type(settings | {}) is dict
    assert copy.deepcopy(settings) == settings and pickle.loads(pickle.dumps(settings)) == settings
    assert json.loads(json.dumps(settings)) == dict(settings)
    assert training._settings_key(training.MAIN_SETTINGS) == training._settings_key(dict(training.MAIN_SETTINGS))
    model = Word2Vec([["a", "b", "c"]] * 3, **{**settings, "epochs": 1})
    assert model.wv.vector_size == settings["vector_size"]


PARALLEL_SETTINGS = {**training.TINY_SETTINGS, "epochs": 3}


def test_train_in_processes_gives_the_vectors_training_here_gives():
    runs = {
        "seed 42": PARALLEL_SETTINGS,
        "seed 43": {**PARALLEL_SETTINGS, "seed": 43},
        "long": {**PARALLEL_SETTINGS, "epochs": 9},
    }
    results = {name: (wv, seconds) for name, wv, seconds in training.train_in_processes(SENTENCES, runs)}
    assert set(results) == set(runs)
    for name, settings in runs.items():
        wv, seconds = results[name]
        here = Word2Vec(SENTENCES, **settings).wv
        assert wv.index_to_key == here.index_to_key
        assert np.array_equal(wv.vectors, here.vectors)
        assert 0 <= seconds < 60
    assert not np.array_equal(results["seed 42"][0].vectors, results["seed 43"][0].vectors)


def test_start_training_returns_at_once_and_gives_the_same_vectors():
    started = training.start_training(SENTENCES, PARALLEL_SETTINGS, name="control")
    assert not started.done()  # starting a process alone takes most of a second
    assert started.name == "control"
    wv, seconds = started.result()
    assert started.done()
    assert np.array_equal(wv.vectors, Word2Vec(SENTENCES, **PARALLEL_SETTINGS).wv.vectors)
    assert seconds >= 0


@pytest.mark.parametrize(
    "sentences, runs, processes, expected",
    [
        ([], {"a": PARALLEL_SETTINGS}, 2, "non-empty list of token lists"),
        ("the cat sleeps", {"a": PARALLEL_SETTINGS}, 2, "non-empty list of token lists"),
        (SENTENCES, {}, 2, "non-empty dict"),
        (SENTENCES, [PARALLEL_SETTINGS], 2, "non-empty dict"),
        (SENTENCES, {"a": "sg=1"}, 2, "must be a dict of Word2Vec settings"),
        (SENTENCES, {"a": PARALLEL_SETTINGS}, 0, "processes must be a whole number"),
        (SENTENCES, {"a": PARALLEL_SETTINGS}, True, "processes must be a whole number"),
        (np.array([["a", "b"], ["c", "d"]]), {"a": PARALLEL_SETTINGS}, 2, "got ndarray"),
        (np.array([]), {"a": PARALLEL_SETTINGS}, 2, "got ndarray"),
        ([["a", "b"], "c d"], {"a": PARALLEL_SETTINGS}, 2, "sentence 2 is a str, not a list of tokens"),
        (SENTENCES, {"a": {**PARALLEL_SETTINGS, "epochs": "7"}}, 2, "Run 'a': epochs must be a whole number"),
        (SENTENCES, {"a": {**PARALLEL_SETTINGS, "epochs": 0}}, 2, "Run 'a': epochs must be a whole number"),
    ],
)
def test_train_in_processes_bad_input(sentences, runs, processes, expected):
    with pytest.raises(CourseError, match=expected):
        list(training.train_in_processes(sentences, runs, processes))


def test_a_failing_run_names_itself_and_its_cause():
    runs = {"fine": PARALLEL_SETTINGS, "typo": {**PARALLEL_SETTINGS, "windoww": 5}}
    with pytest.raises(CourseError, match=r"Run 'typo' failed: TypeError: .*windoww.*Check its settings"):
        list(training.train_in_processes(SENTENCES, runs))
    rare = {**PARALLEL_SETTINGS, "min_count": 1000}  # no word is frequent enough: gensim refuses to train
    with pytest.raises(CourseError, match=r"Run 'control' failed: RuntimeError: .*vocabulary"):
        training.start_training(SENTENCES, rare, name="control").result()


@pytest.mark.parametrize("sentences, settings", [([], PARALLEL_SETTINGS), (SENTENCES, None)])
def test_start_training_bad_input(sentences, settings):
    with pytest.raises(CourseError, match="token lists|must be a dict"):
        training.start_training(sentences, settings)


def test_a_training_process_that_dies_says_what_to_do():
    import os

    pool = training._pool(1)
    future = pool.submit(os._exit, 1)  # the process ends at once, as if killed
    pool.shutdown(wait=False)
    with pytest.raises(CourseError, match=r"'control' stopped before it finished \(interrupted.*Run the cell that"):
        training.Started(future, "control").result()


def test_a_failed_sweep_stops_the_runs_still_going():
    import time

    runs = {"long": {**PARALLEL_SETTINGS, "epochs": 100_000}, "typo": {**PARALLEL_SETTINGS, "windoww": 5}}
    started = time.monotonic()
    with pytest.raises(CourseError, match="Run 'typo' failed"):
        list(training.train_in_processes(SENTENCES, runs))
    assert time.monotonic() - started < 20  # the long run alone would take over a minute


def _notice_and_interrupt_in_child():
    """Runs in a training process: write gensim's notice to sys.stderr, where Python's hook for unraisable
    exceptions writes it, then a real warning; say whether Ctrl-C is ignored there."""
    import signal
    import sys

    sys.stderr.write("Exception ignored in: 'gensim.models.word2vec_inner.our_dot_float'\n")
    sys.stderr.write("a real warning\n")
    sys.stderr.flush()
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_training_processes_filter_gensims_stray_notice_and_ignore_interrupts(capfd):
    with training._pool(1) as pool:
        ignored = pool.submit(_notice_and_interrupt_in_child).result()
    assert ignored
    err = capfd.readouterr().err
    assert "a real warning" in err
    assert "our_dot_float" not in err


def test_start_training_returns_at_once_with_a_real_sized_corpus():
    import time

    started_at = time.monotonic()
    started = training.start_training(SENTENCES * 2000, PARALLEL_SETTINGS, name="big")
    assert time.monotonic() - started_at < 0.5  # the sentences travel while this process goes on
    assert started.result()[0].vector_size == PARALLEL_SETTINGS["vector_size"]


def test_leaving_the_loop_early_stops_the_runs_still_going():
    import time

    runs = {"long": {**PARALLEL_SETTINGS, "epochs": 100_000}, "short": PARALLEL_SETTINGS}
    started = time.monotonic()
    for name, _wv, _seconds in training.train_in_processes(SENTENCES, runs):
        assert name == "short"
        break  # the long run is still going: leaving the loop stops it
    assert time.monotonic() - started < 20  # the long run alone would take over a minute


def test_settings_written_in_the_notebook_are_refused_with_the_way_out():
    def keep_everything(word, count, min_count):  # a trim_rule, as lesson 02 writes one
        return 2

    keep_everything.__module__ = "__main__"  # as if written in a notebook cell
    runs = {"trimmed": {**PARALLEL_SETTINGS, "trim_rule": keep_everything}}
    with pytest.raises(CourseError, match=r"Run 'trimmed': its trim_rule was written in this notebook.*Train that"):
        list(training.train_in_processes(SENTENCES, runs))
    with pytest.raises(CourseError, match="its callbacks was written in this notebook"):
        training.start_training(SENTENCES, {**PARALLEL_SETTINGS, "callbacks": [keep_everything]})
