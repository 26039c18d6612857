"""Figures: the numbers a sentence gives for the quantities readers compare, and where the
versions of one claim disagree.

A figure is a number (digits in any script, «1.5 مليون», or a number word up to ten) next to a
word that says what it counts: the dead (قتيل، مقتل، حتفهم، شهيد، وفاة), the wounded (جريح،
مصاب، إصابة، أصيب), the arrested (معتقل، اعتقال، القبض), votes (صوت) and money (ريال، دولار،
يورو …). The counted word may come before the number («مقتل 21 شخصًا», «أصيب 18 آخرون») or
after it («21 قتيلًا»), within three words. Compatible forms are one value: ٨, 8 and ثمانية;
1.5 مليون and 1,500,000. The versions of a claim conflict on a quantity when each gives one
value for it and the values differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language import arabic
from ..models import Conflict, Quote

# kind → (its Arabic name as shown, stems of the words that count it, folded)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dead": ("القتلى", ("قتيل", "قتلي", "قتل", "مقتل", "حتف", "شهيد", "شهدا", "وفا", "متوفي")),
    "wounded": ("الجرحى", ("جريح", "جرحي", "جرح", "مصاب", "اصاب", "اصيب")),
    "arrested": ("الموقوفون", ("معتقل", "اعتقال", "اعتقل", "القبض", "موقوف", "توقيف")),
    "votes": ("الأصوات", ("صوت", "اصوات")),
    "money": ("المبلغ", ("ريال", "دولار", "يورو", "جنيه", "درهم", "دينار")),
}
_SCALE = {"الف": 1_000, "الاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000}
_SCALE |= {"مليار": 1_000_000_000, "مليارات": 1_000_000_000}
_WORDS = {  # folded number words, masculine and feminine
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}  # fmt: skip
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_WINDOW = 3
_YEARS = (1900, 2100)  # a year near a counting word («قتل … عام 2014») counts only when next to it


def figures(text: str) -> dict[str, set[float]]:
    """{kind: the values the sentence gives for it}."""
    words = [arabic.surface(w) for w in arabic.fold(text).split()]
    found: dict[str, set[float]] = {}
    for i, word in enumerate(words):
        value = _value(word)
        if value is None:
            continue
        if i + 1 < len(words) and words[i + 1] in _SCALE:
            value *= _SCALE[words[i + 1]]
        kind, distance = _kind_near(words, i)
        if kind is not None and not (_YEARS[0] <= value <= _YEARS[1] and distance > 1):
            found.setdefault(kind, set()).add(value)
    return found


def conflicts(versions: Sequence[tuple[str, Quote]]) -> tuple[Conflict, ...]:
    """The quantities on which the versions (reporter key, sentence) of one claim give
    different values; each outlet's figure as it wrote it."""
    by_kind: dict[str, list[tuple[str, float]]] = {}
    for key, quote in versions:
        for kind, values in figures(quote.text).items():
            if len(values) == 1:
                by_kind.setdefault(kind, []).append((key, next(iter(values))))
    out = []
    for kind in KINDS:
        given = by_kind.get(kind, [])
        if len({v for _, v in given}) >= 2:
            out.append(Conflict(kind, KINDS[kind][0], tuple((k, _shown(v)) for k, v in given)))
    return tuple(out)


def _value(word: str) -> float | None:
    if _NUMBER.match(word):
        return float(word.replace(",", ""))
    bare = word[1:] if word[:1] in "وب" and word[1:] in _WORDS else word
    return float(_WORDS[bare]) if bare in _WORDS else None


def _kind_near(words: Sequence[str], i: int) -> tuple[str | None, int]:
    """The kind counted by the number at `i` (the nearest counting word within the window),
    and how far that word is."""
    for distance in range(1, _WINDOW + 1):
        for j in (i + distance, i - distance):
            if 0 <= j < len(words):
                kind = _kind_of(words[j])
                if kind is not None:
                    return kind, distance
    return None, 0


def _kind_of(word: str) -> str | None:
    terms = arabic.content_terms(word)
    term = terms[0] if terms else word
    for kind, (_, stems) in KINDS.items():
        if any(term.startswith(s) or word.startswith(s) for s in stems):
            return kind
    return None


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
