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
    # money in one currency: a sum in riyals and its conversion to dollars do not conflict
    "riyals": ("المبلغ بالريال", ("ريال",)),
    "dollars": ("المبلغ بالدولار", ("دولار",)),
    "euros": ("المبلغ باليورو", ("يورو",)),
    "pounds": ("المبلغ بالجنيه", ("جنيه",)),
    "dirhams": ("المبلغ بالدرهم", ("درهم",)),
    "dinars": ("المبلغ بالدينار", ("دينار",)),
}
_SCALE = {"الف": 1_000, "الاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000}
_SCALE |= {"مليار": 1_000_000_000, "مليارات": 1_000_000_000}
_SCALE |= {w: 1_000_000_000_000 for w in ("تريليون", "ترليون", "تريليونات", "ترليونات")}
_WORDS = {  # folded number words, masculine and feminine
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}  # fmt: skip
_VISUAL = re.compile(r"(\d+)(\.)\u200f(\d+)(\W*)")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_WINDOW = 2  # words between a figure and what it counts
_LEAD_WORDS = 30  # figures further into a sentence belong to its side clauses
_YEARS = (1900, 2100)  # a year near a counting word («قتل … عام 2014») counts only when next to it


def figures(text: str) -> dict[str, dict[float, str]]:
    """{kind: {value: the figure as written}} of the figures in the sentence's first words."""
    written = text.split()[:_LEAD_WORDS]
    words = [arabic.surface(arabic.fold(_logical(w))) for w in written]
    found: dict[str, dict[float, str]] = {}
    for i, word in enumerate(words):
        value = _value(word)
        if value is None:
            continue
        shown, after = arabic.surface(_logical(written[i])), i + 1
        if after < len(words) and words[after] in _SCALE:
            value *= _SCALE[words[after]]
            shown, after = f"{shown} {arabic.surface(written[after])}", after + 1
        kind, distance = _kind_near(words, i, after)
        if kind is not None and not (_YEARS[0] <= value <= _YEARS[1] and distance > 1):
            found.setdefault(kind, {}).setdefault(value, shown)
    return found


def conflicts(versions: Sequence[tuple[str, Quote]]) -> tuple[Conflict, ...]:
    """The quantities on which the versions (reporter key, sentence) of one claim give
    different values; each outlet's figure as it wrote it."""
    by_kind: dict[str, list[tuple[str, float, str]]] = {}
    for key, quote in versions:
        for kind, values in figures(quote.text).items():
            if len(values) == 1:
                (value, shown), = values.items()
                by_kind.setdefault(kind, []).append((key, value, shown))
    out = []
    for kind in KINDS:
        given = by_kind.get(kind, [])
        if any(not _compatible(a, b) for (_, a, sa), (_, b, sb) in _pairs(given)):
            figures_ = tuple((k, shown) for k, _, shown in given)
            out.append(Conflict(kind, KINDS[kind][0], figures_))
    return tuple(out)


def _pairs(given: Sequence[tuple[str, float, str]]) -> list[tuple[tuple, tuple]]:
    return [(a, b) for k, a in enumerate(given) for b in given[k + 1 :]]


def _compatible(a: float, b: float) -> bool:
    """Equal, or one the other rounded to its own precision: «15 مليون» and «14.8 مليون»
    (a round figure for the precise one) agree; 21 and 22 do not."""
    if a == b:
        return True
    return _rounded(a, _significant(b)) == b or _rounded(b, _significant(a)) == a


def _significant(value: float) -> int:
    """Significant digits of a figure as written: 15 million → 2, 14.8 million → 3, 100 → 1."""
    digits = f"{value:.6g}".replace(".", "").lstrip("0")
    digits = digits.split("e")[0]
    return max(1, len(digits.rstrip("0")))


def _rounded(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def _logical(word: str) -> str:
    """A decimal typed with a right-to-left mark between its parts is stored in visual order
    («8.\u200f14» is 14.8, as the other outlets write it); it is read in logical order."""
    match = _VISUAL.fullmatch(word)
    return f"{match[3]}.{match[1]}{match[4]}" if match else word


def _value(word: str) -> float | None:
    if _NUMBER.match(word):
        if word.count(".") + word.count(",") > 1:  # 1.340.700.000, 1,500,000: separators
            return float(word.replace(",", "").replace(".", ""))
        try:
            return float(word.replace(",", ""))
        except ValueError:
            return None
    bare = word[1:] if word[:1] in "وب" and word[1:] in _WORDS else word
    return float(_WORDS[bare]) if bare in _WORDS else None


def _kind_near(words: Sequence[str], i: int, after: int) -> tuple[str | None, int]:
    """The kind counted by the figure at `i` (ending before `after`): the nearest counting
    word within the window, and how far it is."""
    for distance in range(1, _WINDOW + 1):
        for j in (after - 1 + distance, i - distance):
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
