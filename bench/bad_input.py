"""Benchmark: what bad input costs a build (the nasty folder of the tests, 20 MB article included).

Usage: python bench/bad_input.py

Writes the nasty folder (tests/nasty.py) into a temporary folder and times, in one run:
reading it (ingest), generating the whole digest without MkDocs, and the same folder
without its 20 MB article, so the ratio shows what the very long article costs once it is
cut. Then a full build with MkDocs. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import build, generate  # noqa: E402
from generator.read.ingest import read_folder  # noqa: E402
from tests.conftest import make_project  # noqa: E402
from tests.nasty import write_nasty  # noqa: E402


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_nasty(root / "articles")
        huge = root / "articles" / "huge.txt"
        settings = make_project(root, articles=root / "articles")
        ingested, read_s = timed(lambda: read_folder(settings.articles))
        digest, with_s = timed(lambda: generate(settings))
        print(f"files: {len(ingested.articles)} articles, {len(ingested.problems)} problems "
              f"while reading; huge.txt is {huge.stat().st_size / 1e6:.1f} MB")
        print(f"ingest (all files):               {read_s:6.2f} s")
        print(f"generate, with the 20 MB article: {with_s:6.2f} s "
              f"({len(digest.stories)} stories, {len(digest.problems)} problems)")
        moved = root / "huge.txt"
        huge.rename(moved)
        _, without_s = timed(lambda: generate(settings))
        moved.rename(huge)
        print(f"generate, without it:             {without_s:6.2f} s "
              f"(ratio {with_s / without_s:.2f})")
        _, build_s = timed(lambda: build(replace(settings), mkdocs=True))
        print(f"full build with MkDocs:           {build_s:6.2f} s")


if __name__ == "__main__":
    main()
