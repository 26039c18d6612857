"""Infer: the metadata a bare scraped text shows (title, outlet, byline, date).

Front matter always wins; nothing is invented: what the text does not show stays None.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.boilerplate import BYLINE, is_boilerplate
from ..language.dates import find_dateline
from ..models import Article

_TITLE_SOURCE = re.compile(r"^(?P<title>.+\S)\s+[-–—|]\s+(?P<source>[^-–—|]{2,40})$")
_END_PUNCT = tuple('.!?؟…:؛,،"”»)')
_MAX_TITLE_WORDS = 25
_MAX_SIGNATURE_WORDS = 3


def infer(article: Article) -> Article:
    """Fill in title, source, byline and date from what the text shows; front matter wins."""
    lines = [line.strip() for line in article.body.split("\n")]
    nonblank = [line for line in lines if line]
    if not nonblank:
        return article
    title, source, byline, date = article.title, article.source, article.byline, article.date

    first = nonblank[0]
    if _is_headline(first):
        match = _TITLE_SOURCE.match(first)
        inferred_source = None
        if match and len(match["source"].split()) <= 4:
            first_title, inferred_source = match["title"].strip(), match["source"].strip()
        else:
            first_title = first
        title = title or first_title
        source = source or inferred_source

    for line in nonblank[:4]:
        m = BYLINE.match(line)
        if m:
            byline = byline or m["name"].strip()
            break

    last = nonblank[-1]
    if _is_signature(last, nonblank):
        source = source or last

    dateline = find_dateline(nonblank[:6])
    if dateline is not None:
        line_source, line_date = dateline
        date = date or line_date
        if line_source and source is None and _mentions_line_start(nonblank, line_source):
            source = line_source

    inferred = article.title_inferred or (article.title is None and title is not None)
    return replace(
        article,
        title=title,
        source=source,
        byline=byline,
        date=date,
        title_inferred=inferred,
    )


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and not line.endswith(_END_PUNCT)


def _is_signature(line: str, nonblank: list[str]) -> bool:
    """A last line of one to three words with no punctuation: the outlet's signature."""
    if len(nonblank) < 3:
        return False
    words = line.split()
    if not 0 < len(words) <= _MAX_SIGNATURE_WORDS or re.search(r"[\d.!?؟:،,؛\"“”«»()]", line):
        return False
    return not is_boilerplate(line)


def _mentions_line_start(nonblank: list[str], name: str) -> bool:
    return any(line.startswith(name) for line in nonblank[:6])
