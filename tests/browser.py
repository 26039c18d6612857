"""Headless Chromium for tests: Debian's browser driven by Playwright (never downloaded)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        from tests.conftest import IN_CI

        message = "Chromium is not installed: run `make test` (scripts/install-browser.sh)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def browser_page(locale: str = "ar") -> Iterator:
    """A fresh page in headless Chromium; console errors are collected on `page.errors`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.errors = []
            page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
            page.on("pageerror", lambda e: page.errors.append(str(e)))
            yield page
        finally:
            browser.close()


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the result links, URL-decoded.

    `fill` plus an `input` event is not enough: Material reacts to a key event, so one is
    sent (End) before waiting for the asynchronously loaded index to answer.
    """
    from urllib.parse import unquote

    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.dispatch_event("input")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [unquote(h.split("?")[0]) for h in hrefs]
