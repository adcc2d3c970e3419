"""Build the course's website into _site/ from the committed notebooks and their stored outputs.

    python3 course.py site              (or: .venv/bin/python tools/build_site.py)
    python3 course.py site --verbose    the same, with Sphinx's progress messages

Nothing is executed: every output on the site is the one stored in the notebook, the same one strict nbval
re-checks. Nothing is fetched either: Sphinx, myst-nb (notebooks), the furo theme and MathJax (formulas,
from the django-static-mathjax package) are installed from requirements.txt, and the site loads no file
from another host, so it works opened straight from disk (open _site/index.html) and on any static host.

How: the pages' sources are first put together in .cache/site/source/ (git-ignored, rebuilt each time):
README.md becomes the home page, every notebooks/NN_*.ipynb a lesson page (solution cells collapsed as in
JupyterLab, a "run it on your laptop" box with a download link added after the first cell), TEACHING.md,
data/README.md, both licences, CONTRIBUTING.md and CHANGELOG.md. Then Sphinx builds them with the
settings in tools/site/conf.py (.cache/site/extra/ holds the notebooks to download, .cache/site/mathjax/ the
MathJax file). Uses only the standard library besides Sphinx.
"""

import importlib.util
import json
import re
import shutil
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF_DIR = ROOT / "tools" / "site"
WORK = ROOT / ".cache" / "site"
SOURCE = WORK / "source"
OUT = ROOT / "_site"
WARNINGS = WORK / "warnings.txt"  # Sphinx's warnings of the last build (a link to no page, a formula error, ...)
MARKER = ".course-site"  # written into _site/ so that a rebuild only ever deletes a folder it made
LESSON = re.compile(r"^\d\d_[a-z0-9_]+\.ipynb$")
# Markdown pages copied from the repository, with the links that point at them unchanged.
PAGES = ["TEACHING.md", "CONTRIBUTING.md", "CHANGELOG.md", "data/README.md"]
# Pages whose first heading is a folder name, and the title they get on the site.
TITLES = {"data/README.md": "Data and its licences"}
# Files that pages link to and a reader may download (copied; Sphinx serves them from _downloads/).
DOWNLOADS = ["data/my_text.txt"]
# Links in the Markdown pages to files that are not pages: where they point on the site.
LINK_TARGETS = {
    "README.md": "index.md",
    "../README.md": "../index.md",
    "LICENSE": "licence.md#code-mit-license",
    "LICENSE-CONTENT": "licence.md#lesson-text-and-figures-cc-by-4-0",
    "../LICENSE": "../licence.md#code-mit-license",
    "../LICENSE-CONTENT": "../licence.md#lesson-text-and-figures-cc-by-4-0",
}
# MathJax 3 as one file with every TeX extension and SVG output (it draws the glyphs itself: no font files to
# load, which a page opened from disk may not be allowed to do), and its licence. From the django-static-mathjax
# wheel (MathJax's own distribution files; the package needs no Django).
MATHJAX_FILES = ["es5/tex-svg-full.js", "LICENSE"]


class SiteError(Exception):
    """A problem the person building the site can fix; the message says how."""


def lessons(root=ROOT):
    """The lesson notebooks, ``notebooks/NN_topic.ipynb``, in course order."""
    return sorted(path for path in (root / "notebooks").glob("*.ipynb") if LESSON.match(path.name))


def rewrite_links(markdown):
    """``markdown`` with links to README.md and the licence files pointed at their pages on the site."""

    def replace(match):
        target, anchor = match.group(2), match.group(3) or ""
        if target in LINK_TARGETS:
            new = LINK_TARGETS[target]
            return f"]({new if '#' in new else new + anchor})"
        return match.group(0)

    return re.sub(r"\]\((([^)#\s]+))(#[^)\s]*)?\)", replace, markdown)


def home_page(readme):
    """The home page's MyST source: the README (what the course is, the two commands, the lessons), then
    the site's navigation (a hidden table of contents that Sphinx turns into the sidebar and previous/next)."""
    title, _, rest = readme.partition("\n")
    note = (
        "\n:::{note}\nYou are reading the course's website: every lesson with the outputs of its last clean "
        "run, the very outputs the tests re-check. To run the lessons on your laptop, get the course folder "
        "and follow [Start in two commands](#start-in-two-commands).\n:::\n"
    )
    toc = (
        "\n```{toctree}\n:hidden:\n:caption: Lessons\n:glob:\n\nnotebooks/*\n```\n\n"
        "```{toctree}\n:hidden:\n:caption: For teachers and contributors\n\n"
        "TEACHING\nData and its licences <data/README>\nLicence <licence>\nCONTRIBUTING\nCHANGELOG\n```\n"
    )
    return title + "\n" + note + rewrite_links(rest) + toc


def licence_page(code_licence, content_licence):
    """The licence page: both licence files, word for word."""
    return (
        "# Licence\n\nThe code (helpers, tools, tests, `course.py` and the lessons' code cells) is under the MIT "
        "License; the lesson text, figures and the course's own texts are under CC BY 4.0. The data the lessons "
        "read keeps its own licence: see [the data page](data/README.md#licences-of-the-data).\n\n"
        f"## Code: MIT License\n\n```text\n{code_licence.strip()}\n```\n\n"
        f"## Lesson text and figures: CC BY 4.0\n\n```text\n{content_licence.strip()}\n```\n"
    )


def run_box(notebook_name):
    """The Markdown cell added after a lesson's first cell: how to run it, and its download link."""
    return (
        ":::{admonition} Run it on your laptop\n:class: tip course-run\n"
        "This page shows the lesson with the outputs of its last clean run. To run it yourself, get the whole "
        "course folder (the lesson needs its `helpers` and `data/`), then, in that folder:\n\n"
        "- `python3 course.py lab` (Windows: `py course.py lab`) sets everything up and opens JupyterLab: open "
        f"`notebooks/{notebook_name}` and run the cells from the top;\n"
        "- `python3 course.py test` (Windows: `py course.py test`) checks that every output is reproduced.\n\n"
        f'<a class="course-download" href="{notebook_name}" download>Download this notebook</a> '
        "(the lesson file alone; it runs inside the course folder). "
        "More in [Start in two commands](../index.md#start-in-two-commands).\n:::"
    )


def collapse(cell):
    """Tag a code cell (a dict, changed in place) so that its page collapses what JupyterLab collapses: the
    source (``jupyter.source_hidden``, and every cell tagged ``solution``), the outputs
    (``jupyter.outputs_hidden``), or both in one. A solution's button says so."""
    metadata = cell.setdefault("metadata", {})
    tags = metadata.get("tags", [])
    hidden = metadata.get("jupyter", {})
    source, outputs = "solution" in tags or hidden.get("source_hidden"), hidden.get("outputs_hidden")
    if not (source or outputs):
        return
    metadata["tags"] = [*tags, "hide-cell" if source and outputs else "hide-input" if source else "hide-output"]
    if "solution" in tags:
        metadata["mystnb"] = {
            **metadata.get("mystnb", {}),
            "code_prompt_show": "Show the worked solution",
            "code_prompt_hide": "Hide the worked solution",
        }


def lesson_for_site(notebook, name):
    """A copy of the notebook (a dict) for its page: cells collapsed as in JupyterLab (solutions), links to
    files that are not pages pointed at their pages, and the "run it on your laptop" box after the first
    cell. The outputs are unchanged."""
    cells = []
    for cell in json.loads(json.dumps(notebook["cells"])):
        if cell["cell_type"] == "code":
            collapse(cell)
        elif cell["cell_type"] == "markdown":
            cell["source"] = rewrite_links("".join(cell["source"]))
        cells.append(cell)
    box = {"cell_type": "markdown", "id": "course-site-run-box", "metadata": {}, "source": run_box(name)}
    return {**notebook, "cells": cells[:1] + [box] + cells[1:]}


def stage(root=ROOT, work=WORK):
    """Put the site's sources together in ``work`` (emptied first). Returns the lesson paths used."""
    source, extra, mathjax = work / "source", work / "extra", work / "mathjax"
    for folder in (source, extra, mathjax):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    (source / "index.md").write_text(home_page((root / "README.md").read_text(encoding="utf-8")), encoding="utf-8")
    for page in PAGES:
        target = source / page
        target.parent.mkdir(parents=True, exist_ok=True)
        text = rewrite_links((root / page).read_text(encoding="utf-8"))
        if page in TITLES and text.startswith("# "):
            text = f"# {TITLES[page]}\n" + text.partition("\n")[2]
        target.write_text(text, encoding="utf-8")
    for name in DOWNLOADS:
        shutil.copy2(root / name, source / name)
    (source / "licence.md").write_text(
        licence_page(
            (root / "LICENSE").read_text(encoding="utf-8"), (root / "LICENSE-CONTENT").read_text(encoding="utf-8")
        ),
        encoding="utf-8",
    )
    found = lessons(root)
    if not found:
        raise SiteError(f"No lessons found: expected notebooks/NN_topic.ipynb files in {root / 'notebooks'}.")
    (source / "notebooks").mkdir()
    (extra / "notebooks").mkdir()
    for path in found:
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SiteError(
                f"{path.name} is not a readable notebook ({error}). Restore it from git "
                f"(git checkout -- notebooks/{path.name}) or save it again from JupyterLab."
            ) from error
        page = lesson_for_site(notebook, path.name)
        (source / "notebooks" / path.name).write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
        shutil.copy2(path, extra / "notebooks" / path.name)  # the download: the committed file itself
    for asset in (root / "notebooks").rglob("*"):  # pictures and files the lessons link to
        if asset.is_file() and asset.suffix != ".ipynb" and ".ipynb_checkpoints" not in asset.parts:
            target = source / "notebooks" / asset.relative_to(root / "notebooks")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, target)
    copy_mathjax(mathjax / "mathjax")
    return found


def copy_mathjax(target):
    """Copy the MathJax files the pages load (from the django-static-mathjax package) into ``target``."""
    spec = importlib.util.find_spec("mathjax")
    static = Path(spec.origin).parent / "static" / "mathjax" if spec and spec.origin else None
    if static is None or not all((static / name).is_file() for name in MATHJAX_FILES):
        raise SiteError(
            "MathJax is missing (the django-static-mathjax package). Run `python3 course.py site`, which "
            "installs requirements.txt first."
        )
    target.mkdir(parents=True, exist_ok=True)
    for name in MATHJAX_FILES:
        shutil.copy2(static / name, target / Path(name).name)


def clear_output(out=OUT):
    """Empty the output folder, but only if this tool made it (it holds the marker file)."""
    if out.exists():
        if not (out / MARKER).exists():
            raise SiteError(
                f"{out} exists but was not made by this tool, so it is left alone. Move or delete it, then build again."
            )
        shutil.rmtree(out)


def build(out=OUT, quiet=True):
    """Stage the sources, run Sphinx into .cache/site/html/, then move the finished site to ``out`` (so a
    failed build leaves the previous site in place). Returns (number of lessons, seconds)."""
    from sphinx.cmd.build import build_main

    start = time.perf_counter()
    found = stage()
    html = WORK / "html"  # myst-nb writes the notebooks' images beside it, in .cache/site/jupyter_execute/
    if html.exists():
        shutil.rmtree(html)
    options = ["-b", "html", "-E", "-c", str(CONF_DIR), "-d", str(WORK / "doctrees"), "-w", str(WARNINGS)]
    with warnings.catch_warnings():
        # Sphinx's notices to extension authors (myst-parser uses an API Sphinx 11 will remove): not ours to fix.
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        status = build_main([*options, *(["-q"] if quiet else []), str(SOURCE), str(html)])
    if status != 0:
        raise SiteError(f"Sphinx stopped with status {status}; its messages above say which page and why.")
    (html / MARKER).write_text("Built by tools/build_site.py; `python3 course.py site` deletes and rebuilds it.\n")
    clear_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(html, out)
    return len(found), time.perf_counter() - start


def folder_size(folder):
    """Total bytes of the files under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv):
    quiet = "--verbose" not in argv
    try:
        count, seconds = build(quiet=quiet)
    except SiteError as error:
        sys.exit(f"Could not build the site: {error}")
    size = folder_size(OUT) / 1e6
    print(f"Built the site of {count} lessons in {seconds:.0f} s: {OUT / 'index.html'} ({size:.1f} MB).")
    warned = WARNINGS.read_text(encoding="utf-8").count("WARNING:") if WARNINGS.exists() else 0
    if warned:
        print(f"{warned} warnings (a link that leads nowhere, a formula that failed, ...) in {WARNINGS}.")
    print("Open that file in a browser, or publish the _site/ folder on any static host (see README.md).")


if __name__ == "__main__":
    main(sys.argv[1:])
