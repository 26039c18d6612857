"""Similarity: which articles are close enough to be compared, and how close they are.

Each article becomes one TF-IDF vector (sublinear tf, smoothed idf over the articles being
grouped) of its matching stems, in which the title and the lead weigh more than the rest of
the body: a news article states its event in its title and first sentences, while its later
paragraphs hold background that many stories share (the war, the country, the minister).
Given each article's day, each term is also weighted by its burst on that day
(`burst.py`): more where it is news that day, as before where the day has no background.

No all-pairs comparison: articles are sorted by date, and each day's articles are compared
(sparse matrix products, a few hundred articles at a time) only with the articles of the
`window_days` before it and of the same day. Undated articles are compared with every
article. The cost therefore grows with the number of articles times the number published
in a window, not with its square. The days' comparisons are handed to the `map` the caller
gives (the build's runtime passes one over threads, one per core: the products release the
GIL); each pair's cosine is the same float whichever thread sums it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from scipy import sparse

from ..language import arabic, names
from ..models import RankedArticle
from .burst import burst_factors

TITLE_WEIGHT = 3  # a title term counts as three body occurrences
LEAD_WEIGHT = 2  # a term of the lead (its first LEAD_TERMS stems) counts twice
LEAD_TERMS = 60  # about the first two or three sentences of a news article
COMMON_SHARE = 0.05  # in a big collection, terms in more than 5% of the articles ...
COMMON_MIN = 1000  # ... (and in more than 1,000) are left out of the pair products


@dataclass(frozen=True)
class Pairs:
    """Sparse similarities: rows[k] and cols[k] (rows[k] < cols[k]) have cosine sims[k]."""

    rows: np.ndarray
    cols: np.ndarray
    sims: np.ndarray


def weighted_terms(article: RankedArticle) -> Counter[str]:
    """An article's stems with their weights: body once, lead twice, title three times; the
    spellings of one known name are one term (`names.spelling_key`: ترمب is ترامب)."""
    lead = article.terms[:LEAD_TERMS]
    title = arabic.content_terms(article.article.title) if article.article.title else []
    # One count over the body, the lead's extra copies and the title's: terms are keyed in
    # order of first appearance, as adding them one by one would.
    counts = Counter(chain(article.terms, *[lead] * (LEAD_WEIGHT - 1), *[title] * TITLE_WEIGHT))
    if names.known_names().keys().isdisjoint(counts):  # most articles: nothing to respell
        return counts
    out: Counter[str] = Counter()
    for term, n in counts.items():
        out[names.spelling_key(term)] += n
    return out


def tfidf_matrix(
    docs: Sequence[Counter[str]], days: Sequence[int | None] | None = None
) -> sparse.csr_matrix:
    """Unit-length rows: (1 + log tf) · (log((n + 1) / (df + 1)) + 1), in a CSR matrix;
    with `days` (each document's day ordinal), each term also times its burst factor on
    that document's day (`burst.burst_factors`).

    Columns are numbered in order of first appearance, so the same documents in the same
    order always give the same matrix.
    """
    n = len(docs)
    terms = list(chain.from_iterable(docs))
    vocabulary = {term: k for k, term in enumerate(dict.fromkeys(terms))}
    cols = np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.int64, count=len(terms))
    counts = np.fromiter(
        chain.from_iterable(doc.values() for doc in docs), dtype=np.float64, count=len(terms)
    )
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum([len(doc) for doc in docs], out=indptr[1:])
    df = np.bincount(cols, minlength=len(vocabulary))
    idf = np.log((n + 1) / (df + 1.0)) + 1
    values = (1 + np.log(counts)) * idf[cols]
    if days is not None:
        values *= burst_factors(cols, indptr, days)
    matrix = sparse.csr_matrix((values, cols, indptr), shape=(n, max(len(vocabulary), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


_Found = tuple[np.ndarray, np.ndarray, np.ndarray]  # pairs: lower index, higher index, cosine
_Comparison = tuple[np.ndarray, np.ndarray, np.ndarray]  # (block, against, other_day)
# An ordered map (the builtin, or the runtime's over threads) that compares the days.
DayMap = Callable[[Callable[[_Comparison], list[_Found]], Iterable[_Comparison]], Iterator]


def close_pairs(
    matrix: sparse.csr_matrix,
    days: Sequence[int | None],
    window_days: int,
    min_sim: float,
    map_days: DayMap = map,
) -> Pairs:
    """Every pair at most `window_days` apart (or undated) whose cosine is ≥ `min_sim`,
    the days compared through `map_days` (an ordered map: the pairs never depend on how it
    spreads the work).

    In a big collection the most common terms (`COMMON_SHARE`, `COMMON_MIN`) are left out
    of the products: they make nearly every pair of a window a candidate while adding
    little to any cosine (their idf is the lowest); each article's length still counts
    them. A collection of a few days has no such term and gets exact cosines.
    """
    n = matrix.shape[0]
    keyed = _without_common_terms(matrix)

    def compare(comparison: _Comparison) -> list[_Found]:
        block, against, other_day = comparison
        return _close_to(keyed, block, against, other_day, min_sim)

    # `map_days` gives the days' pairs back in their order, however it spreads the work.
    found = [part for parts in map_days(compare, _comparisons(days, window_days)) for part in parts]
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty, np.zeros(0))
    rows, cols, sims = (np.concatenate(parts) for parts in zip(*found, strict=True))
    by_pair = np.argsort(rows * n + cols)
    return Pairs(rows[by_pair], cols[by_pair], np.round(sims[by_pair], 9))




def _comparisons(
    days: Sequence[int | None], window_days: int
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(block, against, other_day): each day's articles against those of the window up to
    it, then the undated against all; `other_day` marks the `against` articles not of the
    block's day (for the undated: the dated ones)."""
    dated = sorted((d, i) for i, d in enumerate(days) if d is not None)
    order = np.asarray([i for _, i in dated], dtype=np.int64)
    ords = np.asarray([d for d, _ in dated], dtype=np.int64)
    out = []
    start = 0
    while start < len(order):
        day = ords[start]
        end = int(np.searchsorted(ords, day, side="right"))
        low = int(np.searchsorted(ords, day - window_days, side="left"))
        out.append((order[start:end], order[low:end], ords[low:end] != day))
        start = end
    undated = np.asarray([i for i, d in enumerate(days) if d is None], dtype=np.int64)
    if len(undated):
        is_dated = np.asarray([d is not None for d in days], dtype=bool)
        out.append((undated, np.arange(len(days), dtype=np.int64), is_dated))
    return out


PRODUCT_ROWS = 256  # articles per sparse product: a small product stays in the cache


def _close_to(
    keyed: sparse.csr_matrix,
    block: np.ndarray,
    against: np.ndarray,
    other_day: np.ndarray,
    min_sim: float,
) -> list[_Found]:
    """The pairs (lower index, higher index, cosine ≥ `min_sim`) of the `block` articles
    with the `against` ones. A pair is taken once, as met from its `block` article (the
    later day's, or the undated one), except that a pair of one day (or of two undated
    articles: `other_day` is False) is met from both sides and taken from its lower index.

    Each cosine is summed over the terms of the article it is met from, in their order, as
    one product of the whole block would sum it, so the same pairs get the same floats.
    """
    if not len(block) or not len(against):
        return []
    against_terms = keyed[against].T.tocsr()
    out = []
    for first in range(0, len(block), PRODUCT_ROWS):
        rows = block[first : first + PRODUCT_ROWS]
        product = keyed[rows] @ against_terms
        close = np.flatnonzero(product.data >= min_sim)
        r = rows[np.searchsorted(product.indptr, close, side="right") - 1]
        at = product.indices[close]
        c = against[at]
        once = other_day[at] | (c > r)
        r, c = r[once], c[once]
        out.append((np.minimum(r, c), np.maximum(r, c), product.data[close][once]))
    return out


def _without_common_terms(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    common = df > max(COMMON_SHARE * n, COMMON_MIN)
    if not common.any():
        return matrix
    keep = sparse.diags((~common).astype(np.float64))
    pruned = sparse.csr_matrix(matrix @ keep)
    pruned.eliminate_zeros()
    return pruned
