"""Every link in every lesson and guide opens something in JupyterLab (which `course.py lab` opens on the course
folder): a file or folder of the course, or a place in a page. tests/test_browser.py clicks some of them in a real
browser; this test checks all of them the way JupyterLab resolves them.

JupyterLab gives a heading the id of its text with spaces as dashes ("## Student copies" -> "Student-copies",
case kept), so a GitHub-style link "#student-copies" does not scroll there. A guide that links to a place in a
page therefore puts an explicit anchor before the heading, ``<a id="student-copies"></a>``, which works both in
JupyterLab and on GitHub."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ["README.md", "TEACHING.md", "CONTRIBUTING.md", "CHANGELOG.md", "data/README.md"]
PAGES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "notebooks").glob("*.ipynb")) + [
    guide for guide in GUIDES if (ROOT / guide).exists()
]
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|(?:href|src)=\"([^\"]+)\"")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")  # an example link shown as code is no link


def markdown_texts(path):
    """The Markdown of a page: a guide's text, or a notebook's Markdown cells."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    return [path.read_text(encoding="utf-8")]


def heading_text(markdown):
    """The text JupyterLab shows for a heading's Markdown: no code marks, emphasis or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[`*]|(?<!\w)_|_(?!\w)", "", text).strip()


def anchors(path):
    """The places a link can scroll to in the page at ``path``, as JupyterLab names them."""
    found = set()
    for text in markdown_texts(path):
        text = FENCE.sub("", text)
        found.update(re.findall(r"<a\s+(?:id|name)=\"([^\"]+)\"", text))
        for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M):
            found.add(heading_text(heading).replace(" ", "-"))
    return found


def links(path):
    for text in markdown_texts(path):
        for match in LINK.finditer(INLINE_CODE.sub("", FENCE.sub("", text))):
            yield match.group(1) or match.group(2)


def test_there_are_pages_to_check():
    assert any(page.endswith(".ipynb") for page in PAGES) and "TEACHING.md" in PAGES


@pytest.mark.parametrize("page", PAGES)
def test_every_link_opens_something_in_jupyterlab(page):
    path = ROOT / page
    broken = []
    for target in links(path):
        if re.match(r"(https?|mailto):", target):
            if not re.fullmatch(r"(https?://[^\s/]+\.[^\s/]+\S*|mailto:\S+@\S+)", target):
                broken.append(f"{target}: not a complete web address")
            continue
        file, _, fragment = target.partition("#")
        resolved = (path.parent / file).resolve() if file else path
        if ROOT not in resolved.parents and resolved != ROOT:
            broken.append(f"{target}: outside the course folder, which JupyterLab cannot open")
        elif not resolved.exists():
            broken.append(f"{target}: no such file")
        elif fragment and resolved.suffix in (".md", ".ipynb") and fragment not in anchors(resolved):
            broken.append(
                f"{target}: no heading or anchor '{fragment}' in {resolved.name} (JupyterLab's heading ids keep "
                f'case and turn spaces into dashes; or put <a id="{fragment}"></a> before the heading)'
            )
    assert not broken, f"{page}: " + "; ".join(broken)


def test_anchor_rule_matches_jupyterlab():
    """The rule above, on what JupyterLab 4.6 rendered in tests/test_browser.py's copy of TEACHING.md."""
    assert heading_text("Setup checklist for a room of laptops").replace(" ", "-") == (
        "Setup-checklist-for-a-room-of-laptops"
    )
    assert heading_text("1. The shape `Word2Vec` *wants*").replace(" ", "-") == "1.-The-shape-Word2Vec-wants"
