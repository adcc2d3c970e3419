"""Measure how long each lesson takes to execute and how much memory it needs.

    python course.py bench                 # the course in order, from an empty cache (a clean clone)
    python course.py bench --standalone    # also each lesson alone, each from an empty cache
    python course.py bench --no-scores     # skip timing and scoring the main model (and the old settings)

Each lesson runs top to bottom in a fresh kernel, exactly as `python course.py execute` would,
but nothing is written back. Peak memory is the kernel's largest resident size. The targets:
every lesson <= 20 s (lesson 06, with its sweep, <= 60 s; lesson 13, with Spark, <= 30 s) and the whole course
<= 200 s. A cell that runs 10 s or more must show progress while it runs (helpers.progress); the report lists
every such cell and whether it does. Timings are not tests: they depend on the machine, so this script only
reports them.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSON_BUDGET, COURSE_BUDGET = 20, 200
LONGER = {"06": 60, "13": 30}  # lesson 06 runs a sweep, lesson 13 starts Spark
LONG_CELL = 10  # seconds: a cell this long shows progress while it runs
IGNORED = "nbval-ignore-output"
SPEED = re.compile(r"pairs/s|× faster")
PROGRESS = re.compile(r"\bprogress\.steps\(")


def budget(path):
    return LONGER.get(path.name[:2], LESSON_BUDGET)


def long_cells(nb, threshold=LONG_CELL):
    """``(cell number, seconds, shows progress)`` for each code cell that ran ``threshold`` seconds or more,
    from the timestamps nbclient records (``execute(..., timing=True)``); cells are numbered from 1."""
    from datetime import datetime

    found = []
    for number, cell in enumerate(nb.cells, start=1):
        stamps = cell.metadata.get("execution", {})
        if cell.cell_type != "code" or "iopub.execute_input" not in stamps or "shell.execute_reply" not in stamps:
            continue
        start, end = (
            datetime.fromisoformat(stamps[key].replace("Z", "+00:00"))
            for key in ("iopub.execute_input", "shell.execute_reply")
        )
        seconds = (end - start).total_seconds()
        if seconds >= threshold:
            found.append((number, round(seconds, 1), bool(PROGRESS.search(cell.source))))
    return found


def children_peak_kb():
    """The largest resident size of any finished child process, in KB; None where Python cannot tell (Windows)."""
    try:
        import resource  # Unix only
    except ImportError:
        return None
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def measure_one(path):
    """Execute one notebook (in this process's child kernel); print JSON with seconds and peak MB (None on
    Windows, which has no ``resource`` module to read a child's peak memory)."""
    from execute_notebooks import execute  # this runs as a script (--one), so tools/ is on sys.path already

    start = time.perf_counter()
    nb = execute(path, timing=True)
    seconds = time.perf_counter() - start
    peak_kb = children_peak_kb()  # the kernel, once it has exited
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": None if peak_kb is None else peak_kb / 1024,
                "speeds": speed_lines(nb),
                "long": long_cells(nb),
            }
        )
    )


def speed_lines(nb):
    """The lines a lesson prints about speed (pairs/s, "× faster") in cells whose output the tests ignore:
    lesson 08 measures its NumPy trainer against gensim there, and the benchmark reports them."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "code" and IGNORED in cell.metadata.get("tags", []):
            text = "".join(output.get("text", "") for output in cell.outputs)
            lines += [line.strip() for line in text.splitlines() if SPEED.search(line)]
    return lines


def run_lesson(path, cache):
    env = {**os.environ, "COURSE_CACHE_DIR": str(cache)}
    env.pop("COURSE_TEXT", None)
    with tempfile.TemporaryDirectory() as output:
        env["COURSE_OUTPUT_DIR"] = output
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(path)], env=env, cwd=ROOT, capture_output=True, text=True
        )
    if result.returncode != 0:
        sys.exit(f"{path.name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def megabytes(value):
    return "n/a" if value is None else f"{value:.0f}"


def report(title, rows):
    print(f"\n{title}\n\n| lesson | seconds | peak memory (MB) | budget (s) |\n|---|---:|---:|---:|")
    for path, row in rows:
        flag = "" if row["seconds"] <= budget(path) else "  **over**"
        print(f"| {path.stem} | {row['seconds']:.1f}{flag} | {megabytes(row['peak_mb'])} | {budget(path)} |")
    for path, row in rows:
        for line in row.get("speeds", []):
            print(f"{path.stem}: {line}")
    for path, row in rows:
        for number, seconds, shows in row.get("long", []):
            verdict = "shows progress" if shows else "**shows no progress**"
            print(f"{path.stem}: cell {number} ran {seconds:.1f} s and {verdict}")
    total = sum(row["seconds"] for _, row in rows)
    flag = "" if total <= COURSE_BUDGET else "  **over**"
    peaks = [row["peak_mb"] for _, row in rows if row["peak_mb"] is not None]
    print(f"| **whole course** | {total:.1f}{flag} | {megabytes(max(peaks) if peaks else None)} | {COURSE_BUDGET} |")


# The main settings of the course's first version (until December 2026), timed beside today's so that the
# ratio of the two training times comes from one run on one machine (tools/research/full_sweep.py).
OLD_MAIN_SETTINGS = dict(
    vector_size=100, window=10, min_count=5, sg=1, hs=1, negative=0, sample=1e-3, alpha=0.025, epochs=7,
    workers=1, seed=42,
)  # fmt: skip


def main_model_scores():
    """Train the main model and the old main settings (both timed, one after the other); print their CPU
    times and ratio, both models' scores on the reporting half of WordSim353, and the main model's table."""
    import helpers

    helpers.setup_notebook()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["COURSE_CACHE_DIR"] = cache
        helpers.corpus.real_corpus()  # tokenizing is not training: do it before the clock starts
        start, cpu = time.perf_counter(), time.process_time()
        model = helpers.training.train_main_model()
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        cpu = time.process_time()
        old_model = helpers.training.train_main_model(**OLD_MAIN_SETTINGS)
        old_cpu_seconds = time.process_time() - cpu
    print(f"\nMain model ({dict(helpers.training.MAIN_SETTINGS)}):")
    print(f"trained in {seconds:.1f} s wall clock, {cpu_seconds:.1f} s CPU (workers=1: one core)")
    print(f"old main settings ({OLD_MAIN_SETTINGS}): {old_cpu_seconds:.1f} s CPU in the same run")
    print(f"ratio of the CPU times, main / old: {cpu_seconds / old_cpu_seconds:.2f}")
    _, reporting = helpers.evaluation.split_word_pairs("WordSim353")
    for name, wv in (("main model", model.wv), ("old main settings", old_model.wv)):
        rho, covered = helpers.evaluation.pairs_score(wv, reporting)
        print(f"{name}, reporting half of WordSim353: ρ {rho:.2f} on {covered} of {len(reporting)} pairs")
    print(helpers.evaluation.evaluate(model.wv))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--standalone", action="store_true", help="also run each lesson alone from an empty cache")
    parser.add_argument("--no-scores", action="store_true", help="skip training and scoring the main model")
    parser.add_argument("lessons", nargs="*", help="notebooks to run (default: all, in order)")
    args = parser.parse_args()
    if args.one:
        return measure_one(args.one)
    lessons = [Path(p).resolve() for p in args.lessons] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as cache:
        in_order = [(path, run_lesson(path, cache)) for path in lessons]
    report("In course order, starting from an empty cache (as after a fresh clone):", in_order)
    if args.standalone:
        alone = []
        for path in lessons:
            with tempfile.TemporaryDirectory() as cache:
                alone.append((path, run_lesson(path, cache)))
        report("Each lesson alone, from an empty cache (it trains the main model itself if it needs it):", alone)
    if not args.no_scores:
        main_model_scores()


if __name__ == "__main__":
    main()
