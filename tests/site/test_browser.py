"""What a reader sees: the built seed site in a real headless Chromium."""

from __future__ import annotations

import json

import pytest

from generator.pipeline import Settings
from tests.browser import browser_page, screenshot, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def stories(seed_site: Settings) -> list[dict]:
    return json.loads((seed_site.out / "digest.json").read_text("utf-8"))["stories"]


def test_home_page_is_arabic_right_to_left_and_links_both_stories(
    site_server: str, seed_site: Settings
) -> None:
    with browser_page() as page:
        page.goto(site_server)
        assert page.locator("html").get_attribute("lang") == "ar"
        assert page.locator("body").get_attribute("dir") == "rtl"  # where Material puts it
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        hrefs = page.eval_on_selector_all(
            "article a", "els => els.map(e => e.getAttribute('href'))"
        )
        for story in stories(seed_site):
            assert any(f"stories/{story['id']}/" in h for h in hrefs)
        screenshot(page, "home.png")
        assert page.errors == []


def test_moscow_story_page_shows_four_sources(site_server: str, seed_site: Settings) -> None:
    moscow = stories(seed_site)[0]
    with browser_page() as page:
        page.goto(f"{site_server}stories/{moscow['id']}/")
        sections = page.locator("article h3")
        assert sections.count() == 4
        names = sections.all_inner_texts()
        assert any("سيريانيوز" in n for n in names) and any("الإيطالية نيوز" in n for n in names)
        # one quote per key point, and one per outlet for what only it says
        quotes = len(moscow["key_points"]) + len(moscow["unique"])
        assert page.locator("article blockquote").count() == quotes and len(moscow["unique"]) == 4
        screenshot(page, "story.png")
        assert page.errors == []


def test_searching_putin_lists_the_moscow_story(site_server: str, seed_site: Settings) -> None:
    moscow = stories(seed_site)[0]
    with browser_page() as page:
        page.goto(site_server)
        links = search(page, "بوتين")
        assert any(f"stories/{moscow['id']}/" in h for h in links)
        assert page.errors == []
