"""Datelines: the leading «where, which agency» of a wire or outlet report, cut from the
article's first paragraph and kept as metadata (`Dateline`: its place, agency and words as
cut), never shown: «دبي، الإمارات (CNN) --», «القاهرة - (رويترز) -», «واس- الرياض:»,
«فلان- سبق- جدة:», a line «عين اليوم – جدة», «الرياض 26 شوال 1436 هـ … واس».

One of the general chrome rules of `chrome.py` (its own module: one job each); tests are in
tests/text/test_chrome.py, and bench/boilerplate.py measures them on labelled real news.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.arabic import fold, fold_length
from ..models import Dateline

_SEP = r"[-–—ـ]"
# News agencies as datelines name them (folded: أ/إ/آ → ا, ة → ه, ى → ي).
_AGENCIES = (
    r"رويترز|ا ?ف ?ب|ا\.ف\.ب|فرانس برس|د ?ب ?ا|د\.ب\.ا|واس|سي ان ان|سي إن إن|الاناضول|"
    r"يو بي اي|ا ?ش ?ا|ا\.ش\.ا|افي|كونا|وام|بنا|قنا|سبا|الالمانيه|شينخوا|اسوشيتد برس|"
    r"ا ?ب|سانا|ارنا|فارس|تاس|سبوتنيك|نوفوستي|الفرنسيه|cnn|afp|ap|reuters|dpa|ana|upi"
)
_AGENCY = re.compile(rf"(?:{_AGENCIES})$")

# «دبي، الإمارات العربية المتحدة (CNN) --», «القاهرة - (رويترز) -», «سان فرانسيسكو 20 يوليو
# (رويترز) -»: a place of a few words, an agency in brackets, a dash or a colon.
_PLACE_AGENCY = re.compile(
    rf"^(?P<place>[^()\n:.!?؟«»\"]{{2,60}}?)\s*{_SEP}?\s*\((?P<agency>[^()\n]{{2,25}})\)"
    rf"\s*(?:{_SEP}+|:)\s*"
)
# «واس -», «واس- الرياض:», «رويترز- كراتشي:»: an agency, a dash, maybe a place and a colon.
_AGENCY_FIRST = re.compile(
    rf"^(?P<agency>[^\s:()\-–—ـ]{{2,12}}(?: [^\s:()\-–—ـ]{{1,12}}){{0,2}})\s*{_SEP}+\s*"
    rf"(?:(?P<place>[^\s:()\-–—ـ\d][^:()\-–—ـ\n\d]{{1,25}}?)\s*:\s*)?"
)
# «عبدالله البرقاوي- سبق- الرياض:», «محمد أبو شعر- سبق:», «سبق- الرياض:»: two or three short
# dash-separated parts (a reporter, the outlet, a place), then a colon.
_PART = r"[^\s:()\-–—ـ\d.،,!?؟«»\"][^:()\-–—ـ\d.،,!?؟«»\"\n]{0,24}?"
_BYLINE_PLACE = re.compile(
    rf"^(?P<a>{_PART})\s*{_SEP}+\s*(?P<b>{_PART})(?:\s*{_SEP}+\s*(?P<c>{_PART}))?\s*:\s*"
)
# A line that is only a dateline or a credit: «عين اليوم – جدة», «الرياضي ـ جدة».
_SHORT_PARTS = re.compile(rf"^(?P<a>{_PART})\s*{_SEP}+\s*(?P<b>{_PART})(?:\s*{_SEP}+\s*{_PART})?$")
# «الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس»: a place, a date, an agency.
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[^\d\n]{2,30}?)\s+\d{1,2}\s+\S+\s+\d{4}\b[^\n]{0,60}?\s(?P<agency>\S+)$"
)
_MAYBE_DATELINE = re.compile(r"[()\-–—ـ:]")
_MAX_PART_WORDS = 3
_MAX_DATELINE_WORDS = 8
_DIGIT = re.compile(r"[0-9٠-٩]")


def cut_dateline(line: str) -> tuple[str, Dateline | None]:
    """The line without its leading dateline, and the dateline (None: the line had none).

    An empty remainder means the line was only a dateline."""
    if not _MAYBE_DATELINE.search(line[:120]) and not _DIGIT.search(line[:40]):
        return line, None  # every dateline has a bracket, a dash or a colon early, or a date
    if fold_length(line) != len(line):  # diacritics or tatweel: match on a copy without them
        return _cut_on_plain(line)
    match = _PLACE_AGENCY.match(line)
    if match and is_agency(match["agency"]) and _words(match["place"]) <= 6:
        return _rest(line, match), _dateline(match, match["place"], match["agency"])
    match = _AGENCY_FIRST.match(line)
    if match and is_agency(match["agency"]):
        return _rest(line, match), _dateline(match, match["place"] or "", match["agency"])
    match = _BYLINE_PLACE.match(line)
    if match and _short_parts(match["a"], match["b"], match["c"]):
        place = match["c"] or match["b"]
        return _rest(line, match), _dateline(match, place, "")
    match = _SHORT_PARTS.match(line.strip())
    if match and _short_parts(match["a"], match["b"], None) and not _ends_sentence(line):
        return "", _dateline(match, match["b"], "")
    match = _WIRE_DATELINE.match(line.strip())
    if match and is_agency(match["agency"]) and _words(line) <= 14:
        return "", _dateline(match, match["place"], match["agency"])
    return line, None


def _cut_on_plain(line: str) -> tuple[str, Dateline | None]:
    """Datelines are short and plain; a line with marks is matched word by word: the
    dateline's words are found without marks, and as many words are cut from the line."""
    words = line.split()
    plain = _UNMARKED.sub("", " ".join(words))  # as word by word: spaces are no marks
    rest, dateline = cut_dateline(plain) if plain != line else (line, None)
    if dateline is None:
        return line, None
    kept = len(rest.split())
    cut = " ".join(words[: len(words) - kept])
    return (" ".join(words[len(words) - kept :]) if kept else ""), replace(dateline, text=cut)


_UNMARKED = re.compile(r"[\u064b-\u0652\u0640]")


def _dateline(match: re.Match[str], place: str, agency: str) -> Dateline:
    return Dateline(_trim(place), agency.strip(), _trim(match[0]))


def _rest(line: str, match: re.Match[str]) -> str:
    return line[match.end() :].strip()


def is_agency(name: str) -> bool:
    name = name.strip()
    return bool(_AGENCY.match(fold(name)))


def _short_parts(a: str, b: str, c: str | None) -> bool:
    parts = [p for p in (a, b, c) if p is not None]
    sizes = [_words(p) for p in parts]
    return max(sizes) <= _MAX_PART_WORDS and sum(sizes) <= _MAX_DATELINE_WORDS


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in ".!?؟…:;؛"


def _words(text: str) -> int:
    return len(text.split())


def _trim(text: str) -> str:
    return text.strip(" \t،,-–—ـ:")
