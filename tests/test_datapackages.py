"""helpers.datapackages: files read by path from installed data packages, checked by sha256."""

import hashlib

import pytest
from repo_scripts import load_script

from helpers import CourseError
from helpers.datapackages import data_file

CONTENT = b"king\t0.1 0.2\nqueen\t0.3 0.4\n"
DIGEST = hashlib.sha256(CONTENT).hexdigest()


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """An installed distribution 'course-fake-data' 1.0 with one data file, found on sys.path."""
    site = tmp_path / "site"
    info = site / "course_fake_data-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: course-fake-data\nVersion: 1.0\n")
    data = site / "course_fake_data" / "data"
    data.mkdir(parents=True)
    (data / "vectors.txt").write_bytes(CONTENT)
    monkeypatch.syspath_prepend(str(site))
    return site


def test_returns_the_checked_path(fake_package):
    path = data_file("course-fake-data", "course_fake_data/data/vectors.txt", DIGEST)
    assert path == fake_package / "course_fake_data" / "data" / "vectors.txt"
    assert path.read_bytes() == CONTENT


def test_digest_is_case_insensitive_and_checked_again_after_a_change(fake_package):
    path = data_file("course-fake-data", "course_fake_data/data/vectors.txt", DIGEST.upper())
    path.write_bytes(CONTENT + b"extra\n")  # the learner (or a broken download) changed it
    with pytest.raises(CourseError, match="not the one the course was written for"):
        data_file("course-fake-data", "course_fake_data/data/vectors.txt", DIGEST)


def test_wrong_bytes_say_how_to_reinstall(fake_package):
    with pytest.raises(CourseError, match="sha256.*requirements-data.txt"):
        data_file("course-fake-data", "course_fake_data/data/vectors.txt", "0" * 64)


def test_missing_package_says_how_to_install():
    with pytest.raises(CourseError, match="not installed.*course.py"):
        data_file("course-no-such-package", "x/y.bin", DIGEST)


def test_missing_file_in_an_installed_package(fake_package):
    with pytest.raises(CourseError, match="has no file course_fake_data/data/gone.txt"):
        data_file("course-fake-data", "course_fake_data/data/gone.txt", DIGEST)


def test_a_folder_is_not_a_file(fake_package):
    with pytest.raises(CourseError, match="has no file"):
        data_file("course-fake-data", "course_fake_data/data", DIGEST)


@pytest.mark.parametrize(
    "args",
    [
        ("", "a", DIGEST),
        ("   ", "a", DIGEST),
        ("p", "", DIGEST),
        ("p", "a", None),
        (b"p", "a", DIGEST),
        ("p", "a", "abc"),
        ("p", "a", "z" * 64),
    ],
)
def test_bad_arguments_are_explained(args):
    with pytest.raises(CourseError, match="data_file\\(\\) needs"):
        data_file(*args)


def _course_module():
    return load_script("course.py")


def test_setup_installs_data_packages_only_when_some_are_listed(tmp_path):
    course = _course_module()
    listed = tmp_path / "with.txt"
    listed.write_text("# notes\nsome-data==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n", encoding="utf-8")
    only_comments = tmp_path / "without.txt"
    only_comments.write_text("# notes only\n\n   # indented note\n", encoding="utf-8")
    assert course.has_requirements(listed)
    assert not course.has_requirements(only_comments)
    assert course.DATA_REQUIREMENTS == "requirements-data.txt"
