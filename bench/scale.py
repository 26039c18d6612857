"""Benchmark: Digest at news scale (SaudiNewsNet), cold, unchanged, and after adding one.

Usage: python bench/scale.py CORPUS.jsonl[.xz] [--sizes 1000,10000,31030] [--timeout S]
                             [--jobs N] [--no-mkdocs] [--keep DIR]

For each size N, in a temporary folder: writes the first N articles of the corpus in date
order (fields title, source, url, date_extracted, content) as Markdown files with front
matter, holding the N-th back; then times, each in its own process, one after another:

- `cold`: a first `digest build` of N-1 articles (empty cache, empty site_src/);
- `unchanged`: the same build again, nothing changed;
- `add one`: the N-th article added (as `digest add` copies it), and the build again.

and prints, per build, the generator's time (everything but MkDocs: reading, cleaning,
ranking, grouping, keywords, rendering, writing) and MkDocs' time apart, with the stages
that took longest, the article stage's rate (articles per second per core), the articles
processed and reused, the pages written, the peak memory (the build process and, apart, its
worker processes), the page count, the site's size and the search index's size (Pagefind's files, on
disk). A build that exceeds the timeout is reported as such and larger sizes are skipped.

The corpus (CC BY-NC-SA) is only read; everything built from it stays in the temporary
folder, which is deleted unless --keep is given. Set OPENBLAS_NUM_THREADS=1 (done here).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DEFAULT_SIZES = (1000, 10000, 31030)
# what is timed: (module or class, attribute, label); `group` is looked up at call time
STAGES = (
    ("pipeline", "read_articles", "read_articles"),
    ("pipeline", "group", "group"),
    ("Runtime", "each_story", "analysed"),
    ("pipeline", "render_site", "render_site"),
)


def load_corpus(corpus: Path, n: int) -> list[dict]:
    """The first `n` articles in date order (the file's order within a date kept)."""
    opener = lzma.open if corpus.suffix == ".xz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    order = sorted(range(len(rows)), key=lambda i: (rows[i].get("date_extracted") or "", i))
    return [rows[i] for i in order[:n]]


def article_file(row: dict) -> str:
    meta = {
        "title": " ".join((row.get("title") or "").split()),
        "source": row.get("source") or "",
        "url": row.get("url") or "",
        "date": (row.get("date_extracted") or "")[:10],
    }
    head = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items() if value
    )
    return f"---\n{head}---\n{row.get('content') or ''}\n"


def make_project(folder: Path, rows: list[dict]) -> Path:
    """A project folder (our mkdocs.yml, overrides, hand-written pages) with N-1 articles."""
    from tests.conftest import make_project as tests_project

    folder.mkdir(parents=True)
    settings = tests_project(folder, articles=folder / "articles")
    settings.articles.mkdir()
    for i, row in enumerate(rows[:-1]):
        (settings.articles / f"{i:05d}.md").write_text(article_file(row), "utf-8")
    (folder / "held-back.md").write_text(article_file(rows[-1]), "utf-8")
    return folder


# --- one build, in its own process ---------------------------------------------------------


def child(project: Path, mkdocs: bool, jobs: int | None) -> dict:
    """Build `project` once with timing wrappers around the stages; the figures as a dict."""
    from generator import pipeline
    from generator.pipeline import Settings
    from generator.runtime.stages import Runtime
    from generator.site import mkdocs_build as site_build

    times: dict[str, float] = {}
    info: dict[str, object] = {}

    def timed(owner, name: str, label: str):
        original = getattr(owner, name, None)
        if original is None:  # a stage renamed by a later version: not broken down
            return

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                times[label] = times.get(label, 0.0) + time.perf_counter() - start

        setattr(owner, name, wrapper)

    timed(site_build, "mkdocs_build", "mkdocs")
    for owner, name, label in STAGES:
        timed(Runtime if owner == "Runtime" else pipeline, name, label)

    original_read = pipeline.read_articles

    def read_articles(*args, **kwargs):
        result = original_read(*args, **kwargs)
        info["processed"], info["reused"] = result.processed, result.reused
        return result

    pipeline.read_articles = read_articles
    settings = Settings(
        articles=project / "articles",
        site_src=project / "site_src",
        out=project / "site",
        config=project / "mkdocs.yml",
        jobs=jobs,
    )
    start = time.perf_counter()
    digest, report = pipeline.build(settings, mkdocs=mkdocs)
    total = time.perf_counter() - start
    mkdocs_time = times.pop("mkdocs", 0.0)
    return {
        "generator": total - mkdocs_time,
        "mkdocs": mkdocs_time,
        "stages": times,
        "stories": len(digest.stories),
        "articles": sum(len(s.articles) for s in digest.stories),
        "written": report.written,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "cores": jobs or len(os.sched_getaffinity(0)),
        **info,
    }


def run_build(project: Path, args: argparse.Namespace) -> dict | None:
    command = [sys.executable, __file__, "--child", str(project)]
    if args.no_mkdocs:
        command.append("--no-mkdocs")
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=args.timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"build failed in {project}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the measured site ---------------------------------------------------------------------


def site_figures(project: Path) -> dict:
    site = project / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    index = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    cache = project / ".digest-cache"
    return {
        "pages": sum(1 for p in files if p.name == "index.html"),
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        # Pagefind's index on disk (its files are gzipped already); a reader fetches pieces
        "search_mb": sum(p.stat().st_size for p in index) / 1e6,
        "cache_mb": sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6,
    }


def measure(size: int, rows: list[dict], work: Path, args: argparse.Namespace) -> list[dict]:
    project = make_project(work / f"n{size}", rows[:size])
    results = []
    for label in ("cold", "unchanged", "add one"):
        if label == "add one":
            shutil.copy(project / "held-back.md", project / "articles" / "held-back.md")
        figures = run_build(project, args)
        if figures is None:
            results.append({"size": size, "build": label, "timeout": args.timeout})
            break
        results.append({"size": size, "build": label, **figures, **site_figures(project)})
        print(_row(results[-1]), flush=True)
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
    return results


HEADER = (
    "| articles | build | generator s | MkDocs s | slowest stages s | article stage /s/core | "
    "processed (reused) | pages written | peak MB (workers) | pages | site MB | "
    "search index MB |"
)


def _row(r: dict) -> str:
    if "timeout" in r:
        return f"| {r['size']:,} | {r['build']} | over {r['timeout']} s (stopped) |"
    stages = sorted(r["stages"].items(), key=lambda kv: -kv[1])[:3]
    slowest = ", ".join(f"{k} {v:.1f}" for k, v in stages)
    rate = ""
    if r.get("processed") and r["stages"].get("read_articles"):
        rate = f"{r['processed'] / r['stages']['read_articles'] / r['cores']:,.0f}"
    return (
        f"| {r['articles']:,} | {r['build']} | {r['generator']:.1f} | {r['mkdocs']:.1f} | "
        f"{slowest} | {rate} | {r.get('processed', '?'):,} ({r.get('reused', '?'):,}) | "
        f"{r['written']:,} | {r['rss_mb']:.0f} ({r['workers_rss_mb']:.0f}) | {r['pages']:,} | "
        f"{r['site_mb']:.1f} | {r['search_mb']:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated article counts (default: %(default)s)",
    )
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per build")
    parser.add_argument("--jobs", type=int, help="processes for the article stage")
    parser.add_argument("--no-mkdocs", action="store_true", help="time the generator only")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, not args.no_mkdocs, args.jobs)))
        return
    if args.corpus is None:
        parser.error("the corpus path is required")
    sizes = sorted(int(s) for s in args.sizes.split(","))
    start = time.perf_counter()
    rows = load_corpus(args.corpus, max(sizes))
    sizes = [min(s, len(rows)) for s in sizes]
    print(f"corpus: {len(rows):,} articles read in {time.perf_counter() - start:.1f} s")
    print(f"cores: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.1f}\n")
    print(HEADER)
    print("|" + "---|" * (HEADER.count("|") - 1))
    work = args.keep or Path(tempfile.mkdtemp(prefix="digest-scale-"))
    try:
        for size in sizes:
            results = measure(size, rows, work, args)
            if any("timeout" in r for r in results):
                print(f"\nstopped: a build of {size:,} articles took over {args.timeout} s")
                break
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
