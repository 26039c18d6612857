"""Outlet boilerplate: what one outlet prints around many of its articles and others do not.

Learned from the build's own articles, once per build, after the per-article stage (so that
stage stays a function of one file, cached as it is; it computes each article's keys,
`article_keys`, digests kept with the article, so the learned pass only counts them):

- **lines**: a short paragraph that is no sentence of prose (folded, figures as 0), or a cut
  dateline, that recurs in many articles of one outlet: a contact template, a column's
  sign-off, «عين اليوم – متابعات»; such a line is dropped, and cut where it opens the
  article glued to its first sentence;
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

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..language.arabic import fold, stopwords
from ..models import CleanArticle, RankedArticle

MIN_ARTICLES = 5
LINE_SHARE = 0.01
OPENING_SHARE = 0.02
CONTRAST = 10
MIN_OTHERS = 100
OPENING_WORDS = (2, 3, 4)  # openings of these many words are counted
TAIL = 2  # closing openings are those of the last paragraphs
HEAD_WORDS = range(2, 9)  # a learned line glued at the start: up to these many words
SPAN = 12  # openings and heads are keyed from this many first words
LINE_CHARS = 200  # longer paragraphs are the article's own, never a learned line
LINE_WORDS = 12  # or shorter than this many words when it ends as a sentence does
_MARKS = ".!?؟…"
CLOSING_CHARS = 400  # closing openings: at a last paragraph's start or in its end
_DIGITS = re.compile(r"[0-9٠-٩]+")
# a sentence mark and the spaces after it, or none before an Arabic letter: the piece ends
# with the mark (looked for first: a pattern that opens with a look behind is tried at
# every character)
_SENTENCE_END = re.compile(r"[.!?؟…](?:\s+|(?=[\u0621-\u064a]))")


@dataclass(frozen=True)
class Learned:
    """Each outlet's boilerplate keys (`key`): whole lines and sentence openings."""

    lines: dict[str, frozenset[str]]
    openings: dict[str, frozenset[str]]


def learn(articles: Sequence[RankedArticle]) -> Learned:
    """Every outlet's boilerplate, from the articles of this build (their `learn_keys`,
    computed with each article in the cached per-article stage)."""
    lines: dict[str, Counter[str]] = defaultdict(Counter)
    openings: dict[str, Counter[str]] = defaultdict(Counter)
    sizes: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for article in articles:
        outlet = article.article.source
        keys = article.learn_keys or article_keys(article)
        signature = (outlet or "", keys[0])  # "S …" sorts first
        if not outlet or signature in seen:
            continue
        seen.add(signature)
        sizes[outlet] += 1
        lines[outlet].update({k[1:] for k in keys if k[0] in "DL"})
        openings[outlet].update(k[1:] for k in keys if k[0] == "O")
    total = sum(sizes.values())
    return Learned(
        {o: _recurring(o, lines, sizes, total, LINE_SHARE) for o in sorted(sizes)},
        {
            o: _recurring(o, openings, sizes, total, OPENING_SHARE)
            if total - sizes[o] >= MIN_OTHERS else frozenset()
            for o in sorted(sizes)
        },
    )  # fmt: skip


def held(articles: Sequence[RankedArticle]) -> list[tuple[str, ...]]:
    """`hits` of every article against what is learned from them all."""
    learned = learn(articles)
    return [hits(a, learned) for a in articles]


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


def article_keys(article: RankedArticle) -> tuple[str, ...]:
    """What the learned pass counts of one article, sorted: "S" + what tells it from other
    articles (its title, else its longest paragraph: copies and updated versions count once,
    or all their lines would recur), "L" + each line (`_may_be_a_line`), "D" +
    the dateline cut (counted as a line, not held: it is gone), "H" + the first words of its
    first paragraph (where a learned line may be glued), "O" + each opening of a sentence of
    its last `TAIL` paragraphs. Each a digest (`key`)."""
    clean = article.clean
    title = clean.article.title or max(clean.paragraphs, key=len, default="")
    paragraphs = clean.paragraphs
    lines = {key(p) for p in paragraphs if _may_be_a_line(p)}
    cut = {key(clean.dateline.text)} if clean.dateline and clean.dateline.text else set()
    heads = _heads(clean.paragraphs[0]) if clean.paragraphs else set()
    openings = {
        k
        for p in paragraphs[-TAIL:]
        for s in (p, *_pieces(p[-CLOSING_CHARS:])[1:])  # its start, then its last sentences
        for k in _openings(s)
    }
    return (
        f"S{key(title)}",
        *sorted({*(f"D{k}" for k in cut), *(f"L{k}" for k in lines), *(f"H{k}" for k in heads)}),
        *sorted(f"O{k}" for k in openings),
    )


def _may_be_a_line(paragraph: str) -> bool:
    """Short, and not a sentence of the text: no sentence mark at its end, or a few words
    (templates, lists of headlines, sign-offs; a paragraph of prose is the article's own)."""
    if len(paragraph) > LINE_CHARS:
        return False
    return paragraph.rstrip()[-1:] not in _MARKS or paragraph.count(" ") < LINE_WORDS


def _heads(paragraph: str) -> set[str]:
    words = _first_words(paragraph)
    return {_digest(" ".join(words[:k])) for k in HEAD_WORDS if len(words) > k}


def _first_words(text: str) -> list[str]:
    """The first words of `text`, normalised (from its first `SPAN` words only: fast)."""
    return normal(" ".join(text.split(None, SPAN)[:SPAN])).split()


def _first_word(text: str) -> str | None:
    """`_first_words(text)[0]` (None if there are none), normalising no more words than
    it takes: a word is normalised alone as it is among others (folding and figures never
    look past a space), and one of only marks normalises to nothing."""
    for word in text.split(None, SPAN)[:SPAN]:
        if found := normal(word):
            return found
    return None


def normal(text: str) -> str:
    """Folded, figures as 0, spaces collapsed."""
    return " ".join(_DIGITS.sub("0", fold(text)).split())


def key(text: str) -> str:
    """The digest of `text` normalised: what is counted and kept (short, in the cache)."""
    return _digest(normal(text))


def _digest(normalised: str) -> str:
    return hashlib.blake2b(normalised.encode(), digest_size=8).hexdigest()


def _openings(sentence: str) -> list[str]:
    """The sentence's first words, unless they open prose: a conjunction (و, ف) or a function
    word first («وبحسب "رويترز"،», «بعد ذلك», «وحسب موقع» end many articles of one outlet
    and are its text; «رابط الخبر», «مقالات أخرى» are not), or a figure (a numbered list)."""
    if sentence[:1] in "وف" and len(sentence) > 3 and " " not in sentence[:4]:  # «وبحسب…»
        return []
    first = _first_word(sentence)  # most sentences open prose: known from one word
    if first is None or _opens_prose(first):
        return []
    words = _first_words(sentence)
    return [_digest(" ".join(words[:k])) for k in OPENING_WORDS if len(words) > k]


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
    found = set()
    for k in article.learn_keys or article_keys(article):
        if k[0] in "LH" and k[1:] in lines:
            found.add(f"L {k[1:]}")
        elif k[0] == "O" and k[1:] in openings:
            found.add(f"O {k[1:]}")
    return tuple(sorted(found))


def strip(article: CleanArticle, held: Sequence[str]) -> CleanArticle:
    """The article without the learned keys it holds (`hits`)."""
    lines = {k[2:] for k in held if k.startswith("L ")}
    openings = {k[2:] for k in held if k.startswith("O ")}
    paragraphs = list(article.paragraphs)
    tail = len(paragraphs) - TAIL
    kept: list[str] = []
    headings: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        if _may_be_a_line(paragraph) and key(paragraph) in lines:
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
    folded = _first_words(paragraph)
    for k in sorted(HEAD_WORDS, reverse=True):
        if len(words) > k and _digest(" ".join(folded[:k])) in lines:
            return " ".join(words[k:]).lstrip(" -–—ـ:،")
    return paragraph


def _without_closing(paragraph: str, openings: set[str]) -> str:
    """The paragraph up to its first sentence with a learned closing opening."""
    if not openings:
        return paragraph
    at = 0
    for piece in _pieces(paragraph):
        at = paragraph.find(piece, at)
        if any(k in openings for k in _openings(piece)):
            return paragraph[:at].rstrip()
        at += len(piece)
    return paragraph


def _pieces(paragraph: str) -> list[str]:
    """The paragraph cut after each sentence mark («. », «! », «.تهانينا»): where a closing
    block may begin (cheaper than the sentence splitter, the same for learning and cutting)."""
    pieces = []
    start = 0
    for end in _SENTENCE_END.finditer(paragraph):
        pieces.append(paragraph[start : end.start() + 1])
        start = end.end()
    pieces.append(paragraph[start:])
    return pieces
