"""Linkage: agglomerative clustering of articles over their sparse similar pairs.

Two groups joined by pairs merge, best first, while their centroid cosine (or, with
`linkage: average`, their mean pairwise cosine) is at least the highest threshold of their
members and the merged story spans at most the window; see `group.py` for why centroids.
Only the pairs `similarity.close_pairs` kept count (absent pairs count as 0), so the cost
grows with the pairs, not with the square of the articles.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .similarity import Pairs


@dataclass(frozen=True)
class GroupingSettings:
    threshold: float = 0.28  # centroid cosine needed to merge two groups (plain TF-IDF)
    burst_threshold: float = 0.20  # the same where the days have a background (bursts)
    window_days: int = 5  # a story spans days, not months: no story wider than this
    min_sim: float = 0.05  # pairs less similar than this are not kept (a cost bound)
    linkage: str = "centroid"  # or "average" (mean pairwise cosine: the foundation's rule)


def link(
    n: int,
    pairs: Pairs,
    days: Sequence[int | None],
    skip: set[int],
    settings: GroupingSettings,
    limits: Sequence[float] | None = None,
) -> list[list[int]]:
    """Agglomerate the articles over the sparse pairs (absent pairs count as 0).

    The sum of the similarities between two groups is kept on the edge joining them and
    `self_sum[a]` is the squared length of a's centroid, so the centroid cosine is
    sum / √(self·self) and the average link sum / (size·size). Copies (`skip`) take no
    part. Ties are broken by article order, so the result does not depend on the input
    order. `limits[i]` is the threshold of article i (default `settings.threshold`); two
    groups merge only above the highest threshold of their members.

    The best merge is always taken first: candidate merges are (-score, a, b, version of
    a, version of b), one sorted list per group that proposed them, and a heap holds the
    best of each list; a candidate whose groups have changed since is stale and skipped.
    Pairs are as `close_pairs` gives them: each once, row < column.
    """
    groups = _Groups(n, days, skip, limits if limits is not None else [settings.threshold] * n)
    proposals = _Proposals(groups.first_candidates(pairs), groups)
    centroid = settings.linkage == "centroid"
    while (best := proposals.pop()) is not None:
        a, b, between = best
        groups.merge(a, b, between)
        proposals.replace(a, groups.candidates(a, centroid, settings.window_days))
    return [sorted(groups.members[i]) for i in range(n) if groups.alive[i]]


# (-score, a, b, version of a, version of b, the edge between them); the first five are
# never all equal for two candidates, so the edge never decides their order.
_Candidate = tuple[float, int, int, int, int, int]


class _Groups:
    """The groups of `link`, each named by its lowest article index.

    Each pair of groups with pairs between them has one live edge holding their sum. A
    group's row lists (neighbour, edge) as they were when the group last changed: a
    neighbour merged since is found through `root`, and an edge folded into another since
    is dead. So a merge touches only the two groups' rows, never their neighbours'.
    """

    def __init__(
        self, n: int, days: Sequence[int | None], skip: set[int], limits: Sequence[float]
    ) -> None:
        self.skip = np.zeros(n, dtype=bool)
        self.skip[list(skip)] = True
        self.self_sum = np.ones(n, dtype=np.float64)
        self.size = np.ones(n, dtype=np.int64)
        self.limit = np.array(limits, dtype=np.float64)
        self.dated = np.array([d is not None for d in days], dtype=bool)
        self.lo = np.array([0 if d is None else d for d in days], dtype=np.int64)
        self.hi = self.lo.copy()
        self.root = np.arange(n, dtype=np.int64)
        self.members = [[i] for i in range(n)]
        self.version = [0] * n
        self.alive = (~self.skip).tolist()
        self.position = np.full(n, -1, dtype=np.int64)  # scratch for `_fold`
        self.rows: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # rows made by merges
        # Set by `first_candidates`: each edge's sum and whether it is live, and every
        # article's pairs as (neighbours, edges, bounds): article i's are bounds[i]:bounds[i+1].
        self.total = np.zeros(0)
        self.live = np.zeros(0, dtype=bool)
        empty = np.zeros(0, dtype=np.int64)
        self.first_rows: tuple[np.ndarray, np.ndarray, list[int]] = (empty, empty, [0] * (n + 1))

    def first_candidates(self, pairs: Pairs) -> list[_Candidate]:
        """Edges for the pairs between non-copies; the pairs above both articles'
        thresholds are the first candidates (pairs come from within the window: they fit)."""
        kept = ~(self.skip[pairs.rows] | self.skip[pairs.cols])
        rows, cols, sims = pairs.rows[kept], pairs.cols[kept], pairs.sims[kept]
        self.total = sims.astype(np.float64)
        self.live = np.ones(len(sims), dtype=bool)
        ends = np.concatenate((rows, cols))
        order = np.argsort(ends, kind="stable")
        neighbours = np.concatenate((cols, rows))[order]
        edges = np.tile(np.arange(len(sims), dtype=np.int64), 2)[order]
        bounds = np.searchsorted(ends[order], np.arange(len(self.alive) + 1)).tolist()
        self.first_rows = (neighbours, edges, bounds)
        first = np.flatnonzero(sims >= np.maximum(self.limit[rows], self.limit[cols]))
        return [
            (-s, r, c, 0, 0, e)
            for s, r, c, e in zip(
                sims[first].tolist(),
                rows[first].tolist(),
                cols[first].tolist(),
                first.tolist(),
                strict=True,
            )
        ]

    def current(self, candidate: _Candidate) -> bool:
        """Whether neither group of the candidate has changed since it was proposed."""
        _, a, b, va, vb, _ = candidate
        return self.alive[a] and self.alive[b] and va == self.version[a] and vb == self.version[b]

    def merge(self, a: int, b: int, between: int) -> None:
        """Group b joins group a (a < b) over their edge `between`."""
        self.live[between] = False  # so neither row lists the other group
        self.self_sum[a] = float(self.self_sum[a]) + (
            float(self.self_sum[b]) + 2 * float(self.total[between])
        )
        self.rows[a] = self._fold(*self._row(a), *self._row(b))
        self.rows.pop(b, None)
        self.alive[b] = False
        self.root[self.members[b]] = a
        self.members[a] += self.members[b]
        self.size[a] += self.size[b]
        self.limit[a] = max(self.limit[a], self.limit[b])
        if self.dated[b]:
            self.lo[a] = min(self.lo[a], self.lo[b]) if self.dated[a] else self.lo[b]
            self.hi[a] = max(self.hi[a], self.hi[b]) if self.dated[a] else self.hi[b]
            self.dated[a] = True
        self.version[a] += 1

    def candidates(self, a: int, centroid: bool, window: int) -> list[_Candidate]:
        """The merges of group a with its neighbours that pass the threshold and keep the
        story within the window (the same IEEE operations as one by one: the same floats)."""
        names, edges = self.rows[a]
        totals = self.total[edges]
        if centroid:
            scores = totals / np.sqrt(self.self_sum[a] * self.self_sum[names])
        else:
            scores = totals / (self.size[a] * self.size[names])
        ok = scores >= np.maximum(self.limit[a], self.limit[names])
        if self.dated[a]:
            span = np.maximum(self.hi[a], self.hi[names]) - np.minimum(self.lo[a], self.lo[names])
            ok &= ~(self.dated[names] & (span > window))
        version, va = self.version, self.version[a]
        out = []
        for k, score, e in zip(
            names[ok].tolist(), scores[ok].tolist(), edges[ok].tolist(), strict=True
        ):
            key = -round(score, 12)
            out.append((key, a, k, va, version[k], e) if a < k else (key, k, a, version[k], va, e))
        return out

    def _row(self, a: int) -> tuple[np.ndarray, np.ndarray]:
        """Group a's neighbours (current names) and the live edges to them."""
        if a in self.rows:
            names, edges = self.rows[a]
        else:  # not merged yet: its pairs
            neighbours, all_edges, bounds = self.first_rows
            names, edges = (
                neighbours[bounds[a] : bounds[a + 1]],
                all_edges[bounds[a] : bounds[a + 1]],
            )
        live = self.live[edges]
        return self.root[names[live]], edges[live]

    def _fold(
        self, names_a: np.ndarray, edges_a: np.ndarray, names_b: np.ndarray, edges_b: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The row of a ∪ b: a neighbour of both keeps a's edge, which takes b's sum."""
        self.position[names_a] = np.arange(len(names_a))
        at = self.position[names_b]
        self.position[names_a] = -1
        shared = at >= 0
        self.total[edges_a[at[shared]]] += self.total[edges_b[shared]]
        self.live[edges_b[shared]] = False
        return (
            np.concatenate((names_a, names_b[~shared])),
            np.concatenate((edges_a, edges_b[~shared])),
        )


class _Proposals:
    """The candidate merges, best first: one list per proposing group (sorted, best
    last), and a heap of each list's best with its group and the group's version then."""

    def __init__(self, first: list[_Candidate], groups: _Groups) -> None:
        self.groups = groups
        self.lists: dict[int, list[_Candidate]] = {}
        for candidate in first:
            self.lists.setdefault(candidate[1], []).append(candidate)
        self.heap: list[tuple[_Candidate, int, int]] = []
        for owner, proposed in self.lists.items():
            proposed.sort(reverse=True)
            self._advance(owner, 0)
        heapq.heapify(self.heap)

    def pop(self) -> tuple[int, int, int] | None:
        """The best current merge (a, b, their edge), or None when there is none left."""
        while self.heap:
            candidate, owner, version = heapq.heappop(self.heap)
            if self.groups.current(candidate):  # its proposer is one of the two groups
                self.lists.pop(owner, None)
                return candidate[1], candidate[2], candidate[5]
            if self.groups.alive[owner] and self.groups.version[owner] == version:
                self._advance(owner, version)
        return None

    def replace(self, owner: int, proposed: list[_Candidate]) -> None:
        """Group `owner` has changed: its earlier proposals are stale, these replace them."""
        proposed.sort(reverse=True)
        self.lists[owner] = proposed
        self._advance(owner, self.groups.version[owner])

    def _advance(self, owner: int, version: int) -> None:
        """Put the best current proposal of `owner`'s list on the heap."""
        proposed = self.lists.get(owner, [])
        while proposed:
            candidate = proposed.pop()
            if self.groups.current(candidate):
                heapq.heappush(self.heap, (candidate, owner, version))
                return
