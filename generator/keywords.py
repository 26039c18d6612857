"""Keywords: TextRank over a story's stems, shown in each keyword's most frequent written form.

Inflections and clitics: words are compared by their light stems, so سوريا / السورية /
وسوريا are one keyword. Names: a foreign name is written with غ, ج, ق, ك or گ for its "g"
(شويغو / شويجو, سيرغي / سيرجي); two stems of four letters or more that differ only in such
letters are one keyword when both occur in the story (within one story a reader takes them
for one name; across a corpus, unrelated words could meet, so the merge stays per story).
Stop words, stop-like words of news writing (خلال, بحسب, reporting verbs, days, generic
words such as الرئيس), numbers and stems shorter than three letters never become keywords.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

import numpy as np

from . import arabic, textrank
from .models import Keyword, RankedArticle
from .slugs import slugify

MAX_KEYWORDS = 8
MIN_NAME_STEM = 4  # letters a stem needs for its g-letters to be read as spelling variants
G_LETTERS = "جغقكگ"  # ways of writing a foreign "g"; the first is the canonical spelling
_G_ORDER = str.maketrans({c: str(i) for i, c in enumerate(G_LETTERS)})  # sorts variants
_G_BLANK = str.maketrans(dict.fromkeys(G_LETTERS, "*"))
_G_LETTER = re.compile(f"[{G_LETTERS}]")
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
    canonical = name_variants(_NAME_STEMS.intersection(terms.stems))
    if canonical:
        terms = terms.merged(canonical)
    scores = textrank.keyword_ranks(terms.stem_at, terms.stems)
    return tuple(
        Keyword(stem=s, label=label(terms.forms(s)), slug=slugify(s), score=round(scores[s], 6))
        for s in _best(scores, limit)
    )


@dataclass(frozen=True)
class _Terms:
    """A story's words that can be keywords, position by position (each text ended by a
    break): the index of each one's stem among `stems` and of its written form among
    `words` (-1 at a break)."""

    stems: list[str]  # distinct, sorted
    words: list[str]  # distinct
    stem_at: np.ndarray
    word_at: np.ndarray

    def merged(self, canonical: dict[str, str]) -> _Terms:
        """The terms with every stem in `canonical` counted under its canonical stem."""
        stems = [s for s in self.stems if canonical.get(s, s) == s]
        index = dict(zip(stems, range(len(stems)), strict=True))
        new = np.array([index[canonical.get(s, s)] for s in self.stems] + [-1])
        return _Terms(stems, self.words, new[self.stem_at], self.word_at)

    def forms(self, stem: str) -> Counter[str]:
        """How often each written form of `stem` occurs."""
        found = self.word_at[self.stem_at == self.stems.index(stem)]
        words, counts = np.unique(found, return_counts=True)
        written = [self.words[w] for w in words.tolist()]
        return Counter(dict(zip(written, counts.tolist(), strict=True)))


def _terms(chunks: list[str]) -> _Terms:
    """The keyword terms of written chunks (texts split at spaces, each ended by `_END`)."""
    distinct = dict(zip(dict.fromkeys(chunks), itertools.count()))
    at = np.fromiter(map(distinct.__getitem__, chunks), dtype=np.intp, count=len(chunks))
    parsed = _parsed(list(distinct))
    stems, stem_slot = _encode(list(chain.from_iterable(map(itemgetter(0), parsed))))
    words, word_slot = _encode(list(chain.from_iterable(map(itemgetter(1), parsed))))
    sizes = np.fromiter(map(len, map(itemgetter(0), parsed)), dtype=np.intp, count=len(parsed))
    slots = _slots(at, sizes)
    return _Terms(stems, words, stem_slot[slots], word_slot[slots])


def _encode(items: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct items (sorted, without `_BREAK`) and each one's index (-1 for
    `_BREAK`)."""
    distinct = sorted(set(items).difference((_BREAK,)))
    index = dict(zip(distinct, range(len(distinct)), strict=True))
    index[_BREAK] = -1
    return distinct, np.fromiter(map(index.__getitem__, items), dtype=np.intp, count=len(items))


def _slots(at: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Where the items of each position's chunk are, one after another, when chunk k's
    `sizes[k]` items follow those of chunks 0..k-1."""
    firsts = np.cumsum(sizes) - sizes
    counts = sizes[at]
    return np.repeat(firsts[at] - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())


def _best(scores: dict[str, float], limit: int) -> list[str]:
    """`sorted(scores, key=(-round(score, 9), stem))[:limit]`, rounding only the contenders:
    a term scoring 1e-8 below the `limit`-th best score cannot round to or above it."""
    if len(scores) > limit:
        floor = heapq.nlargest(limit, scores.values())[-1] - 1e-8
        contenders = [s for s, v in scores.items() if v >= floor]
    else:
        contenders = list(scores)
    return sorted(contenders, key=lambda s: (-round(scores[s], 9), s))[:limit]


# Written chunk (text between spaces) → the stems of its words that can be keywords, and
# those words. `_WORD` never matches a space, so a chunk's words do not depend on its
# neighbours. `_END` ends each text. Emptied when it grows past the limit.
_END = ["\n"]  # never a chunk of str.split
_BREAK = ""  # its stem and word: never those of a word
_Parsed = tuple[tuple[str, ...], tuple[str, ...]]
_END_PARSED: _Parsed = ((_BREAK,), (_BREAK,))
_CHUNKS: dict[str, _Parsed] = {_END[0]: _END_PARSED}
_NAME_STEMS: set[str] = set()  # stems seen that may be spellings of a name
_CHUNK_CACHE_LIMIT = 300_000


def _parsed(chunks: list[str]) -> list[_Parsed]:
    """(stems, words) of each chunk, cached (and `_NAME_STEMS` updated)."""
    found = list(map(_CHUNKS.get, chunks))
    if None not in found:
        return found  # type: ignore[return-value]
    missing = [c for c, f in zip(chunks, found, strict=True) if f is None]
    if len(_CHUNKS) + len(missing) > _CHUNK_CACHE_LIMIT:
        _CHUNKS.clear()
        _NAME_STEMS.clear()
        _CHUNKS[_END[0]] = _END_PARSED
        missing = [c for c in chunks if c not in _CHUNKS]
    for chunk in missing:
        words = tuple(w for w in _words(chunk) if _keyword_stem(w) is not None)
        stems = tuple(map(_keyword_stem, words))
        _CHUNKS[chunk] = (stems, words)  # type: ignore[assignment]
        _NAME_STEMS.update(s for s in stems if _skeleton(s) is not None)
    return list(map(_CHUNKS.__getitem__, chunks))


def _words(chunk: str) -> list[str]:
    """`_WORD.findall(chunk)`; most chunks are one word of letters (`isalpha`)."""
    return [chunk] if chunk.isalpha() else _WORD.findall(chunk)


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
    return stem


def name_variants(stems: Iterable[str]) -> dict[str, str]:
    """{stem: canonical stem} for stems that are spellings of one name (see module doc).

    Stems of at least `MIN_NAME_STEM` letters that differ only where both have one of
    `G_LETTERS` are one name; it is written as the variant whose g-letters come first in
    `G_LETTERS` (ج, then غ, ق, ك, گ), so the choice does not depend on frequencies.
    Only stems that have another spelling present appear in the result.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for stem in set(stems):
        skeleton = _skeleton(stem)
        if skeleton is not None:
            groups[skeleton].append(stem)
    out = {}
    for variants in groups.values():
        if len(variants) > 1:
            head = min(variants, key=lambda s: (s.translate(_G_ORDER), s))
            out.update({v: head for v in variants})
    return out


@functools.lru_cache(maxsize=1 << 18)
def _skeleton(stem: str) -> str | None:
    """The stem with its g-letters blanked out; None if it cannot be a spelling of a name."""
    if len(stem) < MIN_NAME_STEM or _G_LETTER.search(stem) is None:
        return None
    return stem.translate(_G_BLANK)


def label(forms: Counter[str]) -> str:
    """The most frequent written form; on a tie, the shortest, then alphabetical."""
    return min(forms, key=lambda w: (-forms[w], len(w), w))
