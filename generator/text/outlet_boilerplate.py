"""Outlet boilerplate: what one outlet prints around many of its articles and others do not.

Learned from the build's own articles, once per build, after the per-article stage (so that
stage stays a function of one file, cached as it is):

- **lines**: a paragraph (folded, figures as 0) or a cut dateline that recurs in many
  articles of one outlet: a contact template, a column's sign-off, «عين اليوم – متابعات»;
  such a line is dropped, and cut where it opens the article glued to its first sentence;
- **closing openings**: the first words of a sentence of an article's last paragraphs that
  recur the same way: a «more articles by the writer» block, a «story link» template; the
  sentence and the rest of its paragraph go (such blocks run to the end).

Recurring is not enough: a wire report or a condolence cable is printed word for word by
many outlets, and «يذكر أن» opens sentences everywhere. A key is one outlet's boilerplate
when it is in at least `MIN_ARTICLES` and `LINE_SHARE` (openings: `OPENING_SHARE`) of that
outlet's articles and at most a `CONTRAST`-th as often in the other outlets' articles: site
chrome is what one outlet repeats and the others never print. Articles are counted once per
outlet and title (else longest paragraph): five copies of one article are one article, not
five that share every line. Openings are learned only when the other outlets have
`MIN_OTHERS` articles to contrast with, only in the last `TAIL` paragraphs, and never when
they open prose: an outlet's habit of ending on «وبحسب "رويترز"،» or «بعد ذلك» is its text,
so an opening that begins with a conjunction, a function word or a figure is not counted.

`hits(article, learned)` are the keys an article holds: its result is a function of its file
and of those keys only, which is what the runtime keys its reuse by (exact under incremental
builds: see runtime/stages.py, `learned`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..language.arabic import fold, stopwords
from ..models import CleanArticle, RankedArticle
from .sentences import split_text

MIN_ARTICLES = 5
LINE_SHARE = 0.01
OPENING_SHARE = 0.02
CONTRAST = 10
MIN_OTHERS = 100
OPENING_WORDS = (2, 3, 4)  # openings of these many words are counted
TAIL = 2  # closing openings are those of the last paragraphs
HEAD_WORDS = range(2, 9)  # a learned line glued at the start: up to these many words
_DIGITS = re.compile(r"[0-9٠-٩]+")


@dataclass(frozen=True)
class Learned:
    """Each outlet's boilerplate keys: whole lines and sentence openings (folded)."""

    lines: dict[str, frozenset[str]]
    openings: dict[str, frozenset[str]]


def learn(articles: Iterable[RankedArticle]) -> Learned:
    """Every outlet's boilerplate, from the articles of this build."""
    lines: dict[str, Counter[str]] = defaultdict(Counter)
    openings: dict[str, Counter[str]] = defaultdict(Counter)
    sizes: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for article in articles:
        outlet = article.article.source
        if not outlet or (outlet, _signature(article.clean)) in seen:
            continue
        seen.add((outlet, _signature(article.clean)))
        sizes[outlet] += 1
        own_lines, own_openings = _keys(article.clean)
        lines[outlet].update(own_lines)
        openings[outlet].update(own_openings)
    total = sum(sizes.values())
    return Learned(
        {o: _recurring(o, lines, sizes, total, LINE_SHARE) for o in sorted(sizes)},
        {
            o: _recurring(o, openings, sizes, total, OPENING_SHARE)
            if total - sizes[o] >= MIN_OTHERS else frozenset()
            for o in sorted(sizes)
        },
    )  # fmt: skip


def _recurring(
    outlet: str, counts: dict[str, Counter[str]], sizes: Counter[str], total: int, share: float
) -> frozenset[str]:
    n = sizes[outlet]
    others = total - n
    floor = max(MIN_ARTICLES, share * n)
    out = set()
    for key, count in counts[outlet].items():
        if count < floor:
            continue
        elsewhere = sum(c[key] for o, c in counts.items() if o != outlet and key in c)
        if others and elsewhere / others * CONTRAST > count / n:
            continue
        out.add(key)
    return frozenset(out)


def _signature(article: CleanArticle) -> str:
    """What tells one article from another: its title, else its longest paragraph. Copies and
    updated versions of one article count once, or all their lines would recur."""
    if article.article.title:
        return key(article.article.title)
    return key(max(article.paragraphs, key=len, default=""))


def _keys(article: CleanArticle) -> tuple[set[str], set[str]]:
    """The line keys (its dateline's too) and the closing openings of one article, once."""
    lines = {key(p) for p in article.paragraphs}
    if article.dateline is not None and article.dateline.text:
        lines.add(key(article.dateline.text))
    openings: set[str] = set()
    for paragraph in article.paragraphs[-TAIL:]:
        for sentence in split_text(paragraph):
            openings.update(_openings(sentence))
    return lines, openings


def _heads(article: CleanArticle) -> set[str]:
    """The first words of the first paragraph: where a learned line may be glued."""
    if not article.paragraphs:
        return set()
    words = key(article.paragraphs[0]).split()
    return {" ".join(words[:k]) for k in HEAD_WORDS if len(words) > k}


def key(text: str) -> str:
    """Folded, figures as 0, spaces collapsed."""
    return " ".join(_DIGITS.sub("0", fold(text)).split())


def _openings(sentence: str) -> list[str]:
    """The sentence's first words, unless they open prose: a conjunction (و, ف) or a function
    word first («وبحسب "رويترز"،», «بعد ذلك», «وحسب موقع» end many articles of one outlet
    and are its text; «رابط الخبر», «مقالات أخرى» are not), or a figure (a numbered list)."""
    words = key(sentence).split()
    if not words or _opens_prose(words[0]):
        return []
    return [" ".join(words[:k]) for k in OPENING_WORDS if len(words) > k]


def _opens_prose(word: str) -> bool:
    """A conjunction or function word, or no letter at all («0 -» opens a numbered list)."""
    return (
        word in stopwords()
        or (word[0] in "وف" and len(word) > 3)
        or not any(c.isalpha() for c in word)
    )


def hits(article: RankedArticle, learned: Learned) -> tuple[str, ...]:
    """The learned keys this article holds (sorted): "L " + a line, "O " + an opening."""
    outlet = article.article.source
    if not outlet:
        return ()
    lines = learned.lines.get(outlet, frozenset())
    openings = learned.openings.get(outlet, frozenset())
    if not lines and not openings:
        return ()
    own_lines, own_openings = _keys(article.clean)
    own_lines |= _heads(article.clean)
    return tuple(
        sorted({f"L {k}" for k in own_lines & lines} | {f"O {k}" for k in own_openings & openings})
    )


def strip(article: CleanArticle, held: Sequence[str]) -> CleanArticle:
    """The article without the learned keys it holds (`hits`)."""
    lines = {k[2:] for k in held if k.startswith("L ")}
    openings = {k[2:] for k in held if k.startswith("O ")}
    paragraphs = list(article.paragraphs)
    tail = len(paragraphs) - TAIL
    kept: list[str] = []
    headings: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        if key(paragraph) in lines:
            continue
        if not kept:
            paragraph = _without_head(paragraph, lines)
        if index >= tail:
            paragraph = _without_closing(paragraph, openings)
        if not paragraph:
            continue
        if index in article.headings:
            headings.add(len(kept))
        kept.append(paragraph)
    return replace(article, paragraphs=tuple(kept), headings=frozenset(headings))


def _without_head(paragraph: str, lines: set[str]) -> str:
    """The paragraph without a learned line glued at its start (the longest one)."""
    words = paragraph.split()
    folded = key(paragraph).split()
    for k in sorted(HEAD_WORDS, reverse=True):
        if len(words) > k and " ".join(folded[:k]) in lines:
            return " ".join(words[k:]).lstrip(" -–—ـ:،")
    return paragraph


def _without_closing(paragraph: str, openings: set[str]) -> str:
    """The paragraph up to its first sentence with a learned closing opening."""
    if not openings:
        return paragraph
    start = 0
    for sentence in split_text(paragraph):
        at = paragraph.find(sentence, start)
        start = at + len(sentence)
        if any(k in openings for k in _openings(sentence)):
            return paragraph[:at].rstrip()
    return paragraph
