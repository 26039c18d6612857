"""Arabic-aware text processing for matching: folding, tokens, stop words, stems.

Folding is for matching only; every text a reader sees is quoted as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain

# Harakat, superscript alef, Quranic marks; tatweel; bidi controls and zero-width marks.
_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_UNSEEN = re.compile(f"{_DIACRITICS.pattern}|{_INVISIBLE.pattern}")
_EASTERN_DIGIT = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "ک": "ك",
        "گ": "ك",
        "ؤ": "و",
        "ئ": "ي",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    }
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

# Light stemming (Larkey's light10): the article with its clitics and a lone و (a bare
# ب/ل/ك/ف would eat names such as بوتين), then one suffix, longest first, each only when
# a stem of at least three letters remains.
_PREFIXES = ("وبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و")
_SUFFIXES = (
    "هما",
    "كما",
    "تين",
    "تان",
    "ات",
    "ون",
    "ين",
    "ان",
    "يه",
    "يا",
    "ها",
    "هم",
    "هن",
    "كم",
    "نا",
    "ه",
    "ي",
    "ا",
)
_MIN_STEM = 3


# str.translate looks every character up in a dict (~0.25 µs a character on Arabic text);
# a str.replace per variant is ten times faster and gives the same result.
_LETTER_PAIRS = tuple((chr(k), v) for k, v in sorted(_FOLD_TABLE.items()) if not v.isdigit())
_DIGIT_PAIRS = tuple((chr(k), v) for k, v in sorted(_FOLD_TABLE.items()) if v.isdigit())


def fold(text: str) -> str:
    """Fold for matching: diacritics, tatweel, letter variants, digits, case."""
    text = _UNSEEN.sub("", text)
    pairs = _LETTER_PAIRS + _DIGIT_PAIRS if _EASTERN_DIGIT.search(text) else _LETTER_PAIRS
    for variant, base in pairs:
        if variant in text:
            text = text.replace(variant, base)
    return text.lower()


def fold_length(text: str) -> int:
    """`len(fold(text))` without its letter replacements (each keeps the length)."""
    return len(_UNSEEN.sub("", text).lower())


def tokens(text: str) -> list[str]:
    """Folded word tokens (letters and digits; punctuation of any script dropped)."""
    return _split_tokens(fold(text))


def _split_tokens(folded: str) -> list[str]:
    r"""`_TOKEN.findall`, twice as fast: most words are letters only (`isalnum` is `[^\W_]`)."""
    out: list[str] = []
    for word in folded.split():
        if word.isalnum():
            out.append(word)
        else:
            out.extend(_TOKEN.findall(word))
    return out


def is_arabic(token: str) -> bool:
    return bool(_ARABIC_LETTER.search(token))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Folded Arabic stop words (function words and reporting verbs) plus English ones."""
    words: set[str] = set()
    for name in ("stopwords-ar.txt", "stopwords-en.txt"):
        text = resources.files("generator.language.data").joinpath(name).read_text("utf-8")
        words |= {fold(w.strip()) for w in text.splitlines() if w.strip() and w[0] != "#"}
    return frozenset(words)


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Light stem of one folded token: strips one clitic prefix and one suffix.

    Pure and stateless, so caching it cannot change results (unlike summa's stemmer).
    سوريا / السورية / وسوريا all give سور.
    """
    if not is_arabic(token):
        return token
    word = token
    for size, prefixes in _PREFIXES_BY_SIZE:
        if len(word) - size >= _MIN_STEM and word[:size] in prefixes:
            word = word[size:]
            break
    for size, suffixes in _SUFFIXES_BY_SIZE:
        if len(word) - size >= _MIN_STEM and word[-size:] in suffixes:
            word = word[:-size]
            break
    return word


def _by_size(affixes: Sequence[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The affixes grouped by length, longest first: one set lookup per length instead of
    a `startswith` per affix. The same first match as the list's order, which is longest
    first (and two affixes of one length never both match one word)."""
    sizes = [len(a) for a in affixes]
    assert sizes == sorted(sizes, reverse=True), "affixes are listed longest first"
    return tuple(
        (size, frozenset(a for a in affixes if len(a) == size))
        for size in sorted(set(sizes), reverse=True)
    )


_PREFIXES_BY_SIZE = _by_size(_PREFIXES)
_SUFFIXES_BY_SIZE = _by_size(_SUFFIXES)


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning: no stop words, no one-letter tokens.

    Equal to `matching_terms(text)`, but cached by written word: folding, tokens and stems
    never look past a space, so a word's terms do not depend on its neighbours.
    """
    try:  # most calls after the article stage: every word seen, no set of them to build
        return list(chain.from_iterable(map(_TERMS_OF_WORD.__getitem__, text.split())))
    except KeyError:
        return content_terms_of([text])[0]


def content_terms_of(texts: Sequence[str]) -> list[list[str]]:
    """`content_terms` of each text; the words none of them had before are folded at once
    (one `fold` of them all, a line each, not one call per word)."""
    cache = _TERMS_OF_WORD
    split = [text.split() for text in texts]
    missing = set(chain.from_iterable(split)).difference(cache)
    if missing:
        if len(cache) + len(missing) > _TERM_CACHE_LIMIT:
            cache.clear()
            missing = set(chain.from_iterable(split))
        new = list(missing)
        stop = stopwords()
        # a word holds no line end, and folding keeps one (it never looks past a character);
        # then `matching_terms`' steps on each word's folded form
        for word, folded in zip(new, fold("\n".join(new)).split("\n"), strict=True):
            cache[word] = tuple(_stems(_split_tokens(folded), stop))
    return [list(chain.from_iterable(map(cache.__getitem__, words))) for words in split]


# written word → its terms. Stemming is pure, so the cache cannot change a result (unlike
# summa's stateful stemmer); it is emptied when it grows past the limit.
_TERMS_OF_WORD: dict[str, tuple[str, ...]] = {}
_TERM_CACHE_LIMIT = 300_000


def matching_terms(
    text: str, *, normalise: bool = True, stem_words: bool = True, drop_stopwords: bool = True
) -> list[str]:
    """Terms for matching sentences; the switches exist to measure each step (bench/)."""
    stop = stopwords() if drop_stopwords else frozenset()
    found = tokens(text) if normalise else _TOKEN.findall(text.lower())
    return _stems(found, stop, stem_words)


def _stems(found: Iterable[str], stop: frozenset[str], stem_words: bool = True) -> list[str]:
    """The stems of the tokens that are no stop word and longer than one letter, the stop
    words' stems left out too."""
    out = []
    for token in found:
        if token in stop or len(token) < 2:
            continue
        s = stem(token) if stem_words else token
        if s in stop:
            continue
        out.append(s)
    return out


def surface(word: str) -> str:
    """A display form of a word: punctuation around it removed, letters as written."""
    return word.strip(".,:;!?()[]{}«»“”\"'،؛؟…-–—/\\")


def words(text: str) -> int:
    return len(text.split())


def join(parts: Iterable[str]) -> str:
    return " ".join(parts)
