"""The pipeline: the one place that knows the order of the stages.

ingest → clean → sentences → rank → stories → keywords → compare → render → write → build
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import article_stage
from . import build as site_build
from .cache import FOLDER as CACHE_FOLDER
from .cache import Cache, encode, memo_key
from .compare import compare, known_outlets, with_missing
from .errors import StrictError
from .export import to_json
from .feed import atom_feed
from .keywords import story_keywords
from .models import Duplicate, Keyword, Page, Problem, RankedArticle, Story, StoryComparison
from .parallel import fork_map
from .redirects import redirect_pages
from .render import FEED, render_site
from .stories import duplicate_problems, group
from .write import WriteReport, staged_pages


@dataclass(frozen=True)
class Settings:
    articles: Path = Path("articles")
    site_src: Path = Path("site_src")
    out: Path = Path("site")
    config: Path = Path("mkdocs.yml")
    strict: bool = False
    site_name: str = "Digest"
    cache: bool = True  # reuse unchanged articles' results from .digest-cache/
    jobs: int | None = None  # processes for articles and stories; None: one per core

    @property
    def cache_dir(self) -> Path:
        """`.digest-cache/` beside the MkDocs configuration (the project's folder)."""
        return self.config.parent / CACHE_FOLDER


@dataclass(frozen=True)
class Digest:
    """What the generator made of the articles: stories, pages, and the problems met."""

    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = field(default=())
    reused: int = 0  # articles taken from the cache, not processed again

    @property
    def json(self) -> str:
        return to_json(self.stories)


def generate(settings: Settings) -> Digest:
    """Read and process the articles into stories and pages (no writing)."""
    with collector_paused():
        return _generate(settings)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the build runs: nearly all it makes (articles,
    stories, pages) lives until the end, and each full collection walked millions of them
    (a tenth of a news-scale build). Reference counting still frees what is dropped."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _generate(settings: Settings) -> Digest:
    cache = Cache(settings.cache_dir) if settings.cache else None
    try:
        stage = article_stage.run(settings.articles, cache, settings.jobs)
        grouped = grouped_stories(stage.articles, stage.keys, cache, settings.jobs)
        stories = analysed(grouped, stage.keys, cache, settings.jobs)
        if cache is not None:
            cache.commit()
    finally:
        if cache is not None:
            cache.close()
    pages = render_site(stories, settings.site_name)
    problems = (*stage.problems, *duplicate_problems(grouped))
    return Digest(tuple(stories), tuple(pages), problems, stage.hits)


def grouped_stories(
    articles: Sequence[RankedArticle],
    keys: dict[str, str],
    cache: Cache | None,
    jobs: int | None = None,
) -> list[Story]:
    """`stories.group`, or, when exactly these articles were grouped before, its result again
    (a rebuild with no article changed, after a template or hand-written page changed)."""
    if cache is None:
        return group(articles, jobs=jobs)
    key = memo_key("groups", _file_keys(articles, keys))
    plan = cache.get(key, "memo")
    if plan is None:
        stories = group(articles, jobs=jobs)
        plan = [
            (s.id, [a.id for a in s.articles], s.title, s.aliases,
             [(d.of, d.copy.id, d.exact) for d in s.duplicates])
            for s in stories
        ]  # fmt: skip
        cache.put(key, encode(plan), "memo")
        return stories
    by_id = {a.id: a for a in articles}
    return [
        Story(
            id=story_id,
            articles=tuple(by_id[a] for a in members),
            title=title,
            aliases=aliases,
            duplicates=tuple(Duplicate(of, by_id[copy], exact) for of, copy, exact in copies),
        )
        for story_id, members, title, aliases, copies in plan
    ]


def analysed(
    stories: Sequence[Story], keys: dict[str, str], cache: Cache | None, jobs: int | None = None
) -> list[Story]:
    """Each story with its keywords and its comparison of sources (the keywords and compare
    stages); a story whose articles did not change reuses both from the cache. Only the
    outlets that did not cover a story depend on the rest of the corpus: they are set after."""
    memo: dict[str, str] = {}
    if cache is not None:
        memo = {s.id: memo_key("story", _file_keys(s.published, keys)) for s in stories}
    found = cache.get_many(list(memo.values()), "memo") if cache is not None else {}
    results = {sid: found[key] for sid, key in memo.items() if key in found}
    todo = [s for s in stories if s.id not in results]
    done = fork_map(_analyse, todo, jobs=jobs, label="stories", unit="story")
    for story, result in zip(todo, done, strict=True):
        results[story.id] = result
        if cache is not None:
            cache.put(memo[story.id], encode(result), "memo")
    known = known_outlets(stories)
    out = []
    for story in stories:
        keywords, comparison = results[story.id]
        comparison = with_missing(comparison, story, known)
        out.append(replace(story, keywords=keywords, comparison=comparison))
    return out


def _file_keys(articles: Sequence[RankedArticle], keys: dict[str, str]) -> list[str]:
    """What identifies these articles' results: each one's id and its file's cache key."""
    return [f"{a.id} {keys[a.id]}" for a in articles]


def _analyse(story: Story) -> tuple[tuple[Keyword, ...], StoryComparison]:
    return story_keywords(story.articles), compare(story, {})


def build(
    settings: Settings,
    *,
    mkdocs: bool = True,
    report_problems: Callable[[Sequence[Problem]], None] = lambda problems: None,
) -> tuple[Digest, WriteReport]:
    """Generate, write the Markdown, and (unless told not to) build the site with MkDocs.

    Problems with articles are handed to `report_problems` first; with `strict` they then
    fail the build, before anything is written.
    """
    digest = generate(settings)
    report_problems(digest.problems)
    if settings.strict and digest.problems:
        raise StrictError(f"{len(digest.problems)} problem(s) with articles in strict mode")
    # The pages are staged and MkDocs builds from the staging folder: only a build that
    # succeeded swaps them into site_src (and the site into out); a failure leaves both.
    with staged_pages(digest.pages, settings.site_src) as staged:
        if mkdocs:
            site_build.mkdocs_build(
                settings.config,
                staged.docs_dir,
                settings.out,
                {
                    "digest.json": digest.json.encode("utf-8"),
                    FEED: lambda site_url: atom_feed(digest.stories, site_url, settings.site_name),
                    **redirect_pages(digest.stories),
                },
            )
    return digest, staged.report
