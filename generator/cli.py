"""The `digest` command line (also `python -m generator`)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .errors import DigestError
from .models import Problem
from .pipeline import Settings, build, generate
from .read import add as adding
from .runtime.lock import build_lock
from .site import mkdocs_build as site_build
from .site.write import check_paths, remove_stale_staging

_articles = click.option(
    "--articles",
    type=click.Path(path_type=Path),
    default=Path("articles"),
    show_default=True,
    help="Folder of articles (.md, .txt, .html; read recursively, never modified).",
)
_site_src = click.option(
    "--site-src",
    type=click.Path(path_type=Path),
    default=Path("site_src"),
    show_default=True,
    help="MkDocs docs folder; the generator owns index.md, stories/, sources/, keywords/ in it.",
)
_config = click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="MkDocs configuration file.",
)
_out = click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Where the static site is written (replaced only by a successful build).",
)
_strict = click.option(
    "--strict", is_flag=True, help="Fail (exit 1) if any article had a problem."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digest")
def main() -> None:
    """Digest: turn news articles from many outlets into a right-to-left digest site.

    Articles are grouped into stories; each story page shows what every outlet reports,
    with its key sentences quoted exactly. The site is built with MkDocs + Material.
    """


@main.command(name="build")
@_articles
@_site_src
@_out
@_config
@_strict
def build_command(articles: Path, site_src: Path, out: Path, config: Path, strict: bool) -> None:
    """Generate the Markdown into SITE_SRC and build the static site into OUT.

    MkDocs always builds in strict mode: a broken link fails the build and the previous
    site stays in place.
    """
    settings = Settings(articles=articles, site_src=site_src, out=out, config=config, strict=strict)
    digest, report = _run(lambda: _build_locked(settings))
    click.echo(
        f"Built {len(digest.stories)} stories from "
        f"{sum(len(s.articles) for s in digest.stories)} articles into {out}/ "
        f"({report.written} pages written, {report.unchanged} unchanged, {report.removed} removed; "
        f"{digest.reused} articles reused from the cache)."
    )


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE|URL...")
@_articles
@_site_src
@_out
@_config
@_strict
def add(
    sources: tuple[str, ...], articles: Path, site_src: Path, out: Path, config: Path, strict: bool
) -> None:
    """Add article files or web articles to ARTICLES, then rebuild the site.

    A FILE (.md, .markdown, .txt, .html, .htm) is copied; a URL (http/https) is downloaded
    and its main text, title, site name and date are saved as a Markdown article with front
    matter.
    Nothing is ever overwritten: an article already there (same bytes) is skipped, a name
    already taken gets a number. Unchanged articles come from the cache, so the rebuild
    only processes the new ones.
    """
    incoming = _run(lambda: adding.gather(sources))
    for item in _run(lambda: adding.place(incoming, articles)):
        if item.new:
            click.echo(f"Added {item.path} (from {item.origin}).")
        else:
            click.echo(f"Already there: {item.origin} is {item.path}; not added again.")
    build_command.callback(articles, site_src, out, config, strict)


@main.command()
@_articles
@_site_src
@_config
@click.option("--remote-name", help="Git remote to push to (default: MkDocs' remote_name, origin).")
@click.option(
    "--remote-branch", help="Branch to publish to (default: MkDocs' remote_branch, gh-pages)."
)
@click.option("-m", "--message", help="Commit message of the published site.")
@click.option("--force", is_flag=True, help="Force the push to the remote branch.")
def deploy(
    articles: Path,
    site_src: Path,
    config: Path,
    remote_name: str | None,
    remote_branch: str | None,
    message: str | None,
    force: bool,
) -> None:
    """Build the site into site/, then publish it with `mkdocs gh-deploy`.

    Run it in the project's git repository: the built site is committed to the gh-pages
    branch and pushed to the remote (GitHub Pages: Source "Deploy from a branch",
    gh-pages). Set site_url (or SITE_URL) to the site's public address first.
    """
    out = Path("site")
    if not _in_git_repository():
        click.echo("Error: this folder is not a git repository; nothing to deploy to", err=True)
        click.echo("Hint: run `digest deploy` at the root of the project's clone", err=True)
        sys.exit(1)
    settings = Settings(articles=articles, site_src=site_src, out=out, config=config)
    _run(lambda: _build_locked(settings))
    _run(
        lambda: site_build.gh_deploy(
            config,
            out,
            remote_name=remote_name,
            remote_branch=remote_branch,
            message=message,
            force=force,
        )
    )
    click.echo(f"Published {out}/ to the {remote_branch or 'gh-pages'} branch.")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--words", type=click.IntRange(min=1), help="Length budget in words (summa's rule).")
@click.option("--sentences", type=click.IntRange(min=1), help="Number of key sentences.")
def summarize(files: tuple[Path, ...], words: int | None, sentences: int | None) -> None:
    """Print the key sentences of each FILE, one per line, quoted exactly, in text order.

    Three sentences unless --words or --sentences says otherwise. A file may have front
    matter like any article. With several files, each is headed by `==> FILE <==`.
    """
    from .rank.key_sentences import rank
    from .read.ingest import parse
    from .text.clean import clean

    if words is not None and sentences is not None:
        raise click.UsageError("give --words or --sentences, not both")
    failed = 0
    for n, path in enumerate(files):
        try:
            article, problems = parse(path.name, path.read_bytes())
        except OSError as exc:
            article, problems = None, [Problem(str(path), f"cannot be read ({exc.strerror})")]
        for problem in problems:
            click.echo(f"Warning: {path}: {problem.message}", err=True)
        if article is None:
            failed += 1
            continue
        if len(files) > 1:
            click.echo(f"{chr(10) if n else ''}==> {path} <==")
        for sentence in rank(clean(article), words=words, sentences=sentences).key:
            click.echo(sentence.text)
    if failed:
        click.echo(f"Error: {failed} of {len(files)} file(s) could not be summarised", err=True)
        sys.exit(1)


def _in_git_repository() -> bool:
    import subprocess

    result = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True
    )
    return result.returncode == 0 and result.stdout.strip() == "true"


@main.command()
@_articles
@_site_src
@_config
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
def serve(articles: Path, site_src: Path, config: Path, dev_addr: str) -> None:
    """Generate the Markdown, then preview the site live with `mkdocs serve`."""
    settings = Settings(articles=articles, site_src=site_src, config=config)
    _run(lambda: _build_locked(settings, mkdocs=False))
    from mkdocs.commands.serve import serve as mkdocs_serve

    _configure_logging()
    mkdocs_serve(config_file=str(config), docs_dir=str(site_src.resolve()), dev_addr=dev_addr)


@main.command()
@_articles
def check(articles: Path) -> None:
    """Report every problem with the articles, without writing or building anything.

    Runs the whole generation (reading, cleaning, key sentences, stories, pages) and
    prints each problem as `Warning: <file>: <problem>`. Exits 1 if there was any
    problem (as `build --strict` would), 0 if none. Files are only ever read.
    """
    settings = Settings(articles=articles)

    def run():
        digest = generate(settings)
        check_paths(digest.pages)
        return digest

    digest = _run(run)
    _print_problems(digest.problems)
    count = sum(len(s.articles) for s in digest.stories)
    summary = f"{count} articles in {len(digest.stories)} stories would be built"
    if digest.problems:
        click.echo(f"Checked {articles}/: {summary}; {len(digest.problems)} problem(s).")
        sys.exit(1)
    click.echo(f"Checked {articles}/: {summary}; no problems.")


def _build_locked(settings: Settings, *, mkdocs: bool = True):
    """`build`, holding the lock of the docs folder (one writing command at a time)."""
    with build_lock(settings.site_src):
        remove_stale_staging(settings.site_src)  # left by a killed build: none can be running
        site_build.remove_stale_builds(settings.out)
        return build(settings, mkdocs=mkdocs, report_problems=_print_problems)


def _run(action):
    _configure_logging()
    try:
        return action()
    except DigestError as exc:
        click.echo(f"Error: {exc}", err=True)
        if exc.hint:
            click.echo(f"Hint: {exc.hint}", err=True)
        sys.exit(1)


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        click.echo(f"Warning: {problem}", err=True)
    if problems:
        click.echo(f"{len(problems)} article problem(s) reported.", err=True)


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    mkdocs_logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, logging.StreamHandler) for h in mkdocs_logger.handlers):
        mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.WARNING)
    mkdocs_logger.propagate = False


__all__ = ["main"]
