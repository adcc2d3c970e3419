"""Sphinx settings of the course's website; tools/build_site.py stages the sources and runs Sphinx with them.

Everything the pages load is in the built folder (no file from another host), so the site works from disk
(file://) and on any static host. Notebooks are rendered from their stored outputs, never executed.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE.parent.parent / ".cache" / "site"

project = "Word Embeddings, hands on"
author = 'the authors of "Word Embeddings, hands on"'
copyright = f"2026, {author}. Lesson text and figures: CC BY 4.0; code: MIT"
language = "en"

extensions = ["myst_nb", "sphinx.ext.githubpages"]
exclude_patterns = []
suppress_warnings = ["mystnb.unknown_mime_type"]

# Notebooks: the stored outputs, nothing executed.
nb_execution_mode = "off"
nb_merge_streams = True  # one output block per cell instead of one per print() burst

# Markdown: $...$ and $$...$$ formulas as in JupyterLab, ::: blocks, and anchors for "#section" links.
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 4

# Formulas: MathJax 3's single-file tex-svg-full.js (every TeX extension inside, so nothing more is loaded),
# copied into _static/mathjax/ by the build. SVG output draws the glyphs itself: no web fonts, which a page
# opened from disk (file://) may not be allowed to load.
mathjax_path = "mathjax/tex-svg-full.js"
mathjax3_config = {"svg": {"fontCache": "global"}}  # myst-parser adds the classes MathJax should process

html_theme = "furo"
html_title = project
html_favicon = str(HERE / "favicon.svg")  # also spares the browser a request for /favicon.ico that fails
html_static_path = [str(HERE / "static"), str(WORK / "mathjax")]
html_extra_path = [str(WORK / "extra")]
html_css_files = ["course-site.css"]
html_js_files = ["course-site.js"]
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": True}
