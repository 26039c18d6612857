"""Benchmark: story grouping against hand-made labels of real SaudiNewsNet days, and its cost.

Usage:
    python bench/grouping.py CORPUS.jsonl[.xz] [LABELS.json ...] [--scale]

For each labels file (default: every `bench/data/grouping-*.json`), the labelled day is
grouped **inside the whole corpus** (every row becomes an article, see `articles_of`), as a
site holding all of SaudiNewsNet would group it: the days around it can join its stories,
and the days more than ten days away are the background of the burst weighting
(`generator/stories/burst.py`). It is grouped by `generator.stories.group.group` and by the
plain TF-IDF cosine baseline in the same run, and both are scored on the labelled day's articles:
pairwise precision/recall/F1 (over pairs of articles put in one story) and B-cubed
precision/recall/F1 (per article, then averaged; big stories weigh less than in pairwise).
Each day is scored whole and split by outlet into a tuning half and a held-out half (each
half grouped on its own, as if those outlets' articles were all there was).
`--day-only` groups the labelled day's articles alone instead (a site of one day has no
background: plain TF-IDF weights).

A corpus row's article id is the first 12 hex digits of the SHA-1 of its url (UTF-8): the
labels hold those ids only, never article text (the corpus is CC BY-NC-SA).

`--scale` also prints, for all the corpus's articles (31,030 for SaudiNewsNet), the time of
grouping alone (the terms are what the rank stage hands over in a build), the number of
stories and copies, and the number and size of the redirect pages of stable ids.

`GROUPING=burst_threshold=0.22,window_days=5` runs other settings (`GroupingSettings`
fields).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import lzma
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.language import arabic  # noqa: E402
from generator.models import Article, RankedArticle  # noqa: E402
from generator.site.redirects import redirect_pages  # noqa: E402
from generator.stories.group import group  # noqa: E402
from generator.stories.linkage import GroupingSettings, link  # noqa: E402
from generator.stories.similarity import close_pairs, tfidf_matrix  # noqa: E402
from generator.text.clean import clean  # noqa: E402


def _settings(spec: str) -> GroupingSettings:
    """`GROUPING=threshold=0.3,grow=0` tries other settings (for tuning on the tuning half)."""
    default = GroupingSettings()
    values: dict[str, object] = {}
    for item in filter(None, spec.split(",")):
        key, _, value = item.partition("=")
        kind = type(getattr(default, key))
        values[key] = value not in ("0", "false", "False") if kind is bool else kind(value)
    return dataclasses.replace(default, **values)


SETTINGS = _settings(os.environ.get("GROUPING", ""))
TUNE_OUTLETS = frozenset({"alriyadh", "alyaum", "aawsat", "okaz", "3alyoum", "sabq", "was"})


def article_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def read_corpus(path: Path) -> list[dict]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def articles_of(rows: Iterable[dict]) -> list[RankedArticle]:
    """Corpus rows as the rank stage would hand them over: cleaned text and its stems.

    TextRank is not run (grouping does not use key sentences); the terms are the same
    `arabic.content_terms` of the cleaned paragraphs that rank computes.
    """
    out = []
    for row in rows:
        aid = article_id(row["url"])
        article = Article(
            id=aid,
            path=f"{row['source']}/{aid}.txt",
            body=row.get("content") or "",
            title=(row.get("title") or "").strip() or None,
            source=row["source"],
            url=row["url"],
            date=dt.date.fromisoformat(row["date_extracted"][:10]),
        )
        cleaned = clean(article)
        terms = tuple(t for p in cleaned.paragraphs for t in arabic.content_terms(p))
        out.append(RankedArticle(cleaned, (), (), (), terms))
    return out


def load_labels(path: Path) -> tuple[dict, dict[str, str]]:
    doc = json.loads(path.read_text("utf-8"))
    truth = {aid: name for name, ids in doc["stories"].items() for aid in ids}
    truth.update({aid: f"single:{aid}" for aid in doc["single"]})
    return doc, truth


@dataclass(frozen=True)
class _Cluster:
    articles: tuple[RankedArticle, ...]
    duplicates: tuple = ()

    @property
    def id(self) -> str:
        return self.articles[0].id


def baseline_group(articles: Sequence[RankedArticle]) -> list[_Cluster]:
    """The foundation's grouping: TF-IDF cosine of all stems (title twice), average link
    at 0.19, four days; no lead weight, no duplicates."""
    settings = GroupingSettings(threshold=0.19, window_days=4, linkage="average")
    ordered = sorted(articles, key=lambda a: (a.article.date, a.id))
    docs = []
    for a in ordered:
        counts = Counter(a.terms)
        for term in arabic.content_terms(a.article.title or ""):
            counts[term] += 2
        docs.append(counts)
    days = [a.article.date.toordinal() for a in ordered]
    pairs = close_pairs(tfidf_matrix(docs), days, settings.window_days, settings.min_sim)
    clusters = link(len(ordered), pairs, days, set(), settings)
    return [_Cluster(tuple(ordered[i] for i in c)) for c in clusters]


def assignment(stories: Sequence) -> dict[str, str]:
    """Article id → story id, copies counted in the story of the article they copy."""
    out = {}
    for story in stories:
        for a in story.articles:
            out[a.id] = story.id
        for d in story.duplicates:
            out[d.copy.id] = story.id
    return out


def pairwise(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for aid in sorted(labels):
            groups.setdefault(labels[aid], []).append(aid)
        return {p for ids in groups.values() for p in combinations(ids, 2)}

    t, f = pairs(truth), pairs(found)
    hit = len(t & f)
    p = hit / len(f) if f else 1.0
    r = hit / len(t) if t else 1.0
    return p, r, _f1(p, r)


def bcubed(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    t_size = Counter(truth.values())
    f_size = Counter(found.values())
    both = Counter((truth[a], found[a]) for a in truth)
    p = sum(both[(truth[a], found[a])] / f_size[found[a]] for a in truth) / len(truth)
    r = sum(both[(truth[a], found[a])] / t_size[truth[a]] for a in truth) / len(truth)
    return p, r, _f1(p, r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(articles: list[RankedArticle], truth: dict[str, str]) -> dict[str, tuple]:
    ids = {a.id for a in articles}
    sub = {a: s for a, s in truth.items() if a in ids}
    out = {}
    for name, fn in (("ours", lambda a: group(a, SETTINGS)), ("baseline", baseline_group)):
        start = time.perf_counter()
        found = assignment(fn(articles))
        took = time.perf_counter() - start
        found = {a: s for a, s in found.items() if a in sub}
        out[name] = (*pairwise(sub, found), *bcubed(sub, found), took)
    return out


def report_day(articles: list[RankedArticle], labels: Path, day_only: bool = False) -> dict:
    """Score the labelled day, grouped inside `articles` (or alone with `day_only`)."""
    doc, truth = load_labels(labels)
    day = dt.date.fromisoformat(doc["day"])
    day_articles = [a for a in articles if a.article.date == day]
    missing = set(truth) - {a.id for a in day_articles}
    if missing:
        sys.exit(f"{labels}: {len(missing)} labelled ids are not articles of {doc['day']}")
    site = day_articles if day_only else articles
    parts = {
        "whole day": site,
        "tuning outlets": [a for a in site if a.article.source in TUNE_OUTLETS],
        "held-out outlets": [a for a in site if a.article.source not in TUNE_OUTLETS],
    }
    print(f"\n{labels.name}: {doc['day']}, {len(day_articles)} articles, "
          f"{len(doc['stories'])} labelled stories of 2+ articles, {len(doc['single'])} single; "
          + ("grouped alone" if day_only else f"grouped inside all {len(site)} articles"))
    print(f"{'part':18} {'method':9} {'n':>5} {'pair P':>7} {'pair R':>7} {'pair F1':>7}"
          f" {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'secs':>6}")
    results = {}
    for part, part_articles in parts.items():
        scored = sum(a.id in truth for a in part_articles)
        results[part] = score(part_articles, truth)
        for method, (pp, pr, pf, bp, br, bf, took) in results[part].items():
            print(f"{part:18} {method:9} {scored:5d} {pp:7.3f} {pr:7.3f} {pf:7.3f}"
                  f" {bp:6.3f} {br:6.3f} {bf:6.3f} {took:6.2f}")
    return results


def report_scale(articles: list[RankedArticle], prepared: float) -> None:
    start = time.perf_counter()
    stories = group(articles, SETTINGS)
    grouped = time.perf_counter() - start
    start = time.perf_counter()
    pages = redirect_pages(stories)
    redirected = time.perf_counter() - start
    sizes = Counter(len(s.articles) for s in stories)
    copies = sum(len(s.duplicates) for s in stories)
    print(f"\nscale: {len(articles)} articles → {len(stories)} stories "
          f"({sum(v for k, v in sizes.items() if k > 1)} of 2+ articles, largest "
          f"{max(sizes)}), {copies} copies shown once")
    print(f"  preparing terms (clean + stems, done by rank in a build): {prepared:.1f} s")
    print(f"  grouping (similarity, bursts, duplicates, linkage, ids): {grouped:.1f} s")
    print(f"  redirect pages: {len(pages)} files, {sum(map(len, pages.values())) / 1e6:.1f} MB,"
          f" {redirected:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("labels", type=Path, nargs="*")
    parser.add_argument("--scale", action="store_true", help="also time grouping the corpus")
    parser.add_argument(
        "--day-only", action="store_true", help="group each labelled day alone (no background)"
    )
    args = parser.parse_args()
    labels = args.labels or sorted((ROOT / "bench" / "data").glob("grouping-*.json"))
    start = time.perf_counter()
    articles = articles_of(read_corpus(args.corpus))
    prepared = time.perf_counter() - start
    for path in labels:
        report_day(articles, path, args.day_only)
    if args.scale:
        report_scale(articles, prepared)


if __name__ == "__main__":
    main()
