"""The published site as a reader and GitHub Pages see it: every page, every link, layout,
the 404 page, the home page list, isolation of Latin runs, and `digest deploy`."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import Settings, build
from tests.browser import browser_page, screenshot
from tests.conftest import SEEDS, make_project, site_path

pytestmark = pytest.mark.slow


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        for name, value in attrs:
            if value and (name in ("href", "src") or (tag == "link" and name == "href")):
                self.links.append(value)


def _target(site: Path, page: Path, link: str, prefix: str) -> Path | None:
    """The file an internal link of `page` points to (None for external links)."""
    if link.startswith(("mailto:", "javascript:", "data:", "#")):
        return None
    parsed = urlparse(link)
    if parsed.scheme or parsed.netloc:
        return None
    if parsed.path.startswith("/"):  # the 404 page links from site_url's path
        assert parsed.path.startswith(prefix), f"{page}: {link} is outside {prefix}"
        path = site / unquote(parsed.path[len(prefix) :])
    else:
        path = (page.parent / unquote(parsed.path)).resolve()
    return path / "index.html" if path.is_dir() or parsed.path.endswith("/") else path


def test_every_internal_link_resolves(seed_site: Settings) -> None:
    prefix = site_path(seed_site.out)
    broken, checked = [], 0
    for page in html_pages(seed_site.out):
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        for link in parser.links:
            target = _target(seed_site.out, page, link, prefix)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(seed_site.out)} → {link}")
    assert broken == []
    assert checked > 300  # navigation, stories, sources, keywords, assets


def test_feed_is_announced_on_every_page(seed_site: Settings) -> None:
    for page in html_pages(seed_site.out):
        assert any(
            tag == "link"
            and a.get("rel") == "alternate"
            and a.get("type") == "application/atom+xml"
            and (a.get("href") or "").endswith("feed.xml")
            for tag, a in _parsed(page).tags
        ), page


def _parsed(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser


@pytest.mark.browser
def test_no_console_errors_on_any_page(pages_server: str, seed_site: Settings) -> None:
    urls = []
    for page in html_pages(seed_site.out):
        relative = page.relative_to(seed_site.out).as_posix()
        urls.append(relative.removesuffix("index.html"))
    assert len(urls) >= 15
    with browser_page() as page:
        for url in urls:
            page.goto(urljoin(pages_server, url), wait_until="networkidle")
            if url != "404.html":
                assert page.locator("article h1").count() == 1, url
        assert page.errors == []


@pytest.mark.browser
def test_unknown_address_gets_a_useful_404_page(pages_server: str) -> None:
    missing = urljoin(pages_server, "stories/no-such-story/")
    with browser_page() as page:
        failed: list[str] = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        response = page.goto(missing)
        assert response is not None and response.status == 404
        assert page.locator("article h1").inner_text() == "الصفحة غير موجودة"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        page.get_by_role("link", name="الصفحة الرئيسية").click()
        page.wait_for_load_state()
        assert page.url == pages_server
        page.go_back()
        page.locator("label", has_text="ابحث في الموقع").click()
        assert page.locator(".md-search__input").first.is_visible()
        # the page itself is the only thing missing: its theme assets load from site_url
        assert set(failed) == {missing}
        assert [e for e in page.errors if "404 (Not Found)" not in e] == []


@pytest.mark.browser
def test_layout_is_right_to_left(pages_server: str, seed_site: Settings) -> None:
    story = json.loads((seed_site.out / "digest.json").read_text("utf-8"))["stories"][0]
    with browser_page() as page:
        page.goto(urljoin(pages_server, "about/"))
        content = page.locator(".md-content").bounding_box()
        sidebar = page.locator(".md-sidebar--primary").bounding_box()
        assert content and sidebar
        assert sidebar["x"] > content["x"]  # the navigation is on the right
        page.goto(urljoin(pages_server, f"stories/{story['id']}/"))
        paragraph = page.locator("article blockquote p").first
        assert paragraph.evaluate("e => getComputedStyle(e).direction") == "rtl"
        assert paragraph.evaluate("e => getComputedStyle(e).textAlign") in ("start", "right")
        box = paragraph.bounding_box()
        article = page.locator("article").bounding_box()
        assert box and article
        # text starts at the right edge of the article
        assert abs((box["x"] + box["width"]) - (article["x"] + article["width"])) < 60
        toc = page.locator(".md-sidebar--secondary").bounding_box()
        assert toc and toc["x"] < article["x"]  # the table of contents is on the left
        heading = page.locator("article h1")
        assert heading.evaluate("e => getComputedStyle(e).fontFamily").startswith(
            '"Noto Naskh Arabic"'
        )
        screenshot(page, "site-story.png")
        page.goto(pages_server)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
        screenshot(page, "site-home.png")
        page.locator("label[title='الوضع الداكن']").first.click()  # the palette toggle
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == "slate"
        screenshot(page, "site-home-dark.png")
        assert page.errors == []


# --- the home page and Latin runs, on the seeds plus one more article ----------------------

EXTRA = """---
title: وزير الخارجية يلتقي نظيره في جنيف
source: وكالة الاختبار
date: 2021-09-14
---
التقى وزير الخارجية نظيره في جنيف، وقال إن نسبة النمو بلغت 3.5 بالمئة هذا العام.
وأضاف أن منظمة WHO Europe شاركت في المحادثات <script>alert(1)</script> حول الاقتصاد.
واختتم اللقاء ببيان مشترك عن التعاون الاقتصادي بين البلدين في مجالات عدة.
"""


@pytest.fixture(scope="module")
def extra_site(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("extra-site")
    articles = root / "articles"
    shutil.copytree(SEEDS, articles)
    (articles / "900_extra.md").write_text(EXTRA, encoding="utf-8")
    settings = make_project(root, articles=articles)
    build(settings)
    return settings


def test_home_lists_stories_with_date_sources_and_top_point(extra_site: Settings) -> None:
    home = (extra_site.site_src / "index.md").read_text("utf-8")
    stories = json.loads((extra_site.out / "digest.json").read_text("utf-8"))["stories"]
    items = [line for line in home.splitlines() if line.startswith("- **")]
    assert len(items) == len(stories) == 3
    # the same day: the four-source story before the one-source story
    assert stories[0]["source_count"] == 4 and "بوتين" in stories[0]["title"]
    assert stories[1]["source_count"] == 1 and "جنيف" in stories[1]["title"]
    html = (extra_site.out / "index.html").read_text("utf-8")
    assert html.index("stories/" + stories[0]["id"]) < html.index("stories/" + stories[1]["id"])
    assert "14 سبتمبر 2021 · 4 مصادر" in html and "مصدر واحد" in html
    # the top point: the story's most important key point, quoted (escaped) from its article
    assert stories[0]["key_points"][0]["text"].split("،")[0] in html
    assert "feed.xml" in _parsed(extra_site.out / "index.html").links


def test_latin_and_number_runs_are_isolated_and_text_stays_escaped(extra_site: Settings) -> None:
    stories = json.loads((extra_site.out / "digest.json").read_text("utf-8"))["stories"]
    geneva = next(s for s in stories if "جنيف" in s["title"])
    html = (extra_site.out / "stories" / geneva["id"] / "index.html").read_text("utf-8")
    assert "<bdi>WHO Europe</bdi>" in html and "<bdi>3.5</bdi>" in html
    assert "<script>alert" not in html and "&lt;<bdi>script</bdi>&gt;" in html


@pytest.mark.browser
def test_isolated_runs_render_left_to_right_inside_arabic(extra_site: Settings) -> None:
    stories = json.loads((extra_site.out / "digest.json").read_text("utf-8"))["stories"]
    geneva = next(s for s in stories if "جنيف" in s["title"])
    with browser_page() as page:
        page.goto((extra_site.out / "stories" / geneva["id"] / "index.html").as_uri())
        run = page.locator("article bdi", has_text="WHO Europe")
        assert run.evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert run.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"


# --- digest deploy ------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_deploy_publishes_the_built_site_to_gh_pages(
    tmp_path: Path, seed_site: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "--bare", "-q", str(remote))
    project = tmp_path / "project"
    project.mkdir()
    make_project(project, articles=None)
    _git(project, "init", "-q")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "site")
    _git(project, "remote", "add", "origin", str(remote))
    monkeypatch.chdir(project)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "t")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "t@t")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "t")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "t@t")
    result = CliRunner().invoke(main, ["deploy", "-m", "Publish the digest"])
    assert result.exit_code == 0, result.output
    files = _git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"index.html", "feed.xml", "digest.json", "404.html", ".nojekyll"} <= set(files)
    assert "pagefind/pagefind-entry.json" in files  # the search index, published with the site
    assert "Publish the digest" in _git(remote, "log", "-1", "--format=%s", "gh-pages")


def test_deploy_outside_a_git_repository_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = CliRunner().invoke(main, ["deploy"])
    assert result.exit_code == 1
    assert "not a git repository" in result.output


def test_pages_are_minified_without_changing_what_a_reader_sees() -> None:
    from generator.site.minify import minify

    page = (
        "<html>\n  <head>\n    <title>&lt;/title&gt;&lt;img src=x&gt;</title>\n  </head>\n"
        "  <body>\n\n    <p>سطر\n      ثان</p>\n    <pre>  code\n    kept</pre>\n  </body>\n</html>"
    )
    assert minify(page) == (
        "<html>\n<head>\n<title>&lt;/title&gt;&lt;img src=x&gt;</title>\n</head>\n"
        "<body>\n<p>سطر\nثان</p>\n<pre>  code\n    kept</pre>\n</body>\n</html>"
    )
