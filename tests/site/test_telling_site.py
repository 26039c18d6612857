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


def test_digest_json_has_the_framing_of_the_moscow_story(seed_site: Settings) -> None:
    moscow = _story(seed_site, 4)
    texts = {a["id"]: a for a in moscow["articles"]}
    assad = next(row for row in moscow["framing"] if row["actor"] == "الأسد")
    by_outlet: dict[str, list[str]] = {}
    for form in assad["forms"]:
        assert set(form) == {"source", "source_id", "form", "count", "example", "article_id"}
        assert form["form"] in form["example"] and form["count"] >= 1
        assert texts[form["article_id"]]["id"] == form["article_id"]
        by_outlet.setdefault(form["source"], []).append(form["form"])
    assert by_outlet["unknown-001-7336f6dff2d1f43f"][0] == "رئيس النظام"
    assert "الرئيس السوري" in by_outlet["الإيطالية-نيوز"]
    assert _story(seed_site, 1)["framing"] == []


def test_story_page_shows_the_framing_table(seed_site: Settings) -> None:
    moscow = _story(seed_site, 4)
    page = (seed_site.out / "stories" / moscow["id"] / "index.html").read_text("utf-8")
    table = page[page.index('<table class="digest-framing">') :]
    table = table[: table.index("</table>")]
    assert "رئيس النظام" in table and "الرئيس السوري" in table and "(مرتان)" in table
    assert table.count("<details") == sum(len(r["forms"]) for r in moscow["framing"])


@pytest.mark.browser
def test_framing_table_reads_at_390_px_and_opens_onto_a_sentence(
    site_server: str, seed_site: Settings
) -> None:
    from urllib.parse import urljoin

    from tests.browser import browser_page, screenshot

    moscow = _story(seed_site, 4)
    with browser_page() as page:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(urljoin(site_server, f"stories/{moscow['id']}/"), wait_until="networkidle")
        table = page.locator("table.digest-framing")
        assert table.evaluate("e => getComputedStyle(e).direction") == "rtl"
        box = table.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        form = table.locator("details.digest-form", has_text="رئيس النظام").first
        quote = form.locator(".digest-form-example")
        assert not quote.is_visible()
        form.locator("summary").click()
        assert quote.is_visible()
        assert "رئيس النظام" in (quote.locator("mark").inner_text())
        screenshot(page, "site-story-framing-390.png")
        assert page.errors == []
