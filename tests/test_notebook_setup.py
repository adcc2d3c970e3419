"""helpers.setup_notebook and the package's import behaviour."""

import logging
import subprocess
import sys

import numpy as np
import pytest

import helpers


def test_importing_helpers_changes_nothing_global():
    code = (
        "import importlib, logging, pkgutil, numpy, matplotlib; state = lambda: (numpy.get_printoptions(), "
        "dict(matplotlib.rcParams), logging.getLogger('gensim').level, numpy.random.get_state()[1][:5].tolist()); "
        "before = state(); import helpers, helpers.exercises; "
        "[importlib.import_module(m.name) for p in (helpers, helpers.exercises) "
        "for m in pkgutil.iter_modules(p.__path__, p.__name__ + '.')]; print(before == state())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_setup_notebook_seeds_quiets_gensim_and_sets_print_options(monkeypatch):
    monkeypatch.setattr(sys, "stderr", sys.stderr)  # setup_notebook wraps stderr: put it back afterwards
    saved = np.get_printoptions()
    try:
        helpers.setup_notebook(seed=7)
        first = np.random.rand()
        helpers.setup_notebook(seed=7)
        assert np.random.rand() == first
        assert logging.getLogger("gensim").level == logging.WARNING
        assert np.get_printoptions()["precision"] == 3
    finally:
        np.set_printoptions(**saved)


def test_unknown_submodule_is_a_plain_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        helpers.nonexistent  # noqa: B018


def test_course_error_shows_as_one_line_in_jupyter():
    error = helpers.CourseError("Add more text.")
    assert error._render_traceback_() == ["CourseError: Add more text."]
    assert isinstance(error, ValueError)
