"""Markup: untrusted article text made safe for Markdown, and the small labels pages share.

Every text that comes from an article is untrusted: it is escaped so that it renders as the
literal text a reader sees, never as Markdown, HTML or script.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..language.dates import arabic_date
from ..language.numbers import ARTICLE, POINT, SOURCE, STORY, counted
from ..models import Story

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown can escape


def text(value: str) -> str:
    """Escape untrusted text for inline Markdown: HTML-escaped, Markdown characters quoted."""
    return _escape(" ".join(value.split()))


def _escape(piece: str) -> str:
    """`html.escape(piece, quote=False)`, then a backslash before each Markdown character
    (a function, not a template: re's template expansion was half of the cost)."""
    piece = piece.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(_backslashed, piece)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match[0]


# A run of Latin letters or digits, with the spaces and punctuation inside it (`COVID-19`,
# `3.5`, `Sergei Shoigu`), as it would scramble inside right-to-left text.
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f .,:;/%&+'’\-–]*[A-Za-z0-9\u00c0-\u024f%])?"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def isolate(value: str) -> str:
    """`text`, with each Latin or number run inside Arabic text isolated in `<bdi>`.

    A bare number (`2021`) needs no isolation; a run with a Latin letter, or digits with
    punctuation inside (`3.5`, `2020/2021`), is wrapped so it cannot reorder its neighbours.
    Every piece is escaped by `text`, so the tags are the only markup added.
    """
    one_line = " ".join(value.split())
    out, end = [], 0
    for match in _LTR_RUN.finditer(one_line):
        run = match.group()
        if not _LATIN.search(run) and run.isdigit():
            continue
        out += [_escape(one_line[end : match.start()]), f"<bdi>{_escape(run)}</bdi>"]
        end = match.end()
    out.append(_escape(one_line[end:]))
    return "".join(out)


def link(label: str, target: str) -> str:
    return f"[{text(label)}]({target})"


def external_link(label: str, url: str) -> str:
    """A link to an http(s) URL that ingest validated; quoted so it cannot break out."""
    safe = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    safe = safe.replace("(", "%28").replace(")", "%29")
    return f"[{text(label)}](<{safe}>)"


def story_dates(story: Story) -> str:
    dates = story.dates
    if not dates:
        return "تاريخ غير معروف"
    if len(dates) == 1 or dates[0] == dates[-1]:
        return arabic_date(dates[0])
    return f"{arabic_date(dates[0])} – {arabic_date(dates[-1])}"


def sources_label(n: int, *, genitive: bool = False) -> str:
    """"مصدر واحد", "مصدران", "3 مصادر", "11 مصدرًا" (`language/numbers.py`)."""
    return counted(n, SOURCE, genitive=genitive)


def stories_label(n: int, *, genitive: bool = False) -> str:
    """"قصة واحدة", "قصتان", "3 قصص", "11 قصة": the noun agrees with the number."""
    return counted(n, STORY, genitive=genitive)


def articles_label(n: int, *, genitive: bool = False) -> str:
    """"مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "109 مقالات"."""
    return counted(n, ARTICLE, genitive=genitive)


def points_label(n: int, *, genitive: bool = False) -> str:
    """"نقطة واحدة", "نقطتان", "3 نقاط", "11 نقطة"."""
    return counted(n, POINT, genitive=genitive)
