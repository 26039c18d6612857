"""TextRank: sentence graphs and weighted PageRank; the only module that imports summa.

Two paths compute summa's sentence TextRank from our own sentences and terms (summa's
splitter knows only `.!?`, its Arabic stemmer keeps state between calls):

- `sentence_scores`: vectorised (numpy for an article, scipy sparse matrices for a story's
  1,000+ sentences). Same semantics as summa: one node per distinct term sequence
  (identical sentences share a node and a score), edge weight = shared distinct terms /
  (log10 len₁ + log10 len₂), nodes without an edge dropped (score 0), weighted PageRank with
  damping 0.85 and a uniform jump, scores scaled to unit length as summa's eigenvector is.
- `summa_sentence_scores`: summa's own graph and PageRank, kept to verify the fast path
  (tests select the same sentences with both) and as the benchmarks' reference.

Guard: a graph without a single shared term has no meaningful ranking, so both return None
and the caller falls back to position.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import chain

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
DENSE_LIMIT = 400  # graphs up to this many nodes are solved densely, larger ones sparsely
_TOLERANCE = 1e-13


def sentence_scores(terms: Sequence[Sequence[str]], *, method: str = "auto") -> list[float] | None:
    """TextRank score of each sentence, given its matching terms; None if degenerate.

    `method`: "dense" (numpy: fastest for an article's few dozen sentences), "sparse"
    (scipy.sparse similarity and power iteration: a story's thousands), or "auto" by size.
    """
    docs = [tuple(t) for t in terms]  # identical term sequences are one node, as in summa
    distinct = sorted({d for d in docs if d})
    if len(distinct) < 2:
        return None
    use_sparse = method == "sparse" or (method == "auto" and len(distinct) > DENSE_LIMIT)
    solve = _sparse_textrank if use_sparse else _dense_textrank
    ranks = solve(distinct)
    if ranks is None:
        return None
    node = {d: i for i, d in enumerate(distinct)}
    return [float(ranks[node[d]]) if d else 0.0 for d in docs]


def _incidence(docs: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """(sentence, term) pairs of the distinct terms of each sentence; vocabulary size; logs of
    the sentence lengths (summa counts repeated words in the length, once in the overlap)."""
    distinct = [set(words) for words in docs]
    flat = list(chain.from_iterable(distinct))
    vocab = dict.fromkeys(flat)  # column order cannot matter: overlaps are exact counts
    vocab = dict(zip(vocab, range(len(vocab)), strict=True))
    cols = np.fromiter(map(vocab.__getitem__, flat), dtype=np.intp, count=len(flat))
    rows = np.repeat(np.arange(len(docs)), [len(d) for d in distinct])
    return rows, cols, len(vocab), np.log10([len(words) for words in docs])


def _dense_textrank(docs: Sequence[Sequence[str]]) -> np.ndarray | None:
    rows, cols, size, logs = _incidence(docs)
    n = len(docs)
    incidence = np.zeros((n, size))
    incidence[rows, cols] = 1.0
    shared = incidence @ incidence.T
    np.fill_diagonal(shared, 0.0)
    denominator = logs[:, None] + logs[None, :]
    return _dense_pagerank(
        np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator != 0)
    )


def _dense_pagerank(weights: np.ndarray) -> np.ndarray | None:
    """Weighted PageRank of a dense symmetric graph without loops, solved exactly: unit length,
    0 for nodes without an edge (summa drops them); None if there is no edge at all."""
    n = len(weights)
    strength = weights.sum(axis=1)
    alive = np.flatnonzero(strength > 0)
    if alive.size == 0:
        return None
    if alive.size < n:
        weights, strength = weights[np.ix_(alive, alive)], strength[alive]
    # I - d·Pᵀ, entry by entry as np.eye(m) - DAMPING * (weights / strength[:, None]).T
    # (0 - x is -x; the diagonal of P is 0, so that of the system is 1), one array less.
    system = weights / strength[:, None]
    system *= -DAMPING
    system = system.T
    np.fill_diagonal(system, 1.0)
    m = alive.size
    ranks = np.linalg.solve(system, np.full(m, (1 - DAMPING) / m))
    return _unit(ranks, alive, n)


def _sparse_textrank(docs: Sequence[Sequence[str]]) -> np.ndarray | None:
    rows, cols, size, logs = _incidence(docs)
    n = len(docs)
    incidence = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, size))
    shared = (incidence @ incidence.T).tocoo()
    keep = shared.row != shared.col
    r, c, v = shared.row[keep], shared.col[keep], shared.data[keep]
    denominator = logs[r] + logs[c]
    v = np.divide(v, denominator, out=np.zeros_like(v), where=denominator != 0)
    similarity = sparse.csr_matrix((v, (r, c)), shape=(n, n))
    strength = np.asarray(similarity.sum(axis=1)).ravel()
    alive = np.flatnonzero(strength > 0)
    if alive.size == 0:
        return None
    graph = similarity[alive][:, alive]
    transition_t = (sparse.diags(1.0 / strength[alive]) @ graph).T.tocsr()
    m = alive.size
    jump = np.full(m, (1 - DAMPING) / m)
    ranks = np.full(m, 1.0 / m)
    for _ in range(1000):  # converges geometrically (factor DAMPING per step)
        following = DAMPING * (transition_t @ ranks) + jump
        done = np.abs(following - ranks).sum() < _TOLERANCE
        ranks = following
        if done:
            break
    return _unit(ranks, alive, n)


def _unit(ranks: np.ndarray, alive: np.ndarray, n: int) -> np.ndarray:
    """Scores of all nodes: unit length like summa's eigenvector, 0 for dropped nodes.

    The stationary distribution solves π = d·Pᵀπ + (1 - d)/n, which is the left eigenvector
    summa takes from its PageRank matrix d·P + (1 - d)/n (P: the row-normalised graph)."""
    scores = np.zeros(n)
    scores[alive] = ranks / np.linalg.norm(ranks)
    return scores


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

    `sequences` are term sequences (one per sentence); edges (weight 1) join neighbouring
    terms. The graph holds the `limit` most frequent terms. Solved like a small sentence
    graph (`_dense_pagerank`): summa's own PageRank builds its matrix edge by edge and takes a dense
    eigen-decomposition, a quarter of a second per story (`summa_keyword_scores` is kept as
    the reference the tests compare with).
    """
    vocab = sorted(set(chain.from_iterable(sequences)))
    index = dict(zip(vocab, range(len(vocab)), strict=True))
    terms = list(chain.from_iterable((*(index[t] for t in seq), -1) for seq in sequences))
    return keyword_ranks(np.array(terms, dtype=np.intp), vocab, limit)


def keyword_ranks(terms: np.ndarray, vocab: Sequence[str], limit: int = 400) -> dict[str, float]:
    """`keyword_scores` of the sentences written one after another: `terms` holds each
    term's index in `vocab` (sorted), -1 ending a sentence.

    Terms without an edge get no score; if no term has one, each gets its count instead.
    """
    counts = np.bincount(terms[terms >= 0], minlength=len(vocab))
    kept = np.arange(len(vocab))
    if len(vocab) > limit:  # the most frequent terms, ties by term (vocab is sorted)
        kept = np.sort(np.argsort(-counts, kind="stable")[:limit])
    a, b = _neighbours(terms, kept, len(vocab))
    if not a.size:
        return {vocab[i]: float(counts[i]) for i in kept.tolist()}
    # Terms without an edge are left out of the graph: _dense_pagerank would drop them.
    linked, ends = np.unique(np.concatenate((a, b)), return_inverse=True)
    adjacency = np.zeros((len(linked), len(linked)))
    adjacency[ends[: len(a)], ends[len(a) :]] = adjacency[ends[len(a) :], ends[: len(a)]] = 1.0
    scores = _dense_pagerank(adjacency)
    assert scores is not None  # there is a pair, so an edge
    names = [vocab[i] for i in kept[linked].tolist()]
    return dict(zip(names, scores.tolist(), strict=True))


def _neighbours(ids: np.ndarray, kept: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Node pairs (indexes into `kept`) of the terms within `KEYWORD_WINDOW` of each other
    in a sentence once the terms not kept are left out; a term is never its own neighbour.
    Pairs may repeat."""
    node = np.full(size + 1, -2)  # -2: a term left out; node[-1] = -1: a sentence break
    node[kept] = np.arange(len(kept))
    node[-1] = -1
    ids = node[ids]
    ids = ids[ids != -2]
    sentence = np.cumsum(ids == -1)
    firsts, seconds = [], []
    for step in range(1, KEYWORD_WINDOW):
        a, b = ids[:-step], ids[step:]
        pair = (a >= 0) & (b >= 0) & (a != b) & (sentence[:-step] == sentence[step:])
        firsts.append(a[pair])
        seconds.append(b[pair])
    return np.concatenate(firsts), np.concatenate(seconds)


def summa_keyword_scores(
    sequences: Sequence[Sequence[str]], *, limit: int = 400
) -> dict[str, float]:
    """summa's graph and PageRank on the same co-occurrences (the reference for the above)."""
    counts, vocab, pairs = _cooccurrences(sequences, limit)
    graph = Graph()
    for term in vocab:
        graph.add_node(term)
    for pair in pairs:
        graph.add_edge(pair, 1)
    remove_unreachable_nodes(graph)
    if len(graph.nodes()) < 2:
        return {t: float(c) for t, c in counts.items() if t in vocab}
    return {k: float(v) for k, v in pagerank_weighted_scipy(graph).items()}


def _cooccurrences(
    sequences: Sequence[Sequence[str]], limit: int
) -> tuple[dict[str, int], list[str], list[tuple[str, str]]]:
    """Term counts, the `limit` most frequent terms (sorted), and the distinct neighbour
    pairs among them (each once, in order of appearance)."""
    counts: dict[str, int] = {}
    for seq in sequences:
        for term in seq:
            counts[term] = counts.get(term, 0) + 1
    vocab = sorted(sorted(counts, key=lambda t: (-counts[t], t))[:limit])
    kept_terms = set(vocab)
    pairs: dict[frozenset[str], tuple[str, str]] = {}
    for seq in sequences:
        kept = [t for t in seq if t in kept_terms]
        for i, a in enumerate(kept):
            for b in kept[i + 1 : i + KEYWORD_WINDOW]:
                if a != b:
                    pairs.setdefault(frozenset((a, b)), (a, b))
    return counts, vocab, list(pairs.values())


def _any_shared_term(docs: Sequence[str]) -> bool:
    seen: set[str] = set()
    for doc in docs:
        words = set(doc.split())
        if seen & words:
            return True
        seen |= words
    return False
