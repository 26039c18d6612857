"""Redirects: old story addresses keep working when stories grow and merge.

A story's id comes from its anchor, its earliest article (`stories._make_story`). When
articles arrive day by day a story keeps its anchor, so its id; but when two stories merge
(an article that links them arrives), or an earlier article is added late, the anchor of
one of the old stories is now an ordinary member. Its old id is one of the story's
`aliases`: the id every other member and copy would have given, had it been the anchor.
Each alias gets a small page at the old address that sends the reader to the story, so a
link shared yesterday still leads to the story today. No state is kept between builds.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..models import Story

FAVICON = "assets/images/favicon.png"  # Material's icon, in every built site


def redirect_page(target_id: str, title: str) -> bytes:
    """A page at `stories/<alias>/` that sends the reader to `stories/<target_id>/`."""
    url = f"../{target_id}/"
    text = html.escape(title)
    return (
        '<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f'<title>{text}</title><link rel="canonical" href="{url}">'
        # the theme's icon: without one a browser asks the server's root for /favicon.ico,
        # which a project site on GitHub Pages does not have (a 404 on every redirect)
        f'<link rel="icon" href="../../{FAVICON}">'
        '<link rel="alternate" type="application/atom+xml" href="../../feed.xml">'
        f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={url}">'
        f'</head><body><article><h1><a href="{url}">{text}</a></h1></article></body></html>\n'
    ).encode()


def redirect_pages(stories: Sequence[Story]) -> dict[str, bytes]:
    """`stories/<alias>/index.html` → page, for every alias that is not a story's own id."""
    real = {s.id for s in stories}
    pages: dict[str, bytes] = {}
    for story in sorted(stories, key=lambda s: s.id):
        for alias in story.aliases:
            if alias not in real:
                page = redirect_page(story.id, story.title)
                pages.setdefault(f"stories/{alias}/index.html", page)
    return pages
