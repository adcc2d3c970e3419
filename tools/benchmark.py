"""Measure how long each lesson takes to execute and how much memory it needs.

    python course.py bench                 # the course in order, from an empty cache (a clean clone)
    python course.py bench --standalone    # also each lesson alone, each from an empty cache
    python course.py bench --no-scores     # skip timing and scoring the main model

Each lesson runs top to bottom in a fresh kernel, exactly as `python course.py execute` would,
but nothing is written back. Peak memory is the kernel's largest resident size. The targets:
every lesson <= 20 s (lesson 06, with its sweep, <= 60 s; lesson 13, which starts Java for Spark, <= 30 s) and the
whole course <= 200 s (thirteen lessons).
Timings are not tests: they depend on the machine, so this script only reports them.
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
LESSON_BUDGET, SWEEP_BUDGET, SPARK_BUDGET, COURSE_BUDGET = 20, 60, 30, 200
IGNORED = "nbval-ignore-output"
SPEED = re.compile(r"pairs/s|× faster")


def budget(path):
    if path.name.startswith("06_"):
        return SWEEP_BUDGET
    return SPARK_BUDGET if path.name.startswith("13_") else LESSON_BUDGET


def measure_one(path):
    """Execute one notebook (in this process's child kernel); print JSON with seconds and peak MB."""
    import resource

    from execute_notebooks import execute  # this runs as a script (--one), so tools/ is on sys.path already

    start = time.perf_counter()
    nb = execute(path)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the kernel, once it has exited
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "speeds": speed_lines(nb)}))


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


def report(title, rows):
    print(f"\n{title}\n\n| lesson | seconds | peak memory (MB) | budget (s) |\n|---|---:|---:|---:|")
    for path, row in rows:
        flag = "" if row["seconds"] <= budget(path) else "  **over**"
        print(f"| {path.stem} | {row['seconds']:.1f}{flag} | {row['peak_mb']:.0f} | {budget(path)} |")
    for path, row in rows:
        for line in row.get("speeds", []):
            print(f"{path.stem}: {line}")
    total = sum(row["seconds"] for _, row in rows)
    flag = "" if total <= COURSE_BUDGET else "  **over**"
    print(f"| **whole course** | {total:.1f}{flag} | {max(r['peak_mb'] for _, r in rows):.0f} | {COURSE_BUDGET} |")


def main_model_scores():
    """Train the main model once (timed) and print its evaluation table."""
    import helpers

    helpers.setup_notebook()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["COURSE_CACHE_DIR"] = cache
        helpers.corpus.real_corpus()  # tokenizing is not training: do it before the clock starts
        start, cpu = time.perf_counter(), time.process_time()
        model = helpers.training.train_main_model()
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(f"\nMain model ({helpers.training.MAIN_SETTINGS}):")
    print(f"trained in {seconds:.1f} s wall clock, {cpu_seconds:.1f} s CPU (workers=1: one core)")
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
