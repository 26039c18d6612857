"""Benchmark: the site's search, Pagefind against Material's own, side by side in one run.

Usage: python bench/search.py CORPUS.jsonl[.xz] [N] [--queries K]

Writes the first N articles of a JSONL corpus (fields title, source, date_extracted,
content; e.g. SaudiNewsNet; all of them by default) into a temporary project, generates the
site once, and builds the same pages twice with MkDocs:

- **Pagefind** (the shipped mkdocs.yml, `digest-search`): every story page indexed whole
  with the forms a reader types; the index is fetched in pieces per query;
- **Material** (Material's `search` with `digest-arabic-search`, the site before Pagefind):
  one lunr index of every story's titles, top point and keywords, fetched whole on load.

Each site is served on localhost and opened in headless Chromium. Printed, per search:
MkDocs' build time and the index's build time; the index's size on disk; the bytes a
reader's first view of a story page transfers (the biggest story page and a median one),
as served (uncompressed) and as a server that gzips text would send them (Pagefind's own
files are gzipped already); the bytes one query adds; and hits on a query table:

- **main keyword**: for the K biggest stories (by outlets, then articles), their first
  keyword; a hit when the first story listed is that story or one at least as big;
- **rare words**: for K story pages drawn with a fixed seed, the bare form (no article or
  clitics before it, hamza on alef as a bare alef) of up to three shown words that few
  pages hold (ten or fewer), typed into the search box; a hit when the story is among the
  first ten results.

The corpus is only read; nothing from it is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import lzma
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import FEED, build  # noqa: E402
from generator.site.feed import atom_feed  # noqa: E402
from generator.site.mkdocs_build import mkdocs_build  # noqa: E402
from generator.site.redirects import redirect_pages  # noqa: E402
from generator.site.search_page import SENTINEL, words_of  # noqa: E402
from tests.browser import browser_page, search  # noqa: E402
from tests.conftest import make_project, serve  # noqa: E402
from tests.site.test_search import bare_queries  # noqa: E402

MATERIAL_PLUGINS = """  - search:
      lang: ar
      separator: '[\\s\\-,:;!?=\\[\\]()"/«»“”‘’،؛؟…]+|\\.(?!\\d)'
  - digest-arabic-search:
      exclude: [index.md, stories/index.md, stories/days/*, stories/months/*, sources/*, keywords/*]
"""
TEXT = ("text/", "javascript", "json", "xml", "css")
STORY = re.compile(r"stories/[0-9a-f]{10}/")


def write_articles(corpus: Path, n: int | None, folder: Path) -> int:
    opener = lzma.open if corpus.suffix == ".xz" else open
    folder.mkdir()
    count = 0
    with opener(corpus, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if n is not None and i >= n:
                break
            row = json.loads(line)
            meta = {
                "title": row.get("title") or "",
                "source": row.get("source") or "",
                "date": (row.get("date_extracted") or "")[:10],
            }
            head = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
            (folder / f"{i:05d}.md").write_text(f"---\n{head}---\n{row['content']}\n", "utf-8")
            count += 1
    return count


def material_variant(project: Path) -> Path:
    """mkdocs-material.yml: the same site with Material's search, and the theme's own
    header and search box (overrides without Digest's search partials)."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    start = config.index("  - digest-search:")
    end = config.index("  - ", start + 4)
    config = config[:start] + MATERIAL_PLUGINS + config[end:]
    config = config.replace("custom_dir: overrides", "custom_dir: overrides-material")
    tabs = "    - navigation.tabs\n"
    config = config.replace(tabs, tabs + "    - search.suggest\n")
    shutil.copytree(project / "overrides", project / "overrides-material")
    for partial in ("search.html", "header.html"):
        (project / "overrides-material" / "partials" / partial).unlink()
    path = project / "mkdocs-material.yml"
    path.write_text(config, "utf-8")
    return path


class _Seconds(logging.Handler):
    """The seconds the `digest-search` plugin reports for Pagefind's run."""

    seconds = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        found = re.search(r"in ([0-9.]+) s", record.getMessage())
        if found:
            self.seconds = float(found.group(1))


def build_site(config: Path, digest, src: Path, site: Path) -> tuple[float, float]:
    """MkDocs' build of the generated pages with `config` (as `digest build` runs it); its
    seconds, and Pagefind's part of them."""
    seconds = _Seconds()
    logging.getLogger("mkdocs.plugins.digest-search").addHandler(seconds)
    logging.getLogger("mkdocs.plugins.digest-search").setLevel(logging.INFO)
    extras = {
        "digest.json": digest.json.encode("utf-8"),
        FEED: lambda site_url: atom_feed(digest.stories, site_url, digest.site_name),
        **redirect_pages(digest.stories),
    }
    start = time.perf_counter()
    mkdocs_build(config, src, site, extras)
    return time.perf_counter() - start, seconds.seconds


def size_on_disk(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    return raw, sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)


class Meter:
    """The bytes of every response a page receives: as served, and gzipped where text."""

    def __init__(self, page) -> None:
        self.seen: list[tuple[int, int]] = []
        page.on("response", self._on)

    def _on(self, response) -> None:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request: no body
            return
        kind = response.headers.get("content-type", "")
        sent = len(gzip.compress(body, 6)) if any(t in kind for t in TEXT) else len(body)
        self.seen.append((len(body), sent))

    def since(self, mark: int) -> tuple[int, int, int]:
        part = self.seen[mark:]
        return sum(r for r, _ in part), sum(s for _, s in part), len(part)


def story_pages(site: Path) -> list[dict]:
    stories = json.loads((site / "digest.json").read_text("utf-8"))["stories"]
    return [s for s in stories if (site / s["url"] / "index.html").exists()]


def shown_words(site: Path, story: dict) -> list[str]:
    markup = (site / story["url"] / "index.html").read_text("utf-8")
    if SENTINEL in markup:  # the Pagefind build: the body before the added forms
        body = markup[markup.index(">", markup.index("data-pagefind-body")) + 1 :]
        markup = body[: body.index(SENTINEL)].rsplit("<div hidden", 1)[0]
    return words_of(markup)


def query_table(site: Path, stories: list[dict], k: int) -> tuple[list, list]:
    by_size = sorted(stories, key=lambda s: (-s["source_count"], -len(s["articles"]), s["id"]))
    keyword = [(s["keywords"][0]["label"], s["url"]) for s in by_size if s["keywords"]][:k]
    pages = Counter()
    words = {}
    for s in stories:
        words[s["url"]] = set(bare_queries(shown_words(site, s)))
        pages.update(words[s["url"]])
    rng = random.Random(7)
    rare = []
    for s in rng.sample(stories, min(k, len(stories))):
        choice = sorted(w for w in words[s["url"]] if pages[w] <= 10 and len(w) >= 3)
        rare += [(w, s["url"]) for w in rng.sample(choice, min(3, len(choice)))]
    return keyword, rare


def measure(base: str, stories: list[dict], keyword: list, rare: list, pagefind: bool) -> dict:
    size = {s["url"]: (s["source_count"], len(s["articles"])) for s in stories}
    by_bytes = sorted(stories, key=lambda s: s["_bytes"])
    out = {}
    for name, story in (("biggest", by_bytes[-1]), ("median", by_bytes[len(by_bytes) // 2])):
        with browser_page() as page:  # a reader's first visit: nothing cached
            meter = Meter(page)
            page.goto(base + story["url"], wait_until="networkidle")
            out[f"first view, {name} story page"] = meter.since(0)
    with browser_page() as page:
        meter = Meter(page)
        page.goto(base + by_bytes[len(by_bytes) // 2]["url"], wait_until="networkidle")
        start = time.perf_counter()
        mark = len(meter.seen)
        search(page, keyword[0][0])
        page.wait_for_load_state("networkidle")
        out["first query"] = meter.since(mark)
        out["first answer s"] = time.perf_counter() - start
        per_query = []
        for query, _ in rare[:10]:
            page.goto(base + by_bytes[len(by_bytes) // 2]["url"], wait_until="networkidle")
            mark = len(meter.seen)
            with contextlib.suppress(Exception):  # Playwright's timeout: no result at all
                search(page, query, timeout=3000)
            page.wait_for_load_state("networkidle")
            per_query.append(meter.since(mark))
        out["a further query, on another page (median of 10)"] = tuple(
            int(statistics.median(q[i] for q in per_query)) for i in range(3)
        )

        def listed(query: str) -> list[str]:
            """The stories a query lists, in order (keyword and source pages left out)."""
            if pagefind:
                links = page.evaluate("q => window.digestSearch.find(q)", query)
            else:
                try:
                    links = search(page, query, timeout=3000)
                except Exception:  # Playwright's timeout: no result at all
                    links = []
            found = (STORY.search(link) for link in links)
            return list(dict.fromkeys(m.group(0) for m in found if m))

        page.goto(base, wait_until="networkidle")
        hits = 0
        for query, url in keyword:
            found = [u for u in listed(query) if u in size]
            hits += bool(found) and size[found[0]] >= size[url]
        out["main keyword: its story or a bigger one first"] = (hits, len(keyword))
        hits = sum(url in listed(query)[:10] for query, url in rare)
        out["rare word: story in the first ten"] = (hits, len(rare))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("n", type=int, nargs="?")
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        count = write_articles(args.corpus, args.n, project / "articles")
        settings = make_project(project, articles=project / "articles")
        start = time.perf_counter()
        digest, _ = build(settings, mkdocs=False)
        print(f"articles: {count}; generator {time.perf_counter() - start:.0f} s")
        rows: dict[str, dict] = {}
        sites = {"Pagefind": project / "site", "Material": project / "site-material"}
        total, pagefind = build_site(settings.config, digest, settings.site_src, sites["Pagefind"])
        rows["Pagefind"] = {
            "MkDocs build s": total,
            "index build s": pagefind,
            "index on disk (gz)": size_on_disk(sites["Pagefind"] / "pagefind"),
        }
        config = material_variant(project)
        total, _ = build_site(config, digest, settings.site_src, sites["Material"])
        rows["Material"] = {
            "MkDocs build s": total,
            "index build s": "in MkDocs (lunr's in the browser)",
            "index on disk (gz)": size_on_disk(sites["Material"] / "search"),
        }
        stories = story_pages(sites["Pagefind"])
        for s in stories:
            s["_bytes"] = (sites["Pagefind"] / s["url"] / "index.html").stat().st_size
        keyword, rare = query_table(sites["Pagefind"], stories, args.queries)
        for name, site in sites.items():
            with serve(site) as base:
                rows[name] |= measure(base, stories, keyword, rare, name == "Pagefind")
    print(f"| measured | {' | '.join(rows)} |\n|---|---|---|")
    for key in rows["Pagefind"]:
        cells = []
        for name in rows:
            value = rows[name].get(key, "")
            if isinstance(value, float):
                value = f"{value:.1f}"
            elif isinstance(value, tuple) and len(value) == 3:
                value = f"{value[0] / 1e3:,.0f} kB ({value[1] / 1e3:,.0f} kB gz), {value[2]} files"
            elif isinstance(value, tuple) and len(value) == 2 and "on disk" in key:
                value = f"{value[0] / 1e6:.1f} MB ({value[1] / 1e6:.1f} MB gz)"
            elif isinstance(value, tuple):
                value = f"{value[0]}/{value[1]}"
            cells.append(str(value))
        print(f"| {key} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
