"""Facts lessons 04-07 rely on, checked here instead of by asserts inside the lessons, and the
structure of their "Your turn" blocks (solutions hidden, never overwriting the learner's answer)."""
import ast
import json
from pathlib import Path

import pytest

import helpers

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS = ["04_inspecting_vectors", "05_plotting", "06_evaluating_and_tuning", "07_rare_words"]


def code_cells(lesson):
    cells = json.loads((NOTEBOOKS / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"]
    return [cell for cell in cells if cell["cell_type"] == "code"]


def assigned_names(source):
    """Names a cell binds at its top level: assignments, for-loop targets, with ... as, def."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_test_scaffolding_in_lesson_cells(lesson):
    for cell in code_cells(lesson):
        source = "".join(cell["source"])
        assert "NBVAL_IGNORE_OUTPUT" not in source, "use the cell tag nbval-ignore-output"
        assert not any(isinstance(node, ast.Assert) for node in ast.walk(ast.parse(source))), source[:80]


@pytest.mark.parametrize("lesson", LESSONS)
def test_solutions_are_hidden_and_keep_the_learners_answer(lesson):
    cells = code_cells(lesson)
    solutions = [i for i, cell in enumerate(cells) if "solution" in cell["metadata"].get("tags", [])]
    assert solutions
    for i in solutions:
        assert cells[i]["metadata"].get("jupyter", {}).get("source_hidden") is True
        learner = assigned_names("".join(cells[i - 1]["source"]))
        solution = assigned_names("".join(cells[i]["source"]))
        assert not (learner & solution) - {"_"}, f"solution cell {i} reassigns the learner's {learner & solution}"


def test_lesson_07_char_ngrams_agrees_with_helpers_and_gensim():
    from gensim.models.fasttext import compute_ngrams

    source = next("".join(cell["source"]) for cell in code_cells("07_rare_words")
                  if "def char_ngrams(" in "".join(cell["source"]))
    namespace = {}
    exec(source.split("\nprint(")[0], namespace)  # the definition only
    lesson_char_ngrams = namespace["char_ngrams"]
    for word in ["where", "her", "a", "running", "naïve", "Zürich", "x" * 12]:
        for min_n, max_n in [(3, 6), (3, 5), (1, 2), (5, 5), (4, 10)]:
            expected = list(compute_ngrams(word, min_n, max_n))
            assert lesson_char_ngrams(word, min_n, max_n) == expected
            assert helpers.subwords.char_ngrams(word, min_n, max_n) == expected


@pytest.fixture(scope="module")
def main_vectors():
    return helpers.training.load_main_vectors()


def test_lesson_05_tsne_keeps_more_neighbours_than_pca(main_vectors):
    """Lesson 05, section 6: the printed shares vary a little between computers, the order does not."""
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE

    groups = json.loads(json.dumps(_lesson_05_groups()))
    _, _, vectors = helpers.projection.group_vectors(main_vectors, groups)
    pca_points = PCA(n_components=10).fit(vectors).transform(vectors)[:, :2]
    tsne_points = TSNE(n_components=2, perplexity=8, init="pca", random_state=42, metric="cosine",
                       method="exact", max_iter=500).fit_transform(vectors)
    pca_kept = helpers.projection.neighbours_kept(vectors, pca_points, k=5)
    tsne_kept = helpers.projection.neighbours_kept(vectors, tsne_points, k=5)
    assert tsne_kept > pca_kept > 0.2


def _lesson_05_groups():
    source = next("".join(cell["source"]) for cell in code_cells("05_plotting")
                  if "WORD_GROUPS = {" in "".join(cell["source"]))
    return ast.literal_eval(source[source.index("WORD_GROUPS = ") + len("WORD_GROUPS = "):].strip())


def test_lesson_06_main_model_has_the_vocabulary_the_lesson_describes(main_vectors):
    assert len(main_vectors) == 9_660


def test_lesson_06_reporting_half_score_of_the_main_model(main_vectors):
    """The README and lesson 06 quote the main model on the reporting half, pairs not used for tuning."""
    _, reporting = helpers.evaluation.split_word_pairs("WordSim353")
    rho, covered = helpers.evaluation.pairs_score(main_vectors, reporting)
    assert covered == 132 and 0.45 <= rho <= 0.56
