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
from collections.abc import Sequence
from itertools import chain

import numpy as np
from scipy import sparse

SAME_CLAIM = 0.22  # cosine (to a claim's centroid) at which a sentence joins the claim
NEGLIGIBLE = 0.05  # similarities below this count as none


def similarity(terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Cosine similarity of sentences: sublinear TF, smoothed IDF over the story's sentences.

    Sparse; values below `NEGLIGIBLE` are dropped.
    """
    x = _tfidf(terms)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    sim = (x @ x.T).tocsr()
    sim.data[sim.data < NEGLIGIBLE] = 0.0  # keeps big stories' matrices sparse
    sim.eliminate_zeros()
    return sim


def _tfidf(terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """(1 + log count) · (log((n + 1) / (df + 1)) + 1) of each sentence's terms: row by row,
    each row's terms in term order, a term's column numbered where it first occurs."""
    n = len(terms)
    vocab = sorted(set(chain.from_iterable(terms)))
    index = dict(zip(vocab, range(len(vocab)), strict=True))
    ids = np.fromiter(map(index.__getitem__, chain.from_iterable(terms)), dtype=np.int64)
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(ts) for ts in terms])
    pairs, counts = np.unique(rows * max(len(vocab), 1) + ids, return_counts=True)
    rows, ids = np.divmod(pairs, max(len(vocab), 1))
    df = np.bincount(ids, minlength=len(vocab))
    column = np.empty(len(vocab), dtype=np.int64)
    column[ids[np.sort(np.unique(ids, return_index=True)[1])]] = np.arange(len(vocab))
    # math.log for each count and document frequency: numpy's log may differ in the last bit
    tf = np.array([0.0] + [1 + math.log(c) for c in range(1, int(counts.max(initial=0)) + 1)])
    idf = np.array([math.log((n + 1) / (d + 1)) + 1 for d in range(n + 1)])
    values = tf[counts] * idf[df[ids]]
    return sparse.csr_matrix(
        (values, (rows, column[ids])), shape=(n, len(vocab)), dtype=np.float64
    )


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
    n = len(scores)
    order = sorted(range(n), key=lambda i: (-scores[i], i))
    source = np.unique(np.asarray(article, dtype=object), return_inverse=True)[1]
    diagonal = sim.diagonal().tolist()
    taken = np.zeros(n, dtype=bool)
    out = []
    for i in order:
        if taken[i]:
            continue
        claim = _Claim(sim, taken | (source == source[i]), i, diagonal[i] or 1.0)
        while (j := claim.closest()) is not None:
            claim.add(j, diagonal[j], source == source[j])
        taken[claim.members] = True
        out.append([i, *sorted(claim.members[1:])])
    return out


class _Claim:
    """A claim being grown: `pull[j]` = sum of sim(j, member), `mass` = squared length of
    the sum of the members; `open[j]` = pull[j] where j may still join, else -1."""

    def __init__(self, sim: sparse.csr_matrix, blocked: np.ndarray, leader: int, mass: float):
        self.sim, self.blocked, self.members, self.mass = sim, blocked, [leader], mass
        self.pull = np.zeros(len(blocked))
        self.open = np.full(len(blocked), -1.0)
        self._reach(leader)

    def _reach(self, i: int) -> None:
        start, end = self.sim.indptr[i], self.sim.indptr[i + 1]
        columns = self.sim.indices[start:end]
        self.pull[columns] += self.sim.data[start:end]
        self.open[columns] = np.where(self.blocked[columns], -1.0, self.pull[columns])

    def closest(self) -> int | None:
        """The free sentence closest to the centroid if that cosine is at least
        `SAME_CLAIM` (rounded to 9 places; ties to the first)."""
        top = float(self.open.max())
        if top < 0:
            return None
        length = math.sqrt(self.mass)
        # Only sentences within 3e-9 of the top cosine can round to it: round just those.
        near = np.flatnonzero(self.open >= top - 3e-9 * length).tolist()
        value, j = max((round(float(self.pull[j]) / length, 9), -j) for j in near)
        return -j if value >= SAME_CLAIM else None

    def add(self, j: int, squared: float, same_source: np.ndarray) -> None:
        """Sentence j joins; `squared`: its own squared length; no other sentence of its
        article may join."""
        self.mass += 2 * float(self.pull[j]) + squared
        self.members.append(j)
        self.blocked |= same_source
        self.open[same_source] = -1.0
        self._reach(j)
