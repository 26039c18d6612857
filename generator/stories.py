"""Stories: group ranked articles about the same event, and give each a stable id.

1. Similar pairs (`similarity`): TF-IDF cosine over stems, title and lead weighted up,
   compared only within a date window (no all-pairs comparison).
2. Copies (`dedup`): an exact or near-exact copy joins the article it copies and is shown
   once with its source credited; it takes no part in the linkage.
3. Linkage: agglomerative, by the cosine of the groups' centroids (the sum of their
   articles' vectors), merging while it is ≥ `threshold` and the story spans at most
   `window_days`. A big event's reactions each repeat its terms (the mosque, the forces,
   Asir, the bombing) but rarely each other's (each names a different official), so the
   mean of pairwise similarities (average link) splits them, while the event's centroid,
   dominated by those terms, draws them in. Pairs under `min_sim` are not kept.

Ids: a story's id comes from its anchor, its earliest article (then lowest id), so adding
later articles never moves it; the ids its other members would have given are its
`aliases`, which `redirects` turns into pages pointing to it.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .dedup import find_copies
from .models import Duplicate, Problem, RankedArticle, Story
from .similarity import Pairs, close_pairs, tfidf_matrix, weighted_terms
from .slugs import story_id


@dataclass(frozen=True)
class GroupingSettings:
    threshold: float = 0.28  # centroid cosine needed to merge two groups
    window_days: int = 4  # a story spans days, not months: no story wider than this
    min_sim: float = 0.1  # pairs less similar than this are not kept at all
    linkage: str = "centroid"  # or "average" (mean pairwise cosine: the foundation's rule)


def group(
    articles: Sequence[RankedArticle], settings: GroupingSettings = GroupingSettings()
) -> list[Story]:
    """Stories, sorted newest first (undated last), then by id."""
    ordered = sorted(articles, key=_article_order)
    days = [a.article.date.toordinal() if a.article.date else None for a in ordered]
    matrix = tfidf_matrix([weighted_terms(a) for a in ordered])
    pairs = close_pairs(matrix, days, settings.window_days, settings.min_sim)
    copies = find_copies(ordered, pairs).copy_of
    clusters = link(len(ordered), pairs, days, set(copies), settings)
    attached: dict[int, list[int]] = {}
    for i, (kept, _) in copies.items():
        attached.setdefault(kept, []).append(i)
    stories = []
    for members in clusters:
        duplicates = tuple(
            Duplicate(of=ordered[k].id, copy=ordered[i], exact=copies[i][1])
            for k in members
            for i in attached.get(k, [])
        )
        stories.append(_make_story([ordered[i] for i in members], duplicates))
    return sorted(stories, key=story_order)


def link(
    n: int,
    pairs: Pairs,
    days: Sequence[int | None],
    skip: set[int],
    settings: GroupingSettings,
) -> list[list[int]]:
    """Agglomerate the articles over the sparse pairs (absent pairs count as 0).

    `sums[a][b]` is the sum of the similarities between groups a and b and `self_sum[a]`
    the squared length of a's centroid, so the centroid cosine is sums / √(self·self) and
    the average link sums / (size·size). Copies (`skip`) take no part. Ties are broken by
    article order, so the result does not depend on the input order.
    """
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    for r, c, s in zip(pairs.rows.tolist(), pairs.cols.tolist(), pairs.sims.tolist(), strict=True):
        if r in skip or c in skip:
            continue
        sums[r][c] = s
        sums[c][r] = s
    size = [1] * n
    self_sum = [1.0] * n
    lo = list(days)
    hi = list(days)
    members = [[i] for i in range(n)]
    version = [0] * n
    alive = [i not in skip for i in range(n)]

    def fits(a: int, b: int) -> bool:
        if lo[a] is None or lo[b] is None:
            return True
        return max(hi[a], hi[b]) - min(lo[a], lo[b]) <= settings.window_days

    def score(a: int, b: int) -> float:
        if settings.linkage == "centroid":
            return round(sums[a][b] / math.sqrt(self_sum[a] * self_sum[b]), 12)
        return round(sums[a][b] / (size[a] * size[b]), 12)

    heap = []
    for a in range(n):
        for b in sums[a]:
            if a < b and fits(a, b) and score(a, b) >= settings.threshold:
                heap.append((-score(a, b), a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or va != version[a] or vb != version[b]:
            continue
        self_sum[a] += self_sum[b] + 2 * sums[a][b]
        for k, s in sums[b].items():
            if k == a:
                continue
            total = sums[a].get(k, 0.0) + s
            sums[a][k] = total
            sums[k][a] = total
            del sums[k][b]
        del sums[a][b]
        sums[b] = {}
        alive[b] = False
        size[a] += size[b]
        members[a] += members[b]
        if lo[a] is not None and lo[b] is not None:
            lo[a], hi[a] = min(lo[a], lo[b]), max(hi[a], hi[b])
        else:
            lo[a] = lo[a] if lo[a] is not None else lo[b]
            hi[a] = hi[a] if hi[a] is not None else hi[b]
        version[a] += 1
        for k in sums[a]:
            if fits(a, k) and score(a, k) >= settings.threshold:
                x, y = min(a, k), max(a, k)
                heapq.heappush(heap, (-score(a, k), x, y, version[x], version[y]))
    return [sorted(members[i]) for i in range(n) if alive[i]]


def duplicate_problems(stories: Sequence[Story]) -> list[Problem]:
    """A warning for each exact duplicate, naming both files."""
    out = []
    for story in stories:
        paths = {a.id: a.article.path for a in story.articles}
        for d in story.duplicates:
            if d.exact:
                out.append(
                    Problem(
                        d.copy.article.path,
                        f"is an exact duplicate of {paths[d.of]}; the article is shown once",
                    )
                )
    return sorted(out, key=lambda p: (p.path, p.message))


def story_order(story: Story) -> tuple:
    """Newest first; within a day more sources first; undated stories last; then id."""
    date = story.date
    return (date is None, -(date.toordinal() if date else 0), -story.source_count, story.id)


def _article_order(article: RankedArticle) -> tuple:
    date = article.article.date
    return (date is None, date.toordinal() if date else 0, article.id)


def _make_story(members: list[RankedArticle], duplicates: tuple[Duplicate, ...]) -> Story:
    members = sorted(members, key=_article_order)
    anchor = members[0]  # the earliest article: a story that grows later keeps its id
    own = story_id(anchor.id)
    aliases = sorted(
        {story_id(a.id) for a in members[1:]} | {story_id(d.copy.id) for d in duplicates}
    )
    return Story(
        id=own,
        articles=tuple(members),
        title=_story_title(members),
        duplicates=tuple(sorted(duplicates, key=lambda d: (d.of, d.copy.id))),
        aliases=tuple(a for a in aliases if a != own),
    )


def _story_title(members: list[RankedArticle]) -> str:
    """The title of the most central titled article, else the most central article's lead."""
    titled = [a for a in members if a.article.title] or members
    if len(titled) == 1:
        return titled[0].title
    vectors = tfidf([Counter(a.terms) for a in titled])
    centrality = [sum(cosine(u, v) for v in vectors) for u in vectors]
    best = max(range(len(titled)), key=lambda i: (round(centrality[i], 9), -i))
    return titled[best].title


def tfidf(docs: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors: sublinear tf, smoothed idf (stable on tiny corpora)."""
    n = len(docs)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    vectors = []
    for doc in docs:
        v = {t: (1 + math.log(c)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, c in doc.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    return vectors


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(x * v.get(t, 0.0) for t, x in u.items())
