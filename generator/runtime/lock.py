"""Lock: one writing digest command at a time per docs folder.

`digest build`, `serve` and `deploy` hold an exclusive lock on `<site_src>/.digest.lock`
while they write `site_src/` and the site: a second command started meanwhile stops at once
with a clear message instead of mixing its pages with the first one's. The lock is an
operating-system file lock (flock; msvcrt on Windows), so it is released when the process
ends, even if it crashed: a stale lock file never blocks a later build. `digest check`
writes nothing and takes no lock.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import LockedError

LOCK_NAME = ".digest.lock"


@contextmanager
def build_lock(site_src: Path) -> Iterator[Path]:
    """Hold the lock of `site_src` (created if needed); LockedError if another holds it."""
    site_src.mkdir(parents=True, exist_ok=True)
    path = site_src / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    try:
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockedError(
                f"another digest command is writing {site_src}/ ({holder})",
                "wait until it has finished, then run this command again",
            )
        handle.seek(0)
        handle.truncate()
        started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        handle.write(f"pid {os.getpid()}, started {started}\n")
        handle.flush()
        try:
            yield path
        finally:
            _unlock(handle)
    finally:
        handle.close()


def _try_lock(handle: IO[str]) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
