"""TextRank: sentence graphs and weighted PageRank; the only module that imports summa.

Two paths compute summa's sentence TextRank from our own sentences and terms (summa's
splitter knows only `.!?`, its Arabic stemmer keeps state between calls):

- `sentence_scores`: vectorised with scipy sparse matrices, fast enough for a story's
  1,000+ sentences. Same semantics as summa: one node per distinct term sequence (identical
  sentences share a node and a score), edge weight = shared distinct terms / (log10 len₁ +
  log10 len₂), nodes without an edge dropped (score 0), weighted PageRank with damping 0.85
  and a uniform jump, scores scaled to unit length as summa's eigenvector is. Two optional
  refinements, both off by default: `weights` (per-term weights in the shared-term count, e.g.
  idf) and `teleport` (a PageRank jump that prefers some sentences, e.g. the first ones).
- `summa_sentence_scores`: summa's own graph and PageRank, kept to verify the fast path
  (tests select the same sentences with both) and as the benchmarks' reference.

Guard: a graph without a single shared term has no meaningful ranking, so both return None
and the caller falls back to position.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

# summa's eigenvector step is 10-100x slower with BLAS threads fighting over two cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from scipy import sparse
from summa.commons import build_graph, remove_unreachable_nodes
from summa.graph import Graph
from summa.pagerank_weighted import pagerank_weighted_scipy
from summa.summarizer import _set_graph_edge_weights
from summa.summarizer import summarize as _summa_summarize

DAMPING = 0.85  # summa's (and the TextRank paper's)
KEYWORD_WINDOW = 2  # summa.keywords' co-occurrence window
_DENSE_LIMIT = 400  # up to this many nodes PageRank is one dense solve, beyond it iterations
_TOLERANCE = 1e-13


def sentence_scores(
    terms: Sequence[Sequence[str]],
    *,
    weights: Mapping[str, float] | None = None,
    teleport: Sequence[float] | None = None,
) -> list[float] | None:
    """TextRank score of each sentence, given its matching terms; None if degenerate.

    `teleport[i]` (≥ 0) is sentence i's share of PageRank's random jump (uniform if None).
    """
    docs = [" ".join(t) for t in terms]
    distinct = sorted({d for d in docs if d})
    if len(distinct) < 2:
        return None
    node = {d: i for i, d in enumerate(distinct)}
    similarity = _similarity([d.split() for d in distinct], weights)
    strength = np.asarray(similarity.sum(axis=1)).ravel()
    alive = np.flatnonzero(strength > 0)
    if alive.size == 0:
        return None
    jump = None
    if teleport is not None:
        jump = np.zeros(len(distinct))
        for d, t in zip(docs, teleport, strict=True):
            if d:
                jump[node[d]] = max(jump[node[d]], float(t))
        jump = jump[alive]
        jump = jump / jump.sum() if jump.sum() > 0 else None
    graph = similarity[alive][:, alive]
    ranks = _pagerank(graph, strength[alive], jump)
    scores = np.zeros(len(distinct))
    scores[alive] = ranks / np.linalg.norm(ranks)
    return [float(scores[node[d]]) if d else 0.0 for d in docs]


def _similarity(
    docs: Sequence[Sequence[str]], weights: Mapping[str, float] | None
) -> sparse.csr_matrix:
    """summa's sentence similarity for every pair at once (zero diagonal)."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, words in enumerate(docs):
        for w in set(words):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    if weights is None:
        data = np.ones(len(cols))
    else:
        by_col = np.empty(len(vocab))
        for w, j in vocab.items():
            by_col[j] = weights.get(w, 1.0)
        data = by_col[cols]
    incidence = sparse.csr_matrix((data, (rows, cols)), shape=(len(docs), len(vocab)))
    binary = incidence.copy()
    binary.data[:] = 1.0
    shared = (incidence @ binary.T).tocoo()
    logs = np.log10([len(words) for words in docs])
    keep = shared.row != shared.col
    r, c, v = shared.row[keep], shared.col[keep], shared.data[keep]
    denominator = logs[r] + logs[c]
    v = np.divide(v, denominator, out=np.zeros_like(v), where=denominator != 0)
    nonzero = v != 0
    return sparse.csr_matrix((v[nonzero], (r[nonzero], c[nonzero])), shape=shared.shape)


def _pagerank(
    graph: sparse.csr_matrix, strength: np.ndarray, jump: np.ndarray | None
) -> np.ndarray:
    """Stationary distribution of the weighted random walk with jumps (summa's left vector).

    π = d·Pᵀπ + (1 - d)·jump, P the row-normalised graph; solved exactly for small graphs.
    """
    n = graph.shape[0]
    if jump is None:
        jump = np.full(n, 1.0 / n)
    transition_t = (sparse.diags(1.0 / strength) @ graph).T.tocsr()
    rhs = (1.0 - DAMPING) * jump
    if n <= _DENSE_LIMIT:
        return np.linalg.solve(np.eye(n) - DAMPING * transition_t.toarray(), rhs)
    ranks = np.full(n, 1.0 / n)
    for _ in range(1000):
        nxt = DAMPING * (transition_t @ ranks) + rhs
        if np.abs(nxt - ranks).sum() < _TOLERANCE:
            return nxt
        ranks = nxt
    return ranks


def summa_sentence_scores(terms: Sequence[Sequence[str]]) -> list[float] | None:
    """summa's own graph and PageRank on our terms (the reference for `sentence_scores`)."""
    docs = [" ".join(t) for t in terms]
    distinct = sorted({d for d in docs if d})
    if len(distinct) < 2 or not _any_shared_term(distinct):
        return None
    graph = build_graph(distinct)
    _set_graph_edge_weights(graph)
    remove_unreachable_nodes(graph)
    if not graph.nodes():
        return None
    scores = pagerank_weighted_scipy(graph)
    return [float(scores.get(d, 0.0)) if d else 0.0 for d in docs]


def summa_summarize(text: str, *, words: int) -> str:
    """summa as shipped (its splitter, Arabic stemmer and stop words): the baseline we beat.

    Its stemmer keeps state between calls, so results depend on what ran before.
    """
    return _summa_summarize(text, words=words, language="arabic")


def keyword_scores(sequences: Sequence[Sequence[str]], *, limit: int = 400) -> dict[str, float]:
    """TextRank over a co-occurrence graph of terms (summa.keywords' method, our terms).

    `sequences` are term sequences (one per sentence); edges join terms within the window.
    The graph is capped to the `limit` most frequent terms: summa's eigen-decomposition is
    dense, so its cost grows with the cube of the vocabulary.
    """
    counts: dict[str, int] = {}
    for seq in sequences:
        for term in seq:
            counts[term] = counts.get(term, 0) + 1
    vocab = set(sorted(counts, key=lambda t: (-counts[t], t))[:limit])
    graph = Graph()
    for term in sorted(vocab):
        graph.add_node(term)
    for seq in sequences:
        kept = [t for t in seq if t in vocab]
        for i, a in enumerate(kept):
            for b in kept[i + 1 : i + KEYWORD_WINDOW]:
                if a != b and not graph.has_edge((a, b)):
                    graph.add_edge((a, b), 1)
    remove_unreachable_nodes(graph)
    if len(graph.nodes()) < 2:
        return {t: float(c) for t, c in counts.items() if t in vocab}
    return {k: float(v) for k, v in pagerank_weighted_scipy(graph).items()}


def _any_shared_term(docs: Sequence[str]) -> bool:
    seen: set[str] = set()
    for doc in docs:
        words = set(doc.split())
        if seen & words:
            return True
        seen |= words
    return False
