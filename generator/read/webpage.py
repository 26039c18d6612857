"""Web page: a saved or downloaded HTML page into its main text and metadata (the
trafilatura adapter).

Only this module imports trafilatura. The page's main text is kept, one paragraph a line;
menus, sidebars, footers, comments and scripts are left behind. The title, the publication
date, the site's name (as the source) and the page's own address (canonical link or
`og:url`, only if http(s)) come from the page's metadata; nothing is guessed from the rest
of the page: an undated page stays undated.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

_DATE_PARAMS = {
    "extensive_search": False,  # only dates the page states as its own, no guessing
    "original_date": True,  # the publication date, not the last modification
}


@dataclass(frozen=True)
class WebPage:
    text: str  # the main text, one paragraph a line
    title: str | None = None
    source: str | None = None  # the site's name
    url: str | None = None
    date: dt.date | None = None
    language: str | None = None


def extract(html: str) -> WebPage | None:
    """The main text and metadata of a saved page; None when it has no main text."""
    import trafilatura
    from lxml import etree

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its misses are our Problems
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        return None  # a page trafilatura cannot parse has no main text we could quote
    if doc is None:
        return None
    text = (doc.text or "").strip()
    if not text:
        return None
    return WebPage(
        text=text,
        title=_field(doc.title),
        source=_field(doc.sitename),
        url=_field(doc.url),
        date=_date(doc.date),
        language=_field(doc.language),
    )


def download(url: str, *, public_only: bool = True) -> str | None:
    """The HTML at `url` (trafilatura's fetch: redirects, size limit, decoding); None on
    failure. `public_only` refuses addresses on a private network or this machine."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "on" if public_only else "off")
    return trafilatura.fetch_url(url, config=config)


def _field(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
