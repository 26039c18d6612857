"""The home page's ranking and the site's settings (generator/site/home.py, config.py,
outlets.py), on built stories of many sizes and days."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.compare.comparison import compare_stories
from generator.models import Story
from generator.pipeline import read_articles
from generator.site.config import SITE_NAME, HomeSettings, SiteConfig, site_config
from generator.site.home import home, importance, top_stories
from generator.site.outlets import Outlet, outlets_of
from generator.slugs import story_id
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_article():
    return read_articles(SEEDS).articles[0]


def story(seed_article, name: str, day: int, outlets: int, articles: int) -> Story:
    """A story of `articles` articles from `outlets` outlets, its last on day `day`."""
    members = []
    for i in range(articles):
        a = replace(
            seed_article.article,
            id=f"{name}-{i:03d}",
            path=f"{name}-{i:03d}.md",
            source=f"outlet{i % outlets}",
            date=dt.date(2018, 5, 1) + dt.timedelta(days=max(day - i // 5, 0)),
        )
        members.append(replace(seed_article, clean=replace(seed_article.clean, article=a)))
    members.sort(key=lambda a: (a.article.date, a.id))
    return Story(story_id(members[0].id), tuple(members), f"قصة {name}")


def test_importance_formula_as_stated(seed_article) -> None:
    s = story(seed_article, "a", 10, 5, 7)
    settings = HomeSettings()
    assert importance(s, dt.date(2018, 5, 11), settings) == round(5 + 3.0, 9)  # log2(8) = 3
    assert importance(s, dt.date(2018, 5, 14), settings) == round(8 * 0.5, 9)  # a half-life


def test_the_biggest_stories_of_the_period_are_always_on_top(seed_article) -> None:
    big = [story(seed_article, f"big{i}", 3 + i, 5, 40 - i) for i in range(5)]  # early days
    fresh = [story(seed_article, f"new{i}", 9, 3, 3) for i in range(20)]  # the last day
    old = story(seed_article, "old", -20, 9, 120)  # before the period: never on top
    stories = sorted([*big, *fresh, old], key=lambda s: (-s.date.toordinal(), s.id))
    settings = HomeSettings(top_stories=8)
    top = top_stories(stories, settings)
    assert {s.id for s in big} <= {s.id for s in top} and old not in top
    assert len(top) == 8
    scores = [importance(s, dt.date(2018, 5, 10), settings) for s in top]
    assert scores == sorted(scores, reverse=True)
    page = home(compare_stories(stories), SiteConfig(home=settings)).content
    assert page.index(big[0].id) < page.index("## الأحدث") < page.index(old.id)


def test_settings_from_mkdocs_extra() -> None:
    config, problems = site_config(
        {"site_name": "أخبار اليوم", "extra": {"digest": {"period_days": 3, "top_stories": 5}}}
    )
    assert config.name == "أخبار اليوم" and config.home.period_days == 3
    assert config.home.top_stories == 5 and problems == []
    assert site_config({})[0].name == SITE_NAME


@pytest.mark.parametrize(
    ("digest", "problem"),
    [
        ({"period_days": 0}, "extra.digest.period_days is not a whole number above zero (0)"),
        ({"top_stories": "ten"}, "extra.digest.top_stories is not a whole number 0 or more"),
        ({"half_life": 2}, "extra.digest.half_life is not a Digest setting; ignored"),
        ("yes", "extra.digest is not a mapping of settings; defaults used"),
    ],
)
def test_bad_settings_are_named_and_defaults_used(digest, problem: str) -> None:
    config, problems = site_config({"extra": {"digest": digest}})
    assert len(problems) == 1 and problems[0].startswith(problem)
    assert config.home == HomeSettings()


def test_the_sources_file() -> None:
    outlets, problems = outlets_of(
        {
            "alarabiya": {"name": "العربية", "url": "https://www.alarabiya.net/"},
            "skynews": "سكاي نيوز عربية",
            "bad": ["x"],
            "evil": {"name": "س", "url": "javascript:alert(1)"},
        }
    )
    assert outlets["alarabiya"] == Outlet("العربية", "https://www.alarabiya.net/")
    assert outlets["skynews"] == Outlet("سكاي نيوز عربية")
    assert outlets["evil"] == Outlet("س", None) and "bad" not in outlets
    assert problems == [
        "sources.yml: bad: is not a name or `name:`/`url:` fields; ignored",
        "sources.yml: evil: url is not an http(s) address; ignored",
    ]


def test_bad_settings_and_sources_are_warnings_and_the_rest_builds(tmp_path) -> None:
    from generator.pipeline import generate
    from tests.conftest import make_project

    settings = make_project(tmp_path)
    config = settings.config.read_text("utf-8")
    settings.config.write_text(config + "extra:\n  digest:\n    latest: -3\n", "utf-8")
    (tmp_path / "sources.yml").write_text("سيريانيوز: [x]\n", "utf-8")
    digest = generate(settings)
    messages = [str(p) for p in digest.problems]
    assert "mkdocs.yml: extra.digest.latest is not a whole number 0 or more (-3); 20 used" in (
        messages
    )
    assert any(m.startswith("sources.yml: سيريانيوز: is not a name") for m in messages)
    assert len(digest.stories) == 2 and digest.site_name == "موجز الأخبار"
