"""Names: one key for every spelling of one name, shared by grouping, keywords and search.

Outlets spell a foreign name their own way: with or without a vowel letter (ترامب / ترمب,
بوتين / بوتن, نتنياهو / نتانياهو), with one letter or another for its "g" (غوغل / جوجل / قوقل,
سالزبورغ / سالزبورج), and the nisba adjective of a country is read as the country
(إيران / الإيراني / الإيرانيون). A reader takes each for one name, so matching and keyword
pages must too.

    name_key(word) -> str      the key of a written word (any clitics and inflection)
    term_key(stem) -> str      the key of a light stem (`arabic.stem` of a folded token, what
                               the rank stage hands over as an article's terms): keywords
    spelling_key(stem) -> str  the stem, or its name's key if it is a spelling of a known
                               name (no nisba rule): grouping

All three are pure: the same word always gives the same key, whatever else is being built, so a
keyword page keyed by it never moves when articles are added.

Two rules, because letter rules cannot tell a name from a word:
- **Nisba and -ان/-ين** (every word): the light stemmer takes -ان/-ين off a noun (إيران →
  اير, فلسطين → فلسط) but leaves them in its nisba, whose -ي it takes instead (الإيراني →
  ايران, الفلسطينيين → فلسطيني). The key takes them off there too, so noun and adjective meet.
- **Known names** (`data/names-ar.txt`): the spellings of one name, read from a real
  corpus; every spelling's key is the first's. The vowel-letter and g-letter rules are
  only applied through this list: applied to every word they would merge قرار with غرار,
  غارات with جار, مطار with مطر, المعارضة with معرض.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from . import arabic

_NISBA_ENDS = ("ان", "ين")
_LONG_NISBA_ENDS = ("تان", "تين")


@lru_cache(maxsize=1 << 18)
def term_key(stem: str) -> str:
    """The key of a light stem: its nisba completed, then its known name's key."""
    key = _without_nisba(stem)
    return known_names().get(key, key)


def spelling_key(stem: str) -> str:
    """The stem, or the key of the known name it spells (a listed people: its country).
    Grouping compares articles by this. The general nisba rule is for keyword pages (a
    reader expects إيران and الإيراني on one page); as a grouping term it made events that
    share only a country's adjective look alike (pairwise F1 of both labelled days' halves
    0.01-0.03 lower, bench/grouping.py)."""
    return known_names().get(stem, stem)


def name_key(word: str) -> str:
    """The key of a written word: folded, light-stemmed, then `term_key`."""
    return term_key(arabic.stem(arabic.fold(word)))


def _without_nisba(stem: str) -> str:
    """Take off what the stemmer takes off the noun when it left it on the adjective:
    a -ي after -ان/-ين (a plural's stem: فلسطيني), then -ان/-ين (-تان/-تين first, as
    the stemmer does), leaving three letters at least."""
    if stem.endswith("ي") and len(stem) >= 6 and stem[:-1].endswith(_NISBA_ENDS):
        stem = stem[:-1]
    if len(stem) < 5:  # a stem of four letters ending in -ان is the stemmer's own (مكان)
        return stem
    if stem.endswith(_LONG_NISBA_ENDS) and len(stem) >= 6:
        return stem[:-3]
    if stem.endswith(_NISBA_ENDS):
        return stem[:-2]
    return stem


@cache
def known_names() -> dict[str, str]:
    """{stem of a spelling: the key of its name}, from `data/names-ar.txt` (only the
    spellings whose stem differs from their name's key), each spelling's stem both as the
    stemmer gives it and without its nisba ending."""
    text = resources.files("generator.language.data").joinpath("names-ar.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        stems = [arabic.stem(arabic.fold(w)) for w in line.split()]
        key = _without_nisba(stems[0])
        for stem in stems:  # as the stemmer gives it (spelling_key) and without nisba (term_key)
            for form in {stem, _without_nisba(stem)} - {key}:
                out[form] = key
    return out


def name_groups() -> list[tuple[str, ...]]:
    """The known names as written in `data/names-ar.txt`, one tuple of spellings each
    (for tests and for search engines that take synonym lists)."""
    text = resources.files("generator.language.data").joinpath("names-ar.txt").read_text("utf-8")
    return [
        tuple(line.split())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
