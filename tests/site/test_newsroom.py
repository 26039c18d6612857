"""A newsroom's site, on a built multi-day site (tests/data/newsroom: invented articles of
three outlets over a month, named by a sources.yml): the home page's order, titles without
teasers, day-by-day sections with times, the indexes, Arabic counts and no English word."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.language.numbers import ARTICLE, POINT, SOURCE, STORY, counted
from generator.pipeline import Settings
from generator.stories.titles import has_teaser
from tests.browser import browser_page, screenshot
from tests.conftest import serve

OUTLETS = {"wadinews": "أخبار الوادي", "sahelpress": "صحيفة الساحل", "alnahar": "النهار اليومي"}


@pytest.fixture(scope="module")
def newsroom(newsroom_site: Settings) -> Settings:
    return newsroom_site


def _stories(site: Settings) -> list[dict]:
    return json.loads((site.out / "digest.json").read_text("utf-8"))["stories"]


def _story(site: Settings, word: str) -> dict:
    return next(s for s in _stories(site) if word in s["title"])


class _Text(HTMLParser):
    """The text a reader sees in a page's <body> (no scripts, styles or SVG), and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "svg", "head"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg", "head"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text("utf-8"))
    return " ".join(" ".join(parser.parts).split())


def _pages(site: Settings) -> list[Path]:
    return sorted(p for p in site.out.rglob("*.html") if "search" not in p.parts)


def test_the_home_page_ranks_the_period_then_the_latest(newsroom: Settings) -> None:
    home = (newsroom.site_src / "index.md").read_text("utf-8")
    top, latest = home.split("## الأحدث")
    flood, chess = _story(newsroom, "الريحان تبدأ"), _story(newsroom, "الشطرنج")
    bridge, museum = _story(newsroom, "جسر"), _story(newsroom, "متحف")
    # the three-day, three-outlet story first; the one-day three-outlet story next
    assert top.index(flood["id"]) < top.index(chess["id"]) < top.index(museum["id"])
    assert bridge["id"] in latest and bridge["id"] not in top  # three weeks older: not top
    assert "آخر 7 أيام حتى 12 مارس 2024" in top


def test_titles_follow_the_latest_day_without_teasers(newsroom: Settings) -> None:
    titles = [s["title"] for s in _stories(newsroom)]
    assert not any(has_teaser(t) for t in titles)
    assert _story(newsroom, "الريحان")["title"].startswith("مدينة الريحان تبدأ إعادة الإعمار")
    assert _story(newsroom, "الشطرنج")["title"] != "عاجل | بطلة في السادسة عشرة تحرز لقب"


def test_outlets_have_their_names_from_the_sources_file(newsroom: Settings) -> None:
    for path in _pages(newsroom):
        text = visible_text(path)
        for feed_id in OUTLETS:
            assert feed_id not in text, (path, feed_id)
    index = visible_text(newsroom.out / "sources" / "index.html")
    assert all(name in index for name in OUTLETS.values())
    page = (newsroom.out / "sources" / "wadinews" / "index.html").read_text("utf-8")
    assert 'href="https://wadi.example/"' in page  # the home page from sources.yml


def test_a_developing_story_has_its_days_newest_first_with_times(newsroom: Settings) -> None:
    flood = _story(newsroom, "الريحان")
    md = (newsroom.site_src / "stories" / f"{flood['id']}.md").read_text("utf-8")
    days, comparison = md.split("## النقاط الرئيسية")
    headings = re.findall(r"^### (.+)$", days, re.M)
    assert headings == ["12 مارس 2024", "11 مارس 2024", "10 مارس 2024"]
    day_11 = days.split("### 11 مارس 2024")[1].split("###")[0]
    assert re.findall(r"^- (\d\d:\d\d)", day_11, re.M) == ["18:05", "13:20", "09:00"]
    assert "قتيلًا" in day_11.split("- 18:05")[0]  # the day's new point: the death toll
    assert "**11 مارس 2024، 09:00**" in comparison  # times in the timeline too
    one_day = _story(newsroom, "الشطرنج")
    md = (newsroom.site_src / "stories" / f"{one_day['id']}.md").read_text("utf-8")
    assert "يومًا بيوم" not in md


# The forms a count of each noun may take, and the rule they must follow.
_NOUNS = [ARTICLE, SOURCE, STORY, POINT]
_FORMS = {form: noun for noun in _NOUNS for form in (noun.plural, noun.accusative, noun.singular)}
_COUNT = re.compile(
    r"(?<![\d:])(\d+) (" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + r")\b"
)


def test_every_count_on_every_page_agrees_with_its_noun(newsroom: Settings) -> None:
    seen = 0
    for path in _pages(newsroom):
        for number, form in _COUNT.findall(visible_text(path)):
            n = int(number)
            assert counted(n, _FORMS[form]) == f"{n} {form}", (path, number, form)
            seen += 1
        assert not re.search(r"\b[12] (مقالات|مصادر|قصص|نقاط)", visible_text(path))
    assert seen > 10


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def test_no_english_word_on_any_page(newsroom: Settings) -> None:
    for path in _pages(newsroom):
        words = _LATIN_WORD.findall(re.sub(r"https?://\S+", "", visible_text(path)))
        assert words == [], (path.relative_to(newsroom.out), words[:10])


def test_the_site_name_and_footer_are_arabic(newsroom: Settings) -> None:
    html = (newsroom.out / "index.html").read_text("utf-8")
    assert "موجز الأخبار" in html and "Made with" not in html and "Material for MkDocs" not in html
    assert "مولَّدة آليًا" in visible_text(newsroom.out / "index.html")


# --- in a browser, on a phone -----------------------------------------------------------


@pytest.fixture(scope="module")
def newsroom_server(newsroom: Settings):
    with serve(newsroom.out) as url:
        yield url


@pytest.mark.browser
def test_the_home_page_order_in_a_browser(newsroom_server: str, newsroom: Settings) -> None:
    with browser_page(width=390, height=844) as page:
        page.goto(newsroom_server)
        headings = page.locator("article h2").all_inner_texts()
        assert [h.strip("¶ \n") for h in headings] == ["أهم القصص", "الأحدث"]
        titles = page.locator("article #top ~ ul").first.locator("strong a").all_inner_texts()
        assert titles[0].startswith("مدينة الريحان تبدأ") and "الشطرنج" in titles[1]
        screenshot(page, "newsroom-home-phone.png")
        assert page.errors == []


@pytest.mark.browser
def test_the_day_sections_in_a_browser(newsroom_server: str, newsroom: Settings) -> None:
    flood = _story(newsroom, "الريحان")
    with browser_page() as page:
        page.goto(f"{newsroom_server}stories/{flood['id']}/")
        h2 = [h.strip("¶ \n") for h in page.locator("article h2").all_inner_texts()]
        assert h2.index("يومًا بيوم") < h2.index("النقاط الرئيسية: ما تتفق عليه المصادر")
        days = [h.strip("¶ \n") for h in page.locator("article h3").all_inner_texts()][:3]
        assert days == ["12 مارس 2024", "11 مارس 2024", "10 مارس 2024"]
        screenshot(page, "newsroom-developing.png")
        assert page.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("index", ["stories/", "sources/", "keywords/"])
def test_indexes_are_a_few_phone_screens_tall(
    newsroom_server: str, newsroom: Settings, index: str
) -> None:
    with browser_page(width=390, height=844) as page:
        page.goto(newsroom_server + index)
        assert page.locator("article h1").count() == 1
        if index == "stories/":
            days = [h.strip("¶ \n") for h in page.locator("article h2").all_inner_texts()]
            assert days == ["12 مارس 2024", "20 فبراير 2024"]
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 4 * 844
        assert page.errors == []
