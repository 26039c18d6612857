"""Cache: what the article stage made of each article file, so unchanged files are not redone.

An entry's key is a hash of the file's path and bytes and of the *fingerprint*: the source of
every generator module, its data files (stop words), and the versions of Python and of the
libraries the result depends on. So an edited article, a new stop-word list or a new release
of Digest or summa each miss, and nothing stale is ever served.

Entries live in one SQLite database, `.digest-cache/cache-1.sqlite` beside `mkdocs.yml` (git
ignores the folder; delete it to start over). A build writes its entries in one transaction,
so an interrupted build leaves the cache as it was. Each value is pickled and stored with its
CRC-32, which catches a damaged value: such an entry is ignored and recomputed, and a
database that cannot be read at all is moved aside and started afresh. A build never fails
because of its cache. The cache is trusted like the code (pickle): it is the user's own
folder, never shared or committed.

Besides the per-article entries, `memo` keeps per-story results that are pure functions of
their articles (keywords), keyed by the keys of those articles.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import pickle
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import yaml

from ..models import RankedArticle

FOLDER = ".digest-cache"
DATABASE = "cache-1.sqlite"  # the number changes with the layout
_LIBRARIES = ("summa", "numpy", "scipy", "PyYAML", "trafilatura", "charset-normalizer", "babel")
_BATCH = 500  # keys per SELECT (SQLite's limit on parameters is 999 on old builds)
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, crc INTEGER, value BLOB)",
    "CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, crc INTEGER, value BLOB)",
)
_TABLES = ("entries", "memo")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of everything besides an article that decides what Digest makes of it."""
    digest = hashlib.sha256(f"python {sys.version_info[:3]}".encode())
    package = resources.files("generator")
    for path in sorted(_files(package), key=lambda p: p[0]):
        name, data = path
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library} {version}\0".encode())
    # front matter is read by libyaml when PyYAML was built with it (front_matter.load_yaml)
    digest.update(f"libyaml {hasattr(yaml, 'CSafeLoader')}\0".encode())
    return digest.hexdigest()


def _files(package) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of the package's modules and data files, recursively."""
    stack = [(package, "")]
    while stack:
        folder, prefix = stack.pop()
        for item in folder.iterdir():
            name = f"{prefix}{item.name}"
            if item.is_dir() and item.name != "__pycache__":
                stack.append((item, name + "/"))
            elif item.is_file() and item.name.endswith((".py", ".txt")):
                yield name, item.read_bytes()


def article_key(path: str, raw: bytes) -> str:
    """The cache key of one article file: its path, its bytes and the fingerprint."""
    digest = hashlib.sha256(fingerprint().encode() + b"\0" + path.encode("utf-8") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


def memo_key(kind: str, keys: Iterable[str]) -> str:
    """The key of a result of `kind` computed from the articles with these keys, in order."""
    return hashlib.sha256("\0".join([fingerprint(), kind, *keys]).encode()).hexdigest()


def encode(value: Any) -> bytes:
    """Pickled, with a ranked article's terms as one string."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return out.getvalue()


def decode(blob: bytes) -> Any:
    """The value of a blob; raises ValueError for a damaged one."""
    try:
        return pickle.loads(blob)
    except Exception as exc:  # pickle errors, a class that moved…
        raise ValueError(f"damaged cache entry ({type(exc).__name__})") from exc


def _reduce_ranked(article: RankedArticle) -> tuple:
    state = dict(article.__dict__)
    terms = state.pop("terms")
    joined = " ".join(terms)
    if not all(terms) or joined.count(" ") != max(len(terms) - 1, 0):  # not one word each
        return copyreg.__newobj__, (RankedArticle,), article.__dict__
    return _ranked_article, (state, joined)


def _ranked_article(state: dict, terms: str) -> RankedArticle:
    """A RankedArticle from its fields and its terms as one string (a split is the fastest
    way back to a tuple of strings: unpickling them one by one took twice as long)."""
    article = object.__new__(RankedArticle)
    article.__dict__.update(state)
    article.__dict__["terms"] = tuple(terms.split(" ")) if terms else ()
    return article


_DISPATCH = {**copyreg.dispatch_table, RankedArticle: _reduce_ranked}


class Cache:
    """A key → value store in `folder`; every failure of its own reads as a miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db = self._open(folder / DATABASE)
        self._pending: dict[str, list[tuple[str, bytes]]] = {t: [] for t in _TABLES}
        self._used: dict[str, set[str]] = {t: set() for t in _TABLES}
        self._pruned = 0

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection | None:
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=30)
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute("SELECT count(*) FROM entries").fetchone()
                db.commit()
                return db
            except (sqlite3.DatabaseError, OSError):
                if attempt == 0 and path.is_file():
                    # not a database (damaged, or something else): keep it aside, start afresh
                    path.replace(path.with_name(path.name + ".damaged"))
        return None

    def get_many(self, keys: Sequence[str], table: str = "entries") -> dict[str, Any]:
        """The values found for `keys` (damaged entries left out, as misses)."""
        self._used[table].update(keys)
        found: dict[str, Any] = {}
        if self._db is None:
            return found
        collecting = gc.isenabled()
        gc.disable()  # many new objects that all live on: collecting them is wasted time
        try:
            for start in range(0, len(keys), _BATCH):
                batch = keys[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                try:
                    rows = self._db.execute(
                        f"SELECT key, crc, value FROM {table} WHERE key IN ({marks})", batch
                    ).fetchall()
                except sqlite3.DatabaseError:
                    return found
                for key, crc, blob in rows:
                    if not isinstance(blob, bytes) or zlib.crc32(blob) != crc:
                        continue  # damaged: a miss, recomputed and overwritten
                    try:
                        found[key] = decode(blob)
                    except ValueError:
                        continue
        finally:
            if collecting:
                gc.enable()
        return found

    def get(self, key: str, table: str = "entries") -> Any | None:
        return self.get_many([key], table).get(key)

    def put(self, key: str, blob: bytes, table: str = "entries") -> None:
        """Queue an encoded value (see `encode`); written by `commit`."""
        self._used[table].add(key)
        self._pending[table].append((key, blob))

    def commit(self) -> None:
        """Write the queued entries in one transaction and forget entries no longer used.

        Only the entries this build asked for are kept, so the cache holds one entry per
        current article (and per current story), however often articles change.
        """
        if self._db is None:
            return
        try:
            with self._db:
                for table in _TABLES:
                    self._db.executemany(
                        f"INSERT OR REPLACE INTO {table} (key, crc, value) VALUES (?, ?, ?)",
                        ((key, zlib.crc32(blob), blob) for key, blob in self._pending[table]),
                    )
                    self._prune(table)
            if self._pruned > sum(map(len, self._used.values())) // 4:
                self._db.execute("VACUUM")  # SQLite keeps freed pages; give them back
        except sqlite3.DatabaseError:
            pass
        for table in _TABLES:
            self._pending[table].clear()

    def _prune(self, table: str) -> None:
        used = self._used[table]
        (count,) = self._db.execute(f"SELECT count(*) FROM {table}").fetchone()
        self._pruned += max(count - len(used), 0)
        if count <= len(used):
            return
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM used")
        self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in used))
        self._db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM used)")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
