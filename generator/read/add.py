"""Add: copy article files, or fetch web articles, into the articles folder.

Nothing in the articles folder is ever overwritten. A file whose bytes are already there (under
any name) is skipped; a new file whose name is taken gets the first free `name-2.md`,
`name-3.md`… A URL is fetched and its main text extracted with trafilatura into a Markdown file
with front matter (title, source, url, date: what the page states), named after the address,
so adding the same address twice finds it already there. Everything is fetched and read
before anything is written: one bad file or address and nothing is added.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from ..errors import DigestError
from ..slugs import short_hash, slugify
from .ingest import SUFFIXES, discover
from .webpage import download, extract

_URL = re.compile(r"^https?://", re.IGNORECASE)
# trafilatura refuses addresses that are not public (localhost, a private network), so that a
# page cannot make Digest fetch from inside the network; tests serve pages on localhost.
SSRF_PROTECTION = True


@dataclass(frozen=True)
class Incoming:
    """An article to add: where it came from, the name it asks for, its bytes."""

    origin: str
    name: str
    data: bytes


@dataclass(frozen=True)
class Added:
    origin: str
    path: Path  # where the article is in the articles folder
    new: bool  # False: it was already there, nothing was written


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def gather(sources: Sequence[str], fetch=None) -> list[Incoming]:
    """Read every file and fetch every URL; all failures are reported together."""
    fetch = fetch or fetch_article
    incoming: list[Incoming] = []
    errors: list[str] = []
    for source in sources:
        try:
            incoming.append(fetch(source) if is_url(source) else read_file(Path(source)))
        except DigestError as exc:
            errors.append(str(exc))
    if errors:
        raise DigestError(
            "; ".join(errors), "nothing was added; fix or leave out the sources named above"
        )
    return incoming


def read_file(path: Path) -> Incoming:
    if path.is_dir():
        raise DigestError(f"{path}: is a folder; give its article files")
    if path.suffix.lower() not in SUFFIXES:
        kinds = ", ".join(SUFFIXES)
        raise DigestError(f"{path}: is not an article file ({kinds})")
    try:
        return Incoming(str(path), path.name, path.read_bytes())
    except OSError as exc:
        raise DigestError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def fetch_article(url: str) -> Incoming:
    """Download a web page and keep its main text and metadata as a Markdown article."""
    html = download(url, public_only=SSRF_PROTECTION)
    if not html:
        raise DigestError(f"{url}: could not be downloaded")
    return Incoming(url, name_for(url), page_article(html, url))


def page_article(html: str, url: str) -> bytes:
    """A web page as an article file: front matter (title, source, url, date) and main text.

    The page is read by `webpage.extract` (trafilatura), as ingest reads a saved page; the
    address is the one the article was fetched from.
    """
    page = extract(html)
    if page is None:
        raise DigestError(f"{url}: no article text found on the page")
    meta: dict[str, object] = {}
    if page.title:
        meta["title"] = page.title
    meta["source"] = page.source or _host(url)
    meta["url"] = url
    if page.date is not None:
        meta["date"] = page.date
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n\n{page.text}\n".encode()


def name_for(url: str) -> str:
    """A readable file name that is always the same for one address."""
    parts = urlsplit(url)
    tail = [p for p in unquote(parts.path).split("/") if p]
    readable = slugify(f"{_host(url)} {tail[-1] if tail else ''}")[:50].rstrip("-")
    return f"{readable}-{short_hash(url, 8)}.md"


def place(incoming: Sequence[Incoming], folder: Path) -> list[Added]:
    """Write each new article into `folder` under a free name; never overwrite a file."""
    folder.mkdir(parents=True, exist_ok=True)
    by_size: dict[int, list[Path]] = defaultdict(list)
    for path in discover(folder):
        by_size[path.stat().st_size].append(path)
    added: list[Added] = []
    for item in incoming:
        same = next((p for p in by_size[len(item.data)] if p.read_bytes() == item.data), None)
        if same is not None:
            added.append(Added(item.origin, same, new=False))
            continue
        target = _write_new(folder, item.name, item.data)
        by_size[len(item.data)].append(target)
        added.append(Added(item.origin, target, new=True))
    return added


def _write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write to a hidden temporary file, then link it under the first free name.

    A hard link fails if the name exists, so nothing is overwritten, and the article
    appears whole or not at all.
    """
    stem, suffix = Path(name).stem, Path(name).suffix
    fd, tmp = tempfile.mkstemp(prefix=".digest-add-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        for n in range(1, 10_000):
            target = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
            try:
                os.link(tmp, target)
                return target
            except FileExistsError:
                continue
        raise DigestError(f"{folder}: no free name for {name}")
    finally:
        Path(tmp).unlink(missing_ok=True)


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
