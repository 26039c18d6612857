"""Render: stories and sources into right-to-left Markdown pages (pure; no I/O).

Every text that comes from an article is untrusted: it is escaped so that it renders as the
literal text a reader sees, never as Markdown, HTML or script. Links come only from a
front-matter `url` that ingest checked is http(s).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import quote

from .dates import arabic_date
from .models import UNKNOWN_SOURCE, Page, RankedArticle, Source, Story
from .search_index import META as SEARCH_META
from .slugs import slugify

GENERATED = ("index.md", "stories", "sources", "keywords")
HOME_STORIES = 30
STORIES_PER_INDEX = 500  # more stories than this: the story index lists days, a page each
MIN_KEYWORD_STORIES = 2  # a keyword gets a page (and a link) when it gathers this many stories
SEARCH_POINT_SOURCES = 2  # a story's top point is searchable when this many sources tell it
FEED = "feed.xml"  # the Atom feed of stories, at the site's root (generator/feed.py)
UNKNOWN_SOURCE_ID = "unknown"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown can escape


def text(value: str) -> str:
    """Escape untrusted text for inline Markdown: HTML-escaped, Markdown characters quoted."""
    return _escape(" ".join(value.split()))


def _escape(piece: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(piece, quote=True))


# A run of Latin letters or digits, with the spaces and punctuation inside it (`COVID-19`,
# `3.5`, `Sergei Shoigu`), as it would scramble inside right-to-left text.
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f .,:;/%&+'’\-–]*[A-Za-z0-9\u00c0-\u024f%])?"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def isolate(value: str) -> str:
    """`text`, with each Latin or number run inside Arabic text isolated in `<bdi>`.

    A bare number (`2021`) needs no isolation; a run with a Latin letter, or digits with
    punctuation inside (`3.5`, `2020/2021`), is wrapped so it cannot reorder its neighbours.
    Every piece is escaped by `text`, so the tags are the only markup added.
    """
    one_line = " ".join(value.split())
    out, end = [], 0
    for match in _LTR_RUN.finditer(one_line):
        run = match.group()
        if not _LATIN.search(run) and run.isdigit():
            continue
        out += [_escape(one_line[end : match.start()]), f"<bdi>{_escape(run)}</bdi>"]
        end = match.end()
    out.append(_escape(one_line[end:]))
    return "".join(out)


def link(label: str, target: str) -> str:
    return f"[{text(label)}]({target})"


def external_link(label: str, url: str) -> str:
    """A link to an http(s) URL that ingest validated; quoted so it cannot break out."""
    safe = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    safe = safe.replace("(", "%28").replace(")", "%29")
    return f"[{text(label)}](<{safe}>)"


def source_of(article: RankedArticle) -> tuple[str, str]:
    """(id, display name) of an article's outlet; unknown outlets share one page."""
    name = article.article.source
    if not name:
        return UNKNOWN_SOURCE_ID, UNKNOWN_SOURCE
    return slugify(name), name


def sources(stories: Sequence[Story]) -> list[Source]:
    """Every outlet with its articles; names that slug alike are one outlet."""
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    members: dict[str, list[str]] = defaultdict(list)
    for story in stories:
        for article in story.articles:
            sid, name = source_of(article)
            names[sid][name] += 1
            members[sid].append(article.id)
    return [
        Source(
            id=sid,
            name=min(names[sid], key=lambda n: (-names[sid][n], n)),
            article_ids=tuple(sorted(members[sid])),
        )
        for sid in sorted(names)
    ]


def render_site(stories: Sequence[Story], site_name: str = "Digest") -> list[Page]:
    """All generated pages, sorted by path."""
    outlets = sources(stories)
    pages = [home(stories, site_name), *story_indexes(stories), source_index(outlets, stories)]
    shared = shared_keywords(stories)
    linked = [with_linked_keywords(s, shared) for s in stories]
    pages += [with_search_words(story_page(t), s) for t, s in zip(linked, stories, strict=True)]
    pages += [source_page(src, stories) for src in outlets]
    pages += keyword_pages(linked)
    return sorted(pages, key=lambda p: p.path)


def shared_keywords(stories: Sequence[Story]) -> frozenset[str]:
    """Slugs of the keywords that gather at least MIN_KEYWORD_STORIES stories.

    Only these get a page: a keyword of a single story would be a page listing that one
    story, and at news scale most keywords are (tens of thousands of pages of nothing).
    """
    counts = Counter(k.slug for s in stories for k in s.keywords)
    return frozenset(slug for slug, n in counts.items() if n >= MIN_KEYWORD_STORIES)


def with_linked_keywords(story: Story, slugs: frozenset[str]) -> Story:
    """The story with only the keywords that have a page (its other keywords stay searchable)."""
    return replace(story, keywords=tuple(k for k in story.keywords if k.slug in slugs))


def story_indexes(stories: Sequence[Story]) -> list[Page]:
    """The list of all stories: one page, or, when they are many, a page per day.

    Past STORIES_PER_INDEX stories, `stories/index.md` lists the days (newest first, with
    their number of stories) and `stories/days/<date>.md` each day's stories, so no page
    grows with the whole corpus.
    """
    if len(stories) <= STORIES_PER_INDEX:
        return [story_index(stories)]
    days: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        days[story.date.isoformat() if story.date else "undated"].append(story)
    order = sorted((d for d in days if d != "undated"), reverse=True) + (
        ["undated"] if "undated" in days else []
    )
    lines = ["# كل القصص", "", f"{len(stories)} قصة، حسب اليوم:", ""]
    pages = []
    for day in order:
        label = "تاريخ غير معروف" if day == "undated" else arabic_date(days[day][0].date)
        lines.append(f"- {link(label, f'days/{day}.md')} — {_stories_label(len(days[day]))}")
        body = [f"# {text(label)}", ""] + [_story_line(s, "../") for s in days[day]]
        pages.append(Page(f"stories/days/{day}.md", "\n".join(body) + "\n"))
    return [Page("stories/index.md", "\n".join(lines) + "\n"), *pages]


def _stories_label(n: int) -> str:
    if n <= 2:
        return ("قصة واحدة", "قصتان")[n - 1]
    return f"{n} قصص" if n <= 10 else f"{n} قصة"


def _date(story: Story) -> str:
    dates = story.dates
    if not dates:
        return "تاريخ غير معروف"
    if len(dates) == 1 or dates[0] == dates[-1]:
        return arabic_date(dates[0])
    return f"{arabic_date(dates[0])} – {arabic_date(dates[-1])}"


def _sources_label(n: int) -> str:
    if n == 1:
        return "مصدر واحد"
    if n == 2:
        return "مصدران"
    if 3 <= n <= 10:
        return f"{n} مصادر"
    return f"{n} مصدرًا"


def top_point(story: Story) -> str | None:
    """The one point a reader sees first for a story in lists (the home page, indexes).

    For now the first key sentence of the story's first article; the single place to change
    when stories get cross-source key points.
    """
    for article in story.articles:
        if article.key:
            return article.key[0].text
    return None


def _story_line(story: Story, prefix: str) -> str:
    point = top_point(story)
    line = (
        f"- **{link(story.title, f'{prefix}{story.id}.md')}**  \n"
        f"  {_date(story)} · {_sources_label(story.source_count)}"
    )
    if point:
        line += f"  \n  {isolate(point)}"
    return line


def home(stories: Sequence[Story], site_name: str) -> Page:
    shown = list(stories)[:HOME_STORIES]
    lines = [
        f"# {text(site_name)}",
        "",
        f"أحدث القصص كما غطّتها المصادر المختلفة: {len(stories)} قصة من "
        f"{sum(len(s.articles) for s in stories)} مقالًا.",
        "",
    ]
    lines += [_story_line(s, "stories/") for s in shown]
    if len(stories) > len(shown):
        lines += ["", link("كل القصص", "stories/index.md")]
    lines += [
        "",
        f'<a class="digest-feed" href="{FEED}" type="application/atom+xml">'
        "تابع القصص الجديدة بخلاصة Atom</a>",
    ]
    return Page("index.md", "\n".join(lines) + "\n")


def story_index(stories: Sequence[Story]) -> Page:
    lines = ["# كل القصص", ""]
    lines += [_story_line(s, "") for s in stories]
    return Page("stories/index.md", "\n".join(lines) + "\n")


def story_page(story: Story) -> Page:
    lines = [
        f"# {text(story.title)}",
        "",
        f"**التاريخ:** {_date(story)} · **المصادر:** {_sources_label(story.source_count)} · "
        f"**المقالات:** {len(story.articles)}",
        "",
    ]
    if story.keywords:
        tags = " · ".join(link(k.label, f"../keywords/{k.slug}.md") for k in story.keywords)
        lines += [f"**الكلمات المفتاحية:** {tags}", ""]
    lines += ["## ما يقوله كل مصدر", ""]
    for article in story.articles:
        sid, name = source_of(article)
        lines += [f"### {text(name)}", ""]
        lines.append(_article_line(article))
        lines.append("")
        lines += [f"> {isolate(s.text)}\n>" for s in article.key]
        if lines[-1].endswith("\n>"):
            lines[-1] = lines[-1][:-2]
        lines += ["", f"{link('كل مقالات ' + name, f'../sources/{sid}.md')}", ""]
    return Page(f"stories/{story.id}.md", "\n".join(lines).rstrip("\n") + "\n")


def with_search_words(page: Page, story: Story) -> Page:
    """The page with what search finds its story by in its front matter: titles, keywords
    and, for a story told by several sources, its top point (generator/search_index.py makes
    it the page's one index entry).

    Only what a reader searches a news site for is indexed, so that the index stays under
    10 MB at 30,000 stories (bench/scale.py): the story's title and its articles' other
    titles, its keywords, and the top point of the stories several outlets covered (most
    stories have one source, whose title already says what its top point would).
    """
    titles = list(dict.fromkeys(a.title for a in story.articles if a.title != story.title))
    point = top_point(story) if story.source_count >= SEARCH_POINT_SOURCES else None
    parts = [*titles, point or "", " ".join(k.label for k in story.keywords)]
    words = json.dumps(" · ".join(" ".join(p.split()) for p in parts if p), ensure_ascii=False)
    meta = f"{SEARCH_META}: {words}\n"
    return Page(page.path, f"---\n{meta}---\n\n{page.content}")


def _article_line(article: RankedArticle) -> str:
    a = article.article
    title = external_link(article.title, a.url) if a.url else f"**{text(article.title)}**"
    details = [arabic_date(a.date)] if a.date else []
    if a.byline:
        details.append(text(a.byline))
    return title + (f" — {' · '.join(details)}" if details else "")


def source_index(outlets: Sequence[Source], stories: Sequence[Story]) -> Page:
    lines = ["# المصادر", ""]
    for src in sorted(outlets, key=lambda s: (-len(s.article_ids), s.name)):
        n = len(src.article_ids)
        lines.append(f"- {link(src.name, f'{src.id}.md')} — {n} {'مقال' if n == 1 else 'مقالات'}")
    return Page("sources/index.md", "\n".join(lines) + "\n")


def source_page(src: Source, stories: Sequence[Story]) -> Page:
    lines = [f"# {text(src.name)}", ""]
    if src.id == UNKNOWN_SOURCE_ID:
        lines += ["مقالات لا يُعرف مصدرها: لم يذكره النص ولا بياناته.", ""]
    for story in stories:
        own = [a for a in story.articles if source_of(a)[0] == src.id]
        if not own:
            continue
        lines += [f"## {link(story.title, f'../stories/{story.id}.md')}", ""]
        for article in own:
            lines += [f"- {_article_line(article)}"]
        lines.append("")
    return Page(f"sources/{src.id}.md", "\n".join(lines).rstrip("\n") + "\n")


def keyword_pages(stories: Sequence[Story]) -> list[Page]:
    by_slug: dict[str, list[Story]] = defaultdict(list)
    labels: dict[str, str] = {}
    for story in stories:
        for kw in story.keywords:
            by_slug[kw.slug].append(story)
            labels.setdefault(kw.slug, kw.label)
    index = ["# الكلمات المفتاحية", ""]
    pages = []
    for slug in sorted(by_slug, key=lambda s: (-len(by_slug[s]), labels[s], s)):
        index.append(f"- {link(labels[slug], f'{slug}.md')} ({len(by_slug[slug])})")
        body = [f"# {text(labels[slug])}", ""]
        body += [_story_line(s, "../stories/") for s in by_slug[slug]]
        pages.append(Page(f"keywords/{slug}.md", "\n".join(body) + "\n"))
    pages.append(Page("keywords/index.md", "\n".join(index) + "\n"))
    return pages
