"""The course's website (tools/build_site.py, `python3 course.py site`): built once per session from the
committed notebooks, then checked as files and in a real browser (headless Chromium through Playwright).

The browser tests use Debian's Chromium (never `playwright install`, which downloads a browser); where no
Chromium is found they are skipped with a message saying so. The site is served from a local HTTP server on
127.0.0.1 for most checks, and one lesson is also opened straight from disk (file://).
"""

import functools
import html.parser
import http.server
import json
import re
import shutil
import tempfile
import threading
import urllib.parse
from pathlib import Path

import pytest
import yaml
from browser import CHROMIUM_ARGS, require_chromium
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
build_site = load_script("tools/build_site.py")

LESSONS = build_site.lessons()


# ---------------------------------------------------------------------------------------------------------
# The build's parts, without building


def test_every_numbered_notebook_is_a_lesson_and_nothing_else(tmp_path):
    (tmp_path / "notebooks").mkdir()
    for name in ["02_b.ipynb", "01_a.ipynb", "13_beyond_one_laptop.ipynb", "scratch.ipynb", "1_short.ipynb"]:
        (tmp_path / "notebooks" / name).write_text("{}")
    assert [path.name for path in build_site.lessons(tmp_path)] == [
        "01_a.ipynb",
        "02_b.ipynb",
        "13_beyond_one_laptop.ipynb",
    ]


def test_a_solution_is_collapsed_and_the_run_box_follows_the_first_cell():
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# 01 · A\n"},
            {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": []},
            {
                "cell_type": "code",
                "metadata": {"tags": ["solution"], "jupyter": {"source_hidden": True}},
                "source": "x = 2",
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "2\n"}],
            },
            {"cell_type": "markdown", "metadata": {}, "source": "See [the course](../README.md#start)."},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    before = json.dumps(notebook)
    page = build_site.lesson_for_site(notebook, "01_a.ipynb")
    assert json.dumps(notebook) == before, "the committed notebook must not change"
    cells = page["cells"]
    assert cells[0] == notebook["cells"][0]
    assert "Run it on your laptop" in cells[1]["source"]
    assert 'href="01_a.ipynb" download' in cells[1]["source"] and "python3 course.py lab" in cells[1]["source"]
    assert cells[2] == notebook["cells"][1]
    assert "hide-input" in cells[3]["metadata"]["tags"]
    assert cells[3]["metadata"]["mystnb"]["code_prompt_show"] == "Show the worked solution"
    assert cells[3]["outputs"] == notebook["cells"][2]["outputs"]
    assert cells[4]["source"] == "See [the course](../index.md#start)."


@pytest.mark.parametrize(
    ("tags", "hidden", "expected"),
    [
        (["solution"], {"source_hidden": True, "outputs_hidden": True}, "hide-cell"),
        (["solution"], {}, "hide-input"),
        ([], {"source_hidden": True}, "hide-input"),
        ([], {"outputs_hidden": True}, "hide-output"),
        (["nbval-ignore-output"], {}, None),
    ],
)
def test_cells_are_collapsed_as_jupyterlab_collapses_them(tags, hidden, expected):
    cell = {"cell_type": "code", "metadata": {"tags": list(tags), "jupyter": hidden}, "source": "", "outputs": []}
    build_site.collapse(cell)
    added = [tag for tag in cell["metadata"]["tags"] if tag.startswith("hide-")]
    assert added == ([expected] if expected else [])
    assert ("mystnb" in cell["metadata"]) == ("solution" in tags)


def test_links_to_files_that_are_not_pages_point_at_their_pages():
    text = "[MIT](LICENSE), [CC](LICENSE-CONTENT), [home](README.md#offline), [a](notebooks/01_a.ipynb)"
    assert build_site.rewrite_links(text) == (
        "[MIT](licence.md#code-mit-license), [CC](licence.md#lesson-text-and-figures-cc-by-4-0), "
        "[home](index.md#offline), [a](notebooks/01_a.ipynb)"
    )


def test_staging_takes_every_lesson_and_the_files_lessons_link_to(tmp_path):
    root = tmp_path / "course"
    for name in ["README.md", "LICENSE", "LICENSE-CONTENT", "data/my_text.txt", *build_site.PAGES]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"# {name}\n\nSee [the licence](LICENSE).\n", encoding="utf-8")
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# 13 · New"}], "metadata": {}}
    (root / "notebooks" / "figures").mkdir(parents=True)
    (root / "notebooks" / "13_new.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    (root / "notebooks" / "figures" / "pipeline.svg").write_text("<svg/>", encoding="utf-8")
    work = tmp_path / "work"
    assert [path.name for path in build_site.stage(root, work)] == ["13_new.ipynb"]
    assert (work / "source" / "notebooks" / "figures" / "pipeline.svg").read_text() == "<svg/>"
    assert (work / "extra" / "notebooks" / "13_new.ipynb").read_bytes() == (
        root / "notebooks" / "13_new.ipynb"
    ).read_bytes()
    assert "](licence.md#code-mit-license)" in (work / "source" / "TEACHING.md").read_text(encoding="utf-8")
    assert "toctree" in (work / "source" / "index.md").read_text(encoding="utf-8")
    assert (work / "mathjax" / "mathjax" / "tex-svg-full.js").is_file()
    (root / "notebooks" / "13_new.ipynb").write_text('{"cells": [', encoding="utf-8")
    with pytest.raises(build_site.SiteError, match="13_new.ipynb is not a readable notebook.*git checkout"):
        build_site.stage(root, work)
    (root / "notebooks" / "13_new.ipynb").unlink()
    with pytest.raises(build_site.SiteError, match="No lessons found"):
        build_site.stage(root, work)


def test_a_folder_the_tool_did_not_make_is_never_deleted(tmp_path):
    mine = tmp_path / "_site"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes")
    with pytest.raises(build_site.SiteError, match="not made by this tool.*Move or delete it"):
        build_site.clear_output(mine)
    assert (mine / "notes.txt").read_text() == "my notes"


def test_the_pages_workflow_is_valid_and_builds_with_the_readme_command():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert "push" in triggers
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs == ["python3 course.py site"]
    uploads = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "_site"
    assert deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in deploy["steps"])
    assert "python3 course.py site" in (ROOT / "README.md").read_text(encoding="utf-8")
    course = load_script("course.py")
    assert "tools/build_site.py" in course.COMMANDS["site"]([])


def test_the_site_folder_is_ignored_by_git():
    assert "_site/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


# ---------------------------------------------------------------------------------------------------------
# The built site, as files


@pytest.fixture(scope="session")
def site():
    """Build the site once for the session into a temporary folder; yields its path."""
    out = Path(tempfile.mkdtemp(prefix="course-site-")) / "_site"
    build_site.build(out=out)
    yield out
    shutil.rmtree(out.parent, ignore_errors=True)


def page_paths(site):
    """Every HTML page a reader can reach (Sphinx's index of terms is left out: it is empty)."""
    return sorted(path for path in site.rglob("*.html") if path.name != "genindex.html")


def test_the_build_warns_about_nothing(site):
    """Sphinx warns about a Markdown link to no page (which it renders as plain text), a broken formula, ..."""
    assert build_site.WARNINGS.read_text(encoding="utf-8").strip() == ""


def test_every_lesson_and_page_is_built(site):
    for lesson in LESSONS:
        assert (site / "notebooks" / lesson.with_suffix(".html").name).is_file()
        assert (site / "notebooks" / lesson.name).read_bytes() == lesson.read_bytes()  # "download this notebook"
    for page in ["index.html", "search.html", "TEACHING.html", "data/README.html", "licence.html"]:
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", home))
    assert "python3 course.py lab" in text and "python3 course.py test" in text
    for lesson in LESSONS:
        assert f'href="notebooks/{lesson.stem}.html"' in home, f"the home page does not link {lesson.name}"


def test_every_lesson_page_has_previous_next_contents_and_download(site):
    for number, lesson in enumerate(LESSONS):
        page = (site / "notebooks" / f"{lesson.stem}.html").read_text(encoding="utf-8")
        previous = f"{LESSONS[number - 1].stem}.html" if number else "../index.html"
        assert f'class="prev-page" href="{previous}"' in page, lesson.name
        if number + 1 < len(LESSONS):
            assert f'class="next-page" href="{LESSONS[number + 1].stem}.html"' in page, lesson.name
        contents = page.split('<div class="toc-tree">', 1)[1].split("</div>", 1)[0]
        assert contents.count('href="#') >= 3, f"{lesson.name}: no table of contents"
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))
        assert f'href="{lesson.name}" download' in page and "python3 course.py lab" in text, lesson.name


class _Loads(html.parser.HTMLParser):
    """The URLs of everything a page loads by itself: scripts, style sheets, images, media, frames."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "audio", "video", "source", "iframe", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if (
            tag == "link"
            and attrs.get("href")
            and not {"canonical", "alternate"} & set((attrs.get("rel") or "").split())
        ):
            self.urls.append(attrs["href"])


def test_no_page_loads_anything_from_another_host(site):
    for path in page_paths(site):
        parser = _Loads()
        parser.feed(path.read_text(encoding="utf-8"))
        remote = [url for url in parser.urls if re.match(r"^(https?:)?//", url)]
        assert not remote, f"{path.relative_to(site)} loads {remote}"
    for path in (site / "_static").rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text(encoding="utf-8")), path


# ---------------------------------------------------------------------------------------------------------
# The built site, in a real browser


@pytest.fixture(scope="module")  # closed before another test file starts its own Playwright
def browser_context():
    """A headless Chromium with a fresh profile (the shared decisions' launch arguments)."""
    chromium = require_chromium()  # skips, saying why, where there is no Chromium or no Playwright
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        yield context
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """The site served on 127.0.0.1 (a free port); yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def open_page(context, url, width=1280):
    """Open ``url``; returns (page, problems): console errors, page errors, failed requests, HTTP errors."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url} {request.failure}"))
    page.on(
        "response",
        lambda response: problems.append(f"HTTP {response.status}: {response.url}") if response.status >= 400 else None,
    )
    page.goto(url, wait_until="load")
    wait_for_math(page)
    return page, problems


def wait_for_math(page):
    """Wait until MathJax has typeset the page (pages without formulas do not load it)."""
    if page.locator(".math").count():
        page.wait_for_function("() => Boolean(window.MathJax && MathJax.startup && MathJax.startup.promise)")
        page.evaluate("MathJax.startup.promise.then(() => true)")


def test_every_page_loads_cleanly_with_every_image_and_every_internal_link(site, server, browser_context):
    pages = [path.relative_to(site).as_posix() for path in page_paths(site)]
    links, players = set(), 0
    for name in pages:
        page, problems = open_page(browser_context, server + name)
        assert not problems, f"{name}: {problems}"
        broken = page.evaluate(
            "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
        )
        assert not broken, f"{name}: images that did not load: {broken}"
        silent = page.evaluate(
            """() => Promise.all(Array.from(document.querySelectorAll('audio')).map(a => new Promise(done => {
                 if (a.readyState >= 1) return done(a.duration);
                 a.addEventListener('loadedmetadata', () => done(a.duration));
                 a.addEventListener('error', () => done(0));
                 a.load();
               }))).then(durations => durations.filter(d => !(d > 0)).length)"""
        )
        assert silent == 0, f"{name}: {silent} audio players without sound"
        players += page.locator("audio").count()
        links.update(page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"))
        page.close()
    internal = sorted(link for link in links if link.startswith(server))
    assert len(internal) > 50
    if any(lesson.name.startswith("12_") for lesson in LESSONS):
        assert players > 0, "lesson 12's audio output is not on its page"
    anchors = {}
    for link in internal:
        address, _, fragment = link.partition("#")
        path = site / urllib.parse.unquote(urllib.parse.urlparse(address).path.lstrip("/"))
        if path.is_dir():
            path = path / "index.html"
        assert path.is_file(), f"broken link: {link}"
        if fragment and path.suffix == ".html":
            if path not in anchors:
                anchors[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
            assert urllib.parse.unquote(fragment) in anchors[path], f"no #{fragment} in {path.relative_to(site)}"


def test_a_lesson_opened_from_disk_renders_completely(site, browser_context):
    lesson = next((path for path in LESSONS if path.name.startswith("08_")), LESSONS[-1])  # formulas and a figure
    page, problems = open_page(browser_context, (site / "notebooks" / f"{lesson.stem}.html").as_uri())
    assert not problems, problems
    assert page.evaluate("Array.from(document.images).every(i => i.naturalWidth > 0)")
    assert page.locator("mjx-container").count() > 0 or page.locator(".math").count() == 0
    page.close()


def only_in_lesson_08():
    """A word of lesson 08's Markdown that no other lesson or page of the site uses (found, not typed in)."""

    def words(text):
        text = re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$|`[^`]*`|<[^>]+>|\([^)\s]*\)", " ", text, flags=re.S)
        return set(re.findall(r"\b[a-z]{7,}\b", text.lower()))

    lesson_08 = next(path for path in LESSONS if path.name.startswith("08_"))
    markdown = "\n".join(
        "".join(cell["source"])
        for cell in json.loads(lesson_08.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "markdown"
    )
    others = [path for path in LESSONS if path != lesson_08]
    others += [ROOT / name for name in ["README.md", "LICENSE", "LICENSE-CONTENT", *build_site.PAGES]]
    elsewhere = set().union(*(set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower())) for path in others))
    candidates = sorted(word for word in words(markdown) if word not in elsewhere)
    assert candidates, "lesson 08 has no word of its own to search for"
    return candidates[0]


def test_search_finds_a_word_that_only_lesson_08_uses(server, browser_context):
    word = only_in_lesson_08()
    page, problems = open_page(browser_context, f"{server}search.html?q={word}")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.locator("#search-results li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("08_inside_word2vec" in href for href in results), (word, results)
    assert not problems, problems
    page.close()


def lesson_url(server, number):
    lesson = next(path for path in LESSONS if path.name.startswith(f"{number}_"))
    return f"{server}notebooks/{lesson.stem}.html"


def test_no_lesson_at_phone_width_scrolls_sideways(server, browser_context):
    """At 390 px the page never scrolls sideways and body text wraps inside the screen (code, outputs and wide
    tables scroll inside their own boxes)."""
    urls = [server + "index.html"] + [lesson_url(server, lesson.name[:2]) for lesson in LESSONS]
    for url in urls:
        page, problems = open_page(browser_context, url, width=390)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} is {overflow} px wider than a 390 px screen"
        wide = page.evaluate(
            "Array.from(document.querySelectorAll('article p, article li, article h1, article h2, article h3'))"
            ".filter(e => !e.closest('table, pre, .highlight')).filter(e => {"
            "  const text = document.createRange(); text.selectNodeContents(e);"  # the text, not its box
            "  return text.getBoundingClientRect().right > innerWidth + 1; })"
            ".map(e => e.textContent.slice(0, 60))"
        )
        assert not wide, f"{url}: text runs past the screen's edge: {wide}"
        assert not problems, problems
        page.close()


def test_a_collapsed_solution_opens_on_click(server, browser_context):
    page, _ = open_page(browser_context, lesson_url(server, "08"))
    solution = page.locator("details.hide").first
    code = solution.locator("pre").first
    assert solution.evaluate("d => d.open") is False
    assert not code.is_visible()
    solution.locator("summary").click()
    assert solution.evaluate("d => d.open") is True
    assert code.is_visible() and "def " in code.inner_text()
    page.close()


def test_formulas_are_rendered_not_raw(server, browser_context):
    page, _ = open_page(browser_context, lesson_url(server, "08"))
    formulas = page.locator(".math").count()
    assert formulas > 10
    assert page.locator(".math mjx-container").count() == formulas
    text = page.locator("article").inner_text()
    assert "\\frac" not in text and "\\sigma" not in text and "$$" not in text
    page.close()
