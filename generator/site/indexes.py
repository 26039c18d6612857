"""The indexes: all stories by day, and all keywords; none taller than a few phone screens.

Stories are filed under the day of their latest article (a developing story moves to the
day it last had news). A small site lists them on `stories/index.md` under day headings;
past STORIES_PER_PAGE stories each day has its page (`stories/days/<date>.md`, the day's
stories biggest first) and the index lists the days under month headings; past
DAYS_PER_INDEX days the index lists the months, and each month has a page of its days
(`stories/months/<yyyy-mm>.md`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from babel.dates import format_date

from ..language.arabic import fold
from ..language.dates import arabic_date
from ..models import Page, Story
from ..slugs import slugify
from .home import size_order
from .lists import story_line
from .markup import link, stories_label, text

STORIES_PER_PAGE = 60  # more stories than this: a page per day
STORIES_PER_DAY_PAGE = 20  # a day of more stories has more pages
DAYS_PER_INDEX = 31  # more days than this: a page per month
UNDATED = "undated"
NO_DATE = "تاريخ غير معروف"
TOP_KEYWORDS = 30  # the keywords index starts with the keywords of most stories
KEYWORDS_PER_INDEX = 300  # more keywords than this: a page per first letter


def _day_label(day: str, stories: Sequence[Story]) -> str:
    return NO_DATE if day == UNDATED else arabic_date(stories[0].date)


def _month_label(day: str, stories: Sequence[Story]) -> str:
    if day == UNDATED:
        return NO_DATE
    return format_date(stories[0].date, format="MMMM y", locale="ar")


def by_day(stories: Sequence[Story]) -> dict[str, list[Story]]:
    """{ISO day or UNDATED: its stories, biggest first}, newest day first, undated last."""
    days: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        days[story.date.isoformat() if story.date else UNDATED].append(story)
    order = sorted((d for d in days if d != UNDATED), reverse=True)
    order += [UNDATED] if UNDATED in days else []
    return {day: sorted(days[day], key=size_order) for day in order}


def story_indexes(stories: Sequence[Story]) -> list[Page]:
    """`stories/index.md`, and the day and month pages it needs (see the module)."""
    days = by_day(stories)
    head = ["# كل القصص", "", f"{stories_label(len(stories))}، حسب يوم آخر أخبارها.", ""]
    if len(stories) <= STORIES_PER_PAGE:
        lines = list(head)
        for day, members in days.items():
            lines += [f"## {text(_day_label(day, members))}", ""]
            lines += [story_line(s, "", point=False) for s in members]
            lines.append("")
        return [Page("stories/index.md", "\n".join(lines).rstrip("\n") + "\n")]
    pages = [page for day, members in days.items() for page in _day_pages(day, members)]
    months: dict[str, dict[str, list[Story]]] = defaultdict(dict)
    for day, members in days.items():
        months[day[:7] if day != UNDATED else UNDATED][day] = members
    lines = list(head)
    if len(days) <= DAYS_PER_INDEX:
        for month_days in months.values():
            first = next(iter(month_days.items()))
            lines += [f"## {text(_month_label(*first))}", ""]
            lines += [_day_item(day, members, "days/") for day, members in month_days.items()]
            lines.append("")
    else:
        for month, month_days in months.items():
            first = next(iter(month_days.items()))
            label = _month_label(*first)
            count = sum(len(m) for m in month_days.values())
            lines.append(f"- {link(label, f'months/{month}.md')} — {stories_label(count)}")
            body = [f"# {text(label)}", ""]
            body += [_day_item(day, members, "../days/") for day, members in month_days.items()]
            pages.append(Page(f"stories/months/{month}.md", "\n".join(body) + "\n"))
    return [Page("stories/index.md", "\n".join(lines).rstrip("\n") + "\n"), *pages]


def _day_item(day: str, members: Sequence[Story], prefix: str) -> str:
    label = _day_label(day, members)
    return f"- {link(label, f'{prefix}{day}.md')} — {stories_label(len(members))}"


def _day_pages(day: str, members: Sequence[Story]) -> list[Page]:
    """A day's stories, biggest first, STORIES_PER_DAY_PAGE a page: `days/<date>.md`, then
    `days/<date>-2.md`…, each linking to the others."""
    label = _day_label(day, members)
    chunks = [
        members[i : i + STORIES_PER_DAY_PAGE] for i in range(0, len(members), STORIES_PER_DAY_PAGE)
    ]
    names = [f"{day}.md" if n == 0 else f"{day}-{n + 1}.md" for n in range(len(chunks))]
    pages = []
    for n, chunk in enumerate(chunks):
        body = [f"# {text(label)}", "", f"{stories_label(len(members))}، الأكبر أولًا.", ""]
        if len(chunks) > 1:
            body += [_pager(n, names), ""]
        body += [story_line(s, "../", point=False) for s in chunk]
        if len(chunks) > 1:
            body += ["", _pager(n, names)]
        pages.append(Page(f"stories/days/{names[n]}", "\n".join(body) + "\n"))
    return pages


def _pager(current: int, names: Sequence[str]) -> str:
    """«الصفحة 2 من 7: 1 · 2 · 3 …», every page of a list linked but the current one."""
    links = [
        f"**{n + 1}**" if n == current else link(str(n + 1), name) for n, name in enumerate(names)
    ]
    return f"الصفحة {current + 1} من {len(names)}: " + " · ".join(links)


def keyword_index(
    by_slug: Mapping[str, Sequence[Story]], labels: Mapping[str, str]
) -> list[Page]:
    """The keywords index: those of most stories, then every keyword alphabetically, under
    its first letter (without «ال»), in running lines; past KEYWORDS_PER_INDEX keywords each
    letter has its page (`keywords/letters/<letter>.md`) and the index links the letters."""
    counts = Counter({slug: len(members) for slug, members in by_slug.items()})

    def item(slug: str, prefix: str = "") -> str:
        return f"{link(labels[slug], f'{prefix}{slug}.md')}&nbsp;({counts[slug]})"

    lines = ["# الكلمات المفتاحية", ""]
    top = sorted(counts, key=lambda s: (-counts[s], _sort_key(labels[s]), s))[:TOP_KEYWORDS]
    if len(counts) > TOP_KEYWORDS:
        lines += ["## الأكثر تداولًا", "", "بين القوسين عدد القصص.", ""]
        lines += [" · ".join(item(s) for s in top), "", "## كل الكلمات", ""]
    letters: dict[str, list[str]] = defaultdict(list)  # letters that slug alike are one
    shown: dict[str, str] = {}
    for slug in sorted(counts, key=lambda s: (_sort_key(labels[s]), labels[s], s)):
        letter = _sort_key(labels[slug])[:1] or "…"
        shown.setdefault(slugify(letter), letter)
        letters[shown[slugify(letter)]].append(slug)
    if len(counts) <= KEYWORDS_PER_INDEX:
        for letter, slugs in letters.items():
            lines += [f"### {text(letter)}", "", " · ".join(item(s) for s in slugs), ""]
        return [Page("keywords/index.md", "\n".join(lines).rstrip("\n") + "\n")]
    pages, entries = [], []
    for letter, slugs in letters.items():
        name = slugify(letter)
        entries.append(f"{link(letter, f'letters/{name}.md')}&nbsp;({len(slugs)})")
        body = [f"# {text(letter)}", "", f"الكلمات المفتاحية بحرف «{text(letter)}».", ""]
        body += [" · ".join(item(s, "../") for s in slugs)]
        pages.append(Page(f"keywords/letters/{name}.md", "\n".join(body) + "\n"))
    lines += ["بين القوسين عدد الكلمات.", "", " · ".join(entries)]
    return [Page("keywords/index.md", "\n".join(lines) + "\n"), *pages]


def _sort_key(label: str) -> str:
    """A label as a dictionary files it: folded, without the article «ال» (السورية under س)."""
    folded = fold(label)
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded
