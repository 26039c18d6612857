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


_SHARED: dict[str, object] = {}  # one Playwright and one Chromium for the whole session


def _browser():
    """The session's Chromium, launched on first use (closed by `close_browser`)."""
    if "browser" not in _SHARED:
        from playwright.sync_api import sync_playwright

        path = chromium_path()  # skips (fails in CI) before anything is started
        playwright = sync_playwright().start()
        try:
            _SHARED["browser"] = playwright.chromium.launch(
                executable_path=path, args=CHROMIUM_ARGS
            )
        except BaseException:
            playwright.stop()
            raise
        _SHARED["playwright"] = playwright
    return _SHARED["browser"]


def close_browser() -> None:
    """Close the session's Chromium, if one was launched (conftest calls it at the end)."""
    browser, playwright = _SHARED.pop("browser", None), _SHARED.pop("playwright", None)
    if browser is not None:
        browser.close()
    if playwright is not None:
        playwright.stop()


@contextmanager
def browser_page(locale: str = "ar", width: int = 1280, height: int = 900) -> Iterator:
    """A fresh page (its own context: no cookies or storage from another test) in the
    session's headless Chromium; console errors are collected on `page.errors`."""
    context = _browser().new_context(locale=locale, viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page
    finally:
        context.close()


def search(page, query: str, timeout: float = 15000) -> list[str]:
    """Type `query` into Material's search box; return the result links, URL-decoded.

    `fill` plus an `input` event is not enough: Material reacts to a key event, so one is
    sent (End) before waiting for the asynchronously loaded index to answer. At a phone's
    width the box is opened from the header's search icon first, as a reader does.
    """
    from urllib.parse import unquote

    opener = page.locator('.md-header__button[for="__search"]')
    if opener.is_visible():  # a phone's width: the box opens from the header's icon
        opener.click()
    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.dispatch_event("input")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=timeout)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [unquote(h.split("?")[0]) for h in hrefs]


def screenshot(page, name: str) -> None:
    """Leave what the page shows in test-artifacts/ for a reader (and README's pictures)."""
    from tests.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
