"""The pipeline: the one place that knows the order of the stages.

ingest → clean → sentences → rank → stories → keywords → compare → render → write → build
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import build as site_build
from .clean import clean
from .compare import compare_stories
from .errors import StrictError
from .export import to_json
from .feed import atom_feed
from .ingest import read_folder
from .keywords import story_keywords
from .models import Page, Problem, Story
from .rank import rank
from .redirects import redirect_pages
from .render import FEED, render_site
from .stories import duplicate_problems, group
from .write import WriteReport, staged_pages, write_pages


@dataclass(frozen=True)
class Settings:
    articles: Path = Path("articles")
    site_src: Path = Path("site_src")
    out: Path = Path("site")
    config: Path = Path("mkdocs.yml")
    strict: bool = False
    site_name: str = "Digest"


@dataclass(frozen=True)
class Digest:
    """What the generator made of the articles: stories, pages, and the problems met."""

    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def json(self) -> str:
        return to_json(self.stories)


def generate(settings: Settings) -> Digest:
    """Read and process the articles into stories and pages (no writing)."""
    ingested = read_folder(settings.articles)
    problems = list(ingested.problems)
    ranked = []
    for article in ingested.articles:
        result = rank(clean(article))
        if not result.sentences:
            problems.append(Problem(article.path, "has no sentences after cleaning; skipped"))
            continue
        ranked.append(result)
    grouped = group(ranked)
    problems.extend(duplicate_problems(grouped))
    stories = [replace(s, keywords=story_keywords(s.articles)) for s in grouped]
    stories = compare_stories(stories)
    pages = render_site(stories, settings.site_name)
    return Digest(tuple(stories), tuple(pages), tuple(problems))


def write(digest: Digest, settings: Settings) -> WriteReport:
    return write_pages(digest.pages, settings.site_src)


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
