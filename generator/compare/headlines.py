"""Headlines side by side: each outlet's headline for a story, its first and its latest.

Outlets frame a story first in their headlines. For a story with two outlets or more, each
outlet's headline is shown together with the others' (an outlet with several articles: its
first and its latest, by date, time of day, then id). A headline is the article's own title
when one was given; otherwise the title read from the text's first line, or its lead
sentence (`RankedArticle.title`), marked as inferred: never a title the outlet did not write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..models import Headline, RankedArticle, Reporter, Story


def headlines(story: Story, reporters: Sequence[Reporter]) -> tuple[Headline, ...]:
    """Per outlet in story order, its first headline and (if another) its latest; none for
    a story of one outlet (there is nothing to set side by side)."""
    if len(reporters) < 2:
        return ()
    articles = {a.id: a for a in story.articles}
    out: list[Headline] = []
    for reporter in reporters:
        own = sorted((articles[a] for a in reporter.article_ids), key=published_order)
        chosen = own[:1] + own[-1:] if len(own) > 1 and own[-1].title != own[0].title else own[:1]
        out += [headline(reporter.key, article) for article in chosen]
    return tuple(out)


def headline(key: str, article: RankedArticle) -> Headline:
    a = article.article
    return Headline(key, article.id, article.title, a.title is None or a.title_inferred)


def published_order(article: RankedArticle) -> tuple:
    """Undated articles last; within a date, by time of day (untimed after), then id."""
    a = article.article
    return (a.date is None, a.date or dt.date.min, a.time is None, a.time or dt.time(), a.id)
