"""Arabic counting: the noun after a number agrees with it (generator/language/numbers.py)."""

from __future__ import annotations

import pytest

from generator.language.numbers import ARTICLE, POINT, SOURCE, STORY, Noun, counted

NOUNS = {"مقال": ARTICLE, "مصدر": SOURCE, "قصة": STORY, "نقطة": POINT}

# Written by hand from the grammar (not from the code): each boundary of each rule.
TABLE = [
    (0, "لا مقالات", "لا مصادر", "لا قصص", "لا نقاط"),
    (1, "مقال واحد", "مصدر واحد", "قصة واحدة", "نقطة واحدة"),
    (2, "مقالان", "مصدران", "قصتان", "نقطتان"),
    (3, "3 مقالات", "3 مصادر", "3 قصص", "3 نقاط"),
    (10, "10 مقالات", "10 مصادر", "10 قصص", "10 نقاط"),
    (11, "11 مقالًا", "11 مصدرًا", "11 قصة", "11 نقطة"),
    (60, "60 مقالًا", "60 مصدرًا", "60 قصة", "60 نقطة"),
    (99, "99 مقالًا", "99 مصدرًا", "99 قصة", "99 نقطة"),
    (100, "100 مقال", "100 مصدر", "100 قصة", "100 نقطة"),
    (101, "101 مقال", "101 مصدر", "101 قصة", "101 نقطة"),
    (102, "102 مقال", "102 مصدر", "102 قصة", "102 نقطة"),
    (103, "103 مقالات", "103 مصادر", "103 قصص", "103 نقاط"),
    (109, "109 مقالات", "109 مصادر", "109 قصص", "109 نقاط"),
    (110, "110 مقالات", "110 مصادر", "110 قصص", "110 نقاط"),
    (111, "111 مقالًا", "111 مصدرًا", "111 قصة", "111 نقطة"),
    (200, "200 مقال", "200 مصدر", "200 قصة", "200 نقطة"),
    (203, "203 مقالات", "203 مصادر", "203 قصص", "203 نقاط"),
    (250, "250 مقالًا", "250 مصدرًا", "250 قصة", "250 نقطة"),
    (999, "999 مقالًا", "999 مصدرًا", "999 قصة", "999 نقطة"),
    (1000, "1000 مقال", "1000 مصدر", "1000 قصة", "1000 نقطة"),
]


@pytest.mark.parametrize("row", TABLE, ids=lambda row: str(row[0]))
def test_table_of_counts(row: tuple) -> None:
    n, *expected = row
    assert [counted(n, noun) for noun in NOUNS.values()] == expected


def _by_grammar(n: int, noun: Noun) -> str:
    """The rule as a grammar book words it, by the number's last two digits."""
    last_two = n % 100
    if n == 0:
        return "لا " + noun.plural
    if n in (1, 2):
        return noun.one if n == 1 else noun.dual
    if last_two in range(3, 11):
        return f"{n} {noun.plural}"  # جمع مجرور
    if last_two in range(11, 100):
        return f"{n} {noun.accusative}"  # تمييز منصوب مفرد
    return f"{n} {noun.singular}"  # مئة، ألف: مفرد مجرور


@pytest.mark.parametrize("name", sorted(NOUNS))
def test_every_count_from_0_to_1000(name: str) -> None:
    noun = NOUNS[name]
    for n in range(1001):
        assert counted(n, noun) == _by_grammar(n, noun), n
        # the noun is always one of its five written forms, never a bare number
        assert counted(n, noun).split()[-1] in {
            noun.singular, noun.plural, noun.accusative, noun.dual, "واحد", "واحدة"
        } or noun.singular in counted(n, noun)


def test_the_issue_examples_are_fixed() -> None:
    assert counted(2, ARTICLE) == "مقالان"  # not «2 مقالات»
    assert counted(60, ARTICLE) == "60 مقالًا"  # not «60 مقالات»
    assert counted(11, ARTICLE) == "11 مقالًا"
    assert counted(109, ARTICLE) == "109 مقالات"  # not «109 مقالًا»


def test_the_dual_after_a_preposition() -> None:
    assert counted(2, STORY, genitive=True) == "قصتين"
    assert counted(2, ARTICLE, genitive=True) == "مقالين"
    assert counted(3, STORY, genitive=True) == "3 قصص"


def test_a_negative_count_is_an_error() -> None:
    with pytest.raises(ValueError):
        counted(-1, ARTICLE)
