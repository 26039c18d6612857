"""Progress bars for long runs (tqdm), on stderr, and only when stderr is a terminal.

A bar appears only after a run has lasted a second, so short builds print nothing extra;
piped or captured output (CI, tests, `digest build > log`) never gets one.
"""

from __future__ import annotations

import sys

from tqdm import tqdm

DELAY = 1.0  # seconds before a bar is shown


def bar(total: int, description: str, unit: str) -> tqdm:
    """A progress bar to `update` as work is done; use as a context manager."""
    return tqdm(
        total=total,
        desc=description,
        unit=unit,
        file=sys.stderr,
        disable=not _on_terminal(),
        delay=DELAY,
        leave=False,
        dynamic_ncols=True,
    )


def _on_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
