"""The story page in Chromium: key points and who reports them, right to left; each outlet's
own sentences; coverage; keywords as tags linking to their pages."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import unquote, urljoin

import pytest

from generator.pipeline import Settings
from tests.browser import browser_page, screenshot

pytestmark = pytest.mark.slow


def _story(seed_site: Settings, articles: int) -> dict:
    digest = json.loads((seed_site.out / "digest.json").read_text("utf-8"))
    return next(s for s in digest["stories"] if len(s["articles"]) == articles)


def test_digest_json_has_key_points_unique_and_coverage(seed_site: Settings) -> None:
    moscow = _story(seed_site, 4)
    keys = {s["key"] for s in moscow["coverage"]["sources"]}
    assert len(keys) == 4
    assert len([p for p in moscow["key_points"] if len(p["sources"]) >= 2]) >= 3
    for point in moscow["key_points"]:
        assert set(point["sources"]) <= keys and point["article_id"] in point["article_ids"]
    assert set(moscow["unique"]) <= keys
    assert any("313 مليون دولار" in t for t in moscow["unique"]["الإيطالية-نيوز"])
    cov = moscow["coverage"]
    assert (cov["source_count"], cov["article_count"]) == (4, 4)
    assert cov["first_date"] == cov["last_date"] == "2021-09-14"
    assert [e["article_id"][:3] for e in cov["timeline"]] == ["003", "000", "001", "002"]
    damascus = _story(seed_site, 1)
    assert damascus["unique"] == {}
    assert [m["name"] for m in damascus["coverage"]["missing_sources"]] == [
        "الإيطالية نيوز",
        "سيريانيوز",
    ]


def test_story_pages_escape_article_text(seed_site: Settings) -> None:
    moscow = _story(seed_site, 4)
    html = (seed_site.out / "stories" / moscow["id"] / "index.html").read_text("utf-8")
    # quotes from the article are text, never markup (in a text node they need no entity)
    assert '"روسْتات"' in html
    assert "<bdi>Sergei Shoigu</bdi>" in html


@pytest.mark.browser
def test_story_page_shows_points_and_their_sources_right_to_left(
    site_server: str, seed_site: Settings
) -> None:
    moscow = _story(seed_site, 4)
    with browser_page() as page:
        page.goto(urljoin(site_server, f"stories/{moscow['id']}/"), wait_until="networkidle")
        points = page.locator("article .digest-point")
        assert points.count() == len(moscow["key_points"]) >= 3
        first = points.first
        quote = first.locator("blockquote p")
        assert quote.inner_text().strip() == moscow["key_points"][0]["text"]
        sources = first.locator(".digest-sources")
        n = len(moscow["key_points"][0]["sources"])
        assert n >= 3 and sources.inner_text().startswith(f"تذكرها {n} مصادر")
        for element in (quote, sources):
            assert element.evaluate("e => getComputedStyle(e).direction") == "rtl"
        # right to left: the quote starts at the right edge of the article, the sources line
        # under it, and the first outlet named is the rightmost
        article = page.locator("article").bounding_box()
        quote_box, sources_box = quote.bounding_box(), sources.bounding_box()
        assert article and quote_box and sources_box
        assert abs((quote_box["x"] + quote_box["width"]) - (article["x"] + article["width"])) < 60
        assert sources_box["y"] > quote_box["y"]
        links = sources.locator("a")
        assert links.count() == n
        # each credited outlet's own words, collapsed under the point, open on a tap
        versions = first.locator("details.digest-versions")
        assert versions.locator("li").count() == 0 or not versions.get_attribute("open")
        versions.locator("summary").click()
        items = versions.locator("li")
        assert items.count() == n
        for k, version in enumerate(moscow["key_points"][0]["versions"]):
            assert version["text"].split()[-1] in items.nth(k).inner_text()
        boxes = [links.nth(i).bounding_box() for i in range(links.count())]
        assert all(b for b in boxes)
        xs = [b["x"] for b in boxes if b]
        same_line = [x for x, b in zip(xs, boxes, strict=True) if b and b["y"] == boxes[0]["y"]]
        assert same_line == sorted(same_line, reverse=True) and len(same_line) >= 2
        # an outlet's link opens its page; an article of unknown source, its timeline line
        headings = page.locator("article h2").all_inner_texts()
        assert any("ما انفرد به كل مصدر" in h for h in headings)
        assert any("التغطية" in h for h in headings)
        screenshot(page, "site-story-compare.png")
        unknown = sources.locator("a[href^='#article-']").first
        target = unquote(unknown.get_attribute("href") or "")[1:]
        assert page.locator(f"[id='{target}']").count() == 1
        sources.locator("a", has_text="الإيطالية نيوز").click()
        page.wait_for_load_state()
        assert page.locator("article h1").inner_text().rstrip("¶") == "الإيطالية نيوز"
        assert page.errors == []


@pytest.mark.browser
def test_keywords_are_tags_that_open_their_keyword_page(
    site_server: str, seed_site: Settings
) -> None:
    moscow = _story(seed_site, 4)
    damascus = _story(seed_site, 1)
    # a keyword is a tag (with a page) when it gathers two stories; the others stay searchable
    shared = {k["slug"] for k in damascus["keywords"]}
    with browser_page() as page:
        page.goto(urljoin(site_server, f"stories/{moscow['id']}/"), wait_until="networkidle")
        tags = page.locator("article .md-tags a.md-tag")
        labels = sorted(tags.all_inner_texts())
        assert labels == sorted(k["label"] for k in moscow["keywords"] if k["slug"] in shared)
        tags.filter(has_text="سوريا").first.click()
        page.wait_for_load_state()
        assert page.locator("article h1").inner_text().rstrip("¶") == "سوريا"
        assert page.locator(f"article a[href*='{moscow['id']}']").count() >= 1
        assert page.errors == []


def test_single_source_story_says_so(seed_site: Settings) -> None:
    damascus = _story(seed_site, 1)
    path = seed_site.out / "stories" / damascus["id"] / "index.html"
    page = html.unescape(re.sub(r"<[^>]+>", "", path.read_text("utf-8")))
    assert "لهذه القصة مصدر واحد" in page
    assert [p["text"] for p in damascus["key_points"]] == damascus["articles"][0]["key_sentences"]
    for sentence in damascus["articles"][0]["key_sentences"]:
        assert sentence in page
    assert "ما انفرد به كل مصدر" not in page
    assert "لم تغطّها من المصادر المعروفة: الإيطالية نيوز، سيريانيوز" in page
