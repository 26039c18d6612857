"""Stable, safe ids and slugs: the same input always gives the same URL."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from .models import UNKNOWN_SOURCE, RankedArticle

_RESERVED = {"con", "prn", "aux", "nul", "index", "tags", "unknown"} | {
    f"{dev}{n}" for dev in ("com", "lpt") for n in range(10)
}
_MAX = 60


def short_hash(text: str, length: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=65536)  # render slugs every article's outlet name for every page
def slugify(name: str) -> str:
    """A URL- and file-safe slug that keeps Arabic letters; falls back to a hash.

    Letters and digits of any script are kept, everything else becomes `-`. Reserved device
    names, dot-only names, empty and over-long names get a hash, so slugs never collide with
    paths such as `..` or `CON`, and the same name always gives the same slug.
    """
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    slug = re.sub(r"[^\w]+|_+", "-", text, flags=re.UNICODE).strip("-")
    if not slug or slug in _RESERVED or len(slug) > _MAX:
        prefix = slug[:40].rstrip("-") if slug and slug not in _RESERVED else "x"
        return f"{prefix}-{short_hash(name, 8)}"
    return slug


def article_id(rel_path: str) -> str:
    """An article's id: its path under the articles folder without the extension."""
    parts = rel_path.split("/")
    name = parts[-1]
    parts[-1] = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return "--".join(slugify(part) for part in parts)


def story_id(anchor_article_id: str) -> str:
    """A story's id, from the id of the article that founded it (its earliest)."""
    return short_hash("story:" + anchor_article_id)


UNKNOWN_ID = "unknown"  # the one source id of every article whose outlet is not known


def outlet_of(article: RankedArticle) -> tuple[str, str]:
    """(source id, display name) of an article's outlet; unknown outlets share one id.

    The id comes from the name the article gives (so a page's address never moves); the
    name shown is the sources file's when it names the outlet (`site/outlets.py`)."""
    name = article.article.source
    if not name:
        return UNKNOWN_ID, UNKNOWN_SOURCE
    return slugify(name), article.article.outlet_name or name
