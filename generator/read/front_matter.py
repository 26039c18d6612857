"""Front matter: the YAML block at the top of an article, and the fields Digest reads from it.

Fields: `title`, `source`, `url` (only http(s)), `date`, `language`; each always wins over
what is inferred from the text. Other keys are allowed and ignored. Broken front matter is a
Problem; the article's text is never lost because of it. A value YAML parses but cannot
construct (an impossible date such as `2021-02-30`, a number of thousands of digits, an
unknown or unsafe tag) costs only its own field: the other fields are read.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

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
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        if not looks_like_fields:
            return {}, text, []
        reason = _first_line(exc)
        return {}, rest, [Problem(rel, f"front matter is not valid YAML ({reason}); ignored")]
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
    PyYAML's own. A value of a mapping that cannot be constructed becomes `Unreadable`; a
    header nested too deeply to parse raises RecursionError."""
    if _FAST_LOADER is not None:
        try:
            return yaml.load(header, Loader=_FAST_LOADER)  # a safe loader: plain data only
        except yaml.YAMLError:
            pass
    return yaml.load(header, Loader=_SafeLoader)


@dataclass(frozen=True)
class Unreadable:
    """A value YAML parsed but could not construct: its text as written, and why."""

    text: str
    reason: str


class _Tolerant:
    """SafeConstructor's mappings, each value constructed on its own: one that raises (an
    impossible date, an int of too many digits, an unknown tag) becomes `Unreadable`
    instead of failing the whole header."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)  # type: ignore[misc]
        self.flatten_mapping(node)  # type: ignore[attr-defined]
        mapping: dict = {}
        for key_node, value_node in node.value:
            key = self._construct_or_unreadable(key_node)
            try:
                hash(key)
            except TypeError:
                continue  # a list or mapping as a key: not a field name
            mapping[key] = self._construct_or_unreadable(value_node)
        return mapping

    def _construct_or_unreadable(self, node: yaml.Node) -> object:
        in_progress = set(self.recursive_objects)  # type: ignore[attr-defined]
        try:
            return self.construct_object(node, deep=True)  # type: ignore[attr-defined]
        except Exception as exc:  # whatever a constructor raises, for this value only
            for left in set(self.recursive_objects) - in_progress:  # type: ignore[attr-defined]
                del self.recursive_objects[left]  # type: ignore[attr-defined]
            text = node.value if isinstance(node.value, str) else node.tag
            return Unreadable(text[:200], _first_line(exc))


class _SafeLoader(_Tolerant, yaml.SafeLoader):
    pass


_CSafeLoader = getattr(yaml, "CSafeLoader", None)
_FAST_LOADER = type("_FastLoader", (_Tolerant, _CSafeLoader), {}) if _CSafeLoader else None


def _first_line(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    lines = str(exc).strip().splitlines()
    text = lines[0].split("; ")[0] if lines else type(exc).__name__
    return text if len(text) <= 100 else text[:100] + "…"


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
        if isinstance(value, Unreadable):
            shown = _shown(value.text)
            problems.append(Problem(rel, f"{key} {shown} cannot be read ({value.reason}); ignored"))
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            problems.append(Problem(rel, f"{key} is not a text; ignored"))
            continue
        value = str(value)
        if key == "title":  # scrapers keep a headline's HTML entities (`&quot;`, `&#8220;`)
            value = html.unescape(value)
        value = " ".join(clean_text(value).split())
        if key == "url":
            if URL.match(value):
                fields["url"] = value
            else:
                shown = _shown(value, limit=80)
                problems.append(Problem(rel, f"url {shown} is not an http(s) address; ignored"))
        elif value:
            fields[key] = value
    if "date" in meta and meta["date"] is not None:
        value = meta["date"]
        date = parse_date(value) if isinstance(value, str | int | dt.date) else None
        if date is None:
            written = value.text if isinstance(value, Unreadable) else value
            shown = _shown(written) if isinstance(written, str | dt.date) else f"({_kind(written)})"
            problems.append(Problem(rel, f"date {shown} is not a date; ignored"))
        else:
            fields["date"] = date
            time = parse_time(value)  # a date-time gives the time of day too (issue 19)
            if time is not None:
                fields["time"] = time
    return fields, problems


def _shown(value: object, limit: int = 40) -> str:
    """A value as a warning quotes it: short, whatever its size."""
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _kind(value: object) -> str:
    """What a value is, in a few words (never its whole text: it may be huge)."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a number"
    return {list: "a list", dict: "fields"}.get(type(value), type(value).__name__)
