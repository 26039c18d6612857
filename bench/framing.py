"""Benchmark: the framing table (issue 20) against forms labelled by reading.

Usage:
    python bench/framing.py CORPUS.jsonl[.xz] [--labels FILE]
    python bench/framing.py CORPUS.jsonl[.xz] --extract --days D,D,... --out FILE

The labels (`bench/data/framing-labels.json`) are the framing tables of real SaudiNewsNet
stories of two outlets or more: for each shown form (actor, outlet, form), whether it really
is a title or descriptor of that actor in that outlet's text (`correct`), and for each shown
row whether the outlets really name the actor differently (`differ`), by the rule written in
the file. The stories are split into `tune` (days whose output was read while the rules of
compare/framing.py were written), `held-out` (days never looked at before labelling; their
errors then informed a change of the rules, at d53f7a9), `fresh` (three more days, labelled
later before any rule was changed on them; their errors informed ebed334) and `fresh-2` (four
more days, labelled at ebed334 before any rule was changed on them).

Default mode: rebuilds each labelled story from its articles (by id, ranked by today's
generator, compared as one story), and prints, on each split separately:

- precision: shown forms labelled correct / shown forms labelled (target ≥ 0.95);
- rows shown where the outlets do not differ (labelled `differ: false`; target 0);
- shown forms and rows that are not labelled (the rules changed since labelling: label them).

`--extract` groups each day's articles alone (as a site of one day would), runs the compare
stage's framing on every story of two outlets or more, and writes every shown row, texts
included, to a file that is never committed (the corpus is CC BY-NC-SA: the committed labels
hold ids and the forms themselves, short quotes of a few words).

A corpus row's article id is the first 12 hex digits of the SHA-1 of its url (UTF-8), as in
`bench/grouping.py` and `bench/attribution.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from attribution import article_id, ranked, read_rows, story_of  # noqa: E402

from generator.compare.comparison import reporters  # noqa: E402
from generator.compare.framing import framing  # noqa: E402
from generator.models import Story  # noqa: E402
from generator.stories.group import group  # noqa: E402

LABELS = ROOT / "bench" / "data" / "framing-labels.json"
TARGET = 0.95


def shown(story: Story) -> list[dict]:
    """The story's framing rows as the page shows them, with each form's example."""
    rows = []
    for row in framing(story, reporters(story)):
        forms = [
            {
                "source": f.reporter,
                "form": f.form,
                "count": f.count,
                "article": f.example.article_id,
                "example": f.example.text,
            }
            for f in row.forms
        ]
        rows.append({"actor": row.actor, "forms": forms})
    return rows


def extract(corpus: Path, days: Sequence[str], out: Path) -> None:
    rows = read_rows(corpus, lambda r: r["date_extracted"][:10] in days)
    found = []
    for day in days:
        articles = [ranked(r) for r in rows if r["date_extracted"][:10] == day]
        articles = [a for a in articles if a.sentences]
        stories = group(articles)
        tables = 0
        for story in stories:
            if len({a.article.source for a in story.articles}) < 2:
                continue
            story = story_of(story.articles, story.title)
            table = shown(story)
            if table:
                tables += 1
                found.append(
                    {
                        "day": day,
                        "title": story.title,
                        "articles": [a.id for a in story.articles],
                        "rows": table,
                    }
                )
        print(f"{day}: {len(articles)} articles, {len(stories)} stories, {tables} tables",
              file=sys.stderr)
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1), "utf-8")
    forms = sum(len(r["forms"]) for s in found for r in s["rows"])
    print(f"{out}: {len(found)} stories with a table, {forms} forms", file=sys.stderr)


def rebuild(corpus: Path, labels: dict) -> dict[str, list[dict]]:
    """Each labelled story's table, made again from its articles."""
    wanted = {aid for s in labels["stories"] for aid in s["articles"]}
    rows = read_rows(corpus, lambda r: article_id(r["url"]) in wanted)
    by_id = {a.id: a for a in map(ranked, rows)}
    missing = wanted - set(by_id)
    if missing:
        sys.exit(f"{len(missing)} labelled articles are not in {corpus}")
    return {
        s["articles"][0]: shown(story_of([by_id[a] for a in s["articles"]]))
        for s in labels["stories"]
    }


def score(labels: dict, built: dict[str, list[dict]]) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for story in labels["stories"]:
        t = totals[story["split"]]
        at = f"  {story['split']}:"
        t["stories"] += 1
        table = built[story["articles"][0]]
        known_rows = {r["actor"]: r for r in story["rows"]}
        for row in table:
            t["rows"] += 1
            label = known_rows.get(row["actor"])
            if label is None:
                t["rows unlabelled"] += 1
                print(f"{at} unlabelled row: {story['day']} {story['articles'][0]} {row['actor']}")
                continue
            t[f"rows of kind {label.get('kind', '?')}"] += 1
            if not label["differ"]:
                t["rows where outlets do not differ"] += 1
                note = label.get("note", "")
                print(f"{at} shown, outlets do not differ: {row['actor']} ({note})")
            forms = {(f["source"], f["form"]): f for f in label["forms"]}
            for form in row["forms"]:
                t["forms"] += 1
                f = forms.get((form["source"], form["form"]))
                if f is None:
                    t["forms unlabelled"] += 1
                    where = f"{row['actor']} / {form['source']}"
                    print(f"{at} unlabelled form: {where}: {form['form']}")
                    continue
                t["forms labelled"] += 1
                if f["correct"]:
                    t["correct"] += 1
                else:
                    print(f"{at} wrong: {row['actor']} / {form['source']}: «{form['form']}» "
                          f"({f.get('note', '')})")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--extract", action="store_true")
    parser.add_argument("--days", default="")
    parser.add_argument("--out", type=Path, default=Path("framing-candidates.json"))
    args = parser.parse_args()
    if args.extract:
        extract(args.corpus, [d for d in args.days.split(",") if d], args.out)
        return
    labels = json.loads(args.labels.read_text("utf-8"))
    totals = score(labels, rebuild(args.corpus, labels))
    ok = True
    for split in ("tune", "held-out", "fresh", "fresh-2"):
        t = totals.get(split)
        if not t:
            continue
        precision = t["correct"] / t["forms labelled"] if t["forms labelled"] else 0.0
        print(
            f"{split}: {t['stories']} stories, {t['rows']} rows, {t['forms']} forms shown; "
            f"precision {t['correct']}/{t['forms labelled']} = {precision:.3f} "
            f"(target ≥ {TARGET}); rows where outlets do not differ: "
            f"{t['rows where outlets do not differ']}; unlabelled: {t['forms unlabelled']} "
            f"forms, {t['rows unlabelled']} rows; rows by kind: framing "
            f"{t['rows of kind framing']}, wording {t['rows of kind wording']}, "
            f"none {t['rows of kind none']}"
        )
        ok &= precision >= TARGET and not t["rows where outlets do not differ"]
    all_t = [t for t in totals.values()]
    labelled = sum(t["forms labelled"] for t in all_t)
    correct = sum(t["correct"] for t in all_t)
    print(f"all: precision {correct}/{labelled} = {correct / max(labelled, 1):.3f}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
