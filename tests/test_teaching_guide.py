"""TEACHING.md stays true: every lesson with its time and goals, working links, and the error messages it
quotes are the ones learners really see with the pinned packages."""

import re
import zipfile
from pathlib import Path

import nbformat
import numpy as np
import pytest
from gensim.models import Word2Vec
from repo_scripts import load_script

import helpers

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "TEACHING.md").read_text(encoding="utf-8")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SENTENCES = [
    ["i", "love", "programming"],
    ["machine", "learning", "is", "interesting"],
    ["python", "is", "a", "popular", "language"],
]


def opening(path):
    return nbformat.read(path, as_version=4).cells[0].source


def flat(text):
    return " ".join(text.split())


def quoted(message):
    """The guide quotes this message (code spans may escape nothing, so compare the plain text)."""
    return flat(message) in flat(GUIDE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_schedule_lists_the_lesson_with_its_time(path):
    minutes = re.search(r"Time: ~(\d+) min", opening(path)).group(1)
    row = re.search(rf"^.*\]\(notebooks/{re.escape(path.name)}\).*?~(\d+) min.*$", GUIDE, re.M)
    assert row, f"the lesson table misses notebooks/{path.name} with its time"
    assert row.group(1) == minutes, f"{path.name}: the lesson says ~{minutes} min, the guide ~{row.group(1)} min"
    assert re.search(rf"^\|.*\*\*{path.name[:2]} · ", GUIDE, re.M), "no schedule row names the lesson"


def test_total_time_adds_up():
    total = sum(int(re.search(r"Time: ~(\d+) min", opening(path)).group(1)) for path in NOTEBOOKS)
    stated = re.search(r"^\| all [^|]*\| ~(\d+) min", GUIDE, re.M)
    assert stated and int(stated.group(1)) == total, f"the lessons add up to ~{total} min"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_objectives_are_the_lessons_goals(path):
    text = opening(path)
    title = re.match(r"# (\d\d · .+)", text).group(1)
    section = GUIDE.split("## Learning objectives per lesson", 1)[1].split("\n## ", 1)[0]
    blocks = [block for block in section.split("\n\n") if block.startswith(f"**{title}**\n")]
    assert len(blocks) == 1, f"no objectives for {title!r}"
    goals = re.split(r"\n(?=- )", text.split("**Learning goals**", 1)[1].strip())
    listed = re.split(r"\n(?=- )", blocks[0].split("\n", 1)[1].strip())
    assert [flat(goal) for goal in goals] == [flat(goal) for goal in listed], f"{title}: goals differ"


def test_links_and_anchors_resolve():
    anchors = {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in re.findall(r"^#+ (.+)$", GUIDE, re.M)
    }
    for target in re.findall(r"\]\(([^)\s]+)\)", GUIDE):
        if target.startswith("#"):
            assert target[1:] in anchors, f"TEACHING.md links to a missing section {target}"
        elif not target.startswith("http"):
            assert (ROOT / target).exists(), f"TEACHING.md links to a missing file {target}"


def test_the_commands_it_gives_exist():
    course = load_script("course.py")
    for command in set(re.findall(r"course\.py ([a-z]+)", GUIDE)):
        assert command in course.COMMANDS, f"TEACHING.md gives `course.py {command}`, which does not exist"
    for tool in set(re.findall(r"tools/[a-z_]+\.py", GUIDE)):
        assert (ROOT / tool).exists(), f"TEACHING.md names {tool}, which does not exist"
    for text in set(re.findall(r"tests/texts/[a-z_]+\.txt", GUIDE)) | {"tests/texts/tiny.txt"}:
        assert (ROOT / text).exists(), f"TEACHING.md names {text}, which does not exist"


def message_of(action):
    with pytest.raises(Exception) as error:
        action()
    return f"{type(error.value).__name__}: {error.value}"


def test_gensim_3_to_4_messages_are_real():
    assert quoted(message_of(lambda: Word2Vec(SENTENCES, size=100)))
    assert quoted(message_of(lambda: Word2Vec(SENTENCES, iter=5, min_count=1)))
    model = Word2Vec(SENTENCES, min_count=1, vector_size=10, workers=1, seed=1)
    assert quoted(message_of(lambda: model.wv.vocab).splitlines()[0])
    assert quoted(message_of(lambda: model.wv.index2word).splitlines()[0])
    assert quoted(message_of(lambda: model.most_similar("python")))
    assert quoted(message_of(lambda: model["python"]))


def test_vocabulary_and_small_corpus_messages_are_real():
    model = Word2Vec(SENTENCES, min_count=1, vector_size=10, workers=1, seed=1)
    assert quoted(message_of(lambda: model.wv["zebra"]))
    assert quoted(message_of(lambda: model.wv.most_similar("zebra")))
    assert quoted(message_of(lambda: Word2Vec(SENTENCES)))  # the default min_count=5
    assert quoted(
        message_of(lambda: helpers.vocab.check_word(model.wv, "Python"))
        .replace("python", "cat")
        .replace("Python", "Cat")
    )


def test_tsne_message_is_real():
    from sklearn.manifold import TSNE

    points = np.random.RandomState(0).rand(10, 5)
    assert quoted(message_of(lambda: TSNE(perplexity=30, random_state=0).fit_transform(points)))


def test_own_text_messages_are_real(tmp_path):
    files = {"my_text.txt": b"", "latin1.txt": "Grüße aus München.".encode("latin-1")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / "notes.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    for name in ("my_text.txt", "notes.docx", "latin1.txt"):
        assert quoted(message_of(lambda name=name: helpers.files.read_text(tmp_path / name)))
    stopwords = helpers.corpus.load_sentences(ROOT / "tests" / "texts" / "stopwords_only.txt")
    assert quoted(message_of(lambda: helpers.words.top_content_words(stopwords)))
    tiny = helpers.corpus.load_sentences(ROOT / "tests" / "texts" / "tiny.txt")
    assert quoted(message_of(lambda: helpers.words.check_trainable(tiny, 5)))
