import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.compare.comparison import compare_stories
from generator.pipeline import Settings, generate
from generator.rank.key_sentences import rank
from generator.read.ingest import parse, read_folder
from generator.runtime.stages import Runtime
from generator.site.redirects import redirect_pages
from generator.site.render import render_site
from generator.slugs import story_id
from generator.stories.group import group
from generator.text.clean import clean
from tests.conftest import DATA, SEEDS

DAY = DATA / "grouping_day.json"
FIELDS = ("title", "source", "date")


def ranked_seeds():
    return [rank(clean(a)) for a in read_folder(SEEDS).articles]


def members(stories):
    return sorted(sorted(a.id[:3] for a in s.articles) for s in stories)


def article_file(entry: dict) -> bytes:
    """An article file as a user writes it: front matter, then the text."""
    meta = "".join(f"{k}: {json.dumps(entry[k], ensure_ascii=False)}\n" for k in FIELDS)
    return f"---\n{meta}---\n{entry['body']}\n".encode()


def made_up(entry: dict):
    article, problems = parse(f"{entry['id']}.md", article_file(entry))
    assert article is not None and problems == []
    return rank(clean(article))


@pytest.fixture(scope="module")
def day() -> list[dict]:
    return json.loads(DAY.read_text("utf-8"))["articles"]


@pytest.fixture(scope="module")
def day_stories(day):
    return group([made_up(e) for e in day])


@pytest.mark.parametrize("jobs", [1, 3])
def test_the_stories_do_not_depend_on_the_threads(day, day_stories, jobs: int) -> None:
    """The days' similar pairs are found on the runtime's threads (one per core); any number
    gives the same stories."""
    with Runtime(None, jobs).thread_map() as map_days:
        assert group([made_up(e) for e in day], map_days=map_days) == day_stories


def shown(stories) -> list[list[str]]:
    """Each story's articles and copies, by id."""
    return sorted(
        sorted([a.id for a in s.articles] + [d.copy.id for d in s.duplicates]) for s in stories
    )


# --- the seeds -----------------------------------------------------------------------------


def test_seeds_make_two_stories() -> None:
    assert members(group(ranked_seeds())) == [["000", "001", "002", "003"], ["004"]]


def test_moscow_story_comes_first_with_four_sources_and_its_date() -> None:
    moscow, damascus = group(ranked_seeds())
    assert moscow.source_count == 4 and moscow.date == dt.date(2021, 9, 14)
    assert damascus.source_count == 1 and damascus.date is None


def test_story_ids_do_not_move_when_an_unrelated_article_arrives() -> None:
    seeds = ranked_seeds()
    before = {s.id: members([s]) for s in group(seeds)}
    football, _ = parse(
        "000-aaa.txt",
        "فاز الهلال على النصر بثلاثة أهداف في الدوري. وسجل المهاجم هدفين في الشوط الثاني. "
        "وقال المدرب إن الفريق لعب جيدا في المباراة.".encode(),
    )
    stranger = rank(clean(football))  # sorts before every seed: would steal a min-id anchor
    after = {s.id: members([s]) for s in group([*seeds, stranger])}
    for sid, story_members in before.items():
        assert after[sid] == story_members


def test_articles_far_apart_in_time_are_different_stories() -> None:
    seeds = ranked_seeds()
    moved = []
    for r in seeds:
        date = dt.date(2021, 9, 14) if r.id.startswith("000") else dt.date(2021, 12, 1)
        moved.append(replace(r, clean=replace(r.clean, article=replace(r.article, date=date))))
    assert ["000"] in members(group(moved))


# --- a made-up news day (tests/data/grouping_day.json) ------------------------------------


def test_a_news_day_is_grouped_as_an_editor_would(day, day_stories) -> None:
    expected: dict[str, list[str]] = {}
    for e in day:
        expected.setdefault(e["story"], []).append(e["id"])
    assert shown(day_stories) == sorted(sorted(ids) for ids in expected.values())


def test_preview_announcement_reactions_and_explainer_are_one_story(day_stories) -> None:
    vienna = next(s for s in day_stories if any(a.id == "n02" for a in s.articles))
    assert [a.id for a in vienna.articles] == ["n01", "n02", "n03", "n04", "n05", "n06"]
    assert vienna.dates[0] == dt.date(2015, 7, 13) and vienna.date == dt.date(2015, 7, 15)


def test_events_sharing_iran_and_israel_stay_apart(day_stories) -> None:
    story_of = {a.id: s.id for s in day_stories for a in s.articles}
    # the deal (Israel reacts), a strike near Damascus (Iran's guards hit), a speech
    assert len({story_of["n04"], story_of["n07"], story_of["n09"]}) == 3


def test_copies_are_shown_once_with_every_source_credited(day_stories) -> None:
    fire = next(s for s in day_stories if any(a.id == "n13" for a in s.articles))
    assert [a.id for a in fire.articles] == ["n13"]
    assert [(d.copy.id, d.exact) for d in fire.duplicates] == [("n14", True), ("n15", False)]
    assert [c.article.source for c in fire.copies_of("n13")] == ["المدينة", "اليوم"]
    assert fire.source_count == 2  # المدينة (twice) and اليوم


def test_pages_credit_the_outlet_of_a_copy(day_stories) -> None:
    stories = compare_stories(day_stories)
    pages = {p.path: p.content for p in render_site(stories)}
    fire = next(s for s in stories if any(a.id == "n13" for a in s.articles))
    story = pages[f"stories/{fire.id}.md"]
    # the article is shown once; the other outlet that published it is named beside it
    assert "نُشر أيضًا لدى: [اليوم](../sources/اليوم.md)" in story
    assert "[اليوم](../sources/اليوم.md)" not in story.split("لم تغطّها")[-1]
    # and that outlet's page lists the story
    assert f"(../stories/{fire.id}.md)" in pages["sources/اليوم.md"]


def test_an_exact_copy_is_a_warning_naming_both_files(tmp_path: Path, day) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for e in day:
        (folder / f"{e['id']}.md").write_bytes(article_file(e))
    digest = generate(Settings(articles=folder, cache=False))
    warnings = [str(p) for p in digest.problems]
    assert warnings == ["n14.md: is an exact duplicate of n13.md; the article is shown once"]
    assert sum(len(s.articles) for s in digest.stories) == len(day) - 2


# --- stable ids and redirects ----------------------------------------------------------------


def _article(aid: str, date: str, title: str, body: str):
    return made_up({"id": aid, "source": aid, "date": date, "title": title, "body": body})


PORT_FIRE = ("حريق في ميناء جدة", "اندلع حريق في مستودع بميناء جدة الإسلامي وأخمدته فرق الدفاع المدني.")
PORT_SHIP = ("سفينة تجنح قرب ينبع", "جنحت سفينة شحن قرب ساحل ينبع وتعمل فرق الإنقاذ البحري على سحبها.")
BOTH = (
    "الحريق والسفينة الجانحة يعطلان الملاحة",
    "اندلع حريق في مستودع بميناء جدة الإسلامي وأخمدته فرق الدفاع المدني، "
    "وجنحت سفينة شحن قرب ساحل ينبع وتعمل فرق الإنقاذ البحري على سحبها.",
)


def test_a_story_that_grows_keeps_its_id() -> None:
    day1 = [_article("b1", "2015-07-14", *PORT_FIRE), _article("b2", "2015-07-14", *PORT_SHIP)]
    before = {s.articles[0].id: s.id for s in group(day1)}
    later = _article(
        "a0",
        "2015-07-15",
        "ماس كهربائي وراء حريق ميناء جدة",
        "أعلن الدفاع المدني أن حريق المستودع في ميناء جدة الإسلامي نجم عن ماس كهربائي.",
    )
    after = group([*day1, later])
    fire = next(s for s in after if any(a.id == "b1" for a in s.articles))
    assert [a.id for a in fire.articles] == ["b1", "a0"]  # a0 sorts first, but came later
    assert fire.id == before["b1"] == story_id("b1")


def test_two_stories_that_merge_keep_the_older_id_and_the_other_redirects() -> None:
    fire = _article("m2", "2015-07-14", *PORT_FIRE)
    ship = _article("m1", "2015-07-15", *PORT_SHIP)
    apart = group([fire, ship])
    assert len(apart) == 2
    merged = group([fire, ship, _article("m3", "2015-07-15", *BOTH)])
    assert len(merged) == 1
    story = merged[0]
    assert story.id == story_id("m2")  # the older story's id
    assert story_id("m1") in story.aliases  # the ship story's old address
    pages = redirect_pages(merged)
    page = pages[f"stories/{story_id('m1')}/index.html"].decode()
    assert f'http-equiv="refresh" content="0; url=../{story.id}/"' in page
    assert f"stories/{story.id}/index.html" not in pages


def test_redirects_never_shadow_a_story(day_stories) -> None:
    pages = redirect_pages(day_stories)
    real = {f"stories/{s.id}/index.html" for s in day_stories}
    assert pages and not real & set(pages)
    members_and_copies = sum(len(s.articles) + len(s.duplicates) for s in day_stories)
    assert len(pages) == members_and_copies - len(day_stories)


@pytest.mark.slow
def test_the_built_site_redirects_old_story_addresses(seed_site: Settings) -> None:
    digest = json.loads((seed_site.out / "digest.json").read_text("utf-8"))
    moscow = next(s for s in digest["stories"] if len(s["articles"]) == 4)
    # the foundation anchored stories on their lowest article id (000-…): that address,
    # and every other member's, now leads to the story anchored on its earliest article
    assert story_id("000-f36f79693c7c2b1c") in moscow["aliases"]
    for alias in moscow["aliases"]:
        page = (seed_site.out / "stories" / alias / "index.html").read_text("utf-8")
        assert f'url=../{moscow["id"]}/"' in page
        # its icon is the site's (no request for /favicon.ico outside the project site)
        icon = re.search(r'<link rel="icon" href="([^"]+)">', page)
        assert icon and (seed_site.out / "stories" / alias / icon[1]).resolve().is_file()
    assert (seed_site.out / "stories" / moscow["id"] / "index.html").is_file()


def test_one_names_spellings_count_as_one_term_in_grouping() -> None:
    """Two outlets' reports of one event, one writing ترمب and the other ترامب, share that term."""
    from generator.stories.similarity import weighted_terms

    def terms(title: str) -> set[str]:
        file = article_file({"title": title, "source": "x", "date": "2025-01-20", "body": title})
        return set(weighted_terms(rank(clean(parse("x.md", file)[0]))))

    assert terms("ترمب يلتقي نتنياهو في واشنطن") == terms("ترامب يلتقي نتانياهو في واشنطون")
