"""Export: the digest as JSON (`site/digest.json`), for other tools and our own checks."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .models import RankedArticle, Story
from .render import source_of

FORMAT_VERSION = 1


def article_record(article: RankedArticle) -> dict:
    a = article.article
    return {
        "id": a.id,
        "path": a.path,
        "title": article.title,
        "title_given": a.title is not None,
        "source": a.source,
        "source_id": source_of(article)[0],
        "url": a.url,
        "date": a.date.isoformat() if a.date else None,
        "language": a.language,
        "byline": a.byline,
        "key_sentences": [s.text for s in article.key],
    }


def copy_record(article: RankedArticle, exact: bool) -> dict:
    a = article.article
    return {"id": a.id, "path": a.path, "source": a.source, "url": a.url, "exact": exact}


def story_record(story: Story) -> dict:
    return {
        "id": story.id,
        "url": f"stories/{story.id}/",
        "title": story.title,
        "dates": [d.isoformat() for d in story.dates],
        "source_count": story.source_count,
        "keywords": [{"label": k.label, "stem": k.stem, "slug": k.slug} for k in story.keywords],
        "articles": [
            {
                **article_record(a),
                "copies": [copy_record(d.copy, d.exact) for d in story.duplicates if d.of == a.id],
            }
            for a in story.articles
        ],
        "aliases": list(story.aliases),
    }


def to_json(stories: Sequence[Story]) -> str:
    """Deterministic JSON: stories in site order, keys sorted, UTF-8 text kept readable."""
    doc = {"version": FORMAT_VERSION, "stories": [story_record(s) for s in stories]}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
