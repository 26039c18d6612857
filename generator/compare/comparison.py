"""Compare: what the outlets of a story agree on, what only one of them says, who covered it.

All sentences of a story's articles are ranked together by TextRank (`textrank.sentence_scores`)
and grouped into claims, near-duplicates (the same claim in other words) together
(generator/claims.py). A claim is quoted as the sentence closest to all its versions, and lists
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

from ..language import arabic
from ..models import (
    Conflict,
    Coverage,
    KeyPoint,
    Quote,
    RankedArticle,
    Reporter,
    Story,
    StoryComparison,
)
from ..rank import textrank
from ..slugs import UNKNOWN_ID, outlet_of
from . import attribution, figures
from .claims import SAME_CLAIM, claims, similarity
from .framing import framing
from .headlines import headlines

MAX_POINTS = 7  # key points of a story
MAX_UNIQUE = 5  # sentences shown under each outlet as its own
MMR_LAMBDA = 0.7  # importance against redundancy
REDUNDANT = 0.5  # a point this close to a chosen one is never shown
MIN_WORDS = 5  # shorter sentences (captions, headings) are not points
RIVALS = 3  # an outlet's sentences nearest to an own sentence that must not state its claim


def known_outlets(stories: Sequence[Story]) -> dict[str, str]:
    """Every named outlet of the corpus: {source id: name} (the most frequent spelling)."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for story in stories:
        for article in story.published:
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
    idf: dict[str, float]  # each term's rarity among the story's sentences


def compare(story: Story, known: Mapping[str, str]) -> StoryComparison:
    """Key points, each outlet's own sentences, coverage, the outlets' headlines, and the
    words each outlet uses for the story's main actors."""
    comparison = _compare(story, known)
    outlets = comparison.reporters
    return replace(
        comparison, headlines=headlines(story, outlets), framing=framing(story, outlets)
    )


def _compare(story: Story, known: Mapping[str, str]) -> StoryComparison:
    """Key points, each outlet's own sentences, and coverage of one story."""
    outlets = reporters(story)
    coverage = _coverage(story, outlets, known)
    if len(story.articles) == 1:  # one article: its own key sentences, nothing to compare
        article, key = story.articles[0], outlets[0].key
        points = tuple(
            KeyPoint(
                s.text,
                article.id,
                (key,),
                (article.id,),
                article.scores[s.index],
                versions=(Quote(s.text, article.id),),
            )
            for s in article.key
        )
        return StoryComparison(outlets, points, (), coverage)
    pool = _pool(story)
    if not pool.quotes:
        return StoryComparison(outlets, (), (), coverage)
    sim = similarity(pool.terms)
    scores = _cross_scores(pool)
    clusters = claims(sim, scores, [q.article_id for q in pool.quotes])
    if len(outlets) == 1:  # one outlet, several articles: its best claims
        chosen = select(clusters, scores, sim, pool)
        return StoryComparison(
            outlets, tuple(_point(c, pool, scores, sim, outlets) for c in chosen), (), coverage
        )
    shared = [c for c in clusters if len({pool.reporter[i] for i in c}) >= 2]
    shared = sorted(shared, key=lambda c: (-importance(c, scores, pool), c[0]))
    attributed = _attributed(shared[: MAX_POINTS * 6], pool, scores, sim, outlets)
    points = tuple(
        _point(c, pool, scores, sim, outlets, lead=c[0])
        for c in _distinct(select(attributed, scores, sim, pool), pool, sim)
    )
    unique = _unique(pool, clusters, scores, sim, outlets)
    return StoryComparison(outlets, points, unique, coverage)


def _pool(story: Story) -> _Pool:
    quotes, reporter, own, terms = [], [], [], []
    for article in story.articles:
        key = reporter_key(article)
        headings = article.clean.headings
        for sentence, score in zip(article.sentences, article.scores, strict=True):
            if sentence.paragraph in headings or arabic.words(sentence.text) < MIN_WORDS:
                continue
            t = arabic.content_terms(sentence.text)
            if len(t) < 2:
                continue
            quotes.append(Quote(sentence.text, article.id))
            reporter.append(key)
            own.append(score)
            terms.append(t)
    return _Pool(quotes, reporter, own, terms, attribution.story_idf(terms))


def _cross_scores(pool: _Pool) -> list[float]:
    """TextRank over all the story's sentences; each article's own scores if degenerate."""
    ranked = textrank.sentence_scores(pool.terms)
    if ranked is None:
        return [round(s, 6) for s in pool.own_score]
    return [round(float(s), 6) for s in ranked]


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
    overlap = {id(c): 0.0 for c in candidates}  # closeness to the nearest chosen claim
    columns = sim.tocsc()
    while candidates and len(chosen) < limit:
        best, best_value = None, -math.inf
        for c in candidates:
            if overlap[id(c)] >= REDUNDANT:
                continue
            value = MMR_LAMBDA * weight[id(c)] / top - (1 - MMR_LAMBDA) * overlap[id(c)]
            if value > best_value + 1e-12:
                best, best_value = c, value
        if best is None:
            break
        chosen.append(best)
        candidates.remove(best)
        near = _nearness(np.zeros(sim.shape[0]), best, columns)
        for c in candidates:
            overlap[id(c)] = max(overlap[id(c)], float(near[c].max()))
    return sorted(chosen, key=lambda c: (-weight[id(c)], c[0]))


def _nearness(near: np.ndarray, cluster: Sequence[int], columns: sparse.csc_matrix) -> np.ndarray:
    """`near`, raised where needed so that near[k] is at least the highest similarity
    sim[k, j] to a sentence j of `cluster` (`columns`: sim by columns)."""
    for j in cluster:
        start, end = columns.indptr[j], columns.indptr[j + 1]
        rows = columns.indices[start:end]
        near[rows] = np.maximum(near[rows], columns.data[start:end])
    return near


def best_worded(cluster: Sequence[int], scores: Sequence[float], sim: sparse.csr_matrix) -> int:
    """The version closest to all the others (the claim as most outlets put it)."""
    if len(cluster) == 1:
        return cluster[0]
    block = _block(sim, cluster)
    total = block.sum(axis=1) - block.diagonal()
    k = max(
        range(len(cluster)),
        key=lambda k: (round(float(total[k]), 9), scores[cluster[k]], -cluster[k]),
    )
    return cluster[k]


def _block(sim: sparse.csr_matrix, cluster: Sequence[int]) -> np.ndarray:
    """`sim[cluster, :][:, cluster].toarray()`, from the CSR arrays (scipy's indexing
    builds two matrices per call, which dominated comparing a big story)."""
    position = np.full(sim.shape[1], -1)
    position[cluster] = np.arange(len(cluster))
    block = np.zeros((len(cluster), len(cluster)))
    for k, i in enumerate(cluster):
        start, end = sim.indptr[i], sim.indptr[i + 1]
        where = position[sim.indices[start:end]]
        inside = where >= 0
        block[k, where[inside]] = sim.data[start:end][inside]
    return block


def _point(
    cluster: Sequence[int],
    pool: _Pool,
    scores: Sequence[float],
    sim: sparse.csr_matrix,
    outlets: Sequence[Reporter],
    lead: int | None = None,
) -> KeyPoint:
    """The claim as a key point: quoted as `lead` (else its best-worded sentence); each
    outlet's version is its sentence of the claim with the best score."""
    lead = best_worded(cluster, scores, sim) if lead is None else lead
    version: dict[str, int] = {pool.reporter[lead]: lead}
    for i in sorted(cluster, key=lambda i: (-scores[i], i)):
        version.setdefault(pool.reporter[i], i)
    keys = [r.key for r in outlets if r.key in version]
    quotes = tuple(pool.quotes[version[k]] for k in keys)
    articles = {q.article_id for q in quotes}
    story_order = [a for r in outlets for a in r.article_ids]
    return KeyPoint(
        text=pool.quotes[lead].text,
        article_id=pool.quotes[lead].article_id,
        sources=tuple(keys),
        article_ids=tuple(a for a in story_order if a in articles),
        score=importance(cluster, scores, pool),
        versions=quotes,
        conflicts=_conflicts(keys, quotes) if len(keys) > 1 else (),
    )


def _conflicts(keys: Sequence[str], quotes: Sequence[Quote]) -> tuple[Conflict, ...]:
    return figures.conflicts(list(zip(keys, quotes, strict=True)))


def _attributed(
    clusters: Sequence[list[int]],
    pool: _Pool,
    scores: Sequence[float],
    sim: sparse.csr_matrix,
    outlets: Sequence[Reporter],
) -> list[list[int]]:
    """Each shared claim as [its quoted sentence, then one version per other outlet that
    states it]: the quoted sentence is the best-worded that reads alone; an outlet is
    credited when its sentence nearest to that one states the same claim
    (`attribution.same_claim`). Claims that keep one outlet are dropped."""
    out = []
    for cluster in clusters:
        readable = [i for i in cluster if attribution.readable_alone(pool.quotes[i].text)]
        if not readable:
            continue
        lead = best_worded(readable, scores, sim)
        members = [lead]
        for outlet in outlets:
            if outlet.key == pool.reporter[lead]:
                continue
            j = _nearest(lead, outlet.key, sim, pool)
            if j is not None and _states(lead, j, sim, pool, supported=j in cluster):
                members.append(j)
        if len(members) >= 2:
            out.append(members)
    return out


def _distinct(
    chosen: Sequence[list[int]], pool: _Pool, sim: sparse.csr_matrix
) -> list[list[int]]:
    """The chosen claims less those stating a claim already kept, news before background."""
    kept: list[list[int]] = []
    for c in chosen:
        if not any(_states(k[0], c[0], sim, pool) for k in kept):
            kept.append(c)
    background = [attribution.is_background(pool.quotes[c[0]].text) for c in kept]
    return [c for _, c in sorted(zip(background, kept, strict=True), key=lambda e: e[0])]


def _nearest(i: int, key: str, sim: sparse.csr_matrix, pool: _Pool) -> int | None:
    """Outlet `key`'s sentence most similar to sentence i (ties: the first); None if none
    comes within `claims.NEGLIGIBLE`."""
    found = _nearest_of(i, key, sim, pool, 1)
    return found[0] if found else None


def _nearest_of(i: int, key: str, sim: sparse.csr_matrix, pool: _Pool, n: int) -> list[int]:
    """Outlet `key`'s `n` sentences most similar to sentence i, most similar first."""
    start, end = sim.indptr[i], sim.indptr[i + 1]
    theirs = [
        (round(float(v), 9), -int(j))
        for j, v in zip(sim.indices[start:end], sim.data[start:end], strict=True)
        if pool.reporter[j] == key
    ]
    return [-j for _, j in sorted(theirs, reverse=True)[:n]]


def _states(
    i: int, j: int, sim: sparse.csr_matrix, pool: _Pool, *, supported: bool = False
) -> bool:
    """Does sentence j state the claim of sentence i?"""
    start, end = sim.indptr[i], sim.indptr[i + 1]
    at = np.flatnonzero(sim.indices[start:end] == j)
    cosine = float(sim.data[start + at[0]]) if at.size else 0.0
    a, b = pool.quotes[i].text, pool.quotes[j].text
    return attribution.same_claim(a, b, cosine, pool.idf, supported=supported)


def _unique(
    pool: _Pool,
    clusters: Sequence[list[int]],
    scores: Sequence[float],
    sim: sparse.csr_matrix,
    outlets: Sequence[Reporter],
) -> tuple[tuple[str, tuple[Quote, ...]], ...]:
    """Per outlet, its most telling sentences that no other outlet comes close to.

    Telling: central to the story as a whole (the cross-source TextRank `scores`, which
    carry no position prior: a figure given late in an article counts as much as its
    lede) and new (`_novelty`: the share of its terms no other outlet uses).
    """
    alone = {c[0] for c in clusters if len({pool.reporter[i] for i in c}) == 1}
    alone = {i for c in clusters if c[0] in alone for i in c}
    novelty = _novelty(pool)
    keys = {key: k for k, key in enumerate(dict.fromkeys(pool.reporter))}
    reporter = np.array([keys[key] for key in pool.reporter])
    columns = sim.tocsc()
    out = []
    for outlet in outlets:
        mine = [i for i in sorted(alone) if pool.reporter[i] == outlet.key]
        mine = [i for i in mine if _nearest_other(i, sim, reporter) < SAME_CLAIM]
        value = {i: round(scores[i] * (0.5 + novelty[i]), 9) for i in mine}
        picked: list[int] = []
        near = np.zeros(sim.shape[0])  # closeness to the sentences picked
        for i in sorted(mine, key=lambda i: (-value[i], i)):
            if near[i] >= REDUNDANT or not _alone(i, pool, sim, outlets):
                continue
            picked.append(i)
            if len(picked) == MAX_UNIQUE:
                break
            _nearness(near, [i], columns)
        if picked:
            out.append((outlet.key, tuple(pool.quotes[i] for i in picked)))
    return tuple(out)


def _alone(i: int, pool: _Pool, sim: sparse.csr_matrix, outlets: Sequence[Reporter]) -> bool:
    """Sentence i reads alone, and none of another outlet's `RIVALS` sentences nearest to
    it even may state its claim (the lower, `SUPPORTED` probability)."""
    if not attribution.readable_alone(pool.quotes[i].text):
        return False
    return not any(
        _states(i, j, sim, pool, supported=True)
        for outlet in outlets
        if outlet.key != pool.reporter[i]
        for j in _nearest_of(i, outlet.key, sim, pool, RIVALS)
    )


def _nearest_other(i: int, sim: sparse.csr_matrix, reporter: np.ndarray) -> float:
    """The highest similarity of sentence i to one of another outlet (`reporter`: each
    sentence's outlet as a number); 0 if none."""
    start, end = sim.indptr[i], sim.indptr[i + 1]
    others = sim.data[start:end][reporter[sim.indices[start:end]] != reporter[i]]
    return float(others.max()) if others.size else 0.0


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
    return Coverage(
        source_count=story.source_count,
        article_count=len(story.articles),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        timeline=tuple(timeline),
        missing=_missing(story, outlets, known),
    )


def with_missing(
    comparison: StoryComparison, story: Story, known: Mapping[str, str]
) -> StoryComparison:
    """The comparison with the known outlets that did not cover the story as of `known`
    (the only part of it that depends on the rest of the corpus)."""
    missing = _missing(story, comparison.reporters, known)
    return replace(comparison, coverage=replace(comparison.coverage, missing=missing))


def _missing(
    story: Story, outlets: Sequence[Reporter], known: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    present = {r.source_id for r in outlets if r.known}
    present |= {outlet_of(d.copy)[0] for d in story.duplicates}  # a copy is coverage too
    return tuple(sorted(((sid, n) for sid, n in known.items() if sid not in present), key=_by_name))


def _by_name(entry: tuple[str, str]) -> tuple[str, str]:
    return entry[1], entry[0]


def _by_id(story: Story, article_id: str) -> RankedArticle:
    return next(a for a in story.articles if a.id == article_id)
