"""Headlines side by side: each outlet's first and latest headline, inferred ones marked."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.compare.comparison import reporters
from generator.compare.headlines import headlines
from generator.models import Article, CleanArticle, RankedArticle, Sentence, Story
from generator.pipeline import Settings, generate
from generator.read.infer import infer
from tests.conftest import SEEDS


def _article(
    aid: str, source: str | None, title: str | None, day: int, *, inferred: bool = False
) -> RankedArticle:
    article = Article(
        id=aid,
        path=f"{aid}.txt",
        body="",
        title=title,
        source=source,
        date=dt.date(2015, 7, day),
        title_inferred=inferred,
    )
    lead = Sentence("قال المتحدث إن الاجتماع عقد أمس في العاصمة بحضور الوزراء.", 0, 0)
    return RankedArticle(CleanArticle(article, (lead.text,)), (lead,), (1.0,), (lead,))


def _story(*articles: RankedArticle) -> Story:
    ordered = tuple(sorted(articles, key=lambda a: (a.article.date, a.id)))
    return Story("s", ordered, "قصة")


def _shown(story: Story) -> list[tuple[str, str, bool]]:
    return [(h.reporter, h.article_id, h.inferred) for h in headlines(story, reporters(story))]


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # one outlet: nothing to set side by side
        ([("a", "عكاظ", "عنوان", 1)], []),
        # two outlets, one article each, in story order
        (
            [("a", "عكاظ", "عنوان أ", 2), ("b", "الرياض", "عنوان ب", 1)],
            [("الرياض", "b", False), ("عكاظ", "a", False)],
        ),
        # an outlet with three articles: its first and latest, not the middle one
        (
            [
                ("a1", "عكاظ", "الأول", 1),
                ("a2", "عكاظ", "الأوسط", 2),
                ("a3", "عكاظ", "الأخير", 3),
                ("b", "الرياض", "عنوان", 2),
            ],
            [("عكاظ", "a1", False), ("عكاظ", "a3", False), ("الرياض", "b", False)],
        ),
        # the same headline twice is shown once
        (
            [("a1", "عكاظ", "نفسه", 1), ("a2", "عكاظ", "نفسه", 2), ("b", "الرياض", "آخر", 1)],
            [("عكاظ", "a1", False), ("الرياض", "b", False)],
        ),
        # no title given: the lead sentence, marked inferred
        (
            [("a", "عكاظ", None, 1), ("b", "الرياض", "عنوان", 1)],
            [("عكاظ", "a", True), ("الرياض", "b", False)],
        ),
    ],
)
def test_headlines_per_outlet(articles: list[tuple], expected: list[tuple]) -> None:
    story = _story(*(_article(*a) for a in articles))
    assert _shown(story) == expected


def test_a_title_read_from_the_text_is_inferred_and_a_given_one_is_not() -> None:
    body = "لقاء غير معلن في موسكو\n\nقال المتحدث إن اللقاء عقد أمس في العاصمة الروسية."
    read = infer(Article(id="a", path="a.txt", body=body))
    assert (read.title, read.title_inferred) == ("لقاء غير معلن في موسكو", True)
    given = infer(Article(id="b", path="b.txt", body=body, title="عنوان المحرر"))
    assert (given.title, given.title_inferred) == ("عنوان المحرر", False)


def test_moscow_story_shows_each_outlets_headline_seeds_all_inferred() -> None:
    stories = generate(Settings(articles=SEEDS, cache=False)).stories
    moscow = next(s for s in stories if len(s.articles) == 4)
    assert moscow.comparison is not None
    shown = moscow.comparison.headlines
    assert [h.article_id[:3] for h in shown] == ["003", "000", "001", "002"]
    assert all(h.inferred for h in shown)  # the seeds have no front matter
    assert shown[2].title == "لقاء غير معلن جمع الأسد وبوتين في موسكو"
    damascus = next(s for s in stories if len(s.articles) == 1)
    assert damascus.comparison is not None and damascus.comparison.headlines == ()
