"""A story's title: the most representative headline of its latest development, without
the teaser markers outlets put before or after a headline (pure).

- Candidates: the titled articles of the story's latest day (the story follows its news: an
  election story is titled by the results, not by the morning's «votes today»); of them the
  most representative of the whole story wins (the highest dot product of its TF-IDF vector
  with the sum of all the story's articles: `most_representative`).
- Teasers: «شاهد..», «بالفيديو:», «بالصور ..», «عاجل |», «مباشر -», «قصة مصورة:» before a
  headline, and «(فيديو)», «- صور», «[بالصور]» after it, are taken off; what remains is
  the outlet's own words. A marker that is part of the sentence («فيديو يوضح…», «البيع
  المباشر») is not followed by a separator, and stays.
- HTML entities scraped with a headline (`&quot;`, `&#8220;`) are shown as their characters.

The story's id, and so its address, never depends on its title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..models import RankedArticle

_MARKERS = (
    "شاهد بالفيديو|شاهد بالصور|شاهد|بالفيديو|فيديو|بالصور|صور|بث مباشر|مباشر|عاجل|"
    "قصة مصورة|إنفوجرافيك|انفوجرافيك|إنفوغراف|انفوغراف|حصري|خاص|فيديوجراف"
)
_SEPARATOR = r"(?:\.{2,}|…|:|\||-|–|—|/{1,2}|ـ)"
_LEADING = re.compile(
    rf"^\s*[«\"“(\[]?(?:{_MARKERS})(?:\s+(?:طريف|جديد|حصري))?[»\"”)\]]?\s*{_SEPARATOR}+\s*"
)
_TRAILING = re.compile(
    rf"\s*(?:{_SEPARATOR}+\s*[«\"“(\[]?(?:{_MARKERS})[»\"”)\]]?|[(\[«](?:{_MARKERS})[)\]»])\s*[.]?$"
)
MIN_WORDS = 2  # a headline left shorter than this by stripping keeps its markers


def headline(title: str) -> str:
    """`title` without its teaser markers (and with scraped HTML entities decoded)."""
    title = " ".join(html.unescape(title).split())
    stripped = title
    while True:
        shorter = _TRAILING.sub("", _LEADING.sub("", stripped, count=1), count=1).strip()
        if shorter == stripped:
            break
        stripped = shorter
    return stripped if len(stripped.split()) >= MIN_WORDS else title


def has_teaser(title: str) -> bool:
    """Whether a headline starts or ends with a teaser marker."""
    return headline(title) != " ".join(html.unescape(title).split())


def title_candidates(ordered: Sequence[RankedArticle], members: Sequence[int]) -> list[int]:
    """The members whose headline may title the story: the titled articles of its latest
    dated day (all titled ones when none is dated; all members when none has a title)."""
    titled = [i for i in members if ordered[i].article.title]
    if not titled:
        return list(members)
    dates = [ordered[i].article.date for i in titled if ordered[i].article.date]
    if not dates:
        return titled
    last = max(dates)
    return [i for i in titled if ordered[i].article.date == last]


def most_representative(
    matrix: sparse.csr_matrix, clusters: Sequence[Sequence[int]], candidates: Sequence[list[int]]
) -> list[int]:
    """For each cluster, the candidate row with the highest dot product with the sum of the
    cluster's rows (rounded to 9 digits; ties go to the earlier row), in one product."""
    if not clusters:
        return []
    rows = np.fromiter((i for c in clusters for i in c), dtype=np.int64)
    sizes = np.fromiter((len(c) for c in clusters), dtype=np.int64, count=len(clusters))
    starts = np.concatenate(([0], np.cumsum(sizes)))
    membership = sparse.csr_matrix(
        (np.ones(len(rows)), np.arange(len(rows)), starts), shape=(len(clusters), len(rows))
    )
    sums = sparse.csr_matrix(membership @ matrix[rows])
    flat = [i for c in candidates for i in c]
    owner = np.repeat(np.arange(len(candidates)), [len(c) for c in candidates])
    scores = np.asarray(matrix[flat].multiply(sums[owner]).sum(axis=1)).ravel().tolist()
    best, at = [], 0
    for c in candidates:
        k = max(range(len(c)), key=lambda k: (round(scores[at + k], 9), -k))
        best.append(c[k])
        at += len(c)
    return best
