"""A story as a line of a list (the home page, the story indexes, keyword pages, the feed):
its title, dates and counts, and its top point."""

from __future__ import annotations

from ..models import Story
from .markup import articles_label, isolate, link, sources_label, story_dates


def top_point(story: Story) -> str | None:
    """The one point a reader sees first for a story in lists (the home page, indexes, feed):
    its most important key point, else the first key sentence of its first article."""
    if story.comparison and story.comparison.key_points:
        return story.comparison.key_points[0].text
    for article in story.articles:
        if article.key:
            return article.key[0].text
    return None


def story_line(story: Story, prefix: str, *, point: bool = True) -> str:
    """A story in a list: its title (a link), dates, sources and articles, and (unless told
    not to) its top point."""
    counts = sources_label(story.source_count)
    if len(story.articles) > 1:
        counts += f" · {articles_label(len(story.articles))}"
    line = (
        f"- **{link(story.title, f'{prefix}{story.id}.md')}**  \n"
        f"  {story_dates(story)} · {counts}"
    )
    top = top_point(story) if point else None
    if top:
        line += f"  \n  {isolate(top)}"
    return line
