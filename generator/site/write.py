"""Write: put generated pages into the MkDocs docs folder (the only page-writing module).

The generator owns `index.md` and the `stories/`, `sources/`, `keywords/` folders of the
docs folder; everything else there (about page, CSS) is the user's and is never touched.

Writing is all or nothing. The generated tree is written into a staging folder beside the
docs folder (`.site_src-staging-…`), where the user's own entries are linked in, so MkDocs
can build the complete site from it. Only when the caller's work succeeded (`staged_pages`
exits without an exception) are the generated entries swapped into the docs folder by
renames; otherwise the staging folder is removed and the docs folder is as it was. A page
whose content did not change keeps its file (a hard link: same mtime, so `mkdocs serve` and
incremental tools see only real changes).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import DigestError
from ..models import Page
from .render import GENERATED


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


@dataclass(frozen=True)
class Staged:
    """Pages staged for the docs folder: `docs_dir` is a complete docs folder to build."""

    docs_dir: Path
    report: WriteReport


def check_paths(pages: Sequence[Page]) -> None:
    """Refuse two pages at one path, and any path outside the generated folders."""
    seen: set[str] = set()
    for page in pages:
        parts = page.path.split("/")
        if page.path in seen:
            raise DigestError(f"two generated pages would be written to {page.path}")
        if (
            parts[0] not in GENERATED
            or any(p in ("", ".", "..") or "\\" in p or ":" in p for p in parts)
            or (len(parts) == 1) != (parts[0] == "index.md")
        ):
            raise DigestError(
                f"refusing to write a page outside the generated folders: {page.path}"
            )
        seen.add(page.path)


@contextmanager
def staged_pages(pages: Sequence[Page], docs_dir: Path) -> Iterator[Staged]:
    """Stage `pages`; on a normal exit swap them into `docs_dir`, on an exception drop them."""
    check_paths(pages)
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=f".{docs_dir.name}-staging-", dir=docs_dir.parent))
    try:
        staging = root / "docs"
        staging.mkdir()
        _link_own_entries(docs_dir, staging)
        wanted = {page.path: page.content.encode("utf-8") for page in pages}
        existing = _generated_files(docs_dir)
        written = unchanged = 0
        folders: set[str] = set()
        for path, data in sorted(wanted.items()):
            old, new = os.path.join(docs_dir, path), os.path.join(staging, path)
            folder = os.path.dirname(new)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            if existing.get(path) == len(data) and _read(old) == data:
                _keep(old, new)
                unchanged += 1
            else:
                with open(new, "wb") as out:
                    out.write(data)
                os.chmod(new, 0o644)
                written += 1
        removed = sum(1 for rel in existing if rel not in wanted)
        yield Staged(staging, WriteReport(written, unchanged, removed))
        _swap_in(staging, docs_dir, root / "old")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def remove_stale_staging(docs_dir: Path) -> int:
    """Remove staging folders left by a killed build; call only while holding the lock."""
    stale = sorted(docs_dir.parent.glob(f".{docs_dir.name}-staging-*"))
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return len(stale)


def _link_own_entries(docs_dir: Path, staging: Path) -> None:
    """The user's entries of the docs folder, linked (or copied) into the staging folder."""
    for entry in sorted(docs_dir.iterdir()):
        if entry.name in GENERATED or entry.name.startswith("."):
            continue
        target = staging / entry.name
        try:
            target.symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
        except OSError:  # no symlinks (Windows without the right): copy instead
            if entry.is_dir():
                shutil.copytree(entry, target)
            else:
                shutil.copy2(entry, target)


def _keep(old: str, new: str) -> None:
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _generated_files(docs_dir: Path) -> dict[str, int | None]:
    """{path under docs_dir: size} of the generated files there now; the size is None for
    a link (counted as a generated file, never kept as a page's file)."""
    found: dict[str, int | None] = {}
    stack = list(GENERATED)
    while stack:
        rel = stack.pop()
        try:
            info = os.lstat(os.path.join(docs_dir, rel))
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            with os.scandir(os.path.join(docs_dir, rel)) as entries:
                stack += [f"{rel}/{entry.name}" for entry in entries]
        elif stat.S_ISREG(info.st_mode):
            found[rel] = info.st_size
        elif stat.S_ISLNK(info.st_mode) and os.path.isfile(os.path.join(docs_dir, rel)):
            found[rel] = None
    return found


def _swap_in(staging: Path, docs_dir: Path, trash: Path) -> None:
    """Move the generated entries of `staging` into `docs_dir`, the old ones to `trash`."""
    trash.mkdir()
    for name in GENERATED:
        old, new = docs_dir / name, staging / name
        if old.exists() or old.is_symlink():
            os.replace(old, trash / name)
        if new.exists():
            os.replace(new, old)

