"""The time of day of a front-matter date-time (issue 19): kept beside the date."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.language.dates import arabic_time, parse_time
from generator.read.ingest import parse


@pytest.mark.parametrize(
    ("date", "time"),
    [
        ("2018-05-12T14:30:00", dt.time(14, 30)),
        ("2018-05-12 09:05", dt.time(9, 5)),
        ('"2018-05-12T23:59:59+03:00"', dt.time(23, 59, 59)),
        ("2018-05-12", None),
        ("12 مايو 2018", None),
    ],
)
def test_front_matter_date_time(date: str, time: dt.time | None) -> None:
    raw = f"---\ndate: {date}\nsource: وكالة\n---\nنص المقال الأول هنا طويل بما يكفي لجملة.\n"
    article, problems = parse("a.md", raw.encode())
    assert problems == [] and article is not None
    assert article.date == dt.date(2018, 5, 12) and article.time == time


def test_times_as_shown() -> None:
    assert parse_time(dt.datetime(2018, 5, 12, 7, 3, 9, 120)) == dt.time(7, 3, 9)
    assert parse_time("2018-05-12T25:00") is None  # an impossible time is no time
    assert arabic_time(dt.time(7, 3)) == "07:03"
