"""Rebuild lesson 10's verse-aligned Bible corpus from Debian's SWORD packages.

    apt-get install sword-text-kjv sword-text-sparv     # Debian/Ubuntu, Public Domain texts
    python -m venv /tmp/sword && /tmp/sword/bin/pip install pysword
    /tmp/sword/bin/python tools/research/build_bible_corpus.py   # writes data/bible/*.tsv.bz2

Writes one file per translation, ``data/bible/<code>.tsv.bz2``, a UTF-8 TSV without header,
one verse a line: ``book<TAB>chapter<TAB>verse<TAB>text`` (book = OSIS name such as ``Gen``).
Both modules use the KJV versification, so the same (book, chapter, verse) is the same verse in
both languages. Markup (Strong's numbers, titles, notes) is removed by pysword's ``clean=True``;
whitespace is collapsed; empty verses are skipped.

Never run by a lesson or a test (it needs the Debian packages and pysword, which the course does
not install). See data/README.md for provenance and licence.

Last run: 2026-11-26, for commit 6bc6da2, which added data/bible/kjv.tsv.bz2 and rv1909.tsv.bz2.
"""

import argparse
import bz2
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = {"kjv": "engKJV2006eb", "rv1909": "spaRV1909eb"}  # file code -> SWORD module name
SWORD_DIR = "/usr/share/sword"


def verses(bible):
    """Yield ``(book, chapter, verse, text)`` for every non-empty verse of a pysword Bible."""
    structure = bible.get_structure().get_books()
    for testament in ("ot", "nt"):
        for book in structure[testament]:
            for chapter, length in enumerate(book.chapter_lengths, start=1):
                for verse in range(1, length + 1):
                    text = bible.get(books=[book.osis_name], chapters=[chapter], verses=[verse], clean=True)
                    text = re.sub(r"\s+", " ", text).strip()
                    if text:
                        yield book.osis_name, chapter, verse, text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sword-dir", default=SWORD_DIR)
    parser.add_argument("--out", default=str(ROOT / "data" / "bible"))
    args = parser.parse_args()
    from pysword.modules import SwordModules

    library = SwordModules(args.sword_dir)
    library.parse_modules()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for code, module in MODULES.items():
        bible = library.get_bible_from_module(module)
        rows = [
            f"{book}\t{chapter}\t{verse}\t{text.replace(chr(9), ' ')}\n" for book, chapter, verse, text in verses(bible)
        ]
        target = out / f"{code}.tsv.bz2"
        with bz2.open(target, "wt", encoding="utf-8", compresslevel=9) as file:
            file.writelines(rows)
        print(f"{module}: {len(rows):,} verses -> {target} ({target.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
