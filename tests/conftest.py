"""Shared fixtures: the seed articles, article builders, and one built seed site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.pipeline import Settings, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "articles"
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
