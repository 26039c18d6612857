"""The day-by-day sections of a developing story: which of a busy day's articles are listed."""

from __future__ import annotations

import datetime as dt

from generator.models import Article, CleanArticle, KeyPoint, RankedArticle
from generator.site.developing import ARTICLES_PER_DAY, _most_told, _shown


def _article(article_id: str, source: str) -> RankedArticle:
    a = Article(id=article_id, path=f"{article_id}.md", body="", source=source,
                date=dt.date(2015, 7, 21))  # fmt: skip
    return RankedArticle(clean=CleanArticle(article=a, paragraphs=()), sentences=(), scores=(),
                         key=())  # fmt: skip


def _outlet(members: list[RankedArticle]):
    sources = {a.id: a.article.source for a in members}
    return lambda article_id: sources[article_id]


def test_a_busy_outlet_does_not_hide_the_others() -> None:
    members = [_article(f"a{i:02d}", "busy") for i in range(12)]
    members += [_article("b1", "second"), _article("b2", "second"), _article("c1", "third")]
    members.sort(key=lambda a: a.id)
    shown = _shown(members, _outlet(members))
    assert len(shown) == ARTICLES_PER_DAY
    assert {a.article.source for a in shown} == {"busy", "second", "third"}
    assert [a.id for a in shown] == [a.id for a in members if a in shown]  # the day's order kept


def test_a_quiet_day_lists_all_its_articles_in_order() -> None:
    members = [_article(f"a{i}", "one") for i in range(3)] + [_article("b", "two")]
    assert _shown(members, _outlet(members)) == members


def test_the_days_highlight_is_its_most_important_point() -> None:
    class _Comparison:
        key_points = (
            KeyPoint("نقطة أولى", "x", ("s",), ("x", "y"), 3.0),
            KeyPoint("نقطة ثانية", "z", ("s",), ("z",), 2.0),
        )

    assert _most_told(_Comparison(), {"z"}) == "نقطة ثانية"
    assert _most_told(_Comparison(), {"y", "z"}) == "نقطة أولى"
    assert _most_told(_Comparison(), {"w"}) is None
    assert _most_told(None, {"z"}) is None
