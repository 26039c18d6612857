"""Compare: what the outlets of a story agree on, what only one of them says, who covered it.

All sentences of a story's articles are ranked together by TextRank (`textrank.sentence_scores`)
and compared by TF-IDF cosine over their stems (one sparse matrix product). Near-duplicates,
the same claim in other words, form one point: the best-ranked free sentence leads, and each
other article adds at most its closest sentence, if similar enough (no chaining through a
third sentence). A point is quoted as the sentence closest to all its versions, and lists
every outlet reporting it. Points reported by two or more outlets are the story's key points,
chosen by MMR (importance against similarity to the points already chosen) and shown by
importance. A sentence no other outlet comes close to is that outlet's own; the ones that
matter most in their article and say most that the others do not are shown under it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from . import arabic, textrank
from .models import (
    UNKNOWN_SOURCE,
    Coverage,
    KeyPoint,
    Quote,
    RankedArticle,
    Reporter,
    Story,
    StoryComparison,
)
from .slugs import slugify

SAME_CLAIM = 0.22  # cosine at which two sentences of different outlets make one point
MAX_POINTS = 7  # key points of a story
MAX_UNIQUE = 5  # sentences shown under each outlet as its own
MMR_LAMBDA = 0.7  # importance against redundancy
REDUNDANT = 0.5  # a point this close to a chosen one is never shown
MIN_WORDS = 5  # shorter sentences (captions, headings) are not points
NEGLIGIBLE = 0.05  # similarities below this count as none
UNKNOWN_ID = "unknown"


def outlet_of(article: RankedArticle) -> tuple[str, str]:
    """(source id, display name) of an article's outlet; unknown outlets share one id."""
    name = article.article.source
    if not name:
        return UNKNOWN_ID, UNKNOWN_SOURCE
    return slugify(name), name


def known_outlets(stories: Sequence[Story]) -> dict[str, str]:
    """Every named outlet of the corpus: {source id: name} (the most frequent spelling)."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for story in stories:
        for article in story.articles:
            sid, name = outlet_of(article)
            if article.article.source:
                names[sid][name] += 1
    return {sid: min(c, key=lambda n: (-c[n], n)) for sid, c in sorted(names.items())}


def compare_stories(stories: Sequence[Story]) -> list[Story]:
    """The stories, each with its comparison (the compare stage of the pipeline)."""
    known = known_outlets(stories)
    return [replace(s, comparison=compare(s, known)) for s in stories]


def reporters(story: Story) -> tuple[Reporter, ...]:
    """The story's outlets in story order; each article of unknown source is its own."""
    order: list[str] = []
    members: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for article in story.articles:
        key = reporter_key(article)
        if key not in members:
            order.append(key)
        members[key].append(article.id)
        names.setdefault(key, outlet_of(article)[1])
    return tuple(
        Reporter(
            key=k,
            name=names[k],
            source_id=outlet_of(_by_id(story, members[k][0]))[0],
            article_ids=tuple(members[k]),
            known=not k.startswith(UNKNOWN_ID + "-"),
        )
        for k in order
    )


def reporter_key(article: RankedArticle) -> str:
    sid, _ = outlet_of(article)
    return f"{UNKNOWN_ID}-{article.id}" if sid == UNKNOWN_ID else sid


@dataclass(frozen=True)
class _Pool:
    """The story's candidate sentences, side by side."""

    quotes: list[Quote]
    reporter: list[str]  # Reporter.key per sentence
    own_score: list[float]  # the sentence's TextRank score within its article
    terms: list[list[str]]


def compare(story: Story, known: Mapping[str, str]) -> StoryComparison:
    """Key points, each outlet's own sentences, and coverage of one story."""
    outlets = reporters(story)
    pool = _pool(story)
    coverage = _coverage(story, outlets, known)
    if not pool.quotes:
        return StoryComparison(outlets, (), (), coverage)
    sim = similarity(pool.terms)
    scores = _cross_scores(pool)
    clusters = claims(sim, scores, [q.article_id for q in pool.quotes])
    shared = [c for c in clusters if len({pool.reporter[i] for i in c}) >= 2]
    if len(outlets) == 1:
        points = _single_source_points(story, pool, clusters, scores, sim)
    else:
        points = [_point(c, pool, scores, sim, outlets) for c in select(shared, scores, sim, pool)]
    unique = _unique(pool, clusters, sim, outlets) if len(outlets) > 1 else ()
    return StoryComparison(outlets, tuple(points), unique, coverage)


def _pool(story: Story) -> _Pool:
    quotes, reporter, own, terms = [], [], [], []
    for article in story.articles:
        key = reporter_key(article)
        headings = article.clean.headings
        for sentence, score in zip(article.sentences, article.scores, strict=True):
            t = arabic.content_terms(sentence.text)
            if sentence.paragraph in headings or arabic.words(sentence.text) < MIN_WORDS:
                continue
            if len(t) < 2:
                continue
            quotes.append(Quote(sentence.text, article.id))
            reporter.append(key)
            own.append(score)
            terms.append(t)
    return _Pool(quotes, reporter, own, terms)


def similarity(terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Cosine similarity of sentences: sublinear TF, smoothed IDF over the story's sentences.

    Sparse; values below `NEGLIGIBLE` are dropped.
    """
    n = len(terms)
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for ts in terms:
        df.update(set(ts))
    rows, cols, vals = [], [], []
    for i, ts in enumerate(terms):
        for term, count in sorted(Counter(ts).items()):
            j = vocab.setdefault(term, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append((1 + math.log(count)) * (math.log((n + 1) / (df[term] + 1)) + 1))
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    sim = (x @ x.T).tocsr()
    sim.data[sim.data < NEGLIGIBLE] = 0.0  # keeps big stories' matrices sparse
    sim.eliminate_zeros()
    return sim


def _cross_scores(pool: _Pool) -> list[float]:
    """TextRank over all the story's sentences; each article's own scores if degenerate."""
    ranked = textrank.sentence_scores(pool.terms)
    if ranked is None:
        return [round(s, 6) for s in pool.own_score]
    return [round(float(s), 6) for s in ranked]


def claims(
    sim: sparse.csr_matrix,
    scores: Sequence[float],
    article: Sequence[str],
) -> list[list[int]]:
    """Sentences grouped into claims, in the order of their leaders' scores.

    The best-ranked free sentence leads a claim; then, one article at a time, the free
    sentence of another article closest to the claim's centroid joins while that cosine is
    at least `SAME_CLAIM`. A claim holds at most one sentence per article, and a sentence
    joins through its likeness to the whole claim, never through one member alone.
    """
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    taken = [False] * len(scores)
    out = []
    for i in order:
        if taken[i]:
            continue
        members, pull = [i], _row(sim, i)  # pull[j] = sum of sim(j, member)
        mass = float(sim[i, i]) or 1.0  # squared length of the sum of members
        present = {article[i]}
        while True:
            best: tuple[float, int] | None = None
            for j, value in pull.items():
                if taken[j] or article[j] in present:
                    continue
                candidate = (round(value / math.sqrt(mass), 9), -j)
                if best is None or candidate > best:
                    best = candidate
            if best is None or best[0] < SAME_CLAIM:
                break
            j = -best[1]
            mass += 2 * pull[j] + float(sim[j, j])
            members.append(j)
            present.add(article[j])
            for k, value in _row(sim, j).items():
                pull[k] = pull.get(k, 0.0) + value
        for j in members:
            taken[j] = True
        out.append([i, *sorted(members[1:])])
    return out


def _row(sim: sparse.csr_matrix, i: int) -> dict[int, float]:
    start, end = sim.indptr[i], sim.indptr[i + 1]
    pairs = zip(sim.indices[start:end], sim.data[start:end], strict=True)
    return {int(j): float(v) for j, v in pairs}


def importance(cluster: Sequence[int], scores: Sequence[float], pool: _Pool) -> float:
    """The sum, over the outlets reporting a claim, of their best sentence's score."""
    best: dict[str, float] = {}
    for i in cluster:
        best[pool.reporter[i]] = max(best.get(pool.reporter[i], 0.0), scores[i])
    return round(sum(best.values()), 6)


def select(
    clusters: Sequence[list[int]],
    scores: Sequence[float],
    sim: sparse.csr_matrix,
    pool: _Pool,
    limit: int = MAX_POINTS,
) -> list[list[int]]:
    """MMR: the most important claims that do not repeat one another, by importance."""
    weight = {id(c): importance(c, scores, pool) for c in clusters}
    top = max(weight.values(), default=0.0) or 1.0
    candidates = sorted(clusters, key=lambda c: (-weight[id(c)], c[0]))[: limit * 4]
    chosen: list[list[int]] = []
    while candidates and len(chosen) < limit:
        best, best_value = None, -math.inf
        for c in candidates:
            overlap = max((_closeness(c, d, sim) for d in chosen), default=0.0)
            if overlap >= REDUNDANT:
                continue
            value = MMR_LAMBDA * weight[id(c)] / top - (1 - MMR_LAMBDA) * overlap
            if value > best_value + 1e-12:
                best, best_value = c, value
        if best is None:
            break
        chosen.append(best)
        candidates.remove(best)
    return sorted(chosen, key=lambda c: (-weight[id(c)], c[0]))


def _closeness(a: Sequence[int], b: Sequence[int], sim: sparse.csr_matrix) -> float:
    return float(sim[a, :][:, b].max()) if a and b else 0.0


def best_worded(cluster: Sequence[int], scores: Sequence[float], sim: sparse.csr_matrix) -> int:
    """The version closest to all the others (the claim as most outlets put it)."""
    if len(cluster) == 1:
        return cluster[0]
    block = sim[cluster, :][:, cluster].toarray()
    total = block.sum(axis=1) - block.diagonal()
    k = max(
        range(len(cluster)),
        key=lambda k: (round(float(total[k]), 9), scores[cluster[k]], -cluster[k]),
    )
    return cluster[k]


def _point(
    cluster: Sequence[int],
    pool: _Pool,
    scores: Sequence[float],
    sim: sparse.csr_matrix,
    outlets: Sequence[Reporter],
) -> KeyPoint:
    lead = best_worded(cluster, scores, sim)
    keys = {pool.reporter[i] for i in cluster}
    articles = {pool.quotes[i].article_id for i in cluster}
    story_order = [a for r in outlets for a in r.article_ids]
    return KeyPoint(
        text=pool.quotes[lead].text,
        article_id=pool.quotes[lead].article_id,
        sources=tuple(r.key for r in outlets if r.key in keys),
        article_ids=tuple(a for a in story_order if a in articles),
        score=importance(cluster, scores, pool),
    )


def _single_source_points(
    story: Story,
    pool: _Pool,
    clusters: Sequence[list[int]],
    scores: Sequence[float],
    sim: sparse.csr_matrix,
) -> list[KeyPoint]:
    """One outlet: one article's own key sentences; several articles, the best claims."""
    outlets = reporters(story)
    if len(story.articles) == 1:
        article = story.articles[0]
        key = outlets[0].key
        return [
            KeyPoint(s.text, article.id, (key,), (article.id,), article.scores[s.index])
            for s in article.key
        ]
    return [_point(c, pool, scores, sim, outlets) for c in select(clusters, scores, sim, pool)]


def _unique(
    pool: _Pool,
    clusters: Sequence[list[int]],
    sim: sparse.csr_matrix,
    outlets: Sequence[Reporter],
) -> tuple[tuple[str, tuple[Quote, ...]], ...]:
    """Per outlet, its most telling sentences that no other outlet comes close to."""
    alone = {c[0] for c in clusters if len({pool.reporter[i] for i in c}) == 1}
    alone = {i for c in clusters if c[0] in alone for i in c}
    novelty = _novelty(pool)
    out = []
    for outlet in outlets:
        mine = [i for i in sorted(alone) if pool.reporter[i] == outlet.key]
        mine = [i for i in mine if _nearest_other(i, sim, pool) < SAME_CLAIM]
        value = {i: round(pool.own_score[i] * (0.5 + novelty[i]), 9) for i in mine}
        picked: list[int] = []
        for i in sorted(mine, key=lambda i: (-value[i], i)):
            if any(sim[i, j] >= REDUNDANT for j in picked):
                continue
            picked.append(i)
            if len(picked) == MAX_UNIQUE:
                break
        if picked:
            out.append((outlet.key, tuple(pool.quotes[i] for i in picked)))
    return tuple(out)


def _nearest_other(i: int, sim: sparse.csr_matrix, pool: _Pool) -> float:
    row = sim.getrow(i)
    mine = pool.reporter[i]
    values = [v for j, v in zip(row.indices, row.data, strict=True) if pool.reporter[j] != mine]
    return float(max(values, default=0.0))


def _novelty(pool: _Pool) -> list[float]:
    """Share of a sentence's distinct terms that no other outlet of the story uses.

    Figures weigh double: a number only one outlet gives is the kind of fact a reader
    comes to this section for (casualties, sums, dates).
    """
    outlets_using: Counter[str] = Counter()
    by_outlet: dict[str, set[str]] = defaultdict(set)
    for key, ts in zip(pool.reporter, pool.terms, strict=True):
        by_outlet[key].update(ts)
    for terms in by_outlet.values():
        outlets_using.update(terms)
    out = []
    for ts in pool.terms:
        weights = {t: 2.0 if t.isdigit() else 1.0 for t in set(ts)}
        alone = sum(w for t, w in weights.items() if outlets_using[t] == 1)
        out.append(round(alone / sum(weights.values()), 6) if weights else 0.0)
    return out


def _coverage(story: Story, outlets: Sequence[Reporter], known: Mapping[str, str]) -> Coverage:
    dates = story.dates
    timeline = sorted(
        ((a.article.date, a.id) for a in story.articles),
        key=lambda e: (e[0] is None, e[0].toordinal() if e[0] else 0, e[1]),
    )
    present = {r.source_id for r in outlets if r.known}
    missing = sorted(((sid, n) for sid, n in known.items() if sid not in present), key=_by_name)
    return Coverage(
        source_count=story.source_count,
        article_count=len(story.articles),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        timeline=tuple(timeline),
        missing=tuple(missing),
    )


def _by_name(entry: tuple[str, str]) -> tuple[str, str]:
    return entry[1], entry[0]


def _by_id(story: Story, article_id: str) -> RankedArticle:
    return next(a for a in story.articles if a.id == article_id)
