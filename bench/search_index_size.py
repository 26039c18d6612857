"""Benchmark: how much the Arabic search forms add to the search index, and what they cost.

Usage: python bench/search_index_size.py CORPUS.jsonl[.xz] [N]

Builds the first N articles of a JSONL corpus (fields title, source, date_extracted,
content; e.g. SaudiNewsNet) twice, with and without the `digest-arabic-search` plugin, and
prints the size of search/search_index.json and the build times, with their ratios, in one
run. The corpus is only read; nothing from it is written outside a temporary folder.
"""

from __future__ import annotations

import gzip
import json
import lzma
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import build  # noqa: E402
from tests.conftest import make_project  # noqa: E402


def _articles(corpus: Path, n: int, folder: Path) -> None:
    opener = lzma.open if corpus.suffix == ".xz" else open
    folder.mkdir()
    with opener(corpus, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i >= n:
                break
            row = json.loads(line)
            meta = {
                "title": row.get("title") or "",
                "source": row.get("source") or "",
                "date": (row.get("date_extracted") or "")[:10],
            }
            head = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
            (folder / f"{i:05d}.md").write_text(f"---\n{head}---\n{row['content']}\n", "utf-8")


def _sizes(path: Path) -> tuple[int, int, int]:
    """Bytes as written, as compact UTF-8 JSON (Material escapes non-ASCII), and gzipped."""
    data = path.read_bytes()
    utf8 = json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")).encode()
    return len(data), len(utf8), len(gzip.compress(utf8, 9))


def _build(root: Path, articles: Path, plugin: bool) -> tuple[tuple[int, int, int], float]:
    settings = make_project(root, articles=articles)
    if not plugin:
        config = settings.config.read_text("utf-8")
        settings.config.write_text(re.sub(r"\n  - digest-arabic-search\n", "\n", config))
    start = time.perf_counter()
    build(settings)
    seconds = time.perf_counter() - start
    return _sizes(settings.out / "search" / "search_index.json"), seconds


def main() -> None:
    corpus = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        _articles(corpus, n, articles)
        (Path(tmp) / "without").mkdir()
        (Path(tmp) / "with").mkdir()
        plain = _build(Path(tmp) / "without", articles, plugin=False)
        forms = _build(Path(tmp) / "with", articles, plugin=True)
    print(f"articles: {n}")
    print("| index | as written | as UTF-8 | gzipped | build |")
    print("|---|---|---|---|---|")
    for name, (size, seconds) in (("Material only", plain), ("with Arabic forms", forms)):
        kb = " | ".join(f"{b / 1e3:.0f} kB" for b in size)
        print(f"| {name} | {kb} | {seconds:.1f} s |")
    ratios = " | ".join(f"{f / p:.2f}×" for f, p in zip(forms[0], plain[0], strict=True))
    print(f"| ratio | {ratios} | {forms[1] / plain[1]:.2f}× |")


if __name__ == "__main__":
    main()
