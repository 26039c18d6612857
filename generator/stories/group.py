"""Stories: group ranked articles about the same event, and give each a stable id.

1. Similar pairs (`similarity`): TF-IDF cosine over stems, title and lead weighted up,
   each term times its burst on the article's day (`burst`), compared only within a date
   window (no all-pairs comparison).
2. Copies (`copies`): an exact or near-exact copy joins the article it copies and is shown
   once with its source credited; it takes no part in the linkage.
3. Linkage: agglomerative, by the cosine of the groups' centroids (the sum of their
   articles' vectors), merging while it is ≥ `threshold` and the story spans at most
   `window_days`. A big event's reactions each repeat its terms (the mosque, the forces,
   Asir, the bombing) but rarely each other's (each names a different official), so the
   mean of pairwise similarities (average link) splits them, while the event's centroid,
   dominated by those terms, draws them in. Pairs under `min_sim` are not kept. The
   threshold is `burst_threshold` where the articles' days have a background (the burst
   weights make everyday terms count less, so events look less alike) and `threshold`
   where they have plain TF-IDF weights; a group needs the highest of its members'.

Ids: a story's id comes from its anchor, its earliest article (then lowest id), so adding
later articles never moves it; the ids its other members would have given are its
`aliases`, which `redirects` turns into pages pointing to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..models import Duplicate, Problem, RankedArticle, Story
from ..slugs import story_id
from .burst import has_background
from .copies import find_copies
from .linkage import GroupingSettings, link
from .similarity import DayMap, close_pairs, tfidf_matrix, weighted_terms
from .titles import headline, title_candidates

DEFAULT_SETTINGS = GroupingSettings()


def group(
    articles: Sequence[RankedArticle],
    settings: GroupingSettings = DEFAULT_SETTINGS,
    map_days: DayMap = map,
) -> list[Story]:
    """Stories, sorted newest first (undated last), then by id; the days' similar pairs are
    found through `map_days` (see `similarity.close_pairs`), which never changes the result."""
    ordered = sorted(articles, key=_article_order)
    days = [a.article.date.toordinal() if a.article.date else None for a in ordered]
    matrix = tfidf_matrix([weighted_terms(a) for a in ordered], days)
    pairs = close_pairs(matrix, days, settings.window_days, settings.min_sim, map_days)
    copies = find_copies(ordered, pairs).copy_of
    limits = [
        settings.burst_threshold if bursty else settings.threshold
        for bursty in has_background(days)
    ]
    clusters = link(len(ordered), pairs, days, set(copies), settings, limits)
    attached: dict[int, list[int]] = {}
    for i, (kept, _) in copies.items():
        attached.setdefault(kept, []).append(i)
    stories = []
    for members, title in zip(clusters, _story_titles(ordered, clusters, matrix), strict=True):
        duplicates = tuple(
            Duplicate(of=ordered[k].id, copy=ordered[i], exact=copies[i][1])
            for k in members
            for i in attached.get(k, [])
        )
        stories.append(_make_story([ordered[i] for i in members], duplicates, title))
    return sorted(stories, key=story_order)


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


def _story_titles(
    ordered: Sequence[RankedArticle], clusters: list[list[int]], matrix: sparse.csr_matrix
) -> list[str]:
    """Each cluster's title (`titles.py`): the headline of the most central of its latest
    day's titled articles (the highest cosine to their sum), else the most central article's
    lead; ties go to the earlier article; teaser markers taken off."""
    candidates = [title_candidates(ordered, members) for members in clusters]
    central = iter(_most_central(matrix, [c for c in candidates if len(c) > 1]))
    return [headline(ordered[c[0] if len(c) == 1 else next(central)].title) for c in candidates]


def _most_central(matrix: sparse.csr_matrix, groups: list[list[int]]) -> list[int]:
    """The row of each group with the highest dot product with the group's sum (rounded
    to 9 digits; ties go to the earlier row), for all groups in one product.

    The sums are added row by row and each dot product term by term in the row's order,
    as `rows.sum(axis=0)` and `rows @ sum` would for one group, so the floats are the same.
    """
    if not groups:
        return []
    sizes = np.asarray([len(g) for g in groups], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)))
    rows = matrix[
        np.fromiter(itertools.chain.from_iterable(groups), dtype=np.int64, count=starts[-1])
    ]
    membership = sparse.csr_matrix(
        (np.ones(starts[-1]), np.arange(starts[-1]), starts), shape=(len(groups), starts[-1])
    )
    sums = sparse.csr_matrix(membership @ rows)
    sums.sort_indices()
    entry_group = np.repeat(np.repeat(np.arange(len(groups)), sizes), np.diff(rows.indptr))
    at_sum = np.asarray(sums[entry_group, rows.indices]).ravel()
    terms = sparse.csr_matrix((rows.data * at_sum, rows.indices, rows.indptr), shape=rows.shape)
    centrality = (terms @ np.ones(rows.shape[1])).tolist()
    best = []
    for group, lo in zip(groups, starts[:-1].tolist(), strict=True):
        k = max(range(len(group)), key=lambda k: (round(centrality[lo + k], 9), -k))
        best.append(group[k])
    return best
