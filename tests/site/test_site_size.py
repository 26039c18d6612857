"""Pages that stay small at news scale: story lists by day, keyword pages only when shared."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import replace

import pytest

from generator.compare.comparison import compare_stories
from generator.models import Keyword, Story
from generator.pipeline import read_articles
from generator.site.render import STORIES_PER_INDEX, render_site
from generator.slugs import story_id
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_article():
    return read_articles(SEEDS).articles[0]


def many_stories(seed_article, count: int, days: int) -> list[Story]:
    """`count` one-article stories spread over `days` days, newest first (as grouped)."""
    stories = []
    for i in range(count):
        date = dt.date(2015, 7, 1) + dt.timedelta(days=i % days)
        article = replace(
            seed_article,
            clean=replace(
                seed_article.clean,
                article=replace(
                    seed_article.article, id=f"a{i:04d}", path=f"a{i:04d}.md", date=date
                ),
            ),
        )
        keywords = (
            Keyword(stem="شرك", label="مشترك", slug="شرك", score=1.0),  # in every story
            Keyword(stem=f"k{i}", label=f"كلمة{i}", slug=f"k{i}", score=0.5),  # in one only
        )
        stories.append(Story(story_id(article.id), (article,), f"قصة {i}", keywords))
    return compare_stories(sorted(stories, key=lambda s: (-s.date.toordinal(), s.id)))


def links(page_path: str, content: str) -> list[str]:
    """Targets of the Markdown links of a page, as paths under the docs folder."""
    base = posixpath.dirname(page_path)
    return [
        posixpath.normpath(posixpath.join(base, t))
        for t in re.findall(r"\]\(([^)<>]+\.md)\)", content)
    ]


def test_a_few_stories_are_listed_on_one_page(seed_article) -> None:
    pages = {p.path: p.content for p in render_site(many_stories(seed_article, 40, 4))}
    assert not any(p.startswith("stories/days/") for p in pages)
    listed = [t for t in links("stories/index.md", pages["stories/index.md"])]
    assert len(listed) == 40


def test_many_stories_are_listed_by_day(seed_article) -> None:
    count = STORIES_PER_INDEX + 100
    stories = many_stories(seed_article, count, 18)
    pages = {p.path: p.content for p in render_site(stories)}
    days = sorted(p for p in pages if p.startswith("stories/days/"))
    assert len(days) == 18
    index = links("stories/index.md", pages["stories/index.md"])
    assert index == sorted(index, reverse=True) and sorted(index) == days  # newest day first
    assert "[18 يوليو 2015](days/2015-07-18.md) — 8 قصص" in pages["stories/index.md"]
    assert "## يوليو 2015" in pages["stories/index.md"]  # the days under their month
    listed = [t for day in days for t in links(day, pages[day])]
    assert sorted(listed) == sorted(f"stories/{s.id}.md" for s in stories)  # each once
    assert all(t in pages for t in listed)
    biggest = max(len(pages[d].encode()) for d in days)
    assert biggest < len(pages["stories/index.md"].encode()) + 40 * 1024


def test_only_keywords_shared_by_stories_get_a_page(seed_article) -> None:
    stories = many_stories(seed_article, 30, 3)
    pages = {p.path: p.content for p in render_site(stories)}
    keyword_pages = sorted(p for p in pages if p.startswith("keywords/"))
    assert keyword_pages == ["keywords/index.md", "keywords/شرك.md"]
    for story in stories:
        page = pages[f"stories/{story.id}.md"]
        front, body = page.split("---", 2)[1:]
        assert 'tags: ["مشترك"]' in front  # the shared keyword is a tag, linked to its page…
        assert '"keywords/شرك/"' in front
        assert "كلمة" not in body  # …the lone keyword is neither a tag nor a link…
        assert story.keywords[1].label in front.split("tags:")[0]  # …but searchable


def test_a_busy_day_is_paged(seed_article) -> None:
    from generator.site.indexes import STORIES_PER_DAY_PAGE

    count = STORIES_PER_INDEX + 30  # 90 stories over 2 days: 45 a day, three pages each
    pages = {p.path: p.content for p in render_site(many_stories(seed_article, count, 2))}
    day = sorted(p for p in pages if p.startswith("stories/days/2015-07-02"))
    assert day == [
        "stories/days/2015-07-02-2.md", "stories/days/2015-07-02-3.md", "stories/days/2015-07-02.md"
    ]
    first = pages["stories/days/2015-07-02.md"]
    assert "الصفحة 1 من 3: **1** · [2](2015-07-02-2.md) · [3](2015-07-02-3.md)" in first
    listed = [t for p in day for t in links(p, pages[p]) if "/days/" not in t]
    assert len(listed) == 45 and len(set(listed)) == 45
    assert all(len(links(p, pages[p])) <= STORIES_PER_DAY_PAGE + 2 * 2 for p in day)


def test_many_keywords_have_a_page_per_letter(seed_article) -> None:
    from generator.site.indexes import KEYWORDS_PER_INDEX

    stories = many_stories(seed_article, 2 * (KEYWORDS_PER_INDEX + 10), 3)
    # each keyword shared by two stories, so each has a page: starting with various letters
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    stories = [
        replace(s, keywords=(
            Keyword(stem=f"s{i // 2}", label=f"{letters[(i // 2) % len(letters)]}كلمة{i // 2}",
                    slug=f"s{i // 2}", score=1.0),
        ))
        for i, s in enumerate(stories)
    ]  # fmt: skip
    pages = {p.path: p.content for p in render_site(stories)}
    letter_pages = sorted(p for p in pages if p.startswith("keywords/letters/"))
    assert len(letter_pages) == len(letters)
    index = pages["keywords/index.md"]
    assert all(t in pages for t in links("keywords/index.md", index))
    keywords = {t for p in letter_pages for t in links(p, pages[p])}
    assert len(keywords) == KEYWORDS_PER_INDEX + 10  # every keyword on its letter's page
