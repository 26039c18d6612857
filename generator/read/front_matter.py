"""Front matter: the YAML block at the top of an article, and the fields Digest reads from it.

Fields: `title`, `source`, `url` (only http(s)), `date`, `language`; each always wins over
what is inferred from the text. Other keys are allowed and ignored. Broken front matter is a
Problem; the article's text is never lost because of it.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ..language.dates import parse_date, parse_time
from ..models import Problem
from .decode import clean_text

FIELDS = ("title", "source", "url", "date", "language")
URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def split_front_matter(rel: str, text: str) -> tuple[dict[str, object], str, list[Problem]]:
    """(fields, body, problems) of a text starting with `---`.

    A block between two `---` lines is front matter when it holds `key: value` fields or
    starts like them; otherwise (prose between two rules) it is part of the text. Broken
    front matter is reported and its fields ignored; the text after it is still the article.
    """
    if not text.startswith("---"):
        return {}, text, []
    match = re.match(r"-{3,}[ \t]*\n(.*?)^-{3,}[ \t]*$\n?", text, re.DOTALL | re.MULTILINE)
    opening = re.match(r"-{3,}[ \t]*\n\s*[A-Za-z_][\w-]*\s*:", text)  # `---` then `title: …`
    if not match:
        problem = Problem(rel, "front matter has no closing `---` line; read as text")
        return {}, text, [problem] if opening else []
    header, rest = match[1], text[match.end() :]
    looks_like_fields = bool(opening) and opening.end() <= len(match[0])
    try:
        loaded = load_yaml(header)
    except yaml.YAMLError as exc:
        if not looks_like_fields:
            return {}, text, []
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {}, rest, [Problem(rel, f"front matter is not valid YAML ({first}); ignored")]
    if isinstance(loaded, dict) and (looks_like_fields or any(map(_is_key, loaded))):
        return {str(k): v for k, v in loaded.items()}, rest, []
    if loaded is None:
        return {}, rest, []
    if isinstance(loaded, list) or looks_like_fields:
        return {}, rest, [Problem(rel, "front matter is not `key: value` fields; ignored")]
    return {}, text, []


def load_yaml(header: str) -> object:
    """`yaml.safe_load`, through libyaml where PyYAML has it (20 times faster: the pure-Python
    parser was a third of reading a news article). A header libyaml refuses is parsed again
    by the pure-Python parser, so what is accepted, and the message of what is not, stays
    PyYAML's own."""
    if _FAST_LOADER is not None:
        try:
            return yaml.load(header, Loader=_FAST_LOADER)  # a safe loader: plain data only
        except yaml.YAMLError:
            pass
    return yaml.safe_load(header)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _is_key(key: object) -> bool:
    """A front-matter key (`title`, `tags`…), not the start of a sentence with a colon."""
    return isinstance(key, str) and bool(re.fullmatch(r"[A-Za-z_][\w-]*", key))


def front_matter_fields(rel: str, meta: dict[str, object]) -> tuple[dict, list[Problem]]:
    fields: dict[str, object] = {}
    problems: list[Problem] = []
    for key in ("title", "source", "language", "url"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            problems.append(Problem(rel, f"{key} is not a text; ignored"))
            continue
        value = " ".join(clean_text(str(value)).split())
        if key == "url":
            if URL.match(value):
                fields["url"] = value
            else:
                shown = value if len(value) <= 80 else value[:80] + "…"
                problems.append(Problem(rel, f"url {shown!r} is not an http(s) address; ignored"))
        elif value:
            fields[key] = value
    if "date" in meta and meta["date"] is not None:
        value = meta["date"]
        date = parse_date(value) if isinstance(value, str | int | dt.date) else None
        if date is None:
            problems.append(Problem(rel, f"date {str(value)[:40]!r} is not a date; ignored"))
        else:
            fields["date"] = date
            time = parse_time(value)  # a date-time gives the time of day too (issue 19)
            if time is not None:
                fields["time"] = time
    return fields, problems
