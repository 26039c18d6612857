"""A story's title: its latest day's most representative headline, without teaser markers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.pipeline import read_articles
from generator.stories.group import group
from generator.stories.titles import has_teaser, headline, title_candidates
from tests.conftest import SEEDS

TEASERS = [
    ("شاهد.. صور مسربة من هاتف سامسونج الجديد", "صور مسربة من هاتف سامسونج الجديد"),
    ("بالصور .. مجسمات حديقة المعالم تستقطب الزوار", "مجسمات حديقة المعالم تستقطب الزوار"),
    ("بالفيديو: انفجار في مسجد بالكويت", "انفجار في مسجد بالكويت"),
    ("عاجل | بالفيديو: انفجار في مسجد", "انفجار في مسجد"),
    ("مباشر - نتائج الانتخابات البرلمانية", "نتائج الانتخابات البرلمانية"),
    ("قصة مصورة: محتج يمطر بلاتر بنقود مزورة", "محتج يمطر بلاتر بنقود مزورة"),
    ("شاب أرجنتيني يذهل مارادونا بهدفه (فيديو)", "شاب أرجنتيني يذهل مارادونا بهدفه"),
    ("انفجار في مسجد الصادق - صور", "انفجار في مسجد الصادق"),
    ("شاهد.. &quot;فيسبوك&quot; يكشف عن شعاره", '"فيسبوك" يكشف عن شعاره'),
]
KEPT = [
    "«فيديو» يوضح كيفية تجهيز الألعاب النارية",  # the marker is the sentence's subject
    "التجارة تطلق الدفع المباشر",
    "الاقتصاد في صور",
    "أثينا تتسلم قرضًا عاجلاً بسبعة مليارات",
    "شاهد..",  # nothing would be left: kept as it is
]


@pytest.mark.parametrize(("title", "expected"), TEASERS)
def test_teaser_markers_are_taken_off(title: str, expected: str) -> None:
    assert headline(title) == expected
    assert has_teaser(title.replace("&quot;", '"')) or "&quot;" in title


@pytest.mark.parametrize("title", KEPT)
def test_words_of_the_headline_stay(title: str) -> None:
    assert headline(title) == title and not has_teaser(title)


@pytest.fixture(scope="module")
def summit():
    """The four seed articles on the Moscow summit, as one story."""
    return [a for a in read_articles(SEEDS).articles if "دمشق" not in (a.article.title or "")]


def _dated(article, day: int, title: str | None):
    a = replace(article.article, date=dt.date(2021, 9, day), title=title)
    return replace(article, clean=replace(article.clean, article=a))


def test_the_title_follows_the_latest_day(summit) -> None:
    first, *rest = summit
    latest = "بالفيديو: ختام قمة بوتين والأسد في موسكو"
    articles = [_dated(a, 14, a.article.title) for a in rest] + [_dated(first, 15, latest)]
    (story,) = [s for s in group(articles) if len(s.articles) == len(summit)]
    assert story.title == "ختام قمة بوتين والأسد في موسكو"
    # the story keeps the id of its earliest article: the address does not move
    (before,) = [s for s in group(articles[:-1]) if len(s.articles) == len(rest)]
    assert story.id == before.id and story.title != before.title


def test_candidates_are_the_latest_days_titled_articles(summit) -> None:
    articles = [_dated(a, 13 + i % 2, f"عنوان {i}" if i else None) for i, a in enumerate(summit)]
    picked = title_candidates(articles, range(len(articles)))
    assert {articles[i].article.date for i in picked} == {dt.date(2021, 9, 14)}
    assert all(articles[i].article.title for i in picked)
