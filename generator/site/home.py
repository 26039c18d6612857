"""The home page: the recent period's top stories ranked by importance, then the latest.

The period is the last `period_days` days up to the newest story's date (never the clock:
the same articles give the same page). A story's importance is

    importance = (sources_weight × outlets + articles_weight × log2(1 + articles))
                 × 0.5 ^ (days from its last article to the period's last day / half_life_days)

so an outlet more counts more than an article more, a story a hundred articles long weighs
about seven outlets, and a story loses half its weight every `half_life_days` days without
news. The `biggest` stories of the period (most outlets, then most articles) are always
among the top stories, however old within the period. The settings: `config.HomeSettings`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from ..language.dates import arabic_date
from ..language.numbers import DAY, counted
from ..models import Page, Story
from .config import HomeSettings, SiteConfig
from .lists import story_line
from .markup import articles_label, link, stories_label, text

FEED = "feed.xml"


def importance(story: Story, last_day: dt.date, settings: HomeSettings) -> float:
    """The story's importance on `last_day` (rounded, so the order is the same everywhere)."""
    size = settings.sources_weight * story.source_count + settings.articles_weight * math.log2(
        1 + len(story.articles)
    )
    age = (last_day - story.date).days if story.date else settings.period_days
    return round(size * 0.5 ** (max(age, 0) / settings.half_life_days), 9)


def size_order(story: Story) -> tuple:
    """The biggest first: most outlets, then most articles, then the newest, then id."""
    return (
        -story.source_count,
        -len(story.articles),
        -(story.date.toordinal() if story.date else 0),
        story.id,
    )


def period(stories: Sequence[Story], settings: HomeSettings) -> list[Story]:
    """The stories whose latest article is within the period (newest story's date back
    `period_days` days); all stories when none is dated."""
    dates = [s.date for s in stories if s.date]
    if not dates:
        return list(stories)
    first = max(dates) - dt.timedelta(days=settings.period_days - 1)
    return [s for s in stories if s.date and s.date >= first]


def top_stories(stories: Sequence[Story], settings: HomeSettings) -> list[Story]:
    """The period's top stories by importance, the biggest always among them."""
    recent = period(stories, settings)
    dates = [s.date for s in recent if s.date]
    last_day = max(dates) if dates else dt.date.min
    biggest = sorted(recent, key=size_order)[: settings.biggest]
    by_importance = sorted(
        recent, key=lambda s: (-importance(s, last_day, settings), *size_order(s))
    )
    chosen = {s.id for s in biggest}
    for story in by_importance:
        if len(chosen) >= max(settings.top_stories, len(biggest)):
            break
        chosen.add(story.id)
    return [s for s in by_importance if s.id in chosen]


def home(stories: Sequence[Story], site: SiteConfig) -> Page:
    """The home page: the top stories of the period, then the latest others."""
    settings = site.home
    top = top_stories(stories, settings)
    shown = {s.id for s in top}
    latest = [s for s in stories if s.id not in shown][: settings.latest]  # newest first
    dates = [s.date for s in stories if s.date]
    lines = [f"# {text(site.name)}", ""]
    intro = (
        f"قصص الأخبار كما غطّتها المصادر المختلفة، جنبًا إلى جنب: "
        f"{stories_label(len(stories))} من "
        f"{articles_label(sum(len(s.articles) for s in stories), genitive=True)}."
    )
    lines += [intro, ""]
    if top:
        lines += ['## أهم القصص {: #top }', ""]
        if dates:
            days = counted(settings.period_days, DAY, genitive=True)
            lines += [
                f"الأهم فالأهم بين قصص آخر {days} حتى {arabic_date(max(dates))}، "
                "بعدد مصادرها ومقالاتها وحداثتها.",
                "",
            ]
        lines += [story_line(s, "stories/") for s in top]
        lines.append("")
    if latest:
        lines += ['## الأحدث {: #latest }', ""]
        lines += [story_line(s, "stories/", point=False) for s in latest]
        lines.append("")
    if len(stories) > len(top) + len(latest):
        lines += [link("كل القصص حسب اليوم", "stories/index.md"), ""]
    lines += [
        f'<a class="digest-feed" href="{FEED}" type="application/atom+xml">'
        "تابع القصص الجديدة في برنامج الخلاصات</a>",
    ]
    return Page("index.md", "\n".join(lines) + "\n")
