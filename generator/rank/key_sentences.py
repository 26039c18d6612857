"""Rank: score an article's sentences and pick its key sentences.

score(i) = TextRank(i) / √words(i) / (i + 1)

- TextRank (textrank.py: summa's graph and weighted PageRank, vectorised) over each
  sentence's matching terms: folded letters, light stems, no stop words (arabic.py).
- √words: summa's edge weight divides shared words only by the logs of the lengths, so a
  long sentence collects weight with every word it has; dividing by √length is the cosine
  normalisation of the vector-space model, applied to the score so the graph stays summa's.
- 1/(i + 1): the harmonic position prior (as in PositionRank): news puts the story first.

Each factor is switched off one at a time in bench/quality.py, which prints what it moves
(the README has the table). A graph without a shared term ranks nothing: position decides.
Key sentences are quoted exactly as written and returned in document order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

from ..language import arabic
from ..models import Article, CleanArticle, RankedArticle, Sentence
from ..read.infer import infer
from ..text.clean import clean
from ..text.sentences import split
from . import textrank

DEFAULT_SENTENCES = 3


@dataclass(frozen=True)
class Ranking:
    """How sentences are scored; the defaults are the site's. The switches exist so that
    bench/quality.py can measure each choice against the others."""

    terms: Callable[[str], list[str]] = arabic.content_terms
    centrality: Callable[[Sequence[Sequence[str]]], list[float] | None] = (
        textrank.sentence_scores  # or textrank.summa_sentence_scores: summa's own graph
    )
    length_norm: bool = True  # divide by √words
    position_prior: bool = True  # divide by (index + 1)


SITE = Ranking()


def rank(
    article: CleanArticle,
    *,
    words: int | None = None,
    sentences: int | None = None,
    ranking: Ranking = SITE,
) -> RankedArticle:
    """Score the sentences of one cleaned article and select its key sentences."""
    sents = split(article)
    content = arabic.content_terms_of([s.text for s in sents])
    terms = content
    if ranking.terms is not arabic.content_terms:
        terms = [ranking.terms(s.text) for s in sents]
    scores = score(terms, [arabic.words(s.text) for s in sents], ranking)
    key = select(sents, scores, words=words, sentences=sentences)
    all_terms = tuple(chain.from_iterable(content))
    return RankedArticle(article, sents, tuple(scores), key, all_terms)


def score(
    terms: Sequence[Sequence[str]], lengths: Sequence[int], ranking: Ranking = SITE
) -> list[float]:
    """One score per sentence (9 significant digits, so ties and order are stable).

    A degenerate graph (no shared terms) falls back to position order.
    """
    n = len(terms)
    centrality = ranking.centrality(terms)
    if centrality is None:
        return [_stable(1.0 - i / (n + 1)) for i in range(n)]
    out = []
    for i, (value, length) in enumerate(zip(centrality, lengths, strict=True)):
        if ranking.length_norm:
            value /= math.sqrt(max(length, 1))
        if ranking.position_prior:
            value /= i + 1
        out.append(_stable(value))
    return out


def _stable(value: float) -> float:
    return float(f"{value:.9g}")


def select(
    sents: Sequence[Sentence],
    scores: Sequence[float],
    *,
    words: int | None = None,
    sentences: int | None = None,
) -> tuple[Sentence, ...]:
    """Top sentences by score (earlier first on ties), back in document order.

    With `words`, summa's rule: stop before the sentence that moves the total further from
    the budget; never return nothing for an article that has sentences. Identical sentences
    are taken once.
    """
    if not sents:
        return ()
    order = sorted(range(len(sents)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    seen: set[str] = set()
    total = 0
    count = sentences if sentences is not None else (None if words else DEFAULT_SENTENCES)
    for i in order:
        text = sents[i].text
        if text in seen:
            continue
        if words is not None:
            n = arabic.words(text)
            if chosen and abs(words - total - n) > abs(words - total):
                break
            total += n
        chosen.append(i)
        seen.add(text)
        if count is not None and len(chosen) >= count:
            break
    return tuple(sents[i] for i in sorted(chosen))


def key_sentences(
    text: str, *, words: int | None = None, sentences: int | None = None
) -> list[str]:
    """The key sentences of one article's text, quoted exactly, in document order.

    `words` is a length budget (summa's rule); `sentences` a count; with neither, three.
    Never empty for a text that has a sentence.
    """
    ranked = rank(text_article(text), words=words, sentences=sentences)
    return [s.text for s in ranked.key]


def text_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences `key_sentences` chooses from (for baselines that must share them)."""
    return split(text_article(text))


def text_article(text: str) -> CleanArticle:
    """A bare text as a cleaned article (title, byline, dateline inferred as for a file)."""
    return clean(infer(Article(id="text", path="text", body=text)))
