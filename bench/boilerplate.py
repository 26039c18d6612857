"""Benchmark: boilerplate in what the site shows, and content in what cleaning removes (issue 17).

Usage:
    python bench/boilerplate.py CORPUS.jsonl[.xz] [--labels FILE]
    python bench/boilerplate.py CORPUS.jsonl[.xz] --extract SPLIT --out FILE

Each split is a site of a few days of SaudiNewsNet (all 14 outlets): its articles are read,
cleaned and ranked, the outlets' boilerplate is learned from them (as a build learns it from
its folder), they are grouped into stories and compared. This is done twice, in one run:

- BEFORE: main's cleaning (the general chrome rules of text/chrome.py switched off, no learned
  per-outlet pass);
- AFTER: today's cleaning.

Shown sentences are the articles' key sentences, the stories' key points and their versions,
and each outlet's own sentences. Removed segments are the runs of words the site would show
BEFORE and not AFTER (each article's sentences, word by word). Both are sampled with a fixed
seed: every item is ranked by a hash of the seed, its article and its text (so an item shown
both BEFORE and AFTER is drawn in both), `SHOWN_PER_OUTLET` shown items per outlet and
`REMOVED` removed segments (at most `REMOVED_PER_OUTLET` per outlet).

The splits, each labelled by reading (`bench/data/boilerplate-labels.json`, the rule in it):

- `tune` (2015-07-21 and 08-11: all 14 outlets): read while the rules were written; first
  measured with the learned pass as it stood (1.8 % of shown sentences boilerplate, 15.0 % of
  removed segments content: closing openings such as «وبحسب "رويترز"،» took whole paragraphs);
- `held-out` (08-09 and 08-10: 12 outlets), labelled once those rules were done: 0.0 % shown,
  2.6 % removed (3/115: a numbered list item, a verse cited, a caption that was the whole
  article); those three errors then informed a change, so it is no longer unseen;
- `fresh` (07-31 and 08-03: 10 outlets), labelled after that change, before any other.

Default mode prints, per split, the boilerplate rate among the labelled shown sentences
BEFORE and AFTER, and the content rate among the labelled removed segments; items the labels
do not cover (the rules changed since labelling) are counted and listed: label them.

`--extract` writes a split's sampled items, texts included, to a file that is never committed
(the corpus is CC BY-NC-SA: the committed labels hold ids and short quotes, `quote`).

A corpus row's article id is the first 12 hex digits of the SHA-1 of its url (UTF-8), as in
`bench/grouping.py` and `bench/attribution.py`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from unittest import mock

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution import ranked, read_rows  # noqa: E402

from generator.compare.comparison import _compare, known_outlets  # noqa: E402
from generator.models import RankedArticle  # noqa: E402
from generator.pipeline import rerank  # noqa: E402
from generator.stories.group import group  # noqa: E402
from generator.text import clean as clean_module  # noqa: E402
from generator.text import outlet_boilerplate, sentences  # noqa: E402

LABELS = ROOT / "bench" / "data" / "boilerplate-labels.json"
SPLITS = {
    "tune": ("2015-07-21", "2015-08-11"),
    "held-out": ("2015-08-09", "2015-08-10"),
    "fresh": ("2015-07-31", "2015-08-03"),
}
SEED = "boilerplate-17"
SHOWN_PER_OUTLET = 24
REMOVED = 120
REMOVED_PER_OUTLET = 20

Item = dict  # {"article", "outlet", "where", "text", "quote"}


@contextmanager
def main_cleaning() -> Iterator[None]:
    """Cleaning as on main: no chrome rules (the calls clean.py and sentences.py make)."""
    with (
        mock.patch.object(clean_module, "line_kind", lambda line, folded=None: None),
        mock.patch.object(clean_module, "has_picture", lambda line: False),
        mock.patch.object(clean_module, "strip_inline", lambda line: line),
        mock.patch.object(clean_module, "cut_dateline", lambda line: (line, None)),
        mock.patch.object(sentences, "mostly_chrome", lambda text: False),
    ):
        yield


def site(rows: list[dict], before: bool) -> list[RankedArticle]:
    """The split's articles, cleaned BEFORE or AFTER (with the learned pass)."""
    if before:
        with main_cleaning():
            articles = [ranked(r) for r in rows]
        return [a for a in articles if a.sentences]
    articles = [a for a in (ranked(r) for r in rows) if a.sentences]
    learned = outlet_boilerplate.learn(articles)
    done = []
    for article in articles:
        held = outlet_boilerplate.hits(article, learned)
        done.append(rerank((article, held)) if held else article)
    return [a for a in done if a.sentences]


def quote(text: str) -> str:
    """A short quote that tells items apart: the first 8 words … the last 4."""
    words = text.split()
    return " ".join(words) if len(words) <= 12 else " ".join([*words[:8], "…", *words[-4:]])


def shown(articles: list[RankedArticle]) -> list[Item]:
    """Every sentence the site shows: key sentences, key points and versions, own sentences."""
    outlet = {a.id: a.article.source or "" for a in articles}
    found: dict[tuple[str, str], str] = {}
    for a in articles:
        for s in a.key:
            found.setdefault((a.id, s.text), "key sentence")
    stories = group(articles)
    known = known_outlets(stories)
    for story in stories:
        if len({a.article.source for a in story.articles}) < 2:
            continue
        comparison = _compare(story, known)
        for point in comparison.key_points:
            found.setdefault((point.article_id, point.text), "key point")
            for version in point.versions:
                found.setdefault((version.article_id, version.text), "key point")
        for _, quotes in comparison.unique:
            for q in quotes:
                found.setdefault((q.article_id, q.text), "own sentence")
    return [
        {"article": aid, "outlet": outlet[aid], "where": where, "text": text, "quote": quote(text)}
        for (aid, text), where in sorted(found.items())
    ]


def removed(before: list[RankedArticle], after: list[RankedArticle]) -> list[Item]:
    """The runs of words shown BEFORE and not AFTER, article by article."""
    kept = {a.id: a for a in after}
    out = []
    for a in before:
        old = [w for s in a.sentences for w in s.text.split()]
        new = [w for s in kept[a.id].sentences for w in s.text.split()] if a.id in kept else []
        matcher = SequenceMatcher(None, old, new, autojunk=False)
        for op, i, j, _, _ in matcher.get_opcodes():
            if op in ("delete", "replace"):
                text = " ".join(old[i:j])
                out.append({"article": a.id, "outlet": a.article.source or "", "where": "removed",
                            "text": text, "quote": quote(text)})  # fmt: skip
    return out


def _rank(item: Item) -> str:
    return hashlib.sha1(f"{SEED}|{item['article']}|{item['text']}".encode()).hexdigest()


def sample(items: list[Item], per_outlet: int, total: int | None = None) -> list[Item]:
    by_outlet: dict[str, list[Item]] = defaultdict(list)
    for item in sorted(items, key=_rank):
        if len(by_outlet[item["outlet"]]) < per_outlet:
            by_outlet[item["outlet"]].append(item)
    picked = sorted((i for group in by_outlet.values() for i in group), key=_rank)
    return picked[:total] if total else picked


def samples(corpus: Path, split: str) -> dict[str, list[Item]]:
    days = SPLITS[split]
    rows = read_rows(corpus, lambda r: r["date_extracted"][:10] in days)
    before, after = site(rows, before=True), site(rows, before=False)
    return {
        "before": sample(shown(before), SHOWN_PER_OUTLET),
        "after": sample(shown(after), SHOWN_PER_OUTLET),
        "removed": sample(removed(before, after), REMOVED_PER_OUTLET, REMOVED),
    }


def extract(corpus: Path, split: str, out: Path) -> None:
    found = samples(corpus, split)
    seen: set[tuple[str, str]] = set()
    with out.open("w", encoding="utf-8") as f:
        for kind in ("before", "after", "removed"):
            for item in found[kind]:
                key = (item["article"], item["quote"])
                if key not in seen:
                    seen.add(key)
                    f.write(json.dumps({"kind": kind, **item}, ensure_ascii=False) + "\n")
    print(f"{len(seen)} items to label -> {out}")


def report(corpus: Path, labels_path: Path, show: bool = False) -> None:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    for split in SPLITS:
        if split not in labels["splits"]:
            print(f"== {split}: not labelled yet (extract it, label it by reading)")
            continue
        table = {(x["article"], x["quote"]): x["label"] for x in labels["splits"][split]}
        found = samples(corpus, split)
        print(f"== {split} ({', '.join(SPLITS[split])})")
        for kind, bad in (("before", "boilerplate"), ("after", "boilerplate"),
                          ("removed", "content")):  # fmt: skip
            items = found[kind]
            known = [table[(i["article"], i["quote"])] for i in items
                     if (i["article"], i["quote"]) in table]  # fmt: skip
            missing = [i for i in items if (i["article"], i["quote"]) not in table]
            hits = sum(1 for label in known if label == bad)
            name = "removed segments" if kind == "removed" else f"shown sentences {kind.upper()}"
            rate = hits / len(known) if known else 0.0
            outlets = len({i["outlet"] for i in items})
            print(f"  {name}: {bad} {hits}/{len(known)} = {rate:.1%}"
                  f" ({outlets} outlets; {len(missing)} unlabelled)")  # fmt: skip
            for item in missing[:5]:
                print(f"    unlabelled: {item['article']} {item['quote']}")
            if show:
                for i in items:
                    if table.get((i["article"], i["quote"])) == bad:
                        print(f"    {bad}: {i['article']} {i['outlet']} {i['quote']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--extract", choices=sorted(SPLITS))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show", action="store_true", help="list the items counted as errors")
    args = parser.parse_args()
    if args.extract:
        extract(
            args.corpus, args.extract, args.out or Path(f"/tmp/boilerplate-{args.extract}.jsonl")
        )
    else:
        report(args.corpus, args.labels, args.show)


if __name__ == "__main__":
    main()
