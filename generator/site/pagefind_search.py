"""Full-text search with Pagefind: the MkDocs plugin `digest-search` (mkdocs.yml).

While MkDocs renders, the plugin makes each searchable page's content Pagefind's body
(`search_page.indexed_html`: a story's whole shown text with the forms a reader types, a
source or keyword page by its name); after the build it runs the Pagefind binary (PyPI
`pagefind-bin`, no download at build time) on the built site, which writes the index, split
into small fragments a reader's browser fetches per query, into `pagefind/`. A reader's
first view of a page fetches none of it: the page script loads Pagefind when the search box
is first used (`overrides/assets/javascripts/digest-search.js`).

Options (mkdocs.yml): `stories` and `names` are glob patterns of pages under docs_dir, the
ones indexed whole and the ones indexed by their name only; every other page is left out.
"""

from __future__ import annotations

import logging
import subprocess
import time
from fnmatch import fnmatch
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .search_page import indexed_html

BUNDLE = "pagefind"  # the index's folder in the built site
# Pagefind's own interfaces and its web worker: the site uses Material's box and searches on
# the page's thread (digest-search.js), so these are never fetched and are not published
UNUSED = (
    "pagefind-ui.*",
    "pagefind-component-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)
log = logging.getLogger("mkdocs.plugins.digest-search")


class _Options(Config):
    stories = config_options.ListOfItems(config_options.Type(str), default=["stories/*.md"])
    names = config_options.ListOfItems(config_options.Type(str), default=[])
    exclude = config_options.ListOfItems(config_options.Type(str), default=[])


def pagefind_command(site_dir: Path) -> list[str]:
    """The Pagefind binary's command line for a built site (Arabic, quiet)."""
    from pagefind_bin import get_executable

    return [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        "ar",
        "--silent",
    ]


def run_pagefind(site_dir: Path) -> float:
    """Index the built site into `site_dir/pagefind`; the seconds it took."""
    start = time.perf_counter()
    done = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"Pagefind failed: {(done.stderr or done.stdout).strip()[:500]}")
    for pattern in UNUSED:
        for path in (site_dir / BUNDLE).glob(pattern):
            path.unlink()
    return time.perf_counter() - start


class PagefindPlugin(BasePlugin[_Options]):
    """Marks what search indexes on each page and builds the Pagefind index afterwards."""

    seconds: float = 0.0

    def _matches(self, uri: str, patterns: list[str]) -> bool:
        return any(fnmatch(uri, p) for p in patterns)

    def on_page_content(self, html, *, page, config, files):
        uri = page.file.src_uri
        if self._matches(uri, self.config.exclude):
            return html
        whole = self._matches(uri, self.config.stories)
        if not whole and not self._matches(uri, self.config.names):
            return html
        meta = page.meta
        keywords = meta.get("search_keywords") if whole else None
        size = meta.get("search_size") if whole else None
        return indexed_html(
            html,
            title=page.title or "",
            keywords=keywords if isinstance(keywords, list) else [],
            size=size if isinstance(size, int) else None,
            whole=whole,
        )

    def on_post_build(self, *, config) -> None:
        self.seconds = run_pagefind(Path(config["site_dir"]))
        log.info("Pagefind indexed the site in %.1f s", self.seconds)
