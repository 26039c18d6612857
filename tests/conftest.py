"""Shared fixtures: the seed articles, article builders, and one built seed site."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.pipeline import Settings, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "articles"
DATA = ROOT / "tests" / "data"  # what the tests need, kept in the repository
ARTIFACTS = ROOT / "test-artifacts"  # screenshots the browser tests leave for a reader
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def make_project(tmp: Path, articles: Path | None = None) -> Settings:
    """A throwaway project folder: our mkdocs.yml, overrides and hand-written pages."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    shutil.copytree(
        ROOT / "site_src",
        tmp / "site_src",
        ignore=shutil.ignore_patterns("index.md", "stories", "sources", "keywords"),
    )
    if articles is None:
        articles = tmp / "articles"
        shutil.copytree(SEEDS, articles)
    return Settings(
        articles=articles,
        site_src=tmp / "site_src",
        out=tmp / "site",
        config=tmp / "mkdocs.yml",
    )


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seed articles built once, with MkDocs in strict mode."""
    settings = make_project(tmp_path_factory.mktemp("seed-site"))
    build(settings)
    return settings


NEWSROOM = DATA / "newsroom"  # invented articles of three outlets over a month


@pytest.fixture(scope="session")
def newsroom_site(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The newsroom test corpus (tests/data/newsroom, with its sources.yml) built once."""
    root = tmp_path_factory.mktemp("newsroom")
    settings = make_project(root, articles=NEWSROOM / "articles")
    shutil.copy(NEWSROOM / "sources.yml", root / "sources.yml")
    digest, _ = build(settings)
    assert digest.problems == ()
    return settings


@contextmanager
def serve(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] | None = None):
    """`folder` served on localhost (quietly) for the block; yields the base URL."""
    handler = functools.partial(handler or QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(seed_site: Settings) -> Iterator[str]:
    """The built seed site served on localhost; yields its base URL."""
    with serve(seed_site.out) as url:
        yield url


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that does not log every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def write_articles(tmp_path: Path):
    """Builder: write {name: text} into a fresh articles folder and return its path."""

    def _write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "articles"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return _write


def site_path(site: Path) -> str:
    """The path of the site_url the site was built for (from its feed): `/digest/`."""
    feed = (site / "feed.xml").read_text("utf-8")
    return urlparse(re.search(r"<id>([^<]+)</id>", feed)[1]).path


# --- served as GitHub Pages serves a project site: under site_url's path, 404.html --------


class _PagesHandler(QuietHandler):
    """Serves the site under a path prefix and answers unknown paths with 404.html."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        inside = path.startswith(self.prefix)
        return super().translate_path("/" + path[len(self.prefix) :] if inside else "/missing")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def pages_server(seed_site: Settings) -> Iterator[str]:
    prefix = site_path(seed_site.out)
    handler = type("Handler", (_PagesHandler,), {"prefix": prefix})
    with serve(seed_site.out, handler) as url:
        yield url.rstrip("/") + prefix


@pytest.fixture(scope="session", autouse=True)
def _shared_browser() -> Iterator[None]:
    """The one Chromium the browser tests share (tests/browser.py) is closed at the end."""
    yield
    from tests.browser import close_browser

    close_browser()
