"""Benchmark: the article stage's CPU time on real news, as a build runs it (issue 17).

Usage:
    python bench/article_stage.py CORPUS.jsonl[.xz] [--days 2015-08-09,2015-08-10]
                                  [--repeat N] [--warm] [--parts] [--code DIR] [--dump FILE]

The corpus rows of the given days (SaudiNewsNet: fields title, source, url, date_extracted,
content; `--days all` takes every row) are written as Markdown files with front matter, as
`bench/scale.py` writes them, into a temporary folder that is deleted after (the corpus is
CC BY-NC-SA: nothing of it is kept). Then `pipeline.read_articles` runs on that folder with no
cache and one process (`Runtime(None, jobs=1)`), with the collector paused as `generate`
pauses it: the files read, each parsed, cleaned, ranked and given its learned-pass keys
(`process_file`), then, where the code has it, the learned per-outlet count and the
re-ranking of the articles holding learned keys. Timed in CPU seconds of this one process
(`time.process_time`), best of `--repeat` (default 4) after one untimed run (imports, data
files, compiled patterns). Each timed run is cold, as a first build is: the word memos of
`language/arabic.py` (stems, terms of a written word) are emptied before it (`--warm` keeps
them, as a long-running process would).

`--code DIR` imports the generator from another checkout (`git worktree add /tmp/before
d04ca1c`), so old and new code are timed by the same script, alternately, in one session:

    for i in 1 2 3 4; do
      .venv/bin/python bench/article_stage.py CORPUS --code /tmp/before --repeat 1
      .venv/bin/python bench/article_stage.py CORPUS --repeat 1
    done

`--parts` also prints where the time goes (each part's CPU seconds, timed by wrapping the
stage's functions: the total is then a little higher). `--dump FILE` writes every article's
result (paragraphs, sub-headings, dateline, sentences, scores, key sentences, terms, learned
keys) and the problems as JSON lines, to compare two versions' outputs with `cmp`; the file
holds corpus text: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import gc
import json
import lzma
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale import article_file  # noqa: E402  (a corpus row as an article file; no generator import)

DEFAULT_DAYS = ("2015-08-09", "2015-08-10")


def read_rows(corpus: Path, days: Sequence[str] | None) -> list[dict]:
    """The corpus rows of these days (None: all), in the file's order."""
    opener = lzma.open if corpus.suffix == ".xz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    if days is None:
        return rows
    return [r for r in rows if (r.get("date_extracted") or "")[:10] in days]


def cold() -> None:
    """Empty the word memos a first build starts without."""
    from generator.language import arabic

    arabic.stem.cache_clear()
    getattr(arabic, "_TERMS_OF_WORD", {}).clear()


def run(folder: Path):
    """The article stage of one build of `folder`: no cache, one process."""
    from generator import pipeline
    from generator.runtime.stages import Runtime

    with pipeline.collector_paused():
        return pipeline.read_articles(folder, Runtime(None, 1))


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    action()
    return time.process_time() - start


def parts(folder: Path) -> dict[str, float]:
    """CPU seconds of each part of one run, by wrapping the functions the stage calls."""
    from generator import pipeline
    from generator.text import clean as clean_module
    from generator.text import sentences

    spent: dict[str, float] = defaultdict(float)
    patched: list[tuple[object, str, object]] = []

    def wrap(owner: object, name: str, label: str) -> None:
        if not hasattr(owner, name):
            return
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        patched.append((owner, name, original))
        setattr(owner, name, wrapper)

    wrap(pipeline, "read_files", "read files")
    wrap(pipeline, "parse", "parse")
    wrap(pipeline, "clean", "clean")
    for name in ("line_kind", "strip_inline", "cut_dateline", "has_picture"):
        wrap(clean_module, name, f"  clean: chrome.{name}")
    wrap(pipeline, "rank", "rank (all calls)")
    wrap(sentences, "mostly_chrome", "  rank: chrome.mostly_chrome")
    if hasattr(pipeline, "outlet_boilerplate"):
        wrap(pipeline.outlet_boilerplate, "article_keys", "learn keys (per article)")
        wrap(pipeline, "_without_outlet_boilerplate", "learned count and re-rank")
    try:
        spent["total"] = timed(lambda: run(folder))
    finally:
        for owner, name, original in reversed(patched):
            setattr(owner, name, original)
    return dict(spent)


def dump(stage, out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for a in stage.articles:
            clean = a.clean
            dateline = getattr(clean, "dateline", None)
            row = {
                "id": a.id,
                "path": clean.article.path,
                "paragraphs": clean.paragraphs,
                "headings": sorted(clean.headings),
                "dateline": None if dateline is None else vars(dateline),
                "sentences": [(s.text, s.index, s.paragraph) for s in a.sentences],
                "scores": a.scores,
                "key": [s.index for s in a.key],
                "terms": a.terms,
                "learn_keys": getattr(a, "learn_keys", ()),
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        for p in stage.problems:
            f.write(json.dumps({"problem": str(p)}, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--days", default=",".join(DEFAULT_DAYS), help="comma-separated, or all")
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--warm", action="store_true", help="keep the word memos between runs")
    parser.add_argument("--parts", action="store_true", help="print where the time goes")
    parser.add_argument("--code", type=Path, help="the checkout to import the generator from")
    parser.add_argument("--dump", type=Path, help="write every article's result (JSON lines)")
    args = parser.parse_args(argv)
    code = (args.code or ROOT).resolve()
    sys.path.insert(0, str(code))
    import generator

    assert Path(generator.__file__).resolve().is_relative_to(code), generator.__file__
    days = None if args.days == "all" else tuple(args.days.split(","))
    rows = read_rows(args.corpus, days)
    with tempfile.TemporaryDirectory(prefix="article-stage-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, row in enumerate(rows):
            (folder / f"{i:05d}.md").write_text(article_file(row), "utf-8")
        stage = run(folder)  # untimed: imports, data files, compiled patterns
        if args.dump:
            dump(stage, args.dump)
        best = []
        for _ in range(args.repeat):
            if not args.warm:
                cold()
            best.append(timed(lambda: run(folder)))
        split = None
        if args.parts:
            if not args.warm:
                cold()
            split = parts(folder)
    timing = (
        f"; article stage {'warm' if args.warm else 'cold'}, best of {len(best)}: "
        f"{min(best):.3f} s CPU (runs: {', '.join(f'{s:.3f}' for s in best)})"
        if best else ""
    )
    counts = f"{len(rows)} rows, {len(stage.articles)} articles"
    print(f"{code.name} ({_commit(code)}): {counts}{timing}")
    for label, seconds in (split or {}).items():
        print(f"  {label:<32} {seconds:6.3f} s")


def _commit(code: Path) -> str:
    import subprocess

    found = subprocess.run(
        ["git", "-C", str(code), "rev-parse", "--short", "HEAD"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    dirty = subprocess.run(
        ["git", "-C", str(code), "status", "--porcelain", "--untracked-files=no", "generator"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return found.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    main()
