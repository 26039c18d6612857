"""Bursts: the terms that are news on a day weigh more than the terms that always are.

An event brings words into the news for a few days (a mosque's town, a bomber's name, the
club that signed a player), while a country, a ministry or a war is in the news every day.
Plain IDF cannot tell them apart on a busy day: both are rare among all the articles. So
each term of an article gets a factor from how much more often it appears on the article's
day than in the rest of the collection:

    factor = 1 + ALPHA · log(clip(p_day / p_background, 1, CAP))

where p_day is the share of that day's articles holding the term and p_background its share
(smoothed: +1 article holding it) among the articles more than `BACKGROUND_DAYS` days away
(so an event that lasts a week is not its own background). Terms no more frequent on the day
than elsewhere keep a factor of 1; the largest factor is 1 + 1.5 · log 20 ≈ 5.5.

The background is the articles being built, nothing else: when every article is within
`BACKGROUND_DAYS` of a day (a folder of one week's news, the seeds), or fewer than
`MIN_BACKGROUND` articles are outside it, every factor of that day is 1 and the weighting is
plain TF-IDF. Undated articles have no day and keep factors of 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

ALPHA = 1.5  # how much a burst counts (chosen on the tuning outlets, bench/grouping.py)
CAP = 20.0  # a term 20 times more frequent than usual is as bursty as it gets
BACKGROUND_DAYS = 10  # articles this close to the day are not its background
MIN_BACKGROUND = 200  # fewer articles than this make no background (shares too coarse)


def burst_factors(
    columns: np.ndarray, indptr: np.ndarray, days: Sequence[int | None]
) -> np.ndarray:
    """One factor per stored entry of a CSR term matrix (`columns`, `indptr`, one row per
    article, each term at most once in a row); `days[i]` is article i's day ordinal."""
    factors = np.ones(len(columns), dtype=np.float64)
    dated_days = sorted({d for d in days if d is not None})
    if len(columns) == 0 or not dated_days:
        return factors
    n_terms = int(columns.max()) + 1
    distinct = np.asarray(dated_days, dtype=np.int64)
    # Each entry's day, as an index into `distinct` (-1: undated article).
    index = {d: k for k, d in enumerate(dated_days)}
    row_day = np.asarray([-1 if d is None else index[d] for d in days], dtype=np.int64)
    entry_day = np.repeat(row_day, np.diff(indptr))
    articles = np.bincount(row_day[row_day >= 0], minlength=len(distinct))
    sizes = _background_sizes(distinct, articles)
    # The entries by day (undated first): a run of days is a run of `by_day`.
    order = np.argsort(entry_day, kind="stable")
    by_day = columns[order]
    bounds = np.searchsorted(entry_day[order], np.arange(-1, len(distinct) + 1))
    total_df = np.bincount(by_day[bounds[1] :], minlength=n_terms)  # dated articles with it
    for k, day in enumerate(distinct.tolist()):
        background = int(sizes[k])
        if background < MIN_BACKGROUND:
            continue
        lo = int(np.searchsorted(distinct, day - BACKGROUND_DAYS, side="left"))
        hi = int(np.searchsorted(distinct, day + BACKGROUND_DAYS, side="right"))
        cols = by_day[bounds[k + 1] : bounds[k + 2]]
        near_df = np.bincount(by_day[bounds[lo + 1] : bounds[hi + 1]], minlength=n_terms)[cols]
        p_day = np.bincount(cols, minlength=n_terms)[cols] / articles[k]
        p_background = (total_df[cols] - near_df + 1) / (background + 1)
        ratio = np.clip(p_day / p_background, 1.0, CAP)
        factors[order[bounds[k + 1] : bounds[k + 2]]] = 1 + ALPHA * np.log(ratio)
    return factors


def has_background(days: Sequence[int | None]) -> list[bool]:
    """Whether each article's day has a background (its terms' factors can differ from 1)."""
    distinct = np.asarray(sorted({d for d in days if d is not None}), dtype=np.int64)
    if not len(distinct):
        return [False] * len(days)
    index = {int(d): k for k, d in enumerate(distinct)}
    articles = np.bincount([index[d] for d in days if d is not None], minlength=len(distinct))
    sizes = _background_sizes(distinct, articles)
    return [d is not None and bool(sizes[index[d]] >= MIN_BACKGROUND) for d in days]


def _background_sizes(distinct: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """For each of the sorted `distinct` days (with `articles[k]` articles on day k), the
    number of articles more than `BACKGROUND_DAYS` away from it."""
    before = np.concatenate(([0], np.cumsum(articles)))
    lo = np.searchsorted(distinct, distinct - BACKGROUND_DAYS, side="left")
    hi = np.searchsorted(distinct, distinct + BACKGROUND_DAYS, side="right")
    return before[-1] - (before[hi] - before[lo])
