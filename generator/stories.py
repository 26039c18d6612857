"""Stories: group ranked articles about the same event, and give each a stable id.

Articles are compared by TF-IDF cosine over their matching stems (title counted twice) and
merged by average-link agglomerative clustering: a group joins another only when its
articles are, on average, similar enough, so one shared name (the same president in two
different meetings) does not chain two events together. Articles published more than
`window_days` apart are never in one story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import arabic
from .models import RankedArticle, Story
from .slugs import story_id


@dataclass(frozen=True)
class GroupingSettings:
    threshold: float = 0.19  # average-link cosine needed to merge two groups
    window_days: int = 4  # articles further apart in time are different stories
    title_weight: int = 2


def group(
    articles: Sequence[RankedArticle], settings: GroupingSettings = GroupingSettings()
) -> list[Story]:
    """Stories, sorted newest first (undated last), then by id."""
    ordered = sorted(articles, key=_article_order)
    vectors = tfidf([_terms(a, settings) for a in ordered])
    sim = [[cosine(u, v) for v in vectors] for u in vectors]
    clusters = [[i] for i in range(len(ordered))]
    while len(clusters) > 1:
        best: tuple[float, int, int] | None = None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                if not _time_compatible(ordered, clusters[x], clusters[y], settings.window_days):
                    continue
                s = _average_link(sim, clusters[x], clusters[y])
                if s >= settings.threshold and (best is None or s > best[0]):
                    best = (s, x, y)
        if best is None:
            break
        _, x, y = best
        clusters[x] = sorted(clusters[x] + clusters[y])
        del clusters[y]
    stories = [_make_story([ordered[i] for i in c]) for c in clusters]
    return sorted(stories, key=story_order)


def story_order(story: Story) -> tuple:
    """Newest first; within a day more sources first; undated stories last; then id."""
    date = story.date
    return (date is None, -(date.toordinal() if date else 0), -story.source_count, story.id)


def _article_order(article: RankedArticle) -> tuple:
    date = article.article.date
    return (date is None, date.toordinal() if date else 0, article.id)


def _make_story(members: list[RankedArticle]) -> Story:
    members = sorted(members, key=_article_order)
    anchor = min(members, key=lambda a: a.id)
    return Story(id=story_id(anchor.id), articles=tuple(members), title=_story_title(members))


def _story_title(members: list[RankedArticle]) -> str:
    """The title of the most central titled article, else the most central article's lead."""
    titled = [a for a in members if a.article.title] or members
    if len(titled) == 1:
        return titled[0].title
    vectors = tfidf([Counter(a.terms) for a in titled])
    centrality = [sum(cosine(u, v) for v in vectors) for u in vectors]
    best = max(range(len(titled)), key=lambda i: (round(centrality[i], 9), -i))
    return titled[best].title


def _terms(article: RankedArticle, settings: GroupingSettings) -> Counter[str]:
    counts = Counter(article.terms)
    if article.article.title:
        for term in arabic.content_terms(article.article.title):
            counts[term] += settings.title_weight
    return counts


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


def _average_link(sim: list[list[float]], a: list[int], b: list[int]) -> float:
    return sum(sim[i][j] for i in a for j in b) / (len(a) * len(b))


def _time_compatible(
    articles: Sequence[RankedArticle], a: list[int], b: list[int], days: int
) -> bool:
    dates = [articles[i].article.date for i in a + b if articles[i].article.date]
    return not dates or (max(dates) - min(dates)).days <= days
