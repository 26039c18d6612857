"""The sources file: an outlet's display name and home page, used on every page.

`sources.yml` (optional, beside mkdocs.yml; `extra.digest.sources_file` names another)
maps an outlet, as its articles name it or by its id (the last part of its page's address),
to what readers see:

```yaml
alarabiya:
  name: العربية
  url: https://www.alarabiya.net/
skynews: سكاي نيوز عربية      # a name alone
```

An outlet's id, and so its page's address, stays the one its articles give: naming it does
not move a URL. Reading the file is the I/O here; applying it (`named`) is pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..models import RankedArticle, Story
from ..read.front_matter import URL
from ..slugs import slugify


@dataclass(frozen=True)
class Outlet:
    name: str | None = None
    url: str | None = None  # the outlet's home page (http or https)


def load_outlets(path: Path) -> tuple[dict[str, Outlet], list[str]]:
    """{outlet id: Outlet} from the sources file at `path` (none if it does not exist), and
    the problems met, each naming the file and the entry."""
    if not path.exists():
        return {}, []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {}, [f"{path.name}: cannot be read ({first}); outlets keep their own names"]
    return outlets_of(raw, path.name)


def outlets_of(raw: object, name: str = "sources.yml") -> tuple[dict[str, Outlet], list[str]]:
    """The outlets of a loaded sources file (pure)."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [f"{name}: is not a mapping of outlets; ignored"]
    out: dict[str, Outlet] = {}
    problems: list[str] = []
    for key, value in sorted(raw.items(), key=lambda kv: str(kv[0])):
        outlet = _outlet(value)
        if outlet is None:
            problems.append(f"{name}: {key}: is not a name or `name:`/`url:` fields; ignored")
            continue
        if isinstance(value, dict) and value.get("url") and outlet.url is None:
            problems.append(f"{name}: {key}: url is not an http(s) address; ignored")
        out[slugify(str(key))] = outlet
    return out, problems


def _outlet(value: object) -> Outlet | None:
    if isinstance(value, str) and value.strip():
        return Outlet(name=" ".join(value.split()))
    if not isinstance(value, dict):
        return None
    name, url = value.get("name"), value.get("url")
    name = " ".join(name.split()) if isinstance(name, str) and name.strip() else None
    url = url.strip() if isinstance(url, str) and URL.match(url.strip()) else None
    return Outlet(name, url)


def named(stories: Sequence[Story], outlets: Mapping[str, Outlet]) -> list[Story]:
    """The stories with every article's outlet shown by its name in the sources file (its
    comparison's outlets too); stories without such an outlet are returned as they are."""
    if not any(o.name for o in outlets.values()):
        return list(stories)
    return [_named(story, outlets) for story in stories]


def _named(story: Story, outlets: Mapping[str, Outlet]) -> Story:
    def article(a: RankedArticle) -> RankedArticle:
        name = _name(a.article.source, outlets)
        if name is None:
            return a
        return replace(a, clean=replace(a.clean, article=replace(a.article, outlet_name=name)))

    duplicates = tuple(replace(d, copy=article(d.copy)) for d in story.duplicates)
    renamed = replace(
        story, articles=tuple(article(a) for a in story.articles), duplicates=duplicates
    )
    comparison = story.comparison
    if comparison is not None:
        reporters = tuple(
            replace(r, name=outlets[r.source_id].name)
            if r.known and r.source_id in outlets and outlets[r.source_id].name
            else r
            for r in comparison.reporters
        )
        renamed = replace(renamed, comparison=replace(comparison, reporters=reporters))
    return renamed


def _name(source: str | None, outlets: Mapping[str, Outlet]) -> str | None:
    if not source:
        return None
    outlet = outlets.get(slugify(source))
    return outlet.name if outlet else None
