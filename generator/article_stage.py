"""The article stage: read → clean → rank, per article file, cached and across cores.

Every article is processed on its own, so this stage is where a big corpus spends its time,
and the one that can skip work: an article file whose bytes (and path) did not change since
the last build, under the same code and libraries, is taken from the cache (`cache.py`)
instead of being read, cleaned and ranked again. The files that miss are processed across
the cores (`parallel.py`; here when there are few); results come back in the files' order,
so the output never depends on the number of cores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import cache as article_cache
from .clean import clean
from .ingest import parse, read_files, unique_ids
from .models import Article, Problem, RankedArticle
from .parallel import fork_map
from .rank import rank

# What the stage makes of one file: the article as read, without its body (None if
# unreadable), the problems met, and the ranked article (None when it has no sentences left).
Result = tuple[Article | None, tuple[Problem, ...], RankedArticle | None]


@dataclass(frozen=True)
class StageResult:
    articles: tuple[RankedArticle, ...]  # in the files' order
    problems: tuple[Problem, ...]
    keys: dict[str, str]  # article id → cache key (what a story's memo is keyed by)
    hits: int  # articles taken from the cache
    processed: int  # articles read, cleaned and ranked in this build


def process(path: str, raw: bytes) -> Result:
    """Read, clean and rank one article file (a pure function of its path and bytes)."""
    article, problems = parse(path, raw)
    if article is None:
        return None, tuple(problems), None
    ranked = rank(clean(article))
    # From here on the paragraphs and sentences hold the text: the body as read is dropped,
    # so the cache, the workers' results and the build's memory hold it once, not twice.
    article = replace(article, body="")
    if not ranked.sentences:
        problems = [*problems, Problem(path, "has no sentences after cleaning; skipped")]
        return article, tuple(problems), None
    ranked = replace(ranked, clean=replace(ranked.clean, article=article))
    return article, tuple(problems), ranked


def run(
    folder: Path, cache: article_cache.Cache | None = None, jobs: int | None = None
) -> StageResult:
    """Process every article file under `folder` (see `ingest.scan`)."""
    files, read_problems = read_files(folder)
    keys = [article_cache.article_key(rel, raw) for rel, raw in files] if cache else []
    results: dict[str, Result] = dict.fromkeys(rel for rel, _ in files)
    hits = cache.get_many(keys) if cache else {}
    for (rel, _), key in zip(files, keys, strict=False):
        if key in hits:
            results[rel] = hits[key]
    misses = [(i, rel, raw) for i, (rel, raw) in enumerate(files) if results[rel] is None]
    todo = [(rel, raw) for _, rel, raw in misses]
    computed = _compute(todo, encoded=cache is not None, jobs=jobs)
    for (i, rel, _), value in zip(misses, computed, strict=True):
        if cache is not None:
            cache.put(keys[i], value)
            value = article_cache.decode(value)  # the same path as a hit: equal by design
        results[rel] = value

    # Two files whose ids would be equal (`a.txt`, `a.md`) keep distinct ids (see
    # `ingest.unique_ids`): decided here, across files, never cached with one file.
    read = [a for a, _, _ in (results[rel] for rel, _ in files) if a is not None]
    renamed = {a.path: b for a, b in zip(read, unique_ids(read), strict=True)}
    ranked: list[RankedArticle] = []
    ids: dict[str, str] = {}
    all_problems: list[Problem] = read_problems
    for i, (rel, _) in enumerate(files):
        _, file_problems, article = results[rel]
        all_problems += file_problems
        if article is None:
            continue
        named = renamed[article.article.path]
        if named is not article.article:
            article = replace(article, clean=replace(article.clean, article=named))
        ranked.append(article)
        if cache is not None:
            ids[article.id] = keys[i]
    all_problems.sort(key=lambda p: p.path)
    return StageResult(tuple(ranked), tuple(all_problems), ids, len(hits), len(misses))


def _compute(items: Sequence[tuple[str, bytes]], *, encoded: bool, jobs: int | None) -> list:
    """`process` for each item, in order, across cores; encoded for the cache if asked."""
    one = partial(_one, encoded=encoded)
    return fork_map(one, items, jobs=jobs, label="articles", unit="article")


def _one(item: tuple[str, bytes], encoded: bool):
    result = process(*item)
    return article_cache.encode(result) if encoded else result
