"""Claims: sentences of different articles that say the same thing, grouped.

Sentences are compared by TF-IDF cosine over their stems, in one sparse matrix product (IDF
over the story's own sentences, so the names every article repeats weigh little). A claim is
led by the best-ranked free sentence; then, one article at a time, the free sentence of
another article closest to the claim's centroid joins while that cosine is at least
`SAME_CLAIM`. So a claim holds at most one sentence per article, and a sentence joins through
its likeness to the whole claim, never by chaining through one member. Cost: about the number
of non-zero similarities times the size of a claim.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

SAME_CLAIM = 0.22  # cosine (to a claim's centroid) at which a sentence joins the claim
NEGLIGIBLE = 0.05  # similarities below this count as none


def similarity(terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Cosine similarity of sentences: sublinear TF, smoothed IDF over the story's sentences.

    Sparse; values below `NEGLIGIBLE` are dropped.
    """
    n = len(terms)
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for ts in terms:
        df.update(set(ts))
    rows, cols, vals = [], [], []
    for i, ts in enumerate(terms):
        for term, count in sorted(Counter(ts).items()):
            j = vocab.setdefault(term, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append((1 + math.log(count)) * (math.log((n + 1) / (df[term] + 1)) + 1))
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    sim = (x @ x.T).tocsr()
    sim.data[sim.data < NEGLIGIBLE] = 0.0  # keeps big stories' matrices sparse
    sim.eliminate_zeros()
    return sim


def claims(
    sim: sparse.csr_matrix,
    scores: Sequence[float],
    article: Sequence[str],
) -> list[list[int]]:
    """Sentences grouped into claims, in the order of their leaders' scores.

    The best-ranked free sentence leads a claim; then, one article at a time, the free
    sentence of another article closest to the claim's centroid joins while that cosine is
    at least `SAME_CLAIM`. A claim holds at most one sentence per article, and a sentence
    joins through its likeness to the whole claim, never through one member alone.
    """
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    taken = [False] * len(scores)
    out = []
    for i in order:
        if taken[i]:
            continue
        members, pull = [i], _row(sim, i)  # pull[j] = sum of sim(j, member)
        mass = float(sim[i, i]) or 1.0  # squared length of the sum of members
        present = {article[i]}
        while True:
            best: tuple[float, int] | None = None
            for j, value in pull.items():
                if taken[j] or article[j] in present:
                    continue
                candidate = (round(value / math.sqrt(mass), 9), -j)
                if best is None or candidate > best:
                    best = candidate
            if best is None or best[0] < SAME_CLAIM:
                break
            j = -best[1]
            mass += 2 * pull[j] + float(sim[j, j])
            members.append(j)
            present.add(article[j])
            for k, value in _row(sim, j).items():
                pull[k] = pull.get(k, 0.0) + value
        for j in members:
            taken[j] = True
        out.append([i, *sorted(members[1:])])
    return out


def _row(sim: sparse.csr_matrix, i: int) -> dict[int, float]:
    start, end = sim.indptr[i], sim.indptr[i + 1]
    pairs = zip(sim.indices[start:end], sim.data[start:end], strict=True)
    return {int(j): float(v) for j, v in pairs}
