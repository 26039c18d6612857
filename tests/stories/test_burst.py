"""Burst weighting: terms that are news on a day weigh more than terms that always are.

The made-up day (tests/data/grouping_day.json) is grouped alone (no background: plain
TF-IDF, as before) and inside a made-up month of earlier news in which Iran, Israel,
Hezbollah, the nuclear file, the clubs and the civil defence are everyday words.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from generator.language.arabic import content_terms
from generator.rank.key_sentences import rank
from generator.read.ingest import parse
from generator.stories import burst
from generator.stories.burst import burst_factors, has_background
from generator.stories.group import group
from generator.stories.linkage import GroupingSettings, link
from generator.stories.similarity import Pairs, tfidf_matrix, weighted_terms
from generator.text.clean import clean
from tests.conftest import DATA
from tests.stories.test_stories import article_file, ranked_seeds, shown

DAY = DATA / "grouping_day.json"

# Everyday news of the weeks before the made-up day (written for this test).
EVERYDAY = [
    "قال مسؤول إسرائيلي إن إسرائيل تراقب تحركات إيران وحزب الله في المنطقة.",
    "تواصل إيران دعم حزب الله في لبنان وسوريا بحسب مصادر غربية.",
    "بحث وزراء الخارجية الملف النووي الإيراني والعقوبات الاقتصادية على طهران.",
    "أكد الأمين العام لحزب الله أن المقاومة مستعدة لأي مواجهة مع إسرائيل.",
    "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأمريكية.",
    "أعلن الدفاع المدني السيطرة على حريق في مستودع بالمنطقة الصناعية دون إصابات.",
    "يستعد الهلال لمباراته المقبلة في الدوري بمعسكر تدريبي في أوروبا.",
    "أنهى النصر تعاقده مع مدافع جديد استعدادا للموسم الرياضي المقبل.",
    "شنت طائرات التحالف غارات على مواقع للمسلحين في سوريا والعراق.",
    "قال المرصد السوري إن الاشتباكات تواصلت في ريف دمشق وحلب.",
    "أغلق مؤشر الأسهم السعودية على تراجع طفيف في تداولات ضعيفة.",
    "توقعت الأرصاد طقسا حارا على معظم المناطق مع رياح مثيرة للغبار.",
    "انتقد نتنياهو السياسة الأمريكية تجاه إيران في كلمة أمام الكنيست.",
    "قالت الوكالة الدولية للطاقة الذرية إن إيران تتعاون مع المفتشين.",
    "أعلنت وزارة الصحة تسجيل حالات جديدة وطمأنت المواطنين.",
    "افتتح أمير المنطقة مشروعات تنموية جديدة في عدد من المحافظات.",
    "طالب مجلس الشورى بتطوير الخدمات البلدية في الأحياء الجديدة.",
]


def everyday_article(k: int):
    """Background article k: three everyday sentences, dated 30 to 40 days before the day."""
    n = len(EVERYDAY)
    text = " ".join(EVERYDAY[i % n] for i in (k, 3 * k + 1, 7 * k + 2))
    entry = {
        "id": f"bg{k:03d}",
        "source": "الرياض",
        "date": (dt.date(2015, 6, 3) + dt.timedelta(days=k % 11)).isoformat(),
        "title": EVERYDAY[(5 * k + 3) % n].split("،")[0][:60],
        "body": text,
    }
    article, problems = parse(f"{entry['id']}.md", article_file(entry))
    assert article is not None and problems == []
    return rank(clean(article))


def made_up(entry: dict):
    article, problems = parse(f"{entry['id']}.md", article_file(entry))
    assert article is not None and problems == []
    return rank(clean(article))


@pytest.fixture(scope="module")
def day_entries() -> list[dict]:
    return json.loads(DAY.read_text("utf-8"))["articles"]


@pytest.fixture(scope="module")
def day_articles(day_entries):
    return [made_up(e) for e in day_entries]


@pytest.fixture(scope="module")
def background():
    return [everyday_article(k) for k in range(burst.MIN_BACKGROUND + 20)]


def expected_stories(day_entries) -> list[list[str]]:
    stories: dict[str, list[str]] = {}
    for e in day_entries:
        stories.setdefault(e["story"], []).append(e["id"])
    return sorted(sorted(ids) for ids in stories.values())


def _matrix(articles, with_days: bool):
    days = [a.article.date.toordinal() if a.article.date else None for a in articles]
    return tfidf_matrix([weighted_terms(a) for a in articles], days if with_days else None)


# --- the factors -----------------------------------------------------------------------------


def _factors(docs: list[list[str]], days: list[int | None]) -> dict[tuple[int, str], float]:
    """burst_factors over tiny documents, keyed by (document, term)."""
    vocabulary: dict[str, int] = {}
    columns, indptr = [], [0]
    for doc in docs:
        for term in dict.fromkeys(doc):
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
        indptr.append(len(columns))
    factors = burst_factors(np.asarray(columns), np.asarray(indptr), days)
    keys = [(i, t) for i, doc in enumerate(docs) for t in dict.fromkeys(doc)]
    return dict(zip(keys, factors.tolist(), strict=True))


OLD, TODAY = 100, 200  # day ordinals, 100 days apart


@pytest.mark.parametrize(
    ("background", "today", "term", "expected"),
    [
        # A new word in every article of the day: as bursty as it gets (capped at 20×).
        (["x"] * 300, ["new x"] * 10, "new", 1 + burst.ALPHA * np.log(20.0)),
        # An everyday word, as common on the day as before: no burst.
        (["x"] * 300, ["new x"] * 10, "x", 1.0),
        # Twice as frequent on the day as in the background
        # (p_day 1, p_background (150 + 1) / (300 + 1)): a factor of 1 + log(301 / 151).
        (["x y"] * 150 + ["x"] * 150, ["y"] * 10, "y", 1 + burst.ALPHA * np.log(301 / 151)),
        # Less frequent on the day than usual: no penalty, a factor of 1.
        (["y"] * 300, ["y"] * 2 + ["z"] * 8, "y", 1.0),
        # Too small a background (under MIN_BACKGROUND articles): plain TF-IDF.
        (["x"] * 20, ["new x"] * 10, "new", 1.0),
    ],
)
def test_burst_factor_table(background, today, term, expected) -> None:
    docs = [d.split() for d in background + today]
    days = [OLD] * len(background) + [TODAY] * len(today)
    factors = _factors(docs, days)
    got = {f for (i, t), f in factors.items() if t == term and days[i] == TODAY}
    assert len(got) == 1
    assert got.pop() == pytest.approx(expected)


def test_days_within_ten_days_are_not_the_background() -> None:
    docs = [["x"]] * 300 + [["new"]] * 10
    near = _factors(docs, [TODAY - burst.BACKGROUND_DAYS] * 300 + [TODAY] * 10)
    far = _factors(docs, [TODAY - burst.BACKGROUND_DAYS - 1] * 300 + [TODAY] * 10)
    assert near[(305, "new")] == 1.0
    assert far[(305, "new")] == pytest.approx(1 + burst.ALPHA * np.log(20.0))
    # the old day has one article as its background: too few
    assert has_background([TODAY - 11] * 300 + [TODAY]) == [False] * 300 + [True]
    assert has_background([TODAY - 10] * 300 + [TODAY, None]) == [False] * 302


def test_undated_articles_keep_plain_weights() -> None:
    factors = _factors([["x"]] * 300 + [["new"]] * 3, [OLD] * 300 + [None] * 3)
    assert {factors[(i, "new")] for i in (300, 301, 302)} == {1.0}


# --- what a user sees ------------------------------------------------------------------------


def test_one_window_of_days_is_plain_tfidf(day_articles) -> None:
    """The seeds and the made-up day (all within ten days) have no background: the weights
    are exactly those of plain TF-IDF, so their grouping is what it was."""
    seeds = ranked_seeds()
    for articles in (seeds, day_articles):
        burst_weighted = _matrix(articles, with_days=True)
        plain = _matrix(articles, with_days=False)
        assert (burst_weighted != plain).nnz == 0


def test_with_a_background_the_day_is_grouped_as_an_editor_would(
    day_entries, day_articles, background
) -> None:
    stories = group(day_articles + background)
    on_the_day = [s for s in stories if s.articles[0].id.startswith("n")]
    assert shown(on_the_day) == expected_stories(day_entries)
    assert all(not a.id.startswith("bg") for s in on_the_day for a in s.articles)


def test_the_burst_factor_of_a_new_word_exceeds_that_of_an_everyday_word(
    day_articles, background
) -> None:
    articles = day_articles + background
    days = [a.article.date.toordinal() for a in articles]
    docs = [weighted_terms(a) for a in articles]
    vocabulary: dict[str, int] = {}
    columns, indptr = [], [0]
    for doc in docs:
        for term in doc:
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
        indptr.append(len(columns))
    factors = burst_factors(np.asarray(columns), np.asarray(indptr), days)
    deal = 1  # n02: the deal signed in Vienna, naming Iran
    own = {t: factors[indptr[deal] + k] for k, t in enumerate(docs[deal])}
    (vienna,) = content_terms("فيينا")  # new on the day
    (iran,) = content_terms("إيران")  # in the background's everyday news too
    assert own[vienna] == pytest.approx(1 + burst.ALPHA * np.log(burst.CAP))
    assert 1.0 <= own[iran] < own[vienna]


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        ([0.20, 0.20], [[0, 1]]),  # both days have a background: the burst threshold
        ([0.20, 0.28], [[0], [1]]),  # one has plain weights: its higher threshold holds
        (None, [[0], [1]]),  # no per-article thresholds: `threshold`
    ],
)
def test_a_group_merges_only_above_the_highest_threshold_of_its_members(
    limits, expected
) -> None:
    pairs = Pairs(np.array([0]), np.array([1]), np.array([0.25]))
    assert link(2, pairs, [TODAY, TODAY], set(), GroupingSettings(), limits) == expected
