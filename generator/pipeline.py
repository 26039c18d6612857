"""The pipeline: the one place that knows the order of the stages.

    read → text → rank → stories → compare → site → (MkDocs build)

Each article file is read (`read/`), cleaned and split into sentences (`text/`) and ranked
(`rank/`); the articles are grouped into stories (`stories/`), each story gets its keywords
(`rank/`) and its comparison of outlets (`compare/`), and the site is rendered, staged and
built (`site/`). The stages are pure functions; the runtime (`runtime/stages.py`) wraps them
with the cache and the workers, and says how each result is keyed and reused.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .compare.comparison import compare, known_outlets, with_missing
from .errors import StrictError
from .models import Article, Keyword, Page, Problem, RankedArticle, Story, StoryComparison
from .rank.key_sentences import rank
from .rank.keywords import story_keywords
from .read.ingest import parse, read_files, unique_ids
from .runtime.cache import FOLDER as CACHE_FOLDER
from .runtime.stages import Runtime
from .site import mkdocs_build as site_build
from .site.config import SITE_NAME, load_site_config
from .site.export import to_json
from .site.feed import atom_feed
from .site.home import FEED
from .site.outlets import load_outlets, named
from .site.redirects import redirect_pages
from .site.render import render_site
from .site.write import WriteReport, staged_pages
from .stories.group import duplicate_problems, group
from .text import outlet_boilerplate
from .text.clean import clean


@dataclass(frozen=True)
class Settings:
    articles: Path = Path("articles")
    site_src: Path = Path("site_src")
    out: Path = Path("site")
    config: Path = Path("mkdocs.yml")
    strict: bool = False
    site_name: str | None = None  # None: mkdocs.yml's `site_name` (site/config.py)
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
    site_name: str = SITE_NAME

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
    cache_dir = settings.cache_dir if settings.cache else None
    with Runtime.open(cache_dir, settings.jobs) as runtime:
        stage = read_articles(settings.articles, runtime)
        with runtime.thread_map() as map_days:
            stories = runtime.grouped(lambda a: group(a, map_days=map_days), stage.articles)
        analyses = runtime.each_story(analyse, stories)
    site, config_problems = load_site_config(settings.config)
    outlets, outlet_problems = load_outlets(settings.config.parent / site.sources_file)
    stories = named(
        [
            replace(story, keywords=keywords, comparison=comparison)
            for story, (keywords, comparison) in zip(stories, analyses, strict=True)
        ],
        outlets,
    )
    known = known_outlets(stories)
    stories = [
        replace(story, comparison=with_missing(story.comparison, story, known))
        for story in stories
    ]
    site = replace(site, name=settings.site_name or site.name)
    pages = render_site(stories, site, outlets)
    problems = (
        *stage.problems,
        *duplicate_problems(stories),
        *(Problem(settings.config.name, p) for p in config_problems),
        *(Problem(site.sources_file, p.split(": ", 1)[1]) for p in outlet_problems),
    )
    return Digest(tuple(stories), tuple(pages), problems, stage.reused, site.name)


@dataclass(frozen=True)
class ArticleStage:
    """The articles that have sentences, in the files' order, and the problems met."""

    articles: tuple[RankedArticle, ...]
    problems: tuple[Problem, ...]  # sorted by path
    reused: int  # articles taken from the cache
    processed: int  # articles read, cleaned and ranked in this build


def read_articles(folder: Path, runtime: Runtime | None = None) -> ArticleStage:
    """read → text → rank of every article file under `folder` (see `ingest.scan`), each
    file reused from the cache while it is unchanged, the others across the cores."""
    runtime = runtime or Runtime(None, None)
    files, read_problems = read_files(folder)
    done, reused = runtime.each_file(process_file, files)
    articles, problems = _distinct(read_problems, done)
    runtime.articles(articles)
    articles, emptied = _without_outlet_boilerplate(articles, runtime)
    problems = sorted([*problems, *emptied], key=lambda p: p.path)
    return ArticleStage(tuple(articles), tuple(problems), reused, len(files) - reused)


def _without_outlet_boilerplate(
    articles: Sequence[RankedArticle], runtime: Runtime
) -> tuple[list[RankedArticle], list[Problem]]:
    """The articles without what their outlet prints around many of its articles (learned
    from this build's articles, `text/outlet_boilerplate.py`), re-ranked where they held
    some; an article left with no sentences is skipped, as one with none after cleaning."""
    held = outlet_boilerplate.held(articles)
    done = runtime.learned(rerank, articles, held)
    kept = [a for a in done if a.sentences]
    emptied = [
        Problem(a.article.path, "has no sentences after cleaning; skipped")
        for a in done if not a.sentences
    ]  # fmt: skip
    return kept, emptied


def rerank(item: tuple[RankedArticle, tuple[str, ...]]) -> RankedArticle:
    """An article ranked again without the learned boilerplate keys it holds."""
    article, held = item
    stripped = outlet_boilerplate.strip(article.clean, held)
    if stripped == article.clean:  # what it held was already cut (a glued head, say)
        return article
    return replace(rank(stripped), learn_keys=article.learn_keys)


# What the article stage makes of one file: the article as read, without its body (None if
# unreadable), the problems met, and the ranked article (None when it has no sentences left).
FileResult = tuple[Article | None, tuple[Problem, ...], RankedArticle | None]


def process_file(path: str, raw: bytes) -> FileResult:
    """Read, clean and rank one article file (a pure function of its path and bytes).

    Whatever one file's bytes make a stage raise is that file's problem, never the build's:
    the stages name every problem they know (see README's bad-input table), and anything
    else is caught here, named with the file, and the file skipped."""
    try:
        return _process_file(path, raw)
    except Exception as exc:  # one article never stops the build
        reason = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else ""
        detail = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
        return None, (Problem(path, f"{UNEXPECTED} ({detail}); skipped"),), None


UNEXPECTED = "could not be processed"  # the problem of a file a stage failed on


def _process_file(path: str, raw: bytes) -> FileResult:
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
    keys = outlet_boilerplate.article_keys(ranked)  # the body is not among what it reads
    ranked = replace(ranked, clean=replace(ranked.clean, article=article), learn_keys=keys)
    return article, tuple(problems), ranked


def _distinct(
    problems: list[Problem], done: Sequence[FileResult]
) -> tuple[list[RankedArticle], list[Problem]]:
    """The ranked articles in the files' order, with distinct ids (`a.txt` and `a.md` would
    share one: decided here, across files, never cached with one file), and all problems
    sorted by path."""
    read = [article for article, _, _ in done if article is not None]
    renamed = {a.path: b for a, b in zip(read, unique_ids(read), strict=True)}
    ranked: list[RankedArticle] = []
    for _, file_problems, article in done:
        problems += file_problems
        if article is None:
            continue
        named = renamed[article.article.path]
        if named is not article.article:
            article = replace(article, clean=replace(article.clean, article=named))
        ranked.append(article)
    problems.sort(key=lambda p: p.path)
    return ranked, problems


def analyse(story: Story) -> tuple[tuple[Keyword, ...], StoryComparison]:
    """A story's keywords and its comparison of outlets (all but the outlets that did not
    cover it: those depend on the rest of the corpus and are set after)."""
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
                    FEED: lambda site_url: atom_feed(digest.stories, site_url, digest.site_name),
                    **redirect_pages(digest.stories),
                },
            )
    return digest, staged.report
