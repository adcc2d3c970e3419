"""Every lesson runs as handed out to learners, and on a learner's own text: it completes, or stops at a
CourseError saying what to change.

Each lesson in notebooks/ (found by glob, so new lessons are covered) runs ONCE from the top, in one fresh
kernel of this environment: as the student copy (tools/make_handouts.py: worked solutions removed, outputs
cleared) with the course's own text (``COURSE_TEXT`` unset). It must complete: the exercise cells run as
committed, without the solutions. (The solutions and every stored output are checked by strict nbval.)

Then, in the same kernel, the learner points ``COURSE_TEXT`` at another file and re-runs the lesson from its
first cell that reads their text (as a learner re-runs the section after changing the file). No cell before
that one reads the text, so this is what a run from the top would do, at a fraction of the cost:

- the sample texts in tests/texts/: ``tiny.txt`` (five short sentences), ``german.txt`` (German, with umlauts
  and ß) and ``noisy.txt`` (emoji, URLs, hashtags, prices and punctuation noise): each completes or stops at
  a CourseError, in the own-text part, with advice;
- bad files: an empty file, a Word document (binary), a Latin-1 file (not UTF-8) and a file of only
  stopwords: each must stop at a CourseError that names the problem.

The runs use a copy of the notebook in memory (the committed notebook is never written), a temporary
``COURSE_OUTPUT_DIR``, and check that the text files and data/ are byte for byte unchanged. The main model
comes from the shared .cache/ (trained once, by whichever lesson needs it first).
"""

import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


handouts = load_script("tools/make_handouts.py")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TEXTS = Path(__file__).resolve().parent / "texts"
SAMPLE_TEXTS = ["tiny.txt", "german.txt", "noisy.txt"]
# How a cell reads the learner's text; the lesson is re-run from the first cell that does.
READS_MY_TEXT = re.compile(r"load_my_sentences|my_text_path|COURSE_TEXT")
OWN_TEXT_HEADING = re.compile(r"^#+ (\d+\. )?Your own text", re.M)
# A message that says what to change uses one of these verbs.
ADVICE = re.compile(
    r"\b(add|lower|raise|increase|reduce|use|write|save|give|check|change|try|set|pick|"
    r"choose|remove|replace|put|run)\b",
    re.I,
)


@dataclass
class Outcome:
    completed: bool
    ename: str = ""
    evalue: str = ""
    cell: int = -1  # index in nb.cells of the cell that stopped the run

    def describe(self):
        return "completed" if self.completed else f"stopped at cell {self.cell}: {self.ename}: {self.evalue}"


def first_text_cell(nb):
    """Index of the first code cell that reads the learner's text (or opens the own-text section)."""
    candidates = [
        index for index, cell in enumerate(nb.cells) if cell.cell_type == "code" and READS_MY_TEXT.search(cell.source)
    ]
    heading = [
        index
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown" and OWN_TEXT_HEADING.search(cell.source)
    ]
    if heading:
        after_heading = [
            index for index, cell in enumerate(nb.cells) if index > heading[0] and cell.cell_type == "code"
        ]
        candidates += after_heading[:1]
    return min(candidates) if candidates else None


class LessonRun:
    """One kernel running a copy of a lesson; cells run one by one so the text can be swapped mid-way."""

    def __init__(self, nb, workdir):
        self.nb = nbformat.from_dict(nb)  # a deep copy: the notebook given is not changed
        for cell in self.nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        self.client = NotebookClient(
            self.nb,
            timeout=600,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(workdir)}},
        )

    def run_cells(self, start=0):
        """Run the code cells from index ``start`` on; return the ``Outcome``."""
        for index in range(start, len(self.nb.cells)):
            cell = self.nb.cells[index]
            if cell.cell_type != "code":
                continue
            try:
                self.client.execute_cell(cell, index)
            except CellExecutionError as error:
                return Outcome(False, error.ename, error.evalue, index)
        return Outcome(True)

    def switch_text(self, text_path):
        """Point ``COURSE_TEXT`` at another file inside the running kernel, as if set before starting it."""
        cell = new_code_cell(f"import os\nos.environ['COURSE_TEXT'] = {str(text_path)!r}")
        self.nb.cells.append(cell)  # nbclient stores the executed cell back at its index
        try:
            self.client.execute_cell(cell, len(self.nb.cells) - 1)
        finally:
            self.nb.cells.pop()


def fingerprint(paths):
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def course_files(lesson):
    """The files a lesson must never change: data/, the sample texts and the committed lesson itself."""
    return [p for folder in (ROOT / "data", TEXTS) for p in sorted(folder.rglob("*")) if p.is_file()] + [lesson]


def make_bad_texts(folder):
    """Write the bad files a learner might point COURSE_TEXT at; return ``{name: (path, expected words)}``."""
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    docx = folder / "my_notes.docx"  # a Word document is a zip archive: binary, with NUL bytes
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body>The cat sat.</w:body></w:document>")
    latin1 = folder / "latin1.txt"
    latin1.write_bytes("Grüße aus München. Die Katze schläft auf dem Sofa.\n".encode("latin-1"))
    return {
        "empty": (empty, "no text"),
        "binary": (docx, "binary"),
        "latin-1": (latin1, "UTF-8"),
        "stopwords": (TEXTS / "stopwords_only.txt", "stopword"),
    }


@pytest.fixture
def isolated(tmp_path, monkeypatch, path):
    """A temporary working folder and output folder; fails if the lesson changed a file of the course."""
    monkeypatch.setenv("COURSE_OUTPUT_DIR", str(tmp_path / "output"))
    workdir = tmp_path / "work"
    workdir.mkdir()
    before = fingerprint(course_files(path))
    yield workdir
    assert fingerprint(course_files(path)) == before, f"{path.name} changed a file in data/, tests/texts/ or itself"


def assert_clear_stop(outcome, start, label):
    """A run that did not complete must stop at a CourseError, in the own-text part, with advice."""
    assert outcome.ename == "CourseError", f"{label}: not a clear stop: {outcome.describe()}"
    assert outcome.cell >= start, (
        f"{label}: stopped at cell {outcome.cell}, before the lesson reads "
        f"the learner's text (cell {start}): {outcome.describe()}"
    )
    assert ADVICE.search(outcome.evalue), f"{label}: the message does not say what to change: {outcome.evalue}"


def test_sample_texts_are_what_the_tests_claim():
    from helpers.corpus import load_sentences
    from helpers.words import top_content_words, word_counts

    tiny = load_sentences(TEXTS / "tiny.txt")
    assert len(tiny) == 5 and all(len(sentence) <= 8 for sentence in tiny)
    german = (TEXTS / "german.txt").read_text(encoding="utf-8")
    assert all(letter in german for letter in "äöüßÄÖ")
    noisy = (TEXTS / "noisy.txt").read_text(encoding="utf-8")
    assert "https://" in noisy and "😂" in noisy and "!!!" in noisy
    assert "katze" in top_content_words(load_sentences(TEXTS / "german.txt"))
    assert len(word_counts(load_sentences(TEXTS / "noisy.txt"))) > 50


def test_every_lesson_reads_the_learners_text():
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        assert first_text_cell(nbformat.read(path, as_version=4)) is not None, (
            f"{path.name} has no 'Your own text' section calling helpers.corpus.load_my_sentences()"
        )


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_lesson_as_handed_out_and_on_own_texts(path, isolated, monkeypatch, subtests):
    monkeypatch.delenv("COURSE_TEXT", raising=False)
    student_copy, _ = handouts.student_copy(nbformat.read(path, as_version=4))
    run = LessonRun(student_copy, isolated)
    start = first_text_cell(run.nb)
    with run.client.setup_kernel():
        outcome = run.run_cells()
        print(f"{path.name}, student copy, course text: {outcome.describe()}")
        assert outcome.completed, (
            f"the student copy of {path.name} does not run as handed out (a later cell "
            f"may need a solution cell's variable): {outcome.describe()}"
        )
        for text in SAMPLE_TEXTS:
            with subtests.test(text=text):
                run.switch_text(TEXTS / text)
                outcome = run.run_cells(start)
                print(f"{path.name} on {text}: {outcome.describe()}")
                if not outcome.completed:
                    assert_clear_stop(outcome, start, f"{path.name} on {text}")
        for name, (bad_path, expected) in make_bad_texts(isolated.parent).items():
            with subtests.test(bad_text=name):
                run.switch_text(bad_path)
                bad = run.run_cells(start)
                print(f"{path.name} on {name}: {bad.describe()}")
                assert not bad.completed, f"{path.name} completed on the {name} file instead of stopping"
                assert_clear_stop(bad, start, f"{path.name} on the {name} file")
                assert expected.lower() in bad.evalue.lower(), (
                    f"{path.name} on the {name} file: expected a message about {expected!r}, got {bad.evalue}"
                )
