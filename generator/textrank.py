"""The summa adapter: the only module that imports summa, and the owner of its quirks.

We give summa our own sentences and terms (its splitter knows only `.!?`, its Arabic stemmer
keeps state between calls) and use its graph, edge weights and weighted PageRank. Guards:
identical sentences share one graph node (and so one score); a graph without a single shared
term has no meaningful ranking, so we return None and the caller falls back to position.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

# summa's eigenvector step is 10-100x slower with BLAS threads fighting over two cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from summa.commons import build_graph, remove_unreachable_nodes
from summa.graph import Graph
from summa.pagerank_weighted import pagerank_weighted_scipy
from summa.summarizer import _set_graph_edge_weights

KEYWORD_WINDOW = 2  # summa.keywords' co-occurrence window


def sentence_scores(terms: Sequence[Sequence[str]]) -> list[float] | None:
    """TextRank score of each sentence, given its matching terms; None if degenerate."""
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
