"""Counting in Arabic: a number written in digits with its noun in the form Arabic grammar
asks for (pure; no I/O).

The noun after a number depends on the number's last two digits (CLDR's plural categories
for Arabic, which follow the grammar of the spoken number):

| n                     | form                           | مقال          | قصة          |
|-----------------------|--------------------------------|---------------|--------------|
| 0                     | «لا» and the plural             | لا مقالات     | لا قصص       |
| 1                     | the noun and «واحد/واحدة»       | مقال واحد     | قصة واحدة    |
| 2                     | the dual                       | مقالان        | قصتان        |
| n % 100 in 3..10      | the plural (genitive)          | 3 مقالات      | 103 قصص      |
| n % 100 in 11..99     | the singular, accusative       | 11 مقالًا     | 99 قصة       |
| 100, 101, 102, 200 …  | the singular, genitive         | 100 مقال      | 1000 قصة     |

So «109 مقالات» (مئة وتسعة مقالات), «111 مقالًا», «102 مقال». Digits are Latin, without a
thousands separator (a Latin comma inside Arabic text reads as a list).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    """The forms of a counted noun."""

    singular: str  # مقال: after 100, 200 … (genitive)
    one: str  # مقال واحد
    dual: str  # مقالان
    plural: str  # مقالات: 3 to 10
    accusative: str  # مقالًا: 11 to 99
    dual_genitive: str  # مقالين: after a preposition («في مقالين»)


ARTICLE = Noun("مقال", "مقال واحد", "مقالان", "مقالات", "مقالًا", "مقالين")
SOURCE = Noun("مصدر", "مصدر واحد", "مصدران", "مصادر", "مصدرًا", "مصدرين")
STORY = Noun("قصة", "قصة واحدة", "قصتان", "قصص", "قصة", "قصتين")
POINT = Noun("نقطة", "نقطة واحدة", "نقطتان", "نقاط", "نقطة", "نقطتين")
DAY = Noun("يوم", "يوم واحد", "يومان", "أيام", "يومًا", "يومين")
TIME = Noun("مرة", "مرة واحدة", "مرتان", "مرات", "مرة", "مرتين")  # how often a form is used


def counted(n: int, noun: Noun, *, genitive: bool = False) -> str:
    """`n` and `noun` as a reader says them: «مقال واحد», «مقالان», «3 مقالات», «11 مقالًا»,
    «100 مقال», «109 مقالات»; `genitive` after a preposition («من مقالين»: only the dual
    changes in writing)."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if n == 0:
        return f"لا {noun.plural}"
    if n == 1:
        return noun.one
    if n == 2:
        return noun.dual_genitive if genitive else noun.dual
    tens = n % 100
    if 3 <= tens <= 10:
        return f"{n} {noun.plural}"
    if 11 <= tens <= 99:
        return f"{n} {noun.accusative}"
    return f"{n} {noun.singular}"  # 100, 101, 102, 200, … 1000


def listed(names: list[str] | tuple[str, ...]) -> str:
    """Names joined as Arabic lists them: «أ، ب و ج» is not used in lists of names; the
    Arabic comma alone, «أ، ب، ج», keeps each name whole."""
    return "، ".join(names)
