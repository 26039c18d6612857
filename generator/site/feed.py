"""The Atom feed of stories (pure): newest first, Arabic titles, absolute links.

Written to `feed.xml` at the site's root on every build. Deterministic: no wall-clock time;
the feed's `updated` is the newest story's date, and each story's entry is updated on its
latest article's date. Links are absolute, from MkDocs' `site_url`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..models import UNKNOWN_SOURCE, Story
from .home import FEED
from .render import source_of, top_point

ATOM = "http://www.w3.org/2005/Atom"
FEED_STORIES = 50
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_EPOCH = dt.date(1970, 1, 1)  # for a feed without any dated story (Atom requires a date)


def atom_feed(
    stories: Sequence[Story], site_url: str, site_name: str = "Digest", limit: int = FEED_STORIES
) -> bytes:
    """The feed as UTF-8 XML; `stories` in site order (newest first), at most `limit`."""
    base = site_url.rstrip("/") + "/"
    shown = list(stories)[:limit]
    dated = [s.date for s in shown if s.date]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ar"})
    _sub(feed, "id", base)
    _sub(feed, "title", site_name)
    _sub(feed, "subtitle", "قصص الأخبار كما غطّتها المصادر المختلفة")
    _sub(feed, "updated", _timestamp(max(dated, default=_EPOCH)))
    _sub(feed, "link", rel="alternate", type="text/html", href=base)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base + FEED)
    author = _sub(feed, "author")
    _sub(author, "name", site_name)
    _sub(feed, "generator", "Digest")
    for story in shown:
        feed.append(_entry(story, base))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(story: Story, base: str) -> ET.Element:
    url = f"{base}stories/{story.id}/"
    entry = ET.Element(f"{{{ATOM}}}entry")
    _sub(entry, "id", url)
    _sub(entry, "title", story.title)
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    dates = story.dates
    _sub(entry, "published", _timestamp(dates[0] if dates else _EPOCH))
    _sub(entry, "updated", _timestamp(dates[-1] if dates else _EPOCH))
    names = sorted({source_of(a)[1] for a in story.articles})
    for name in names:
        if name != UNKNOWN_SOURCE:
            _sub(_sub(entry, "author"), "name", name)
    point = top_point(story)
    summary = f"المصادر: {'، '.join(names)}."
    if point:
        summary = f"{point}\n\n{summary}"
    _sub(entry, "summary", summary)
    for keyword in story.keywords:
        _sub(entry, "category", term=keyword.label)
    return entry


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
