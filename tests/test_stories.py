import datetime as dt
from dataclasses import replace

from generator.clean import clean
from generator.ingest import parse, read_folder
from generator.rank import rank
from generator.stories import group
from tests.conftest import SEEDS


def ranked_seeds():
    return [rank(clean(a)) for a in read_folder(SEEDS).articles]


def members(stories):
    return sorted(sorted(a.id[:3] for a in s.articles) for s in stories)


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
    for story_id, story_members in before.items():
        assert after[story_id] == story_members


def test_articles_far_apart_in_time_are_different_stories() -> None:
    seeds = ranked_seeds()
    moved = []
    for r in seeds:
        date = dt.date(2021, 9, 14) if r.id.startswith("000") else dt.date(2021, 12, 1)
        moved.append(replace(r, clean=replace(r.clean, article=replace(r.article, date=date))))
    assert ["000"] in members(group(moved))
