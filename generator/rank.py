"""Rank: score an article's sentences with TextRank and pick its key sentences.

Key sentences are quoted exactly as written and returned in document order.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import arabic, textrank
from .clean import clean
from .ingest import infer
from .models import Article, CleanArticle, RankedArticle, Sentence
from .sentences import split

DEFAULT_SENTENCES = 3


def rank(
    article: CleanArticle, *, words: int | None = None, sentences: int | None = None
) -> RankedArticle:
    """Score the sentences of one cleaned article and select its key sentences."""
    sents = split(article)
    terms = [arabic.content_terms(s.text) for s in sents]
    scores = score(terms)
    key = select(sents, scores, words=words, sentences=sentences)
    all_terms = tuple(t for ts in terms for t in ts)
    return RankedArticle(article, sents, tuple(scores), key, all_terms)


def score(terms: Sequence[Sequence[str]]) -> list[float]:
    """TextRank scores; a degenerate graph (no shared terms) falls back to position order."""
    n = len(terms)
    ranked = textrank.sentence_scores(terms)
    if ranked is None:
        return [round(1.0 - i / (n + 1), 6) for i in range(n)]
    return [round(s, 6) for s in ranked]


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
    article = infer(Article(id="text", path="text", body=text))
    ranked = rank(clean(article), words=words, sentences=sentences)
    return [s.text for s in ranked.key]
