"""Ingest: read every article file under a folder into `Article`s (the only input I/O).

Front matter always wins; for bare scraped text the metadata the text itself shows is
inferred (see `infer`), and nothing is invented: unknown stays None.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..errors import DigestError
from ..models import Article, Problem
from ..slugs import article_id, short_hash
from .decode import clean_text, decode
from .front_matter import URL, front_matter_fields, split_front_matter
from .infer import infer
from .webpage import extract as extract_page

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MAX_FILE_BYTES = 50_000_000  # larger files are not read at all
MAX_BODY_CHARS = 50_000  # a longer text is cut at a line end, so the build stays fast
_MIN_LETTERS = 20
MIXED_LATIN_SHARE = 0.3  # an Arabic article with more Latin letters than this is "mixed"

# Letters of each script, as code point ranges (first, last), counted with numpy: a regex
# `findall` over a whole article built a list of every letter (a tenth of reading it).
_ARABIC_LETTERS = ((0x0621, 0x064A), (0x066E, 0x06D3), (0x06FA, 0x06FF), (0x0750, 0x077F),
                   (0xFB50, 0xFDFB), (0xFE70, 0xFEFC))  # fmt: skip
_LATIN_LETTERS = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F))


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def display(rel: str) -> str:
    """A file's relative path as it can be printed and stored (undecodable bytes escaped)."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def scan(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Article files under `folder`, recursively, in a stable order, and the files skipped.

    Hidden files and folders are skipped silently; links are not followed out of the folder;
    other files are named as problems so that no article is dropped unseen.
    """
    found, problems = _scan(folder)
    return [Path(path) for _, path in found], problems


def _scan(folder: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """`scan` as (path relative to `folder`, with forward slashes; path) pairs of strings:
    one directory listing per folder, no path objects (31,000 files took 1.5 s with them)."""
    found: list[tuple[str, str]] = []
    problems: list[Problem] = []
    root = folder.resolve()
    kinds = ", ".join(SUFFIXES)
    stack = [("", os.fspath(folder))]
    while stack:
        prefix, base = stack.pop()
        try:
            with os.scandir(base) as listing:
                entries = list(listing)
        except OSError:  # an unreadable folder is skipped, as os.walk does
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            if entry.is_symlink():
                target = Path(entry.path)
                if not target.resolve().is_relative_to(root):
                    problems.append(
                        Problem(display(rel), "is a link to outside the articles folder; skipped")
                    )
                    continue
                if target.is_dir():
                    problems.append(Problem(display(rel), "is a link to a folder; not followed"))
                    continue
            elif entry.is_dir():
                stack.append((rel + "/", entry.path))
                continue
            if _suffix(entry.name) in SUFFIXES and entry.is_file():
                found.append((rel, entry.path))
            elif _suffix(entry.name) in SUFFIXES:  # a FIFO, a socket, a link to nothing
                what = "a link to nothing" if entry.is_symlink() else "not a regular file"
                problems.append(Problem(display(rel), f"cannot be read ({what}); skipped"))
            else:
                problems.append(
                    Problem(display(rel), f"is not an article file ({kinds}); skipped")
                )
    found.sort()
    problems.sort(key=lambda p: p.path)
    return found, problems


def _suffix(name: str) -> str:
    """`Path(name).suffix.lower()`: from the last dot, unless the name starts or ends there."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def discover(folder: Path) -> list[Path]:
    """Article files under `folder`, recursively, in a stable order; hidden files skipped."""
    return scan(folder)[0]


def read_folder(folder: Path) -> IngestResult:
    """Read every article under `folder`; a bad file becomes a Problem, never an exception.

    Files are only ever read. Two files whose ids would be equal (`a.txt`, `a.md`) keep
    distinct ids: the first by path keeps the plain one, the others get a hash of their path.
    """
    files, problems = read_files(folder)
    articles: list[Article] = []
    for rel, raw in files:
        article, file_problems = parse(rel, raw)
        problems.extend(file_problems)
        if article is not None:
            articles.append(article)
    return IngestResult(tuple(unique_ids(articles)), tuple(problems))


def read_files(folder: Path) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """(relative path, bytes) of every article file under `folder` (see `scan`), and the
    problems met: files skipped by the scan, too big or unreadable."""
    if not folder.is_dir():
        raise DigestError(f"{folder}: articles folder not found")
    paths, problems = _scan(folder)
    files = []
    for name, path in paths:
        rel = display(name)
        raw, problem = read_bytes(path, rel)
        if raw is None:
            problems.append(problem)
        else:
            files.append((rel, raw))
    return files, problems


def read_bytes(path: str | Path, rel: str) -> tuple[bytes, None] | tuple[None, Problem]:
    """A file's bytes, or the problem that kept it from being read (too big, unreadable)."""
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                limit = _mb(MAX_FILE_BYTES)
                return None, Problem(rel, f"is {_mb(size)}, over the {limit} limit; skipped")
            return file.read(), None
    except OSError as exc:
        return None, Problem(rel, f"cannot be read ({exc.strerror or exc}); skipped")


def unique_ids(articles: list[Article]) -> list[Article]:
    """Articles (sorted by path) with distinct ids: later namesakes get a path hash."""
    seen: set[str] = set()
    out = []
    for article in articles:
        if article.id in seen:
            article = replace(article, id=f"{article.id}-{short_hash(article.path, 8)}")
        seen.add(article.id)
        out.append(article)
    return out


def parse(rel: str, raw: bytes) -> tuple[Article | None, list[Problem]]:
    """Turn one file's bytes into an Article (or None) and the problems found in it."""
    is_html = rel.lower().endswith(HTML_SUFFIXES)
    decoded = decode(raw, _declared_charset(raw) if is_html else None)
    if decoded.text is None:
        return None, [Problem(rel, f"{decoded.reason}; skipped")]
    if is_html:
        return _parse_html(rel, raw, decoded.text)
    meta, body, problems = split_front_matter(rel, decoded.text)
    if not body.strip():
        return None, [*problems, Problem(rel, "has no text; skipped")]
    body, long_problems = _bounded(rel, body)
    fields, field_problems = front_matter_fields(rel, meta)
    article = Article(
        id=article_id(rel),
        path=rel,
        body=body,
        content_hash=hashlib.sha256(raw).hexdigest(),
        **fields,
    )
    article, language_problems = _check_language(rel, article, "language" in fields)
    return infer(article), [*problems, *field_problems, *long_problems, *language_problems]


def _declared_charset(raw: bytes) -> str | None:
    """The charset a web page declares in its head (`<meta charset=…>`, http-equiv)."""
    match = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", raw[:4096], re.I)
    return match[1].decode("ascii") if match else None


def _parse_html(rel: str, raw: bytes, text: str) -> tuple[Article | None, list[Problem]]:
    page = extract_page(text)
    if page is None:
        return None, [Problem(rel, "is a web page without main text; skipped")]
    problems: list[Problem] = []
    url = page.url if page.url and URL.match(page.url) else None
    body, long_problems = _bounded(rel, clean_text(page.text))
    article = Article(
        id=article_id(rel),
        path=rel,
        body=body,
        title=page.title,
        source=page.source,
        url=url,
        date=page.date,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )
    article, language_problems = _check_language(rel, article, False)
    return infer(article), [*problems, *long_problems, *language_problems]


def _bounded(rel: str, body: str) -> tuple[str, list[Problem]]:
    """The body, cut at a line end (else a space) before MAX_BODY_CHARS when longer."""
    if len(body) <= MAX_BODY_CHARS:
        return body, []
    cut = body.rfind("\n", 0, MAX_BODY_CHARS)
    if cut < MAX_BODY_CHARS // 2:
        cut = body.rfind(" ", 0, MAX_BODY_CHARS)
    if cut < MAX_BODY_CHARS // 2:
        cut = MAX_BODY_CHARS
    message = (
        f"is very long ({len(body):,} characters); only its first {cut:,} are used"
    )
    return body[:cut], [Problem(rel, message)]


def _check_language(rel: str, article: Article, declared: bool) -> tuple[Article, list[Problem]]:
    """Warn about a text that is not Arabic, or mixes Arabic and Latin script."""
    if declared and article.language != "ar":
        return article, []
    codes = np.frombuffer(article.body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    arabic, latin = _letters(codes, _ARABIC_LETTERS), _letters(codes, _LATIN_LETTERS)
    if arabic + latin < _MIN_LETTERS:  # too little text to tell (it will have no sentences)
        return article, []
    if arabic == 0:
        problem = Problem(rel, "has no Arabic text (its letters are Latin); built as is")
        return (article if declared else replace(article, language="und")), [problem]
    if latin > MIXED_LATIN_SHARE * (arabic + latin):
        share = round(100 * latin / (arabic + latin))
        return article, [Problem(rel, f"mixes languages ({share}% of its letters are Latin)")]
    return article, []


def _letters(codes: np.ndarray, ranges: tuple[tuple[int, int], ...]) -> int:
    """How many of the code points fall in one of the (first, last) ranges."""
    return sum(int(np.count_nonzero((codes >= lo) & (codes <= hi))) for lo, hi in ranges)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
