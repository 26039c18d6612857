"""Arabic search: the forms a reader types, in the index (unit) and in the browser (seeds)."""

from __future__ import annotations

import json
import re

import pytest

from generator.pipeline import Settings
from generator.site.render import SEARCH_POINT_WORDS
from generator.site.search_index import FIELD, add_forms, entry_forms, word_forms
from tests.browser import browser_page, search

SEPARATOR = r'[\s\-,:;!?=\[\]()"/«»“”‘’،؛؟…]+|\.(?!\d)'


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
        ("COVID", "covid"),  # Latin words: lower-cased as lunr does
    ],
)
def test_a_typed_form_is_among_the_indexed_forms(written: str, typed: str) -> None:
    assert typed in word_forms(written)


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


def test_entry_forms_add_only_what_is_not_already_a_word() -> None:
    forms = entry_forms(["<p>زار «الأسد» موسكو</p>"], SEPARATOR).split()
    assert "اسد" in forms and "أسد" in forms
    assert "موسكو" not in forms and "زار" not in forms  # already indexed as words
    assert "<p>" not in " ".join(forms)


def test_hidden_words_are_indexed_with_their_forms() -> None:
    forms = entry_forms(["زار موسكو"], SEPARATOR, hidden="القوات الأجنبية").split()
    assert {"القوات", "قوات", "الأجنبية", "اجنبية", "الاجنبيه"} <= set(forms)


def test_add_forms_declares_the_field_and_keeps_the_visible_text() -> None:
    index = {
        "config": {"lang": ["ar"], "separator": SEPARATOR, "fields": {"title": {"boost": 1e3}}},
        "docs": [{"location": "x/", "title": "الحكومة", "text": "<p>قالت الحكومة</p>"}],
    }
    out = add_forms(index, extra={"x/": "اللاجئين"})
    assert out["config"]["fields"][FIELD] == {"boost": 1.0}
    doc = out["docs"][0]
    assert doc["text"] == "<p>قالت الحكومة</p>" and doc["title"] == "الحكومة"
    assert {"حكومة", "حكومه", "لاجئين"} <= set(doc[FIELD].split())


@pytest.mark.slow
def test_the_built_index_carries_forms_outside_the_shown_text(seed_site: Settings) -> None:
    index = json.loads((seed_site.out / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["fields"][FIELD]["boost"] == 1.0
    assert index["config"]["lang"] == ["ar"]
    story = next(d for d in index["docs"] if re.fullmatch(r"stories/[0-9a-f]+/", d["location"]))
    assert "رئاسة" in story[FIELD].split()  # the top point has الرئاسة
    assert "رئاسه" not in story["text"]  # the visible text is the page's, unchanged


@pytest.mark.slow
def test_the_index_holds_each_story_once_by_its_titles_point_and_keywords(
    seed_site: Settings,
) -> None:
    index = json.loads((seed_site.out / "search" / "search_index.json").read_text("utf-8"))
    digest = json.loads((seed_site.out / "digest.json").read_text("utf-8"))
    locations = [d["location"] for d in index["docs"]]
    # the lists (home, all stories, sources, keywords) only repeat story titles: not indexed
    assert all(loc.startswith(("stories/", "about/")) for loc in locations), locations
    assert "stories/" not in locations
    for story in digest["stories"]:
        entries = [d for d in index["docs"] if d["location"] == story["url"]]
        assert len(entries) == 1  # one entry per story, not one per section of its page
        (entry,) = entries
        assert entry["title"] == story["title"]
        points = story["key_points"] or [{"text": story["articles"][0]["key_sentences"][0]}]
        top_point = " ".join(points[0]["text"].split()[:SEARCH_POINT_WORDS])
        # the top point (its first words) of a story told by several sources; a one-source
        # story's title
        assert (top_point in entry["text"]) == (story["source_count"] > 1)
        assert all(k["label"] in entry["text"] for k in story["keywords"])
        for article in story["articles"]:
            if article["title"] != story["title"]:
                assert article["title"] in entry["text"]
        # the other key sentences are on the page, not in the index
        others = [s for a in story["articles"] for s in a["key_sentences"][1:]]
        assert not any(s in entry["text"] for s in others)


# --- in the browser: each query lists the story it should -------------------------------------

MOSCOW, DAMASCUS = 0, 1  # positions in digest.json (site order)
# A story is found by its titles and keywords, and by its top point when several sources
# tell it (the Moscow story; the Damascus story has one source).
QUERIES = [
    ("رئاسة", MOSCOW),  # the top point has الرئاسة
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
]


@pytest.fixture(scope="module")
def search_page():
    with browser_page() as page:
        yield page


def _stories(seed_site: Settings) -> list[dict]:
    return json.loads((seed_site.out / "digest.json").read_text("utf-8"))["stories"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "story"), QUERIES)
def test_query_lists_the_story(
    search_page, site_server: str, seed_site: Settings, query: str, story: int
) -> None:
    search_page.goto(site_server)
    links = search(search_page, query)
    story_id = _stories(seed_site)[story]["id"]
    assert any(f"stories/{story_id}/" in link for link in links), links
    assert search_page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_latin_word_finds_the_about_page(search_page, site_server: str) -> None:
    search_page.goto(site_server)
    # the only Latin on the site's own pages is an address (the TextRank paper's)
    assert any(link.endswith("about/") for link in search(search_page, "aclanthology"))


@pytest.mark.browser
@pytest.mark.slow
def test_results_show_the_page_text_right_to_left_without_added_forms(
    search_page, site_server: str
) -> None:
    search_page.goto(site_server)
    search(search_page, "بوتين")
    result = search_page.locator(".md-search-result__item").first
    shown = result.inner_text()
    assert "بوتين" in shown
    words = set(re.split(SEPARATOR, shown))
    assert "وتين" not in words and "اسد" not in words  # forms are searched, never shown
    assert result.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert search_page.errors == []
