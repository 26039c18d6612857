"""Render: stories and sources into right-to-left Markdown pages (pure; no I/O).

Every text that comes from an article is untrusted: it is escaped so that it renders as the
literal text a reader sees, never as Markdown, HTML or script. Links come only from a
front-matter `url` that ingest checked is http(s).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .compare import UNKNOWN_ID, outlet_of
from .dates import arabic_date
from .markup import external_link, isolate, link, sources_label, story_dates, text
from .models import Page, RankedArticle, Source, Story
from .search_index import META as SEARCH_META
from .search_index import story_words
from .story_page import story_markdown, tag_meta

GENERATED = ("index.md", "stories", "sources", "keywords")
HOME_STORIES = 30
STORY_SEARCH_BOOST = 3  # story pages before the lists that repeat their titles, in search
FEED = "feed.xml"  # the Atom feed of stories, at the site's root (generator/feed.py)
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


def render_site(stories: Sequence[Story], site_name: str = "Digest") -> list[Page]:
    """All generated pages, sorted by path."""
    outlets = sources(stories)
    pages = [home(stories, site_name), story_index(stories), source_index(outlets, stories)]
    labels = keyword_labels(stories)
    pages += [
        with_search_words(story_page(s), s, tag_meta(s, labels)) for s in stories
    ]
    pages += [source_page(src, stories) for src in outlets]
    pages += keyword_pages(stories, labels)
    return sorted(pages, key=lambda p: p.path)


def top_point(story: Story) -> str | None:
    """The one point a reader sees first for a story in lists (the home page, indexes, feed):
    its most important key point, else the first key sentence of its first article."""
    if story.comparison and story.comparison.key_points:
        return story.comparison.key_points[0].text
    for article in story.articles:
        if article.key:
            return article.key[0].text
    return None


def _story_line(story: Story, prefix: str) -> str:
    point = top_point(story)
    line = (
        f"- **{link(story.title, f'{prefix}{story.id}.md')}**  \n"
        f"  {story_dates(story)} · {sources_label(story.source_count)}"
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
    """A story's page: key points, each outlet's own sentences, coverage (generator/story_page.py;
    its keywords become tags in the front matter, see `tag_meta`)."""
    return Page(f"stories/{story.id}.md", story_markdown(story))


def with_search_words(page: Page, story: Story, meta: str = "") -> Page:
    """The page with its story's most frequent words in its front matter, for search only.

    A story page shows key sentences; these words let search find the story by any
    frequent word of its articles (generator/search_index.py indexes them, unseen). Story
    pages are also boosted in search above the lists that repeat their titles.
    """
    texts = [story.title]
    for article in story.articles:
        texts.append(article.title)
        texts += [s.text for s in article.sentences]
    words = json.dumps(" ".join(story_words(texts)), ensure_ascii=False)
    meta = f"{SEARCH_META}: {words}\nsearch:\n  boost: {STORY_SEARCH_BOOST}\n{meta}"
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
        own = [a for a in story.published if source_of(a)[0] == src.id]
        if not own:
            continue
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
    index = ["# الكلمات المفتاحية", ""]
    pages = []
    for slug in sorted(by_slug, key=lambda s: (-len(by_slug[s]), labels[s], s)):
        index.append(f"- {link(labels[slug], f'{slug}.md')} ({len(by_slug[slug])})")
        body = [f"# {text(labels[slug])}", ""]
        body += [_story_line(s, "../stories/") for s in by_slug[slug]]
        pages.append(Page(f"keywords/{slug}.md", "\n".join(body) + "\n"))
    pages.append(Page("keywords/index.md", "\n".join(index) + "\n"))
    return pages
