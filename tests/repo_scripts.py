"""Load a script of the repository (course.py, tools/*.py) as a module, by its path: tools/ is not a
package and course.py is run, not installed. Tests import this: ``from repo_scripts import load_script``."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_script(relative):
    """Return the module the script at ``ROOT / relative`` defines (its ``__main__`` block does not run)."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
