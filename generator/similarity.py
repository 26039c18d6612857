"""Similarity: which articles are close enough to be compared, and how close they are.

Each article becomes one TF-IDF vector (sublinear tf, smoothed idf over the articles being
grouped) of its matching stems, in which the title and the lead weigh more than the rest of
the body: a news article states its event in its title and first sentences, while its later
paragraphs hold background that many stories share (the war, the country, the minister).

No all-pairs comparison: articles are sorted by date, and each day's articles are compared
(one sparse matrix product) only with the articles of the `window_days` before it and of
the same day. Undated articles are compared with every article. The cost therefore grows
with the number of articles times the number published in a window, not with its square.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from . import arabic
from .models import RankedArticle

TITLE_WEIGHT = 3  # a title term counts as three body occurrences
LEAD_WEIGHT = 2  # a term of the lead (its first LEAD_TERMS stems) counts twice
LEAD_TERMS = 60  # about the first two or three sentences of a news article


@dataclass(frozen=True)
class Pairs:
    """Sparse similarities: rows[k] and cols[k] (rows[k] < cols[k]) have cosine sims[k]."""

    rows: np.ndarray
    cols: np.ndarray
    sims: np.ndarray


def weighted_terms(article: RankedArticle) -> Counter[str]:
    """An article's stems with their weights: body once, lead twice, title three times."""
    counts: Counter[str] = Counter(article.terms)
    for term in article.terms[:LEAD_TERMS]:
        counts[term] += LEAD_WEIGHT - 1
    if article.article.title:
        for term in arabic.content_terms(article.article.title):
            counts[term] += TITLE_WEIGHT
    return counts


def tfidf_matrix(docs: Sequence[Counter[str]]) -> sparse.csr_matrix:
    """Unit-length rows: (1 + log tf) · (log((n + 1) / (df + 1)) + 1), in a CSR matrix."""
    n = len(docs)
    vocabulary: dict[str, int] = {}
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    indices: list[int] = []
    values: list[float] = []
    indptr = [0]
    for doc in docs:
        for term in sorted(doc):
            idf = math.log((n + 1) / (df[term] + 1)) + 1
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append((1 + math.log(doc[term])) * idf)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(indices), np.asarray(indptr)),
        shape=(n, max(len(vocabulary), 1)),
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def close_pairs(
    matrix: sparse.csr_matrix,
    days: Sequence[int | None],
    window_days: int,
    min_sim: float,
) -> Pairs:
    """Every pair at most `window_days` apart (or undated) whose cosine is ≥ `min_sim`."""
    n = matrix.shape[0]
    dated = sorted((d, i) for i, d in enumerate(days) if d is not None)
    undated = [i for i, d in enumerate(days) if d is None]
    order = np.asarray([i for _, i in dated], dtype=np.int64)
    ords = np.asarray([d for d, _ in dated], dtype=np.int64)
    found_r: list[np.ndarray] = []
    found_c: list[np.ndarray] = []
    found_s: list[np.ndarray] = []

    def collect(block: np.ndarray, against: np.ndarray) -> None:
        if not len(block) or not len(against):
            return
        product = (matrix[block] @ matrix[against].T).tocoo()
        keep = product.data >= min_sim
        r = block[product.row[keep]]
        c = against[product.col[keep]]
        s = product.data[keep]
        upper = r < c
        found_r.append(np.where(upper, r, c))
        found_c.append(np.where(upper, c, r))
        found_s.append(s)

    start = 0
    while start < len(order):
        day = ords[start]
        end = int(np.searchsorted(ords, day, side="right"))
        low = int(np.searchsorted(ords, day - window_days, side="left"))
        collect(order[start:end], order[low:end])
        start = end
    if undated:
        collect(np.asarray(undated, dtype=np.int64), np.arange(n, dtype=np.int64))
    if not found_r:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty, np.zeros(0))
    rows = np.concatenate(found_r)
    cols = np.concatenate(found_c)
    sims = np.concatenate(found_s)
    distinct = rows != cols
    rows, cols, sims = rows[distinct], cols[distinct], sims[distinct]
    # A pair met twice (same day, or undated against undated) is kept once.
    key = rows * n + cols
    _, first = np.unique(key, return_index=True)
    return Pairs(rows[first], cols[first], np.round(sims[first], 9))
