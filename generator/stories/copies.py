"""Duplicates: the same article saved twice (two URLs, a wire copy) is shown once.

Exact: the same words in the same order once folded (diacritics, letter variants, spacing
and punctuation do not count). Near-exact: a lightly edited copy, whose runs of four words
overlap almost entirely (Jaccard ≥ `NEAR_EXACT`). Only pairs already found similar are
checked for near-exactness, so this costs little more than the similarity step.

The copy kept is the earliest (then lowest id); the others are credited on it. An exact
duplicate is also reported as a Problem naming both files (`stories.duplicate_problems`),
since it is usually a mistake (the same page saved twice); a near-exact one (two outlets
running one wire story) is not.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..language import arabic
from ..models import RankedArticle
from .similarity import Pairs

NEAR_EXACT = 0.8  # Jaccard of 4-word shingles; rewrites of one event by two outlets: < 0.5
CANDIDATE_SIM = 0.8  # near-exact copies (Jaccard ≥ 0.8) have a TF-IDF cosine above this
MIN_WORDS = 20  # shorter texts (captions, a title alone) are too short to call copies
_SHINGLE = 4


@dataclass(frozen=True)
class Copies:
    """`copy_of[i] = (j, exact)`: article i is a copy of the kept article j."""

    copy_of: dict[int, tuple[int, bool]]


def text_words(article: RankedArticle) -> list[str]:
    """The words of the article as written: its dateline too, cut from the text but printed
    (two outlets' copies of one wire report that differ by it are not the same page)."""
    clean = article.clean
    cut = (clean.dateline.text,) if clean.dateline and clean.dateline.text else ()
    return arabic.tokens("\n".join((*cut, *clean.paragraphs)))


def find_copies(articles: Sequence[RankedArticle], pairs: Pairs) -> Copies:
    """Which articles are copies of which: `articles` must be sorted (date, id).

    Texts are only compared where a copy is possible: articles with the same stems (for
    exact copies; confirmed word for word) and pairs with a high cosine (near-exact).
    """
    parent = list(range(len(articles)))

    @functools.cache
    def text(i: int) -> list[str]:
        return text_words(articles[i])

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the earlier article (lower index) is kept

    by_terms: dict[tuple[str, ...], list[int]] = {}
    for i, article in enumerate(articles):
        if article.terms:
            by_terms.setdefault(article.terms, []).append(i)
    for group in by_terms.values():
        for k, i in enumerate(group):
            for j in group[:k]:
                if text(i) and text(i) == text(j):
                    union(j, i)
                    break

    @functools.cache
    def shingles_of(i: int) -> set[tuple[str, ...]]:
        return _shingles(text(i))

    likely = pairs.sims >= CANDIDATE_SIM
    for i, j in zip(pairs.rows[likely].tolist(), pairs.cols[likely].tolist(), strict=True):
        if find(i) == find(j):
            continue
        if len(text(i)) < MIN_WORDS or len(text(j)) < MIN_WORDS:
            continue
        a, b = shingles_of(i), shingles_of(j)
        shared = len(a & b)
        if shared >= NEAR_EXACT * (len(a) + len(b) - shared):  # Jaccard: shared / union
            union(i, j)
    copy_of: dict[int, tuple[int, bool]] = {}
    for i in range(len(articles)):
        root = find(i)
        if root != i:
            copy_of[i] = (root, text(i) == text(root))
    return Copies(copy_of)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < _SHINGLE:
        return {tuple(words)}
    return {tuple(words[k : k + _SHINGLE]) for k in range(len(words) - _SHINGLE + 1)}
