"""A developing story, day by day: for a story whose articles span several days, what was
new on each day (the key points first reported that day, and its articles with their times
when the articles give them), newest day first, above the full comparison (pure Markdown).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from ..language.dates import arabic_date, arabic_time
from ..language.numbers import DAY, counted
from ..models import RankedArticle, Story, StoryComparison
from .markup import articles_label, external_link, isolate, points_label, sources_label, text

ARTICLES_PER_DAY = 8  # a day's articles listed here; the rest are in the coverage below
HEADING = "يومًا بيوم"


def when(article: RankedArticle) -> str:
    """An article's date, and its time of day when known: «12 مايو 2018، 14:30»."""
    a = article.article
    if a.date is None:
        return "تاريخ غير معروف"
    return arabic_date(a.date) + (f"، {arabic_time(a.time)}" if a.time else "")


def _moment(article: RankedArticle) -> tuple:
    """Newest first within a day: articles with a time by time, then the others by id."""
    time = article.article.time
    return (time is None, -(time.hour * 3600 + time.minute * 60 + time.second) if time else 0,
            article.id)  # fmt: skip


def day_sections(story: Story, outlet: Callable[[str], str]) -> list[str]:
    """The Markdown lines of the day-by-day sections (none for a story of one day);
    `outlet(article id)` is the link to the article's outlet."""
    days: dict[dt.date, list[RankedArticle]] = defaultdict(list)
    for article in story.articles:
        if article.article.date:
            days[article.article.date].append(article)
    if len(days) < 2:
        return []
    dates = {a.id: a.article.date for a in story.articles}
    first_told: dict[dt.date, list[str]] = defaultdict(list)
    comparison = story.comparison
    for point in comparison.key_points if comparison else ():
        known = [dates[i] for i in point.article_ids if dates.get(i)]
        if known:
            first_told[min(known)].append(point.text)
    lines = [
        f"## {HEADING}",
        "",
        f"تطورت القصة على مدى {counted(len(days), DAY, genitive=True)}؛ "
        "ما جدّ في كل يوم، الأحدث أولًا، ثم المقارنة الكاملة بين المصادر.",
        "",
    ]
    for day in sorted(days, reverse=True):
        members = sorted(days[day], key=_moment)
        outlets = {outlet(a.id) for a in members}
        lines += [
            f"### {text(arabic_date(day))}",
            "",
            f"{articles_label(len(members))} · {sources_label(len(outlets))}",
            "",
        ]
        new = first_told.get(day, [])
        told = _most_told(comparison, {a.id for a in members}) if not new else None
        if new:
            lines += [f"**الجديد:** {points_label(len(new))} تُذكر أول مرة.", ""]
            lines += [f"> {isolate(point)}\n" for point in new]
        elif told or members[0].key:
            top = told or members[0].key[0].text
            lines += ["**أبرز ما نُشر:**", "", f"> {isolate(top)}", ""]
        for article in _shown(members, outlet):
            time = f"{arabic_time(article.article.time)} · " if article.article.time else ""
            lines.append(f"- {time}{outlet(article.id)} — {_title(article)}")
        if len(members) > ARTICLES_PER_DAY:
            rest = len(members) - ARTICLES_PER_DAY
            lines.append(f"- وغيرها: {articles_label(rest)} في [التغطية](#التغطية) أدناه.")
        lines.append("")
    return lines


def _most_told(comparison: StoryComparison | None, day: set[str]) -> str | None:
    """The most important key point that one of the day's articles reports, if any."""
    for point in comparison.key_points if comparison else ():
        if day.intersection(point.article_ids):
            return point.text
    return None


def _shown(members: list[RankedArticle], outlet: Callable[[str], str]) -> list[RankedArticle]:
    """The day's articles listed (at most ARTICLES_PER_DAY), newest first: when there are
    more, every outlet of the day gets its turn (its newest first) before any gets a second,
    so a busy outlet's eight articles never hide the others'."""
    if len(members) <= ARTICLES_PER_DAY:
        return members
    by_outlet: dict[str, list[RankedArticle]] = defaultdict(list)
    for article in members:  # already newest first
        by_outlet[outlet(article.id)].append(article)
    queues = sorted(by_outlet.values(), key=lambda q: (-len(q), q[0].id))
    chosen: list[RankedArticle] = []
    for turn in range(ARTICLES_PER_DAY):
        chosen += [q[turn] for q in queues if turn < len(q)]
        if len(chosen) >= ARTICLES_PER_DAY:
            break
    keep = {a.id for a in chosen[:ARTICLES_PER_DAY]}
    return [a for a in members if a.id in keep]


def _title(article: RankedArticle) -> str:
    a = article.article
    return external_link(article.title, a.url) if a.url else text(article.title)
