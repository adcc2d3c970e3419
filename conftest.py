"""pytest hooks for the whole repository (fixtures for the unit tests are in tests/conftest.py).

- Every test that executes a lesson carries the marker ``notebook``: nbval's cells (marked here) and the
  tests marked ``@pytest.mark.notebook``. ``pytest -m "not notebook"`` runs the fast tests alone.
- Tests that execute lessons run first, so the long ones start early and the quick ones fill the gaps.
- Under pytest-xdist (``python course.py test`` runs ``pytest -n 2 --dist loadfile``), each file's tests
  go to one worker, as ``loadfile`` does: nbval's cells of one notebook share one kernel and must run
  in order. The exception: each test of a file in ``SPREAD`` is a whole lesson run on its own, so those
  are spread over the workers one by one. (xdist's ``loadgroup`` cannot do this with pytest 9: it
  renames test ids, which pytest 9 no longer allows, and silently spreads a notebook's cells.)
- At the end, a table gives the time spent in each test file, so a slow file is easy to spot.
"""

import time
from collections import defaultdict

import pytest

# Test files whose tests are independent whole-lesson runs (see above).
SPREAD = {"tests/test_own_text.py"}

_SECONDS = defaultdict(float)
_TESTS = defaultdict(set)
_STARTED = time.perf_counter()


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebook)
    # A stable sort: the order inside a notebook (and inside every file) stays as it was.
    items.sort(key=lambda item: item.get_closest_marker("notebook") is None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LessonScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid):
            file = nodeid.split("::", 1)[0]
            return nodeid if file in SPREAD else file

    return LessonScheduling(config, log)


def pytest_runtest_logreport(report):
    file = report.nodeid.split("::")[0]
    _SECONDS[file] += report.duration
    _TESTS[file].add(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    if not _SECONDS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("time per test file")
    width = max(30, *(len(file) for file in _SECONDS))
    for file, seconds in sorted(_SECONDS.items(), key=lambda item: -item[1]):
        write(f"{file:<{width}}  {len(_TESTS[file]):>5} tests  {seconds:7.1f} s")
    write(
        f"{'all files, summed over the workers':<{width}}  {sum(map(len, _TESTS.values())):>5} tests  "
        f"{sum(_SECONDS.values()):7.1f} s"
    )
    write(f"{'wall clock':<{width}}  {'':>11}  {time.perf_counter() - _STARTED:7.1f} s")
