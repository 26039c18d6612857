"""Benchmark: the compare stage on one big story (1,000+ sentences), and how its cost grows.

Usage: python bench/compare_story.py CORPUS.jsonl[.xz] [SENTENCES]

Reads articles of a JSONL corpus (fields title, source, content; e.g. SaudiNewsNet) until
their sentences add up to SENTENCES (default 1,200), makes them one story, and times the
compare stage on it and on its first half: the cross-source TextRank
(`textrank.sentence_scores`) and the rest (similarity matrix, claims, MMR, unique sentences)
separately, with the ratio of full to half, in one run. A linear-ish stage shows a ratio near
2; a quadratic one near 4. The corpus is only read.
"""

from __future__ import annotations

import json
import lzma
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compare import comparison as compare  # noqa: E402
from generator.models import Article, Story  # noqa: E402
from generator.rank import textrank  # noqa: E402
from generator.rank.key_sentences import rank  # noqa: E402
from generator.read.infer import infer  # noqa: E402
from generator.text.clean import clean  # noqa: E402


def _story(corpus: Path, sentences: int) -> Story:
    opener = lzma.open if corpus.suffix == ".xz" else open
    ranked, total = [], 0
    with opener(corpus, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            row = json.loads(line)
            article = Article(
                id=f"{i:05d}",
                path=f"{i:05d}.txt",
                body=row.get("content") or "",
                title=row.get("title") or None,
                source=row.get("source") or None,
            )
            result = rank(clean(infer(article)))
            if not result.sentences:
                continue
            ranked.append(result)
            total += len(result.sentences)
            if total >= sentences:
                break
    return Story(id="bench", articles=tuple(ranked), title="bench")


def _time(story: Story) -> tuple[int, float, float]:
    """(sentences, TextRank seconds, seconds of the rest of the compare stage)."""
    known = compare.known_outlets([story])
    pool = compare._pool(story)
    rank_scores = textrank.sentence_scores
    start = time.perf_counter()
    scores = rank_scores(pool.terms)
    textrank_s = time.perf_counter() - start
    textrank.sentence_scores = lambda terms: scores  # the rest, without ranking twice
    try:
        start = time.perf_counter()
        compare.compare(story, known)
        rest_s = time.perf_counter() - start
    finally:
        textrank.sentence_scores = rank_scores
    return len(pool.quotes), textrank_s, rest_s


def main() -> None:
    corpus = Path(sys.argv[1])
    sentences = int(sys.argv[2]) if len(sys.argv) > 2 else 1200
    story = _story(corpus, sentences)
    half_n, count = 0, 0
    while count < sum(len(a.sentences) for a in story.articles) / 2:
        count += len(story.articles[half_n].sentences)
        half_n += 1
    half = Story(id="half", articles=story.articles[:half_n], title="half")
    rows = [("half", *_time(half)), ("full", *_time(story))]
    print(f"{'story':6} {'sentences':>9} {'textrank s':>11} {'rest s':>8}")
    for name, n, tr, rest in rows:
        print(f"{name:6} {n:9d} {tr:11.2f} {rest:8.2f}")
    (_, n1, tr1, rest1), (_, n2, tr2, rest2) = rows
    print(
        f"ratio full/half: sentences {n2 / n1:.2f}, textrank {tr2 / max(tr1, 1e-9):.2f}, "
        f"rest {rest2 / max(rest1, 1e-9):.2f}"
    )


if __name__ == "__main__":
    main()
