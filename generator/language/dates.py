"""Dates: parsing what articles state, and writing dates in Arabic for readers."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel.dates import format_date

from .arabic import fold

# Month names as Arabic outlets write them: Levantine (كانون الثاني…) and Egyptian/Gulf
# (يناير…), both folded.
_MONTHS = {
    fold(name): number
    for number, names in enumerate(
        [
            ("كانون الثاني", "يناير", "جانفي"),
            ("شباط", "فبراير", "فيفري"),
            ("آذار", "مارس"),
            ("نيسان", "أبريل", "ابريل", "إبريل", "أفريل"),
            ("أيار", "مايو", "ماي"),
            ("حزيران", "يونيو", "يونيه", "جوان"),
            ("تموز", "يوليو", "يوليه", "جويلية"),
            ("آب", "أغسطس", "اغسطس", "أوت"),
            ("أيلول", "سبتمبر"),
            ("تشرين الأول", "أكتوبر", "اكتوبر"),
            ("تشرين الثاني", "نوفمبر"),
            ("كانون الأول", "ديسمبر"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = "(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)"
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"(?P<day>\d{{1,2}})\s+(?:من\s+)?(?P<month>{_MONTH_ALT})\s+(?P<year>(?:19|20)\d\d)"
)
# "<Outlet>، الثلاثاء 14 سبتمبر 2021 - …": a dateline at the start of the text.
_DATELINE = re.compile(
    rf"^(?P<source>[^،,\d]{{2,40}}?)\s*[،,]\s*(?:{fold(_WEEKDAYS)}\s+)?(?P<date>\d{{1,2}}\s+(?:من\s+)?"
    rf"(?:{_MONTH_ALT})\s+(?:19|20)\d\d)\s*[-–—:]"
)


def parse_date(value: object) -> dt.date | None:
    """A date from front matter: a YAML date, an ISO string, or an Arabic date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    return find_full_date(text)


_TIME = re.compile(r"^\d{4}-\d\d-\d\d[T ](\d\d):(\d\d)(?::(\d\d))?")


def parse_time(value: object) -> dt.time | None:
    """The time of day of a front-matter date-time (`2018-05-12T14:30`, a YAML timestamp),
    None for a date alone (midnight written out, `T00:00`, is a time too)."""
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    match = _TIME.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))
    except ValueError:
        return None


def arabic_time(time: dt.time) -> str:
    """A time of day as an Arabic page writes it: «14:30»."""
    return f"{time.hour:02d}:{time.minute:02d}"


def find_full_date(text: str) -> dt.date | None:
    """The first day-month-year date written in Arabic in `text`, if valid."""
    match = _FULL_DATE.search(fold(text))
    if not match:
        return None
    return _make(match["year"], match["month"], match["day"])


def find_dateline(lines: list[str]) -> tuple[str | None, dt.date] | None:
    """A dateline (`outlet، weekday day month year -`) at the start of one of `lines`.

    Only a dateline is the publication date: a date elsewhere in a text may be history.
    Returns the outlet as written, and the date.
    """
    for line in lines:
        match = _DATELINE.match(fold(line))
        if match:
            date = find_full_date(match["date"])
            if date:
                source = line[: len(match["source"])].strip()
                return (source or None), date
    return None


def _make(year: str, month_name: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), _MONTHS[month_name], int(day))
    except (ValueError, KeyError):
        return None


@lru_cache(maxsize=8192)  # Babel takes ~0.1 ms a date; a site shows the same few thousand
def arabic_date(date: dt.date) -> str:
    """A date as an Arabic reader writes it: ١٤ سبتمبر ٢٠٢١ → shown with Latin digits."""
    return format_date(date, format="d MMMM y", locale="ar")
