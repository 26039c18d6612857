"""Keywords: TextRank over a story's stems, shown in each keyword's most frequent written form.

Inflections and clitics: words are compared by their light stems, so سوريا / السورية /
وسوريا are one keyword. Names: the spellings of one name (ترامب / ترمب, شويغو / شويجو) and a
country with its nisba (إيران / الإيراني) are one keyword through `language/names.py`, the
one list grouping and search use too. No letter rule is applied to other words: a "g" rule
within a story made الفريق and a family's الفريج one keyword, shown on the page of another.
Stop words, stop-like words of news writing (خلال, بحسب, reporting verbs, days, generic
words such as الرئيس), numbers and stems shorter than three letters never become keywords.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

import numpy as np

from ..language import arabic, names
from ..models import Keyword, RankedArticle
from ..slugs import slugify
from . import textrank

MAX_KEYWORDS = 8
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Words of news writing that say nothing about a story: attribution, time, connectives,
# and the generic nouns every political story repeats. Written as in text; folded to match.
STOP_LIKE_WORDS = """
خلال بحسب حسب وفق وفقا طبقا نقلا إثر اثر عقب قبيل بعيد لدى ضمن نحو حوالي قرابة نحوا
جانب جهة إطار اطار سياق صعيد ظل حين حيث أيضا ايضا كذلك بينما فيما وسط عبر
قال قالت يقول أضاف أضافت يضيف أكد أكدت يؤكد مؤكدا مؤكدة أشار أشارت يشير مشيرا مشيرة
أوضح أوضحت يوضح موضحا أفاد أفادت يفيد مفيدا ذكر ذكرت يذكر ذاكرا لفت لفتت يلفت لافتا
تابع تابعت متابعا اعتبر اعتبرت معتبرا كشف كشفت كاشفا نقل نقلت أعلن أعلنت معلنا
تم جرى يجري باتت بات أصبح أصبحت صار
اليوم أمس غدا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم أيام
أسبوع شهر عام أعوام سنة سنوات الماضي الماضية الجاري الجارية المقبل المقبلة الحالي الحالية
مرة مرات عدة عدد بعض كل كافة جميع أكثر أقل أبرز أهم أول آخر أخرى الأخير الأخيرة
الرئيس رئيس الدولة الدول دولة البلاد البلدين بلد العملية عملية بيان تصريح تصريحات مصدر مصادر
قوات القوات المنطقة منطقة مناطق بشكل قائلا قائلة أجل رغم برغم غرار فيديو صور صورة
يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
""".split()  # noqa: SIM905 (a word list reads best as text)


@functools.cache
def stop_like() -> frozenset[str]:
    """Folded words, and their stems, that never become keywords."""
    words = {arabic.fold(w) for w in STOP_LIKE_WORDS}
    return frozenset(words | {arabic.stem(w) for w in words} | arabic.stopwords())


def story_keywords(
    articles: Sequence[RankedArticle], limit: int = MAX_KEYWORDS
) -> tuple[Keyword, ...]:
    """The `limit` best keywords of a story, best first (ties by stem)."""
    texts = [t for a in articles for t in (a.article.title or "", *(s.text for s in a.sentences))]
    terms = _terms(list(chain.from_iterable(text.split() + _END for text in texts)))
    scores = textrank.keyword_ranks(terms.stem_at, terms.stems)
    best = _best(scores, limit)
    forms = terms.forms(best)
    return tuple(
        Keyword(stem=s, label=label(forms[s]), slug=slugify(s), score=round(scores[s], 6))
        for s in best
    )


@dataclass(frozen=True)
class _Terms:
    """A story's words that can be keywords, position by position (each text ended by a
    break): the index of each one's stem among `stems` (-1 at a break) and its written
    form (an index into `_WORDS`)."""

    stems: list[str]  # distinct, sorted
    stem_at: np.ndarray
    word_at: np.ndarray

    def forms(self, stems: Sequence[str]) -> dict[str, Counter[str]]:
        """{stem: how often each written form of it occurs} for the given stems."""
        wanted = np.full(len(self.stems) + 1, -1)  # wanted[-1]: a break
        wanted[[bisect.bisect_left(self.stems, s) for s in stems]] = np.arange(len(stems))
        which = wanted[self.stem_at]
        found = which >= 0
        pairs, counts = np.unique(
            which[found] * len(_WORDS) + self.word_at[found], return_counts=True
        )
        out: dict[str, Counter[str]] = {s: Counter() for s in stems}
        for pair, count in zip(pairs.tolist(), counts.tolist(), strict=True):
            out[stems[pair // len(_WORDS)]][_WORDS[pair % len(_WORDS)]] = count
        return out


def _terms(chunks: list[str]) -> _Terms:
    """The keyword terms of written chunks (texts split at spaces, each ended by `_END`)."""
    distinct = dict(zip(dict.fromkeys(chunks), itertools.count()))
    at = np.fromiter(map(distinct.__getitem__, chunks), dtype=np.intp, count=len(chunks))
    parsed = _parsed(list(distinct))
    stem_slot = np.fromiter(chain.from_iterable(map(itemgetter(0), parsed)), dtype=np.intp)
    word_slot = np.fromiter(chain.from_iterable(map(itemgetter(1), parsed)), dtype=np.intp)
    sizes = np.fromiter(map(len, map(itemgetter(0), parsed)), dtype=np.intp, count=len(parsed))
    stems, stem_slot = _sorted_stems(stem_slot)
    slots = _slots(at, sizes)
    return _Terms(stems, stem_slot[slots], word_slot[slots])


def _sorted_stems(ids: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The distinct stems of these `_STEMS` indexes, sorted, and each index's place among
    them (-1 stays -1)."""
    present = np.unique(ids[ids >= 0])
    names = [_STEMS[i] for i in present.tolist()]
    order = sorted(range(len(names)), key=names.__getitem__)
    place = np.empty(len(names) + 1, dtype=np.intp)
    place[order] = np.arange(len(names))
    place[-1] = -1
    local = np.where(ids >= 0, np.searchsorted(present, ids), -1)
    return [names[k] for k in order], place[local]


def _slots(at: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Where the items of each position's chunk are, one after another, when chunk k's
    `sizes[k]` items follow those of chunks 0..k-1."""
    firsts = np.cumsum(sizes) - sizes
    counts = sizes[at]
    return np.repeat(firsts[at] - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())


# Written chunk (text between spaces) → its words that can be keywords: their stems and
# the words as written, as indexes into `_STEMS` and `_WORDS` (-1: `_END`, which ends each
# text). `_WORD` never matches a space, so a chunk's words do not depend on its
# neighbours. All emptied together when the chunks grow past the limit.
_END = ["\n"]  # never a chunk of str.split
_Parsed = tuple[tuple[int, ...], tuple[int, ...]]
_CHUNKS: dict[str, _Parsed] = {_END[0]: ((-1,), (-1,))}
_STEMS: list[str] = []
_STEM_INDEX: dict[str, int] = {}
_WORDS: list[str] = []
_WORD_INDEX: dict[str, int] = {}
_CHUNK_CACHE_LIMIT = 600_000  # about 300 bytes each


def _parsed(chunks: list[str]) -> list[_Parsed]:
    """(stems, words) of each distinct chunk, cached (a story's own chunks may exceed the
    limit: they are kept until the next story needs room)."""
    found = list(map(_CHUNKS.get, chunks))
    missing = [k for k, f in enumerate(found) if f is None]
    if len(_CHUNKS) > 1 and len(_CHUNKS) + len(missing) > _CHUNK_CACHE_LIMIT:
        for table in (_CHUNKS, _STEMS, _STEM_INDEX, _WORDS, _WORD_INDEX):
            table.clear()
        _CHUNKS[_END[0]] = ((-1,), (-1,))
        return _parsed(chunks)
    for k in missing:
        found[k] = _CHUNKS[chunks[k]] = _parse(chunks[k])
    return found  # type: ignore[return-value]


def _parse(chunk: str) -> _Parsed:
    stems, words = [], []
    for word in [chunk] if chunk.isalpha() else _WORD.findall(chunk):  # isalpha: one word
        stem = _keyword_stem(word)
        if stem is not None:
            stems.append(_stem_index(stem))
            words.append(_word_index(word))
    return tuple(stems), tuple(words)


def _stem_index(stem: str) -> int:
    index = _STEM_INDEX.get(stem)
    if index is None:
        index = _STEM_INDEX[stem] = len(_STEMS)
        _STEMS.append(stem)
    return index


def _word_index(word: str) -> int:
    index = _WORD_INDEX.get(word)
    if index is None:
        index = _WORD_INDEX[word] = len(_WORDS)
        _WORDS.append(word)
    return index


def _best(scores: dict[str, float], limit: int) -> list[str]:
    """`sorted(scores, key=(-round(score, 9), stem))[:limit]`, rounding only the contenders:
    a term scoring 1e-8 below the `limit`-th best score cannot round to or above it."""
    if len(scores) > limit:
        floor = heapq.nlargest(limit, scores.values())[-1] - 1e-8
        contenders = [s for s, v in scores.items() if v >= floor]
    else:
        contenders = list(scores)
    return sorted(contenders, key=lambda s: (-round(scores[s], 9), s))[:limit]


@functools.lru_cache(maxsize=1 << 18)
def _keyword_stem(word: str) -> str | None:
    return keyword_stem(word, stop_like())


def keyword_stem(word: str, stop: frozenset[str]) -> str | None:
    """The stem a written word counts under, or None if it can never be a keyword."""
    folded = arabic.fold(word)
    if folded in stop or len(folded) < 3:
        return None
    stem = arabic.stem(folded)
    if len(stem) < 3 or stem in stop:
        return None
    key = names.term_key(stem)  # one key for a name's spellings and a country's nisba
    return key if len(key) >= 3 and key not in stop else None


def label(forms: Counter[str]) -> str:
    """The most frequent written form; on a tie, the shortest, then alphabetical."""
    return min(forms, key=lambda w: (-forms[w], len(w), w))
