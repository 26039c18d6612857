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
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from . import arabic, textrank
from .models import Keyword, RankedArticle
from .slugs import slugify

MAX_KEYWORDS = 8
MIN_NAME_STEM = 4  # letters a stem needs for its g-letters to be read as spelling variants
G_LETTERS = "جغقكگ"  # ways of writing a foreign "g"; the first is the canonical spelling
_G_RANK = {c: str(i) for i, c in enumerate(G_LETTERS)}
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
    sequences: list[list[str]] = []
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        texts = [article.article.title or ""] + [s.text for s in article.sentences]
        for text in texts:
            seq = []
            for word in _WORD.findall(text):
                stem = _keyword_stem(word)
                if stem is not None:
                    seq.append(stem)
                    forms[stem][word] += 1
            sequences.append(seq)
    canonical = name_variants(forms)
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for stem, counts in forms.items():
        merged[canonical.get(stem, stem)].update(counts)
    sequences = [[canonical.get(s, s) for s in seq] for seq in sequences]
    scores = textrank.keyword_scores(sequences)
    best = sorted(scores, key=lambda s: (-round(scores[s], 9), s))[:limit]
    return tuple(
        Keyword(stem=s, label=label(merged[s]), slug=slugify(s), score=round(scores[s], 6))
        for s in best
    )


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
    for stem in sorted(set(stems)):
        if len(stem) >= MIN_NAME_STEM and any(c in _G_RANK for c in stem):
            groups[_skeleton(stem)].append(stem)
    out = {}
    for variants in groups.values():
        if len(variants) > 1:
            head = min(variants, key=lambda s: ("".join(_G_RANK.get(c, c) for c in s), s))
            out.update({v: head for v in variants})
    return out


def _skeleton(stem: str) -> str:
    return "".join("*" if c in _G_RANK else c for c in stem)


def label(forms: Counter[str]) -> str:
    """The most frequent written form; on a tie, the shortest, then alphabetical."""
    return min(forms, key=lambda w: (-forms[w], len(w), w))
