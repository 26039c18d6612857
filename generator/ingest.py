"""Ingest: read every article file under a folder into `Article`s (the only input I/O).

Front matter always wins; for bare scraped text the metadata the text itself shows is
inferred (see `infer`), and nothing is invented: unknown stays None.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import frontmatter
import yaml

from .clean import BYLINE, is_boilerplate
from .dates import find_dateline, parse_date
from .models import Article, Problem
from .slugs import article_id

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
FIELDS = ("title", "source", "url", "date", "language")


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def discover(folder: Path) -> list[Path]:
    """Article files under `folder`, recursively, in a stable order; hidden files skipped."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_folder(folder: Path) -> IngestResult:
    """Read every article under `folder`; a bad file becomes a Problem, never an exception."""
    if not folder.is_dir():
        from .errors import DigestError

        raise DigestError(f"{folder}: articles folder not found")
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in discover(folder):
        rel = path.relative_to(folder).as_posix()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(rel, f"cannot be read ({exc.strerror})"))
            continue
        article, file_problems = parse(rel, raw)
        problems.extend(file_problems)
        if article is not None:
            articles.append(article)
    return IngestResult(tuple(articles), tuple(problems))


def parse(rel: str, raw: bytes) -> tuple[Article | None, list[Problem]]:
    """Turn one file's bytes into an Article (or None) and the problems found in it."""
    problems: list[Problem] = []
    if b"\x00" in raw:
        return None, [Problem(rel, "is not UTF-8 text (it has NUL bytes); skipped")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(rel, "is not UTF-8 text; skipped")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, object] = {}
    body = text
    if text.lstrip("\ufeff").startswith("---"):
        try:
            post = frontmatter.loads(text)
        except (yaml.YAMLError, ValueError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            problems.append(Problem(rel, f"front matter is not valid YAML ({first}); skipped"))
            return None, problems
        meta = dict(post.metadata)
        body = post.content
    if not body.strip():
        return None, [*problems, Problem(rel, "has no text; skipped")]
    fields, field_problems = _front_matter_fields(rel, meta)
    problems.extend(field_problems)
    article = Article(
        id=article_id(rel),
        path=rel,
        body=body,
        content_hash=hashlib.sha256(raw).hexdigest(),
        **fields,
    )
    return infer(article), problems


def _front_matter_fields(rel: str, meta: dict[str, object]) -> tuple[dict, list[Problem]]:
    fields: dict[str, object] = {}
    problems: list[Problem] = []
    for key in ("title", "source", "language"):
        value = meta.get(key)
        if value is not None and str(value).strip():
            fields[key] = " ".join(str(value).split())
    url = meta.get("url")
    if url is not None:
        url = str(url).strip()
        if re.match(r"^https?://[^\s<>\"']+$", url):
            fields["url"] = url
        else:
            problems.append(Problem(rel, f"url {url!r} is not an http(s) address; ignored"))
    if "date" in meta and meta["date"] is not None:
        date = parse_date(meta["date"])
        if date is None:
            problems.append(Problem(rel, f"date {meta['date']!r} is not a date; ignored"))
        else:
            fields["date"] = date
    return fields, problems


# --- inference for bare scraped text -------------------------------------------------------

_TITLE_SOURCE = re.compile(r"^(?P<title>.+\S)\s+[-–—|]\s+(?P<source>[^-–—|]{2,40})$")
_END_PUNCT = tuple('.!?؟…:؛,،"”»)')
_MAX_TITLE_WORDS = 25
_MAX_SIGNATURE_WORDS = 3


def infer(article: Article) -> Article:
    """Fill in title, source, byline and date from what the text shows; front matter wins."""
    lines = [line.strip() for line in article.body.split("\n")]
    nonblank = [line for line in lines if line]
    if not nonblank:
        return article
    title, source, byline, date = article.title, article.source, article.byline, article.date

    first = nonblank[0]
    if _is_headline(first):
        match = _TITLE_SOURCE.match(first)
        inferred_source = None
        if match and len(match["source"].split()) <= 4:
            first_title, inferred_source = match["title"].strip(), match["source"].strip()
        else:
            first_title = first
        title = title or first_title
        source = source or inferred_source

    for line in nonblank[:4]:
        m = BYLINE.match(line)
        if m:
            byline = byline or m["name"].strip()
            break

    last = nonblank[-1]
    if _is_signature(last, nonblank):
        source = source or last

    dateline = find_dateline(nonblank[:6])
    if dateline is not None:
        line_source, line_date = dateline
        date = date or line_date
        if line_source and source is None and _mentions_line_start(nonblank, line_source):
            source = line_source

    return replace(article, title=title, source=source, byline=byline, date=date)


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and not line.endswith(_END_PUNCT)


def _is_signature(line: str, nonblank: list[str]) -> bool:
    """A last line of one to three words with no punctuation: the outlet's signature."""
    if len(nonblank) < 3:
        return False
    words = line.split()
    if not 0 < len(words) <= _MAX_SIGNATURE_WORDS or re.search(r"[\d.!?؟:،,؛\"“”«»()]", line):
        return False
    return not _is_boilerplate_name(line)


def _is_boilerplate_name(line: str) -> bool:
    return is_boilerplate(line)


def _mentions_line_start(nonblank: list[str], name: str) -> bool:
    return any(line.startswith(name) for line in nonblank[:6])


def iter_dates(articles: tuple[Article, ...]) -> Iterator[dt.date]:
    return (a.date for a in articles if a.date)
