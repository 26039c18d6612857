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

from collections.abc import Sequence

from scipy import sparse

from ..models import Duplicate, Problem, RankedArticle, Story
from ..slugs import story_id
from .burst import has_background
from .copies import find_copies
from .linkage import GroupingSettings, link
from .similarity import DayMap, close_pairs, tfidf_matrix, weighted_terms
from .titles import headline, most_representative, title_candidates

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
    """Each cluster's title (`titles.py`): the headline of its latest day's titled article
    most representative of the whole cluster, else that of the most representative lead;
    ties go to the earlier article; teaser markers taken off."""
    candidates = [title_candidates(ordered, members) for members in clusters]
    several = [i for i, c in enumerate(candidates) if len(c) > 1]
    best = iter(most_representative(matrix, [clusters[i] for i in several],
                                    [candidates[i] for i in several]))  # fmt: skip
    return [headline(ordered[c[0] if len(c) == 1 else next(best)].title) for c in candidates]
