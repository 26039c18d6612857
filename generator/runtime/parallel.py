"""Parallel: a pure function over many items, across the machine's cores (forked workers).

The workers are forked from the build process, so they already hold the items (stories
with all their sentences): only chunk bounds go to them and only results come back, nothing
large is pickled on the way out. Results are in the items' order whatever the number of
workers, so output never depends on the machine. Where fork is not available (Windows,
macOS' default) or no process can be started (a sandbox), the items are done in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .progress import bar

CHUNK = 32  # items per task
SERIAL_BELOW = 4 * CHUNK  # fewer items than this are done here: a pool costs more

_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # what forked workers see


def fork_map(
    fn: Callable[[Any], Any],
    items: Sequence[Any],
    *,
    jobs: int | None = None,
    label: str = "items",
    unit: str = "item",
) -> list[Any]:
    """`[fn(x) for x in items]`, across up to `jobs` processes (default: one per core)."""
    workers = min(jobs or cores(), len(items) // CHUNK)
    if workers > 1 and len(items) >= SERIAL_BELOW and _can_fork():
        try:
            return _forked(fn, items, workers, label, unit)
        except (BrokenProcessPool, OSError):
            pass  # no processes here: do it in this one
    with bar(len(items), label, unit) as progress:
        out = []
        for item in items:
            out.append(fn(item))
            progress.update()
        return out


def _forked(fn, items, workers: int, label: str, unit: str) -> list[Any]:
    global _WORK
    _WORK = (fn, items)
    # Everything the workers inherit moves to the collector's permanent generation: a worker's
    # collections then never walk (and copy, page by page) the build's millions of objects.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            bounds = [(i, min(i + CHUNK, len(items))) for i in range(0, len(items), CHUNK)]
            futures = [pool.submit(_chunk, start, stop) for start, stop in bounds]
            out: list[Any] = []
            with bar(len(items), label, unit) as progress:
                for future in futures:
                    part = future.result()
                    out += part
                    progress.update(len(part))
            return out
    finally:
        _WORK = None
        gc.unfreeze()


def _chunk(start: int, stop: int) -> list[Any]:
    assert _WORK is not None, "only called in a forked worker"
    gc.enable()  # the build may have paused it (pipeline.generate); a worker's own garbage
    fn, items = _WORK
    return [fn(item) for item in items[start:stop]]


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
