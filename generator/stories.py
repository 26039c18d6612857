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
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .dedup import find_copies
from .models import Duplicate, Problem, RankedArticle, Story
from .similarity import Pairs, close_pairs, tfidf_matrix, weighted_terms
from .slugs import story_id


@dataclass(frozen=True)
class GroupingSettings:
    threshold: float = 0.28  # centroid cosine needed to merge two groups
    window_days: int = 4  # a story spans days, not months: no story wider than this
    min_sim: float = 0.05  # pairs less similar than this are not kept (a cost bound)
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
        title = _story_title([ordered[i] for i in members], matrix, members)
        stories.append(_make_story([ordered[i] for i in members], duplicates, title))
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
    heap: list[tuple[float, int, int, int, int]] = []
    for r, c, s in zip(pairs.rows.tolist(), pairs.cols.tolist(), pairs.sims.tolist(), strict=True):
        if r in skip or c in skip:
            continue
        sums[r][c] = s
        sums[c][r] = s
        if s >= settings.threshold:  # pairs come from within the window: they fit
            heap.append((-s, r, c, 0, 0))
    heapq.heapify(heap)
    size = [1] * n
    self_sum = [1.0] * n
    lo = list(days)
    hi = list(days)
    members = [[i] for i in range(n)]
    version = [0] * n
    alive = [i not in skip for i in range(n)]
    centroid = settings.linkage == "centroid"
    threshold, window = settings.threshold, settings.window_days

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
        if lo[b] is not None:
            lo[a] = lo[b] if lo[a] is None else min(lo[a], lo[b])
            hi[a] = hi[b] if hi[a] is None else max(hi[a], hi[b])
        version[a] += 1
        for k, total in sums[a].items():
            if centroid:
                score = total / math.sqrt(self_sum[a] * self_sum[k])
            else:
                score = total / (size[a] * size[k])
            if score < threshold:
                continue
            dated = lo[a] is not None and lo[k] is not None
            if dated and max(hi[a], hi[k]) - min(lo[a], lo[k]) > window:
                continue
            x, y = (a, k) if a < k else (k, a)
            heapq.heappush(heap, (-round(score, 12), x, y, version[x], version[y]))
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


def _make_story(
    members: list[RankedArticle], duplicates: tuple[Duplicate, ...], title: str
) -> Story:
    members = sorted(members, key=_article_order)
    anchor = members[0]  # the earliest article: a story that grows later keeps its id
    own = story_id(anchor.id)
    aliases = sorted(
        {story_id(a.id) for a in members[1:]} | {story_id(d.copy.id) for d in duplicates}
    )
    return Story(
        id=own,
        articles=tuple(members),
        title=title,
        duplicates=tuple(sorted(duplicates, key=lambda d: (d.of, d.copy.id))),
        aliases=tuple(a for a in aliases if a != own),
    )


def _story_title(
    members: list[RankedArticle], matrix: sparse.csr_matrix, rows_of: list[int]
) -> str:
    """The title of the most central titled article (the highest cosine to the others'
    sum), else the most central article's lead; ties go to the earlier article."""
    titled = [k for k, a in enumerate(members) if a.article.title] or list(range(len(members)))
    if len(titled) == 1:
        return members[titled[0]].title
    rows = matrix[[rows_of[k] for k in titled]]
    centrality = np.asarray(rows @ np.asarray(rows.sum(axis=0)).ravel()).ravel()
    best = max(range(len(titled)), key=lambda k: (round(float(centrality[k]), 9), -k))
    return members[titled[best]].title
