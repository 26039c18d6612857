"""Search: the forms a reader types (unit), what the built index holds, and the real search box
in Chromium on two built sites (the seeds and the newsroom test corpus)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.language.arabic import fold
from generator.pipeline import Settings
from generator.site.search_index import word_forms
from generator.site.search_page import SENTINEL, indexed_html, name_forms, typed_forms, words_of
from tests.browser import browser_page, search
from tests.conftest import serve

SNIPPET_WORDS = 40  # digest-search.js: a result's sentence is cut to this many words


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("الحكومة", "حكومة"),  # without the article
        ("الحكومة", "حكومه"),  # ta marbuta typed as ha
        ("وللحكومة", "حكومة"),  # conjunction + preposition + article
        ("بالحكومة", "حكومة"),
        ("لسوريا", "سوريا"),  # a lone preposition
        ("وموسكو", "موسكو"),  # a lone conjunction
        ("الإرهاب", "ارهاب"),  # hamza under alef typed bare
        ("الإرهاب", "إرهاب"),
        ("الأسد", "اسد"),
        ("الأجنبية", "الاجنبية"),  # bare alef, ta marbuta kept
        ("الأجنبية", "اجنبيه"),
        ("مصطفى", "مصطفي"),  # alef maqsura typed as ya
        ("علي", "على"),  # and the other way round
        ("آلعسكري", "عسكري"),
        ("الْحُكُومَة", "حكومة"),  # diacritics
        ("٢٠٢١", "2021"),  # Arabic-Indic digits
        ("COVID", "covid"),  # Latin words lower-cased
    ],
)
def test_a_typed_form_is_among_the_indexed_forms(written: str, typed: str) -> None:
    assert typed in word_forms(written)
    assert fold(typed) in typed_forms(written)  # what the page gives Pagefind, folded


@pytest.mark.parametrize(
    ("written", "not_typed"),
    [
        ("بوتين", "تين"),  # a ب-initial name keeps at least three letters
        ("الحكومة", "كومة"),
        ("ال", ""),
    ],
)
def test_clitics_are_not_stripped_below_the_stem(written: str, not_typed: str) -> None:
    assert not_typed not in word_forms(written)


@pytest.mark.parametrize(("one", "other"), [("ترامب", "ترمب"), ("نتنياهو", "نتانياهو")])
def test_spellings_of_one_name_are_indexed_as_each_other(one: str, other: str) -> None:
    assert fold(other) in name_forms(one) and fold(one) in name_forms(other)
    assert fold(other) in typed_forms("وترامب" if one == "ترامب" else one)


def test_a_story_page_gives_its_shown_text_then_hidden_forms() -> None:
    body = indexed_html(
        "<p>قالت الحكومة إن الإرهاب</p>", title="قمة موسكو", keywords=["الأسد"], size=30002
    )
    assert body.startswith('<div data-pagefind-body data-pagefind-sort="size:30002"><p>قالت')
    shown, added = body.split(SENTINEL)
    assert "حكومه" not in shown and "ارهاب" not in shown
    hidden = set(words_of(added))
    assert {"حكومه", "ارهاب", "اسد", "موسكو"} <= hidden  # موسكو: the title's, at its weight
    assert "قالت" not in hidden  # a shown word already folded is not repeated
    assert f'<div hidden data-pagefind-weight="10"><p>{SENTINEL}' in body  # a title's weight


def test_a_list_page_gives_only_its_name_and_keeps_its_list() -> None:
    page = indexed_html("<ul><li>قمة موسكو</li></ul>", title="وزارة الدفاع", whole=False)
    shown, body = page.split("<div data-pagefind-body>")
    assert shown == "<ul><li>قمة موسكو</li></ul>"  # the list is on the page, not indexed
    assert "موسكو" not in body and {"وزاره", "دفاع"} <= set(words_of(body))


# --- the built index ---------------------------------------------------------------------------


def _story_pages(site: Settings) -> list[Path]:
    """The built story pages (not the redirects of stories' earlier ids)."""
    return [site.out / s["url"] / "index.html" for s in _stories(site)]


def _shown_words(page: Path) -> list[str]:
    """The words a story page shows in its body (what Pagefind indexes before the forms)."""
    markup = page.read_text("utf-8")
    body = markup[markup.index(">", markup.index("data-pagefind-body")) + 1 :]
    return words_of(body[: body.index(SENTINEL)].rsplit("<div hidden", 1)[0])


@pytest.mark.slow
def test_the_index_holds_every_story_source_and_keyword_page(seed_site: Settings) -> None:
    entry = json.loads((seed_site.out / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    src = seed_site.site_src
    names = [*src.glob("sources/*.md"), *src.glob("keywords/*.md")]
    names = [p for p in names if p.name != "index.md"]
    assert entry["languages"]["ar"]["page_count"] == len(_story_pages(seed_site)) + len(names) + 1
    assert not (seed_site.out / "search" / "search_index.json").exists()  # one search, not two


@pytest.mark.slow
def test_a_built_story_page_carries_forms_outside_its_shown_text(seed_site: Settings) -> None:
    page = _story_pages(seed_site)[0]
    markup = page.read_text("utf-8")
    assert markup.count("data-pagefind-body") == 1
    shown = set(_shown_words(page))
    hidden = markup[markup.index(SENTINEL) :]
    assert "رئاسة" in shown  # a key point's word, folded as the reader's query is
    assert fold("رئاسة") == "رياسه" and "رياسه" in words_of(hidden) and "رياسه" not in shown


# --- in the browser ----------------------------------------------------------------------------

MOSCOW, DAMASCUS = 0, 1  # positions in digest.json (site order)
QUERIES = [
    ("رئاسة", MOSCOW),  # a key point's الرئاسة
    ("رئاسه", MOSCOW),  # ta marbuta as ha
    ("روسيه", MOSCOW),  # الروسية
    ("ارهاب", DAMASCUS),  # the keyword الإرهاب
    ("اسد", MOSCOW),  # الأسد in the title
    ("عسكري", MOSCOW),  # the title's typo آلعسكري
    ("نظام", MOSCOW),  # the keyword النظام
    ("معلن", MOSCOW),  # another outlet's title: لقاء غير معلن
    ("دفاع", DAMASCUS),  # the title's الدفاع
    ("وزير", DAMASCUS),  # the title's ووزير
    ("الإرهاب", DAMASCUS),
    ("موسكو", MOSCOW),
    ("شويغو", DAMASCUS),  # a name in an outlet's own sentence, not in any title
]


@pytest.fixture(scope="module")
def search_page():
    with browser_page() as page:
        yield page


@pytest.fixture(scope="module")
def newsroom_server(newsroom_site: Settings):
    with serve(newsroom_site.out) as url:
        yield url


def _stories(site: Settings) -> list[dict]:
    return json.loads((site.out / "digest.json").read_text("utf-8"))["stories"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "story"), QUERIES)
def test_typed_query_lists_the_story(
    search_page, site_server: str, seed_site: Settings, query: str, story: int
) -> None:
    search_page.goto(site_server)
    links = search(search_page, query)
    story_id = _stories(seed_site)[story]["id"]
    assert any(f"stories/{story_id}/" in link for link in links), links
    assert search_page.errors == []


_ARTICLE = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)(?=\w\w)")
_HAMZA_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def bare_queries(words: list[str]) -> set[str]:
    """What a reader types for the words of a page: each without its article and the
    clitics before it (والحكومة → حكومة), as written and with a bare alef (ارهاب)."""
    out = set()
    for word in words:
        word = re.sub(r"[\u064b-\u065f\u0670\u0640]", "", word)
        bare = _ARTICLE.sub("", word)
        if len(bare) >= 2:
            out |= {bare, bare.translate(_HAMZA_ALEF)}
    return out


def _unfound(page, base: str, site: Settings) -> dict[str, list[str]]:
    """Per story page, the bare-form queries for its shown words that do not list it."""
    page.goto(base)
    missing = {}
    for story in _story_pages(site):
        url = "/" + story.parent.relative_to(site.out).as_posix() + "/"
        queries = sorted(bare_queries(_shown_words(story)))
        found = page.evaluate(
            "async qs => { const out = []; for (const q of qs) out.push(await"
            " window.digestSearch.find(q)); return out; }",
            queries,
        )
        lost = [q for q, urls in zip(queries, found, strict=True) if url not in urls]
        if lost:
            missing[url] = lost
    return missing


@pytest.mark.browser
@pytest.mark.slow
def test_every_shown_word_finds_its_story_on_the_seed_site(search_page, site_server, seed_site):
    assert _unfound(search_page, site_server, seed_site) == {}
    assert search_page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_every_shown_word_finds_its_story_on_the_newsroom_site(
    search_page, newsroom_server, newsroom_site
):
    assert _unfound(search_page, newsroom_server, newsroom_site) == {}
    assert search_page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_a_story_keyword_lists_the_biggest_matching_story_first(
    search_page, newsroom_server: str, newsroom_site: Settings
) -> None:
    search_page.goto(newsroom_server)
    stories = {s["url"]: s for s in _stories(newsroom_site)}
    size = {u: (s["source_count"], len(s["articles"])) for u, s in stories.items()}
    checked = 0
    for story in stories.values():
        for keyword in story["keywords"][:1]:
            urls = search_page.evaluate("q => window.digestSearch.find(q)", keyword["label"])
            listed = [u.strip("/") + "/" for u in urls if u.strip("/") + "/" in stories]
            assert listed, keyword["label"]
            assert size[listed[0]] == max(size[u] for u in listed), (keyword["label"], listed)
            checked += 1
    assert checked >= 3


@pytest.mark.browser
@pytest.mark.slow
def test_the_first_view_fetches_no_index_and_a_query_only_pieces(
    site_server: str, seed_site: Settings
) -> None:
    with browser_page() as page:
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(site_server + "stories/", wait_until="networkidle")
        assert not [u for u in urls if "/pagefind/" in u], urls
        # Material fetches sitemap.xml on every view (for the feed's <link rel="alternate">):
        # it is an index of the list of pages, never the list itself
        assert not [u for u in urls if "sitemap-pages" in u]
        assert (seed_site.out / "sitemap.xml").stat().st_size < 400
        first = len(urls)
        search(page, "موسكو")
        fetched = urls[first:]
        assert any(u.endswith(".pf_index") for u in fetched)
        assert any(u.endswith(".pf_fragment") for u in fetched)
        assert not [u for u in fetched if "worker" in u or "-ui" in u]  # not used, not built
        assert not list((seed_site.out / "pagefind").glob("pagefind-*ui*"))


@pytest.mark.browser
@pytest.mark.slow
def test_latin_word_finds_the_about_page(search_page, site_server: str) -> None:
    search_page.goto(site_server)
    # the only Latin on the site's own pages is an address (the TextRank paper's)
    assert any(link.endswith("about/") for link in search(search_page, "aclanthology"))


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_results_are_one_short_sentence_right_to_left_without_added_forms(
    site_server: str, width: int
) -> None:
    with browser_page(width=width) as page:
        page.goto(site_server)
        search(page, "بوتين")
        result = page.locator(".md-search-result__item").first
        text = result.locator("p").first.inner_text()
        assert "بوتين" in text and result.locator("mark").count() >= 1
        assert text != result.locator("h1").inner_text()  # a sentence of the page, not its title
        assert len(text.split()) <= SNIPPET_WORDS + 2  # the sentence, cut, with its ellipses
        words = set(re.findall(r"\w+", result.inner_text()))
        assert "وتين" not in words and "اسد" not in words  # forms are searched, never shown
        assert result.evaluate("e => getComputedStyle(e).direction") == "rtl"
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0
        assert page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_page_folds_a_query_as_the_index_was_folded(search_page, site_server: str) -> None:
    search_page.goto(site_server)
    words = ["الإرهاب", "مصطفى", "آلعسكري", "الْحُكُومَة", "٢٠٢١", "COVID", "ـمـوسـكـو"]
    folded = search_page.evaluate("ws => ws.map(w => window.digestSearch.fold(w))", words)
    assert folded == [fold(w) for w in words]
