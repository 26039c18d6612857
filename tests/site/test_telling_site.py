"""How each outlet tells the story, on the built seed site: headlines side by side (and,
with compare/framing.py, the words each outlet uses for the actors), in digest.json and on
the story page."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.pipeline import Settings
from generator.site.telling import INFERRED

pytestmark = pytest.mark.slow


def _story(seed_site: Settings, articles: int) -> dict:
    digest = json.loads((seed_site.out / "digest.json").read_text("utf-8"))
    return next(s for s in digest["stories"] if len(s["articles"]) == articles)


def _text(seed_site: Settings, story: dict) -> str:
    path = seed_site.out / "stories" / story["id"] / "index.html"
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text("utf-8")))


def test_digest_json_has_every_outlets_headline(seed_site: Settings) -> None:
    moscow = _story(seed_site, 4)
    titles = {a["id"]: a["title"] for a in moscow["articles"]}
    shown = moscow["headlines"]
    assert [h["article_id"] for h in shown] == [e["article_id"] for e in moscow["coverage"]["timeline"]]
    for h in shown:
        assert set(h) == {"source", "source_id", "article_id", "title", "inferred"}
        assert h["title"] == titles[h["article_id"]] and h["inferred"] is True
    assert _story(seed_site, 1)["headlines"] == []


def test_story_page_shows_the_headlines_near_the_top(seed_site: Settings) -> None:
    moscow = _story(seed_site, 4)
    page = _text(seed_site, moscow)
    start = page.rindex("العناوين في كل مصدر")  # the heading, after the table of contents
    end = page.rindex("النقاط الرئيسية")
    assert start < end
    section = page[start:end]
    assert "سيريانيوز:" in section and "لقاء غير معلن جمع الأسد وبوتين في موسكو" in section
    assert section.count(f"({INFERRED})") == 4
    assert "العناوين في كل مصدر" not in _text(seed_site, _story(seed_site, 1))
