"""Render: stories and sources into right-to-left Markdown pages (pure; no I/O).

Every text that comes from an article is untrusted: it is escaped so that it renders as the
literal text a reader sees, never as Markdown, HTML or script. Links come only from a
front-matter `url` that ingest checked is http(s).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..language.dates import arabic_date
from ..language.numbers import SOURCE, counted
from ..models import Page, RankedArticle, Source, Story
from ..slugs import UNKNOWN_ID, outlet_of
from .config import SiteConfig
from .home import home
from .indexes import STORIES_PER_PAGE, keyword_index, story_indexes
from .lists import story_line, top_point
from .markup import articles_label, external_link, link, stories_label, text
from .outlets import Outlet
from .search_index import META as SEARCH_META
from .story_page import story_markdown, tag_meta

GENERATED = ("index.md", "stories", "sources", "keywords")
STORIES_PER_INDEX = STORIES_PER_PAGE  # more stories than this: the index lists days
MIN_KEYWORD_STORIES = 2  # a keyword gets a page (and a link) when it gathers this many stories
SEARCH_POINT_SOURCES = 2  # a story's top point is searchable when this many sources tell it
SEARCH_POINT_WORDS = 20  # …its first words: who did what (the index stays under 10 MB)
UNKNOWN_SOURCE_ID = UNKNOWN_ID  # the page of articles whose outlet is not known


def source_of(article: RankedArticle) -> tuple[str, str]:
    """(id, display name) of an article's outlet; unknown outlets share one page."""
    return outlet_of(article)


def sources(stories: Sequence[Story]) -> list[Source]:
    """Every outlet with its articles; names that slug alike are one outlet."""
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    members: dict[str, list[str]] = defaultdict(list)
    for story in stories:
        for article in story.published:  # an outlet whose copy is shown once still has it
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


def render_site(
    stories: Sequence[Story],
    site: SiteConfig | None = None,
    homes: Mapping[str, Outlet] | None = None,
) -> list[Page]:
    """All generated pages, sorted by path; `homes`: the sources file's outlets (their home
    pages are linked from their pages)."""
    site = site or SiteConfig()
    homes = homes or {}
    outlets = sources(stories)
    pages = [home(stories, site), *story_indexes(stories), source_index(outlets, stories)]
    shared = shared_keywords(stories)
    linked = [with_linked_keywords(s, shared) for s in stories]
    labels = keyword_labels(linked)
    pages += [
        with_search_words(story_page(t), s, tag_meta(t, labels))
        for t, s in zip(linked, stories, strict=True)
    ]
    own = articles_by_source(stories)
    pages += [source_page(src, own.get(src.id, []), homes.get(src.id)) for src in outlets]
    pages += keyword_pages(linked, labels)
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


def story_page(story: Story) -> Page:
    """A story's page: key points, each outlet's own sentences, coverage (generator/story_page.py;
    its keywords become tags in the front matter, see `tag_meta`)."""
    return Page(f"stories/{story.id}.md", story_markdown(story))


def with_search_words(page: Page, story: Story, meta: str = "") -> Page:
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
    if point:
        point = " ".join(point.split()[:SEARCH_POINT_WORDS])
    parts = [*titles, point or "", " ".join(k.label for k in story.keywords)]
    words = json.dumps(" · ".join(" ".join(p.split()) for p in parts if p), ensure_ascii=False)
    meta = f"{SEARCH_META}: {words}\n{search_meta(story)}{meta}"
    return Page(page.path, f"---\n{meta}---\n\n{page.content}")


def search_meta(story: Story) -> str:
    """Front matter for full-text search (generator/site/search_page.py): every keyword of
    the story (shown or not) and its size, most outlets then most articles, as one number."""
    labels = json.dumps([k.label for k in story.keywords], ensure_ascii=False)
    size = story.source_count * 10_000 + min(len(story.articles), 9_999)
    return f"search_keywords: {labels}\nsearch_size: {size}\n"


def _article_line(article: RankedArticle) -> str:
    a = article.article
    title = external_link(article.title, a.url) if a.url else f"**{text(article.title)}**"
    details = [arabic_date(a.date)] if a.date else []
    if a.byline:
        details.append(text(a.byline))
    return title + (f" — {' · '.join(details)}" if details else "")


def source_index(outlets: Sequence[Source], stories: Sequence[Story]) -> Page:
    covered: Counter[str] = Counter()
    for story in stories:
        for sid in {source_of(a)[0] for a in story.published}:
            covered[sid] += 1
    lines = ["# المصادر", "", f"{counted(len(outlets), SOURCE)}، الأكثر مقالات أولًا.", ""]
    for src in sorted(outlets, key=lambda s: (-len(s.article_ids), s.name)):
        n = len(src.article_ids)
        lines.append(
            f"- {link(src.name, f'{src.id}.md')} — {articles_label(n)} في "
            f"{stories_label(covered[src.id], genitive=True)}"
        )
    return Page("sources/index.md", "\n".join(lines) + "\n")


def articles_by_source(
    stories: Sequence[Story],
) -> dict[str, list[tuple[Story, list[RankedArticle]]]]:
    """{source id: [(story, the story's files from that outlet)]}, stories in their order."""
    out: dict[str, list[tuple[Story, list[RankedArticle]]]] = defaultdict(list)
    for story in stories:
        own: dict[str, list[RankedArticle]] = defaultdict(list)
        for article in story.published:
            own[source_of(article)[0]].append(article)
        for sid, articles in own.items():
            out[sid].append((story, articles))
    return out


def source_page(
    src: Source, stories: Sequence[tuple[Story, list[RankedArticle]]], outlet: Outlet | None = None
) -> Page:
    """An outlet's page: its home page (from the sources file), then each story it covered
    (`articles_by_source`), with its articles."""
    lines = [f"# {text(src.name)}", ""]
    count = sum(len(own) for _, own in stories)
    about = f"{articles_label(count)} في {stories_label(len(stories), genitive=True)}."
    if outlet and outlet.url:
        about = f"{external_link('موقعه', outlet.url)} · {about}"
    lines += [about, ""]
    if src.id == UNKNOWN_SOURCE_ID:
        lines += ["مقالات لا يُعرف مصدرها: لم يذكره النص ولا بياناته.", ""]
    for story, own in stories:
        lines += [f"## {link(story.title, f'../stories/{story.id}.md')}", ""]
        for article in own:
            lines += [f"- {_article_line(article)}"]
        lines.append("")
    return Page(f"sources/{src.id}.md", "\n".join(lines).rstrip("\n") + "\n")


def keyword_labels(stories: Sequence[Story]) -> dict[str, str]:
    """{keyword slug: label}: the label most stories use (then shortest, alphabetical)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for story in stories:
        for kw in story.keywords:
            counts[kw.slug][kw.label] += 1
    return {slug: min(c, key=lambda w: (-c[w], len(w), w)) for slug, c in sorted(counts.items())}


def keyword_pages(stories: Sequence[Story], labels: Mapping[str, str]) -> list[Page]:
    """A page per keyword (the target of its tag on story pages), and their index."""
    by_slug: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        for kw in story.keywords:
            by_slug[kw.slug].append(story)
    pages = []
    lines: dict[str, str] = {}  # a story is listed under each of its keywords: once made
    for slug in sorted(by_slug, key=lambda s: (-len(by_slug[s]), labels[s], s)):
        body = [f"# {text(labels[slug])}", ""]
        # no top points here: a keyword of a long-running subject gathers thousands of
        # stories, and its page lists them all (the day pages and story pages have the points)
        for story in by_slug[slug]:
            if story.id not in lines:
                lines[story.id] = story_line(story, "../stories/", point=False)
            body.append(lines[story.id])
        pages.append(Page(f"keywords/{slug}.md", "\n".join(body) + "\n"))
    pages += keyword_index(by_slug, labels)
    return pages
