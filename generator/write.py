"""Write: put generated pages into the MkDocs docs folder (the only page-writing module).

The generator owns `index.md` and the `stories/`, `sources/`, `keywords/` folders of the
docs folder; everything else there (about page, CSS) is the user's and is never touched.
A page whose content did not change is not rewritten (its mtime stays, so `mkdocs serve`
and incremental builds see only real changes); each write is atomic (temp file + rename).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import DigestError
from .models import Page
from .render import GENERATED


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def check_paths(pages: Sequence[Page]) -> None:
    """Refuse two pages at one path, and any path outside the generated folders."""
    seen: set[str] = set()
    for page in pages:
        parts = page.path.split("/")
        if page.path in seen:
            raise DigestError(f"two generated pages would be written to {page.path}")
        if parts[0] not in GENERATED or any(p in ("", ".", "..") for p in parts):
            raise DigestError(
                f"refusing to write a page outside the generated folders: {page.path}"
            )
        seen.add(page.path)


def write_pages(pages: Sequence[Page], docs_dir: Path) -> WriteReport:
    """Make the generated part of `docs_dir` hold exactly `pages`."""
    check_paths(pages)
    docs_dir.mkdir(parents=True, exist_ok=True)
    wanted = {page.path: page.content for page in pages}
    written = unchanged = removed = 0
    for path, content in sorted(wanted.items()):
        target = docs_dir / path
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        atomic_write(target, data)
        written += 1
    for name in GENERATED:
        root = docs_dir / name
        if root.is_dir():
            for old in sorted(root.rglob("*"), reverse=True):
                rel = old.relative_to(docs_dir).as_posix()
                if old.is_file() and rel not in wanted:
                    old.unlink()
                    removed += 1
                elif old.is_dir() and not any(old.iterdir()):
                    old.rmdir()
        elif root.is_file() and name not in wanted:
            root.unlink()
            removed += 1
    return WriteReport(written, unchanged, removed)


def atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".digest-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
