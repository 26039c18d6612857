"""Export: the digest as JSON (`site/digest.json`), for other tools and our own checks."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..models import Quote, RankedArticle, Story, StoryComparison
from .render import source_of
from .story_page import reporter_names

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
        **comparison_record(story.comparison, {a.id: a for a in story.articles}),
    }


def comparison_record(
    comparison: StoryComparison | None, articles: Mapping[str, RankedArticle]
) -> dict:
    """`key_points` (with each outlet's version and the figures they disagree on), `unique`
    and `coverage` of a story (see README, `digest.json`)."""
    if comparison is None:
        return {}
    names = reporter_names(comparison.reporters)

    def source(key: str) -> dict:
        r = comparison.reporter(key)
        return {
            "key": r.key,
            "name": r.name if r.known else None,
            "label": names[key],
            "source_id": r.source_id,
            "article_ids": list(r.article_ids),
        }

    cov = comparison.coverage
    return {
        "key_points": [
            {
                "text": p.text,
                "article_id": p.article_id,
                "sources": list(p.sources),
                "article_ids": list(p.article_ids),
                "score": p.score,
                "versions": [
                    _version(comparison, key, q, articles)
                    for key, q in zip(p.sources, p.versions, strict=True)
                ],
                "conflicts": [
                    {
                        "kind": c.kind,
                        "label": c.label,
                        "figures": [
                            {"source_id": comparison.reporter(k).source_id, "figure": f}
                            for k, f in c.figures
                        ],
                    }
                    for c in p.conflicts
                ],
            }
            for p in comparison.key_points
        ],
        "unique": {key: [q.text for q in quotes] for key, quotes in comparison.unique},
        **telling_record(comparison),
        "coverage": {
            "source_count": cov.source_count,
            "article_count": cov.article_count,
            "first_date": cov.first.isoformat() if cov.first else None,
            "last_date": cov.last.isoformat() if cov.last else None,
            "timeline": [
                {"date": d.isoformat() if d else None, "article_id": a} for d, a in cov.timeline
            ],
            "sources": [source(r.key) for r in comparison.reporters],
            "missing_sources": [{"source_id": sid, "name": n} for sid, n in cov.missing],
        },
    }


def _version(
    comparison: StoryComparison, key: str, quote: Quote, articles: Mapping[str, RankedArticle]
) -> dict:
    reporter = comparison.reporter(key)
    return {
        "source_id": reporter.source_id,
        "source": reporter.name if reporter.known else None,
        "article_id": quote.article_id,
        "text": quote.text,
        "url": articles[quote.article_id].article.url,
    }


def telling_record(comparison: StoryComparison) -> dict:
    """`headlines` and `framing` of a story (see README, `digest.json`); a source is named by
    its `source_id` and, as elsewhere, its key (`source`: differs for an unknown source)."""
    sid = {r.key: r.source_id for r in comparison.reporters}
    return {
        "headlines": [
            {
                "source": h.reporter,
                "source_id": sid[h.reporter],
                "article_id": h.article_id,
                "title": h.title,
                "inferred": h.inferred,
            }
            for h in comparison.headlines
        ],
        "framing": [
            {
                "actor": a.actor,
                "forms": [
                    {
                        "source": f.reporter,
                        "source_id": sid[f.reporter],
                        "form": f.form,
                        "count": f.count,
                        "example": f.example.text,
                        "article_id": f.example.article_id,
                    }
                    for f in a.forms
                ],
            }
            for a in comparison.framing
        ],
    }


def to_json(stories: Sequence[Story]) -> str:
    """Deterministic JSON: stories in site order, keys sorted, UTF-8 text kept readable.

    Compact (no indentation: half the size of an indented file at 30,000 stories); a story a
    line, so a diff of two builds shows the stories that changed (`jq .` pretty-prints it).
    """
    records = ",\n".join(json.dumps(story_record(s), **_COMPACT) for s in stories)
    return f'{{"stories":[\n{records}\n],"version":{FORMAT_VERSION}}}\n'


_COMPACT = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}
