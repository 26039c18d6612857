"""The Atom feed of stories, read by a real feed parser."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest

from generator.pipeline import Settings, build
from tests.conftest import make_project

pytestmark = pytest.mark.slow


def _digest(settings: Settings) -> list[dict]:
    return json.loads((settings.out / "digest.json").read_text("utf-8"))["stories"]


def test_feed_parses_and_lists_stories_newest_first(seed_site: Settings) -> None:
    feed = feedparser.parse((seed_site.out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    stories = _digest(seed_site)
    assert [e.title for e in feed.entries] == [s["title"] for s in stories]
    assert "بوتين" in feed.entries[0].title  # Arabic titles, as written
    updated = [e.updated for e in feed.entries]
    dated = [u for u in updated if not u.startswith("1970")]
    assert dated == sorted(dated, reverse=True)
    assert feed.feed.language == "ar"


def test_feed_links_are_absolute_from_site_url(seed_site: Settings) -> None:
    feed = feedparser.parse((seed_site.out / "feed.xml").read_bytes())
    site_url = feed.feed.link
    assert site_url.startswith("https://") and site_url.endswith("/")
    for entry, story in zip(feed.entries, _digest(seed_site), strict=True):
        assert entry.link == f"{site_url}stories/{story['id']}/"
        assert (seed_site.out / "stories" / story["id"] / "index.html").is_file()
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == f"{site_url}feed.xml"


def test_entry_summary_gives_the_top_point_and_the_sources(seed_site: Settings) -> None:
    feed = feedparser.parse((seed_site.out / "feed.xml").read_bytes())
    moscow = _digest(seed_site)[0]
    first_point = moscow["key_points"][0]["text"]
    summary = feed.entries[0].summary
    assert first_point in summary
    assert "سيريانيوز" in summary and "الإيطالية نيوز" in summary
    assert {a.name for a in feed.entries[0].authors} == {"سيريانيوز", "الإيطالية نيوز"}


def test_feed_follows_site_url_of_a_project_site(
    tmp_path: Path, seed_site: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/news-digest/")
    settings = make_project(tmp_path, articles=seed_site.articles)
    build(settings)
    data = (settings.out / "feed.xml").read_bytes()
    feed = feedparser.parse(data)
    assert not feed.bozo
    assert feed.entries[0].link.startswith("https://someone.github.io/news-digest/stories/")
    home = (settings.out / "index.html").read_text("utf-8")
    assert 'rel="alternate" type="application/atom+xml"' in home
    # the same articles give the same feed: no wall-clock time in it
    build(settings)
    assert (settings.out / "feed.xml").read_bytes() == data
