"""Under each key point: every credited outlet's own sentence, and the figures they disagree on.

A reader can check a point against what each outlet wrote: a collapsed list (`<details>`, so a
phone shows one line until opened) of each outlet's version, quoted exactly, with its
article's date and a link to the article (its URL, or its line in the page's timeline). Where
the versions give different figures for one quantity (compare/figures.py), a line under the
point says so, with each outlet's figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..models import Conflict, KeyPoint, RankedArticle
from .developing import when
from .markup import external_link, isolate, link, text

SUMMARY = "بكلمات كل مصدر"
DIFFER = "تختلف الأرقام"


def versions_block(
    point: KeyPoint,
    articles: Mapping[str, RankedArticle],
    names: Mapping[str, str],
    anchor: Callable[[str], str],
) -> list[str]:
    """The Markdown lines under a point of two or more outlets: its conflicts, then the
    collapsed versions (nothing for a point of one outlet: its text is its version)."""
    if len(point.versions) < 2:
        return []
    lines = [_conflict_line(c, names) for c in point.conflicts]
    if lines:
        lines = [*lines, "{: .digest-conflict }", ""]
    lines += ['<details class="digest-versions" markdown>', f"<summary>{SUMMARY}</summary>", ""]
    for key, quote in zip(point.sources, point.versions, strict=True):
        article = articles[quote.article_id]
        where = (
            external_link("المقال", article.article.url)
            if article.article.url
            else link("في التغطية", f"#{anchor(quote.article_id)}")
        )
        lines.append(
            f"- **{text(names[key])}** · {when(article)} · {where}: «{isolate(quote.text)}»"
        )
    return [*lines, "", "</details>", ""]


def _conflict_line(conflict: Conflict, names: Mapping[str, str]) -> str:
    given = "، ".join(f"{figure} ({text(names[key])})" for key, figure in conflict.figures)
    return f"**{DIFFER}:** {conflict.label}: {given}"
