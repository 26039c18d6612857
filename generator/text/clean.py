"""Clean: strip scraped boilerplate from an article's body, keep its paragraphs.

Dropped: navigation and share prompts, a repeated title, the byline and signature lines
(already kept as metadata by ingest), a leading dateline's outlet, duplicate paragraphs.
"""

from __future__ import annotations

import re

from ..language.arabic import fold
from ..language.boilerplate import BYLINE, is_boilerplate_folded
from ..models import Article, CleanArticle, Dateline
from .chrome import has_picture, line_kind, strip_inline
from .datelines import cut_dateline


def clean(article: Article) -> CleanArticle:
    """Paragraphs of the article that a reader would call its text."""
    lines = [line.strip() for line in article.body.split("\n")]
    lines = [line for line in lines if line]
    folded_lines = [fold(line) for line in lines]  # each line folded once (lines are stripped)
    cut = _trailing_chrome(folded_lines)
    lines, folded_lines = lines[:cut], folded_lines[:cut]

    title = fold(article.title) if article.title else None
    seen: set[str] = set()
    paragraphs: list[str] = []
    dateline: Dateline | None = None
    captions: list[str] = []
    for position, (line, folded_line) in enumerate(zip(lines, folded_lines, strict=True)):
        folded = " ".join(folded_line.split())
        if is_boilerplate_folded(folded_line):
            continue
        if title and (folded == title or _is_title_with_outlet(folded, title)):
            continue
        if position < 4 and BYLINE.match(line):
            continue
        if article.source and position == len(lines) - 1 and line == article.source:
            continue
        if folded in seen:
            continue
        seen.add(folded)
        kind = line_kind(line, folded_line)
        if kind == "caption":
            captions.append(line)  # kept if the article has no other text (a photo's story)
        if kind:
            continue
        if title and has_picture(line):
            line = _without_title(line, title)
        line = strip_inline(line)
        if not paragraphs and dateline is None:
            line = _strip_dateline(line, article)
            line, dateline = cut_dateline(line)
        if line:
            paragraphs.append(line)
    paragraphs = paragraphs or captions
    headings = frozenset(i for i, p in enumerate(paragraphs) if _is_subheading(p))
    return CleanArticle(
        article=article, paragraphs=tuple(paragraphs), headings=headings, dateline=dateline
    )


def _without_title(line: str, folded_title: str | None) -> str:
    """A line that begins with the article's title and its picture's address (a page that
    prints its headline and picture before the text, on the same line) without the title."""
    if not folded_title:
        return line
    title_words = folded_title.split()
    words = line.split()
    if len(words) > len(title_words) + 3 and fold(" ".join(words[: len(title_words)])) == (
        " ".join(title_words)
    ):
        return " ".join(words[len(title_words) :])
    return line


def _trailing_chrome(folded_lines: list[str]) -> int:
    """Where the first navigation line is (Read Previous/Next lists follow it): everything
    from there on is cut."""
    for i, folded in enumerate(folded_lines):
        if folded in _NAVIGATION:
            return i
    return len(folded_lines)


_NAVIGATION = frozenset(fold(line) for line in ("Read Previous", "Read Next", "Leave a Reply"))


def _is_title_with_outlet(folded_line: str, folded_title: str) -> bool:
    return folded_line.startswith(folded_title) and len(folded_line) - len(folded_title) < 45


def _strip_dateline(line: str, article: Article) -> str:
    """`الإيطالية نيوز، الثلاثاء 14 سبتمبر 2021 - زار …` → `زار …` when the date was read."""
    if article.date is None:
        return line
    match = re.match(r"^[^،,\n]{2,40}[،,][^-–—]{4,40}\d{4}\s*[-–—]\s*", line)
    return line[match.end() :] if match else line


def _is_subheading(paragraph: str) -> bool:
    """A short line with no sentence punctuation inside the body: a sub-heading."""
    words = paragraph.split()
    return len(words) <= 10 and not re.search(r"[.!?؟…:،,؛]\W*$", paragraph)
