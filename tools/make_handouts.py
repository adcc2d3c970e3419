"""Make student copies of the lessons: outputs cleared, worked solutions removed, hints kept.

    python course.py handouts                     # every lesson -> student/
    python course.py handouts --out ~/Desktop/ws  # somewhere else
    python course.py handouts notebooks/01_tokenizing.ipynb
    python course.py handouts --force             # replace copies that were changed since

In each copy:
- every code cell tagged ``solution`` is removed, and so is every ``<details><summary>Solution ...``
  block of the Markdown (a Markdown cell left empty by that goes too);
- hints (``<details><summary>Hint ...``), the "Your turn" cells and the exercise checks stay;
- outputs and execution counts are cleared, so learners see each result when they run the cell;
- a short note after the title says it is a student copy.

student/ is git-ignored. A copy that already exists and differs from a fresh one (a learner may be
working in it) is kept, never overwritten, unless you pass --force.
"""

import argparse
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_markdown_cell

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOLUTION_TAG = "solution"
SOLUTION_BLOCK = re.compile(r"<details>\s*<summary>\s*Solution.*?</details>\s*", re.S | re.I)
NOTE = (
    "> **Student copy.** Run the cells in order and work on the *Your turn* cells: hints are under "
    "*Hint*, and where an exercise cell ends with a check, it tells you when your answer is right. "
    "The worked solutions are left out; your teacher has them (the lessons in the course repository)."
)


def is_solution(cell):
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def student_copy(nb):
    """Return ``(copy, removed)``: a student version of notebook ``nb`` and how many solution cells it lost."""
    copy = nbformat.from_dict(nb)  # a deep copy: the lesson itself is untouched
    cells, removed = [], 0
    for cell in copy.cells:
        if is_solution(cell):
            removed += 1
            continue
        if cell.cell_type == "markdown":
            text = SOLUTION_BLOCK.sub("", cell.source).strip()
            if not text:
                continue
            if text != cell.source.strip():
                cell.source = text
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    note = new_markdown_cell(NOTE)
    note.id = "student-copy-note"  # a fixed id, so making the copy twice gives the same file
    copy.cells = cells[:1] + [note] + cells[1:]
    return copy, removed


def lessons(paths):
    if paths:
        return [Path(path).resolve() for path in paths]
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def make_handouts(paths=(), out=ROOT / "student", force=False, report=print):
    """Write a student copy of each lesson in ``paths`` (default: every lesson) into ``out``.

    Returns the list of copies written or already up to date; copies kept because they were changed
    are reported and left out of the list.
    """
    out = Path(out).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for path in lessons(paths):
        if not path.exists():
            sys.exit(f"No lesson at {path}: give paths like notebooks/01_tokenizing.ipynb.")
        copy, removed = student_copy(nbformat.read(path, as_version=4))
        nbformat.validate(copy)
        target = out / path.name
        text = nbformat.writes(copy).rstrip("\n") + "\n"
        if target.exists() and target.read_text(encoding="utf-8") != text and not force:
            report(
                f"kept  {target.name}: it differs from a fresh copy (a learner may be working in it, or "
                "the lesson changed); delete it or add --force to replace it"
            )
            continue
        status = "same " if target.exists() and target.read_text(encoding="utf-8") == text else "wrote"
        target.write_text(text, encoding="utf-8")
        report(f"{status} {target.name} ({removed} solution cell{'s' if removed != 1 else ''} removed)")
        done.append(target)
    copy_assets(out)
    return done


def copy_assets(out):
    """Copy any pictures or data files the lessons link to (everything in notebooks/ but notebooks)."""
    for asset in NOTEBOOKS.rglob("*"):
        if asset.is_file() and asset.suffix != ".ipynb" and ".ipynb_checkpoints" not in asset.parts:
            target = out / asset.relative_to(NOTEBOOKS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, target)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="lessons to copy (default: every lesson in notebooks/)")
    parser.add_argument("--out", default=str(ROOT / "student"), help="folder for the copies (default: student/)")
    parser.add_argument("--force", action="store_true", help="replace copies that were changed since")
    args = parser.parse_args(argv)
    done = make_handouts(args.paths, args.out, args.force)
    print(f"{len(done)} student cop{'y' if len(done) == 1 else 'ies'} in {Path(args.out).expanduser()}")


if __name__ == "__main__":
    main()
