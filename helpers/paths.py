"""Where the course keeps its files. Every path resolves from the package location,
so lessons run from any working directory.

- ``DATA_DIR``: text that ships with the course (``data/``).
- ``output_dir()``: files the lessons write for you to look at (models, exports); git-ignored.
- ``cache_dir()``: things kept only to save time (tokenized corpus, the main model); git-ignored,
  safe to delete at any time.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"


def output_dir():
    """Return the folder for files lessons write (``output/``, or ``$COURSE_OUTPUT_DIR``), creating it."""
    folder = Path(os.environ.get("COURSE_OUTPUT_DIR") or ROOT / "output")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_dir(kind):
    """Return ``.cache/<kind>/`` (or under ``$COURSE_CACHE_DIR``), creating it."""
    folder = Path(os.environ.get("COURSE_CACHE_DIR") or ROOT / ".cache") / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def output_path(name):
    """Return ``output_dir() / name``: the place a lesson saves a file called ``name``."""
    return output_dir() / name
