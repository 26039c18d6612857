"""Key-sentence speed: articles per second per core, and TextRank on a story-sized graph.

    .venv/bin/python bench/rank_speed.py [EASC.jsonl] [--repeat N] [--news FILE.jsonl.xz]

Uses the EASC articles (see bench/quality.py for the data path): each article through
`key_sentences` (splitting, terms, TextRank, selection), timed in CPU time of this one
process, so the figure is per core. Then the TextRank step alone, vectorised next to summa's
own graph and PageRank, on the articles and on one graph of many articles' sentences (the
size of a big story that another stage ranks at once). With --news, the rank stage also on
real news articles (SaudiNewsNet's JSON lines, `content` field, .xz or plain; its path is
given, never committed).
"""

from __future__ import annotations

import argparse
import itertools
import json
import lzma
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import default_data, load  # noqa: E402
from generator import key_sentences  # noqa: E402
from generator.language import arabic  # noqa: E402
from generator.rank import key_sentences as rank  # noqa: E402
from generator.rank import textrank  # noqa: E402


def cpu(action: Callable[[], object], repeat: int = 1) -> float:
    """Seconds of CPU time (this process) for `repeat` runs of `action`."""
    start = time.process_time()
    for _ in range(repeat):
        action()
    return (time.process_time() - start) / repeat


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--story", type=int, default=1000, help="sentences in the big graph")
    parser.add_argument("--news", type=Path, help="SaudiNewsNet-style .jsonl(.xz) to time too")
    parser.add_argument("--news-articles", type=int, default=1000)
    args = parser.parse_args(argv)
    cases = load(args.data or default_data())
    texts = [c.article for c in cases]
    sentences = [rank.text_sentences(t) for t in texts]
    terms = [[arabic.content_terms(s.text) for s in sents] for sents in sentences]
    mean_sents = statistics.mean(len(s) for s in sentences)
    print(f"{len(texts)} EASC articles, {mean_sents:.1f} sentences on average")

    for text in texts:  # warm the stem cache as a long build would be
        key_sentences(text)
    seconds = cpu(lambda: [key_sentences(t) for t in texts], args.repeat)
    print(f"key_sentences from raw text: {len(texts) / seconds:,.0f} articles/s per core")
    cleaned = [rank.text_article(t) for t in texts]
    seconds = cpu(lambda: [rank.rank(a) for a in cleaned], args.repeat)
    print(
        f"rank stage (split, terms, TextRank, select; as the pipeline runs it after clean): "
        f"{len(texts) / seconds:,.0f} articles/s per core"
    )
    twenty = [a for a, s in zip(cleaned, sentences, strict=True) if 15 <= len(s) <= 25]
    seconds = cpu(lambda: [rank.rank(a) for a in twenty], args.repeat)
    mean_twenty = statistics.mean(len(rank.split(a)) for a in twenty)
    print(
        f"  of which the {len(twenty)} articles of 15-25 sentences ({mean_twenty:.1f} on "
        f"average): {len(twenty) / seconds:,.0f} articles/s per core"
    )

    if args.news:
        news_speed(args.news, args.news_articles, max(1, args.repeat // 5))

    fast = cpu(lambda: [textrank.sentence_scores(t) for t in terms], args.repeat)
    summa_repeat = max(1, args.repeat // 10)
    slow = cpu(lambda: [textrank.summa_sentence_scores(t) for t in terms], summa_repeat)
    print(
        f"TextRank step alone: vectorised {len(texts) / fast:,.0f} articles/s, "
        f"summa's graph {len(texts) / slow:,.0f} articles/s ({slow / fast:.1f}x)"
    )

    story = [t for article in terms for t in article][: args.story]
    fast = cpu(lambda: textrank.sentence_scores(story), 3)
    slow = cpu(lambda: textrank.summa_sentence_scores(story))
    print(
        f"One graph of all {len(story)} sentences: vectorised {fast * 1000:,.0f} ms, "
        f"summa's graph {slow * 1000:,.0f} ms ({slow / fast:.0f}x)"
    )


def news_speed(path: Path, count: int, repeat: int) -> None:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["content"] for line in itertools.islice(lines, count)]
    cleaned = [rank.text_article(t) for t in texts]
    for article in cleaned:  # warm the term cache as a long build would be
        rank.rank(article)
    sizes = [len(rank.split(a)) for a in cleaned]
    words = statistics.mean(len(t.split()) for t in texts)
    seconds = cpu(lambda: [rank.rank(a) for a in cleaned], repeat)
    print(
        f"news: {len(texts)} articles ({statistics.mean(sizes):.1f} sentences, {words:.0f} words "
        f"on average): rank stage {len(texts) / seconds:,.0f} articles/s per core"
    )
    twenty = [a for a, n in zip(cleaned, sizes, strict=True) if 15 <= n <= 25]
    seconds = cpu(lambda: [rank.rank(a) for a in twenty], repeat)
    per_second = len(twenty) / seconds
    print(f"  of which the {len(twenty)} of 15-25 sentences: {per_second:,.0f} articles/s")


if __name__ == "__main__":
    main()
