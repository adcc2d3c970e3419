"""Re-run notebooks top to bottom and store their outputs, as they are committed.

    python course.py execute                      # every lesson
    python course.py execute notebooks/02_*.ipynb # some

Runs each notebook in a fresh kernel of this environment, with the course's own sample text
(COURSE_TEXT unset), and writes it back in place with execution counts 1, 2, 3, ... Each worked solution
(a cell tagged ``solution``) is stored collapsed, code and output, so a learner sees the answer only after
opening it (JupyterLab's ``source_hidden``/``outputs_hidden``); nbval still compares its outputs.
"""

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SOLUTION_TAG = "solution"
# JupyterLab's cell metadata for a collapsed cell: the code and the output each show as "..." until clicked.
HIDDEN = {"source_hidden": True, "outputs_hidden": True}


def hide_solutions(nb):
    """Collapse the code and the output of every cell tagged ``solution`` in ``nb`` (changed in place)."""
    for cell in nb.cells:
        if cell.cell_type == "code" and SOLUTION_TAG in cell.metadata.get("tags", []):
            cell.metadata["jupyter"] = {**cell.metadata.get("jupyter", {}), **HIDDEN}
    return nb


def execute(path, timeout=600, timing=False):
    """Execute the notebook at ``path`` in a fresh kernel and return it (not saved). With ``timing``, each
    code cell's metadata gets nbclient's ``execution`` timestamps (the benchmark reads them; never saved)."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=timing,
        resources={"metadata": {"path": str(Path(path).parent)}},
    )
    client.execute()
    return hide_solutions(nb)


def write(nb, path):
    """Write ``nb`` to ``path`` as UTF-8 with Unix line ends on every system (a stable diff from Windows too)."""
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        nbformat.write(nb, file)


def main(paths):
    os.environ.pop("COURSE_TEXT", None)
    paths = paths or sorted(str(p) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"executing {path} ...", flush=True)
        write(execute(path), path)


if __name__ == "__main__":
    main(sys.argv[1:])
