"""Comparing sources within a story: shared key points with who reports them, what only one
outlet says, coverage. On the seeds (four outlets on the Moscow summit, one on Damascus) and
on tables of sentences."""

from __future__ import annotations

import itertools

import pytest

from generator.compare.claims import SAME_CLAIM, claims, similarity
from generator.compare.comparison import REDUNDANT, compare_stories
from generator.language import arabic
from generator.models import Story, StoryComparison
from generator.pipeline import Settings, generate
from tests.conftest import SEEDS

ITALIAN = "الإيطالية-نيوز"  # the outlet of 003
SYRIANEWS = "سيريانيوز"  # the outlet of 002
OWN_000 = "unknown-000-f36f79693c7c2b1c"  # 000 names no outlet: it is a source of its own


@pytest.fixture(scope="module")
def stories() -> tuple[Story, ...]:
    return generate(Settings(articles=SEEDS, cache=False)).stories


@pytest.fixture(scope="module")
def moscow(stories: tuple[Story, ...]) -> StoryComparison:
    story = next(s for s in stories if len(s.articles) == 4)
    assert story.comparison is not None
    return story.comparison


def _texts(comparison: StoryComparison) -> dict[str, list[str]]:
    """Every quoted text of a comparison: key points, and each outlet's own sentences."""
    out = {"key_points": [p.text for p in comparison.key_points]}
    out.update({key: [q.text for q in quotes] for key, quotes in comparison.unique})
    return out


def _article_sentences(stories: tuple[Story, ...]) -> dict[str, set[str]]:
    return {a.id: {s.text for s in a.sentences} for story in stories for a in story.articles}


def test_moscow_story_has_at_least_three_points_that_several_outlets_report(
    moscow: StoryComparison,
) -> None:
    shared = [p for p in moscow.key_points if len(p.sources) >= 2]
    assert len(shared) >= 3
    assert len(moscow.reporters) == 4


def test_foreign_forces_remark_is_one_point_reported_by_three_or_more_outlets(
    moscow: StoryComparison,
) -> None:
    def foreign_forces(text: str) -> bool:
        folded = arabic.fold(text)
        return "قوات الاجنبيه" in folded or "قوات اجنبيه" in folded

    points = [p for p in moscow.key_points if foreign_forces(p.text)]
    assert len(points) == 1
    assert len(points[0].sources) >= 3
    # the other versions of the remark are inside that point, not repeated as anyone's own
    for key, quotes in moscow.unique:
        assert not [q.text for q in quotes if foreign_forces(q.text)], key


def test_casualty_figures_of_000_are_only_under_its_own_outlet(moscow: StoryComparison) -> None:
    texts = _texts(moscow)
    assert any("6859" in t for t in texts[OWN_000])
    for where, quoted in texts.items():
        if where != OWN_000:
            assert not [t for t in quoted if "6859" in t or "53 شخصًا" in t], where


def test_trade_figure_of_003_is_only_under_its_own_outlet(moscow: StoryComparison) -> None:
    texts = _texts(moscow)
    assert any("313 مليون دولار" in t for t in texts[ITALIAN])
    for where, quoted in texts.items():
        if where != ITALIAN:
            assert not [t for t in quoted if "313" in t], where


def test_points_are_quoted_exactly_from_an_article_of_each_source_given(
    stories: tuple[Story, ...], moscow: StoryComparison
) -> None:
    sentences = _article_sentences(stories)
    owners = {a: r.key for r in moscow.reporters for a in r.article_ids}
    for point in moscow.key_points:
        assert point.text in sentences[point.article_id]
        assert point.article_id in point.article_ids
        assert sorted({owners[a] for a in point.article_ids}) == sorted(point.sources)
    for key, quotes in moscow.unique:
        for quote in quotes:
            assert quote.text in sentences[quote.article_id] and owners[quote.article_id] == key


def test_points_come_by_importance_and_do_not_repeat_one_another(
    moscow: StoryComparison,
) -> None:
    scores = [p.score for p in moscow.key_points]
    assert scores == sorted(scores, reverse=True)
    sim = similarity([arabic.content_terms(p.text) for p in moscow.key_points]).toarray()
    for i, j in itertools.combinations(range(len(scores)), 2):
        assert sim[i, j] < REDUNDANT, (moscow.key_points[i].text, moscow.key_points[j].text)


def test_a_single_source_story_gives_its_article_key_sentences(
    stories: tuple[Story, ...],
) -> None:
    damascus = next(s for s in stories if len(s.articles) == 1)
    comparison = damascus.comparison
    assert comparison is not None and len(comparison.reporters) == 1
    article = damascus.articles[0]
    assert [p.text for p in comparison.key_points] == [s.text for s in article.key]
    assert comparison.unique == ()


def test_coverage_counts_dates_timeline_and_the_known_outlets_that_did_not_cover_it(
    stories: tuple[Story, ...], moscow: StoryComparison
) -> None:
    cov = moscow.coverage
    assert (cov.source_count, cov.article_count) == (4, 4)
    assert cov.first is not None and cov.first.isoformat() == "2021-09-14" == cov.last.isoformat()
    assert cov.timeline[0][1].startswith("003")  # the dated article first
    assert cov.missing == ()
    damascus = next(s for s in stories if len(s.articles) == 1).comparison
    assert damascus is not None
    assert [sid for sid, _ in damascus.coverage.missing] == [ITALIAN, SYRIANEWS]
    assert damascus.coverage.first is None and damascus.coverage.source_count == 1


def test_comparison_is_deterministic(stories: tuple[Story, ...]) -> None:
    again = compare_stories(list(stories))
    assert [s.comparison for s in again] == [s.comparison for s in stories]


# --- merging near-duplicates: a table of sentences from different articles -----------------

SAME = [
    (  # 003 and 002 on Putin's remark, as they wrote it: few words in common
        'وعليه، كشف الرئيس الروسي عن أن "المشكلة الأساسية" في سوريا مرتبطة باستمرار وجود القوات الأجنبية في البلاد، مذكّراً بأن انتشارها لم يكن بإذن من حكومة «الأسد» أو الأمم المتحدة.',
        'من جانيه، انتقد الرئيس الروسي لدى استقباله الأسد، وجود قوات أجنبية في سوريا، واعتبر هذا التواجد، دون قرار اممي، يشكل " عائقا أمام توحيد البلاد" الغارقة في الحرب منذ عام 2011.',
    ),
    (
        "قال الرئيس الروسي إن القوات الأجنبية موجودة في مناطق من البلاد دون قرار من الأمم المتحدة.",
        "انتقد الرئيس الروسي وجود قوات أجنبية في البلاد دون قرار أممي من الأمم المتحدة.",
    ),
    (
        "شكر الأسد روسيا على المساعدات الإنسانية التي قدمتها لسوريا خلال جائحة كورونا.",
        "وفي سياق آخر، شكر الأسد روسيا على المساعدات الإنسانية التي أرسلت لسوريا في جائحة كورونا.",
    ),
    (
        "ازداد التبادل التجاري بين روسيا وسوريا بمقدار 3.5 مرات في النصف الأول من العام.",
        "في النصف الأول من العام زاد حجم التجارة بين روسيا وسوريا بمقدار 3.5 مرات.",
    ),
]
DIFFERENT = [
    (
        "قتل 6859 شخصًا على يد القوات الروسية منذ دخولها إلى سوريا بحسب الشبكة الحقوقية.",
        "بلغ حجم الأعمال التجارية الثنائية 313 مليون دولار بحسب وكالة الإحصاء الروسية.",
    ),
    (
        "زار الرئيس السوري موسكو يوم الاثنين لإجراء محادثات مع نظيره الروسي.",
        "بدأت وزارة الصحة حملة التطعيم ضد الفيروس بعد وصول جرعات من اللقاحات.",
    ),
]
# filler sentences from a third article, so that the words the pair shares are not everywhere
FILLER = [
    "تسيطر القوات الحكومية على معظم الأراضي بينما تبقى مناطق تحت إدارة المعارضة.",
    "وقعت موسكو اتفاقيات لاستخراج الفوسفات والتنقيب عن النفط والغاز في البلاد.",
    "رسخت روسيا وجودها العسكري في قاعدة طرطوس البحرية وقاعدة حميميم الجوية.",
]


def _claims_of(texts: list[str], articles: list[str]) -> list[list[int]]:
    terms = [arabic.content_terms(t) for t in texts]
    scores = [1.0 - i / 100 for i in range(len(texts))]
    return claims(similarity(terms), scores, articles)


@pytest.mark.parametrize(("first", "second"), SAME)
def test_the_same_claim_in_other_words_is_one_point(first: str, second: str) -> None:
    groups = _claims_of([first, second, *FILLER], ["a", "b", "c", "c", "c"])
    assert [0, 1] in groups


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_claims_stay_apart(first: str, second: str) -> None:
    groups = _claims_of([first, second, *FILLER], ["a", "b", "c", "c", "c"])
    assert [0] in groups and [1] in groups


@pytest.mark.parametrize(("first", "second"), SAME)
def test_one_article_never_counts_twice_in_a_point(first: str, second: str) -> None:
    groups = _claims_of([first, second, *FILLER], ["a", "a", "c", "c", "c"])
    assert [0, 1] not in groups


def test_a_sentence_joins_through_the_whole_point_not_one_member() -> None:
    # the third version shares little with the first, much with the point the first two make
    texts = [
        "قال بوتين إن القوات الأجنبية في البلاد دون قرار من الأمم المتحدة تمنع توحيد البلاد.",
        "أوضح بوتين أن القوات الأجنبية موجودة دون إذن ودون قرار من الأمم المتحدة.",
        "القوات الأجنبية موجودة دون إذن الحكومة وهذا يتعارض مع القانون الدولي.",
        *FILLER,
    ]
    sim = similarity([arabic.content_terms(t) for t in texts]).toarray()
    assert sim[0, 2] < SAME_CLAIM  # not enough on its own
    groups = _claims_of(texts, ["a", "b", "d", "c", "c", "c"])
    assert [0, 1, 2] in groups


# --- stories built for one case each --------------------------------------------------------

FLOOD = """---
title: {title}
source: {source}
date: 2021-10-0{day}
---
اجتاحت الفيضانات مدينة الخرطوم بعد أمطار غزيرة استمرت ثلاثة أيام متتالية.
وقالت السلطات إن الفيضانات دمرت أكثر من ألف منزل في أحياء الخرطوم الجنوبية.
{extra}
وأعلنت الحكومة حالة الطوارئ في ولاية الخرطوم لمواجهة آثار الفيضانات.
"""


def _flood(source: str, day: int, extra: str, title: str = "فيضانات في الخرطوم") -> str:
    return FLOOD.format(source=source, day=day, extra=extra, title=title)


def test_one_outlet_with_two_articles_is_one_source(write_articles) -> None:
    folder = write_articles(
        {
            "a.md": _flood("وكالة النيل", 1, "وأرسلت الأمم المتحدة فرق إغاثة إلى المناطق المنكوبة."),
            "b.md": _flood("وكالة النيل", 2, "وارتفع عدد الضحايا إلى اثني عشر شخصًا بحسب الشرطة."),
        }
    )
    (story,) = generate(Settings(articles=folder, cache=False)).stories
    comparison = story.comparison
    assert comparison is not None
    assert [r.name for r in comparison.reporters] == ["وكالة النيل"]
    assert comparison.unique == () and comparison.key_points
    assert all(p.sources == ("وكالة-النيل",) for p in comparison.key_points)
    texts = [p.text for p in comparison.key_points]
    assert len(texts) == len(set(texts))  # the sentences both articles share, once


def test_articles_of_unknown_source_are_sources_of_their_own(write_articles) -> None:
    folder = write_articles(
        {
            "a.md": _flood("", 1, "وأرسلت الأمم المتحدة فرق إغاثة إلى المناطق المنكوبة."),
            "b.md": _flood("", 1, "وارتفع عدد الضحايا إلى اثني عشر شخصًا بحسب الشرطة."),
            "c.md": _flood("وكالة النيل", 2, "ونقلت طائرات الجيش المساعدات إلى القرى المعزولة."),
        }
    )
    (story,) = generate(Settings(articles=folder, cache=False)).stories
    comparison = story.comparison
    assert comparison is not None
    assert [r.known for r in comparison.reporters] == [False, False, True]
    lead = "اجتاحت الفيضانات مدينة الخرطوم بعد أمطار غزيرة استمرت ثلاثة أيام متتالية."
    point = next(p for p in comparison.key_points if p.text == lead)
    assert len(point.sources) == 3  # the same sentence in all three: one point, three sources
    own = {key: [q.text for q in quotes] for key, quotes in comparison.unique}
    assert own["unknown-a"] == ["وأرسلت الأمم المتحدة فرق إغاثة إلى المناطق المنكوبة."]
    assert own["وكالة-النيل"] == ["ونقلت طائرات الجيش المساعدات إلى القرى المعزولة."]
