"""Benchmark: key-point attribution and "only in one source" against hand-labelled pairs.

Usage:
    python bench/attribution.py CORPUS.jsonl[.xz] [--labels FILE] [--rule NAME ...]
    python bench/attribution.py CORPUS.jsonl[.xz] --extract [--days D,D,...] [--out FILE]

The labels (`bench/data/attribution-labels.json`, issue 18 point 6) are pairs of sentences of
real SaudiNewsNet stories of three outlets or more, read and labelled by hand:

- (a) `points`: a key point of a story and, for each other outlet of the story, that outlet's
  sentence nearest to the point (TF-IDF cosine over the story's sentences, as
  `generator/claims.py` computes it, without its cut of small values), whether or not the rule
  of the day credits the outlet with the point (`today`: its decision, recorded at extraction);
- (b) `own`: a sentence shown as one outlet's own and, for each other outlet of the story, that
  outlet's nearest sentence; and whether the own sentence makes sense alone.

Each pair is labelled `same` (same claim) or not, by the rule written in the file. The stories
are split into `tune` and `held-out` in the file.

Default mode: rebuilds the labelled stories from the corpus (the articles by their ids, ranked
and compared by today's generator), checks that today's pipeline still makes the recorded
decisions, and prints for each rule, on tune and held-out separately:

- attribution precision: credited (point, outlet) pairs that are labelled same claim;
- recall of shared claims: same-claim pairs that are credited;
- uniqueness precision: own sentences kept as own with no same-claim sentence elsewhere;
- the share of own sentences kept that do not make sense alone.

A rule is a `Rule`: `credit(pair) -> bool` for an (a) pair and `own(sentence) -> bool` for an
(b) own sentence (with the nearest sentences of every other outlet); see `RULES`. New rules go
there, and `--rule NAME` picks them (default: all).

`--extract` builds the stories of a few days (each day's articles grouped alone, as a site of
one day would) and writes the candidates, texts included, without labels, to a file that is
never committed (the corpus is CC BY-NC-SA: the committed labels hold ids, sentence indexes and
quotes of at most a few words).

A corpus row's article id is the first 12 hex digits of the SHA-1 of its url (UTF-8), as in
`bench/grouping.py`; a sentence is its index in `RankedArticle.sentences`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import lzma
import os
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# --- generator imports: the only place that knows the generator's module paths -------------
from generator.compare import attribution  # noqa: E402
from generator.compare.claims import NEGLIGIBLE, _tfidf  # noqa: E402  (rows before any cut)
from generator.compare.comparison import (  # noqa: E402
    RIVALS,
    _pool,
    compare,
    reporter_key,
    reporters,
)
from generator.language import arabic  # noqa: E402
from generator.models import Article, RankedArticle, Story  # noqa: E402
from generator.rank.key_sentences import rank  # noqa: E402
from generator.read.infer import infer  # noqa: E402
from generator.stories.group import group  # noqa: E402
from generator.text.clean import clean  # noqa: E402

# ---------------------------------------------------------------------------------------------

LABELS = ROOT / "bench" / "data" / "attribution-labels.json"
DAYS = ("2015-07-23", "2015-07-26", "2015-08-02", "2015-08-10")
PER_DAY = 8  # stories picked per day
MIN_OUTLETS, MAX_OUTLETS, MAX_ARTICLES = 3, 5, 8
OWN_PER_OUTLET = 2  # own sentences per outlet taken as (b) candidates (the best shown)
QUOTE_WORDS = 6  # words of a sentence kept in the labels to check its index


def article_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def read_rows(path: Path, keep: Callable[[dict], bool]) -> list[dict]:
    opener = lzma.open if path.suffix == ".xz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if keep(row):
                out.append(row)
    return out


def ranked(row: dict) -> RankedArticle:
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
    return rank(clean(infer(article)))


def story_of(articles: Sequence[RankedArticle], title: str = "") -> Story:
    """A story of these articles as `stories.group` orders them (by date, then id)."""
    ordered = sorted(articles, key=lambda a: (a.article.date, a.id))
    return Story(id=ordered[0].id, articles=tuple(ordered), title=title)


def quote(text: str) -> str:
    return " ".join(text.split()[:QUOTE_WORDS])


# --- candidates -----------------------------------------------------------------------------


@dataclass
class Pooled:
    """The compared sentences of a story: text, outlet, (article id, sentence index), and
    their dense cosine similarities."""

    text: list[str]
    outlet: list[str]
    where: list[tuple[str, int]]
    date: list[str]
    sim: np.ndarray
    idf: dict[str, float]


def pooled(story: Story) -> Pooled:
    pool = _pool(story)
    by_id = {a.id: a for a in story.articles}
    where, cursor = [], defaultdict(int)
    for q in pool.quotes:  # the pool keeps each article's sentences in order
        sents = by_id[q.article_id].sentences
        k = cursor[q.article_id]
        while sents[k].text != q.text:
            k += 1
        where.append((q.article_id, sents[k].index))
        cursor[q.article_id] = k + 1
    x = _tfidf(pool.terms).toarray()
    norms = np.linalg.norm(x, axis=1)
    norms[norms == 0] = 1.0
    x = x / norms[:, None]
    dates = [str(by_id[a].article.date) for a, _ in where]
    idf = attribution.story_idf(pool.terms)
    return Pooled([q.text for q in pool.quotes], list(pool.reporter), where, dates, x @ x.T, idf)


def _find(p: Pooled, article: str, text: str) -> int:
    return next(i for i, (a, _) in enumerate(p.where) if a == article and p.text[i] == text)


def _nearest(p: Pooled, i: int, outlet: str) -> int | None:
    theirs = [j for j, o in enumerate(p.outlet) if o == outlet]
    if not theirs:
        return None
    return max(theirs, key=lambda j: (round(float(p.sim[i, j]), 9), -j))


def candidates(story: Story) -> dict:
    """The (a) and (b) candidate pairs of one story, with today's decisions."""
    comparison = compare(story, {})
    p = pooled(story)
    outlets = [r.key for r in reporters(story)]
    points = []
    for rank_, point in enumerate(comparison.key_points):
        i = _find(p, point.article_id, point.text)
        for outlet in outlets:
            if outlet == p.outlet[i]:
                continue  # the point is this outlet's own sentence
            j = _nearest(p, i, outlet)
            if j is None:
                continue
            points.append(_pair(p, i, j, point=rank_, today=outlet in point.sources))
    own = []
    for outlet, quotes in comparison.unique:
        for q in quotes[:OWN_PER_OUTLET]:
            i = _find(p, q.article_id, q.text)
            nearest = [(o, _nearest(p, i, o)) for o in outlets if o != outlet]
            others = [_pair(p, i, j) for _, j in nearest if j is not None]
            own.append({**_sentence(p, i, "own"), "today": True, "others": others})
    return {
        "articles": [a.id for a in story.articles],
        "title": story.title,
        "outlets": outlets,
        "points": points,
        "own": own,
    }


def _sentence(p: Pooled, i: int, prefix: str) -> dict:
    article, index = p.where[i]
    return {
        f"{prefix}_article": article,
        f"{prefix}_index": index,
        f"{prefix}_quote": quote(p.text[i]),
        f"{prefix}_outlet": p.outlet[i],
        f"{prefix}_date": p.date[i],
        f"{prefix}_text": p.text[i],
    }


def _pair(p: Pooled, i: int, j: int, **extra) -> dict:
    return {
        **_sentence(p, i, "point" if "point" in extra else "own"),
        **_sentence(p, j, "other"),
        "cosine": round(float(p.sim[i, j]), 4),
        "idf": p.idf,
        **extra,
    }


def extract(corpus: Path, days: Sequence[str], out: Path) -> None:
    rows = read_rows(corpus, lambda r: r["date_extracted"][:10] in days)
    picked = []
    for day in days:
        articles = [ranked(r) for r in rows if r["date_extracted"][:10] == day]
        stories = group(articles)
        chosen: list[set[str]] = []
        for story in sorted(stories, key=lambda s: hashlib.sha1(s.id.encode()).hexdigest()):
            keys = {reporter_key(a) for a in story.articles}
            if not MIN_OUTLETS <= len(keys) <= MAX_OUTLETS or len(story.articles) > MAX_ARTICLES:
                continue
            words = set(arabic.content_terms(story.title))
            if any(len(words & c) >= max(1, len(words) // 2) for c in chosen):
                continue  # another story of the same subject
            found = candidates(story_of(story.articles, story.title))
            if len([q for q in found["points"]]) < 2:
                continue
            found["day"] = day
            picked.append(found)
            chosen.append(words)
            if len(chosen) == PER_DAY:
                break
        print(
            f"{day}: {len(articles)} articles, {len(stories)} stories, {len(chosen)} picked",
            file=sys.stderr,
        )
    out.write_text(json.dumps(picked, ensure_ascii=False, indent=1), "utf-8")
    print(
        f"{out}: {len(picked)} stories, {sum(len(s['points']) for s in picked)} point pairs, "
        f"{sum(len(o['others']) for s in picked for o in s['own'])} own pairs",
        file=sys.stderr,
    )


# --- rules ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """`credit(pair)`: is the outlet credited with the point; `own(sentence)`: is the sentence
    shown as its outlet's own.

    A pair: `point_text` and `other_text` (the point and the outlet's nearest sentence), each
    with `_article`, `_index`, `_outlet`, `_date`; `cosine` (dense TF-IDF cosine over the
    story's sentences), `point` (the point's rank), `today` (today's decision). An own
    sentence: `own_text` (with `_article`, `_index`, `_outlet`, `_date`), `today`, and `others`:
    each other outlet's nearest sentence (`other_text`, `other_outlet`, `cosine`, ...)."""

    credit: Callable[[dict], bool]
    own: Callable[[dict], bool]


def _cosine_rule(threshold: float) -> Rule:
    return Rule(
        credit=lambda pair: pair["cosine"] >= threshold,
        own=lambda s: all(o["cosine"] < threshold for o in s["others"]),
    )


# A sketch, not the new rule: two of the features the labels point to, tried on the tune split.
# The claim of a run-on point is its first clause: the text up to the first «، و» or «، مؤكدا»…
_CLAUSE_END = re.compile(
    r"[،,]\s*(?:و(?=\S)|مؤكد|مشير|مبين|لافت|حيث|كما|فيما|بينما|إضافة|بالإضافة)"
    r"|\s(?:كما|فيما|بينما)\s|[.:؛]\s"
)
_SAYS = r"(?:أضاف|قال|أكد|أكَّد|أوضح|بين|بيّن|أبان|أشار|أفاد|لفت|تابع|ذكر|شدد|نوه)(?:ت)?"
_NEEDS_CONTEXT = [  # a sentence a reader cannot follow alone
    re.compile(r"^\W*[وف]?" + _SAYS + r"\s*(?::|أن|إن|أنه|إنه|بأن|بأنه)"),  # «وأضاف:», «وبين أن»
    re.compile(r"^\W*[وف]?" + _SAYS + r"\s+(?:سموه|معاليه|فضيلته|سعادته)"),  # «وقال سموه»
    re.compile(r"^\W*(?:\S+\s+){0,5}(?:هذا|هذه|ذلك|تلك|هؤلاء)\s"),  # a demonstrative early
    re.compile(r"^\W*(?:\S+\s+){0,2}\S*(?:بهذه|بهذا|لهذا|لهذه)\s"),  # «وبهذه الصفقة»
    re.compile(r"^رابط الخبر"),  # a "link to the story" caption
    re.compile(r"هـ\s*الموافق.*م\s*واس\s*$"),  # a dateline alone
]


def main_clause(text: str) -> str:
    cut = _CLAUSE_END.search(text, 40)
    return text[: cut.start()] if cut else text


def coverage(part: str, whole: str) -> float:
    """Share of the content terms of `part` that `whole` has too."""
    terms = set(arabic.content_terms(part))
    return len(terms & set(arabic.content_terms(whole))) / max(1, len(terms))


def readable_alone(text: str) -> bool:
    return not any(p.search(text) for p in _NEEDS_CONTEXT)


RULES: dict[str, Rule] = {
    # today's rule: the decisions the generator made when the labels were extracted
    "today": Rule(credit=lambda pair: pair["today"], own=lambda s: s["today"]),
    # plain nearest-sentence cosine, for reference
    "cosine-0.30": _cosine_rule(0.30),
    "cosine-0.45": _cosine_rule(0.45),
    # today's, and the outlet's sentence holds half the terms of the point's first clause;
    # an own sentence that needs its context is not shown
    "sketch": Rule(
        credit=lambda q: (
            q["today"] and coverage(main_clause(q["point_text"]), q["other_text"]) >= 0.5
        ),
        own=lambda s: s["today"] and readable_alone(s["own_text"]),
    ),
    # the generator's rule (generator/compare/attribution.py): an outlet is credited when the
    # model says its nearest sentence states the point's claim (with less evidence when the
    # sentence is in the claim by wording: `today`, the claim grouping's decision); an own
    # sentence is shown when no other outlet's three nearest sentences may state it and it
    # reads alone
    "claims": Rule(
        credit=lambda q: attribution.same_claim(
            q["point_text"], q["other_text"], q["cosine"], q["idf"], supported=q["today"]
        ),
        own=lambda s: (
            s["today"]
            and attribution.readable_alone(s["own_text"])
            and not any(
                attribution.same_claim(
                    s["own_text"], o["other_text"], o["cosine"], o["idf"], supported=True
                )
                for o in s["rivals"]
            )
        ),
    ),
}


def write_features(points: list[dict], out: Path) -> None:
    """The (a) pairs as the model sees them (numbers only, no corpus text) with their labels
    and whether claims.py put them in the claim, for tests/compare/test_attribution.py."""
    rows = [
        {
            "split": q["split"],
            "same": q["same"],
            "supported": q["today"],
            "features": dict(
                zip(
                    attribution.Features.__dataclass_fields__,
                    attribution.features(
                        q["point_text"], q["other_text"], q["cosine"], q["idf"]
                    ).values(),
                    strict=True,
                )
            ),
        }
        for q in points
    ]
    note = (
        "Features of the labelled (point, outlet sentence) pairs of bench/data/"
        "attribution-labels.json, written by bench/attribution.py --features: numbers only."
    )
    out.write_text(json.dumps({"note": note, "pairs": rows}, indent=0) + "\n", "utf-8")
    print(f"{out}: {len(rows)} pairs")


# --- fitting the generator's model ----------------------------------------------------------


def fit(points: list[dict], l2: float = 1.0, precision: float = 0.97) -> None:
    """Fits `attribution`'s weights on the tune pairs (L2-regularised logistic regression,
    Newton's method) and prints them with the lowest threshold, in steps of 0.05, at which
    the tune pairs' precision reaches `precision`."""
    tune = [q for q in points if q["split"] == "tune"]
    x = np.array(
        [
            attribution.features(q["point_text"], q["other_text"], q["cosine"], q["idf"]).values()
            for q in tune
        ]
    )
    y = np.array([q["same"] for q in tune], dtype=float)
    xb = np.c_[np.ones(len(x)), x]
    penalty = l2 * np.diag(np.r_[0.0, np.ones(x.shape[1])])
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y) + penalty @ w
        w -= np.linalg.solve(xb.T @ (xb * (p * (1 - p))[:, None]) + penalty, gradient)
    p = 1 / (1 + np.exp(-xb @ w))
    threshold = next(
        (
            t / 100
            for t in range(5, 100, 5)
            if (p >= t / 100).any() and y[p >= t / 100].mean() >= precision
        ),
        None,
    )
    names = list(attribution.Features.__dataclass_fields__)
    held = [q for q in points if q["split"] != "tune"]
    xh = np.array(
        [
            attribution.features(q["point_text"], q["other_text"], q["cosine"], q["idf"]).values()
            for q in held
        ]
    )
    yh = np.array([q["same"] for q in held], dtype=float)
    ph = 1 / (1 + np.exp(-np.c_[np.ones(len(xh)), xh] @ w))
    print("threshold: precision / recall of shared claims, tune | held-out")
    for t in range(30, 95, 5):
        row = [
            f"{_ratio(int(yy[pp >= t / 100].sum()), int((pp >= t / 100).sum()))}"
            f" / {yy[pp >= t / 100].sum() / yy.sum():.3f}"
            for pp, yy in ((p, y), (ph, yh))
        ]
        print(f"  {t / 100:.2f}: {row[0]:>24} | {row[1]:>24}")
    print(f"fitted on {len(tune)} tune pairs ({int(y.sum())} same claim):")
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in w[1:]) + f")  # {', '.join(names)}")
    print(f"BIAS = {w[0]:.2f}")
    print(f"THRESHOLD = {threshold}  # tune precision >= {precision}")


# --- scoring --------------------------------------------------------------------------------


def rebuild(corpus: Path, labels: dict) -> dict[str, Pooled]:
    """Each labelled story's compared sentences, made again from the corpus."""
    wanted = {aid for s in labels["stories"] for aid in s["articles"]}
    rows = read_rows(corpus, lambda r: article_id(r["url"]) in wanted)
    by_id = {a.id: a for a in map(ranked, rows)}
    missing = wanted - set(by_id)
    if missing:
        sys.exit(f"{len(missing)} labelled articles are not in {corpus}")
    return {
        s["articles"][0]: pooled(story_of([by_id[a] for a in s["articles"]]))
        for s in labels["stories"]
    }


def _at(p: Pooled, label: dict, prefix: str) -> int | None:
    """The pooled sentence a label names, if its quote still matches."""
    where = (label[f"{prefix}_article"], label[f"{prefix}_index"])
    i = next((k for k, w in enumerate(p.where) if w == where), None)
    if i is None or quote(p.text[i]) != label[f"{prefix}_quote"]:
        return None
    return i


def _rivals(p: Pooled, i: int) -> list[dict]:
    """Every other outlet's `RIVALS` sentences nearest to sentence i, as pairs."""
    out = []
    for outlet in dict.fromkeys(p.outlet):
        if outlet == p.outlet[i]:
            continue
        theirs = [j for j, o in enumerate(p.outlet) if o == outlet]
        theirs.sort(key=lambda j: (-round(float(p.sim[i, j]), 9), j))
        out += [_pair(p, i, j) for j in theirs[:RIVALS] if p.sim[i, j] >= NEGLIGIBLE]
    return out


def joined(labels: dict, built: dict[str, Pooled]) -> tuple[list[dict], list[dict], int]:
    """The labelled pairs with their texts, rebuilt from the labels' ids (not from today's
    key points, which the rules under test change); the number of labelled sentences whose
    index or quote today's cleaning and splitting no longer reproduce."""
    points, own, drift = [], [], 0
    for story in labels["stories"]:
        p = built[story["articles"][0]]
        split = story["split"]
        for label in story["points"]:
            i, j = _at(p, label, "point"), _at(p, label, "other")
            if i is None or j is None:
                drift += 1
                continue
            pair = _pair(p, i, j, point=label["point"], today=label["today"])
            extra = {"same": label["same"], "elsewhere": label.get("elsewhere", False)}
            points.append({**pair, **extra, "split": split})
        for label in story["own"]:
            i = _at(p, label, "own")
            if i is None:
                drift += 1
                continue
            rows = []
            for other in label["others"]:
                j = _at(p, other, "other")
                if j is None:
                    drift += 1
                    continue
                extra = {"same": other["same"], "elsewhere": other.get("elsewhere", False)}
                rows.append({**_pair(p, i, j), **extra})
            own.append(
                {
                    **_sentence(p, i, "own"),
                    "others": rows,
                    "rivals": _rivals(p, i),
                    "today": True,
                    "alone": label["alone"],
                    "split": split,
                }
            )
    return points, own, drift


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a"


def score(points: list[dict], own: list[dict], rules: Sequence[str]) -> None:
    print(
        f"{'rule':14} {'split':9} {'attr. precision':>17} {'shared recall':>17}"
        f" {'unique precision':>17} {'not alone':>15}"
    )
    for name in rules:
        rule = RULES[name]
        for split in ("tune", "held-out"):
            ps = [q for q in points if q["split"] == split]
            credited = [q for q in ps if rule.credit(q)]
            same = [q for q in ps if q["same"]]
            kept = [s for s in own if s["split"] == split and rule.own(s)]
            truly = [s for s in kept if not any(o["same"] or o["elsewhere"] for o in s["others"])]
            print(
                f"{name:14} {split:9}"
                f" {_ratio(sum(q['same'] for q in credited), len(credited)):>17}"
                f" {_ratio(sum(rule.credit(q) for q in same), len(same)):>17}"
                f" {_ratio(len(truly), len(kept)):>17}"
                f" {_ratio(sum(not s['alone'] for s in kept), len(kept)):>15}"
            )


def _where(d: dict, prefix: str) -> str:
    return f"{d[f'{prefix}_article']}#{d[f'{prefix}_index']} «{d[f'{prefix}_quote']}…»"


def errors(points: list[dict], own: list[dict], name: str) -> None:
    """The rule's wrong decisions, by ids and the first words of each sentence."""
    rule = RULES[name]
    print(f"\n{name}: credited, not the same claim")
    for q in points:
        if rule.credit(q) and not q["same"]:
            print(
                f"  [{q['split']}] {q['cosine']:.2f} {_where(q, 'point')}"
                f" ← {q['other_outlet']} {_where(q, 'other')}"
            )
    print(f"{name}: the same claim, not credited")
    for q in points:
        if q["same"] and not rule.credit(q):
            print(
                f"  [{q['split']}] {q['cosine']:.2f} {_where(q, 'point')}"
                f" ← {q['other_outlet']} {_where(q, 'other')}"
            )
    print(f"{name}: shown as own, stated elsewhere")
    for s in own:
        if rule.own(s):
            for o in s["others"]:
                if o["same"] or o["elsewhere"]:
                    kind = "nearest" if o["same"] else "another sentence of"
                    print(
                        f"  [{s['split']}] {s['own_outlet']} {_where(s, 'own')}"
                        f" ← {kind} {o['other_outlet']} {_where(o, 'other')}"
                    )
    print(f"{name}: shown as own, not readable alone")
    for s in own:
        if rule.own(s) and not s["alone"]:
            print(f"  [{s['split']}] {s['own_outlet']} {_where(s, 'own')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--rule", action="append", choices=sorted(RULES))
    parser.add_argument("--extract", action="store_true", help="write unlabelled candidates")
    parser.add_argument("--days", default=",".join(DAYS))
    parser.add_argument(  # outside the repository: the candidates hold corpus text
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "attribution-candidates.json"
    )
    parser.add_argument(
        "--errors", action="store_true", help="list each rule's wrong decisions (ids, few words)"
    )
    parser.add_argument(
        "--fit", action="store_true", help="fit the generator's same-claim model on the tune pairs"
    )
    parser.add_argument(
        "--features", type=Path, help="write each labelled pair's features (no text) for tests"
    )
    args = parser.parse_args()
    if args.extract:
        extract(args.corpus, args.days.split(","), args.out)
        return
    labels = json.loads(args.labels.read_text("utf-8"))
    points, own, drift = joined(labels, rebuild(args.corpus, labels))
    n_a = sum(len(s["points"]) for s in labels["stories"])
    n_b = sum(len(o["others"]) for s in labels["stories"] for o in s["own"])
    print(
        f"{args.labels.name}: {len(labels['stories'])} stories, {n_a} (point, outlet) pairs, "
        f"{sum(len(s['own']) for s in labels['stories'])} own sentences with {n_b} pairs; "
        f"{drift} labelled sentences no longer reproduced by today's cleaning"
    )
    if args.fit:
        fit(points)
        return
    if args.features:
        write_features(points, args.features)
        return
    score(points, own, args.rule or list(RULES))
    if args.errors:
        for name in args.rule or list(RULES):
            errors(points, own, name)


if __name__ == "__main__":
    main()
