"""The site's settings a newsroom chooses: its name and the home page, read from the MkDocs
configuration (`site_name`, and `extra: digest:`); defaults a newsroom would choose.

```yaml
site_name: موجز الأخبار
extra:
  digest:
    period_days: 7        # the home page's recent period, ending at the newest story
    top_stories: 10       # how many of the period's stories it ranks by importance
    biggest: 5            # the period's biggest stories, always among them
    latest: 20            # then the latest stories
    sources_weight: 1.0   # importance = (sources_weight × outlets
    articles_weight: 1.0  #   + articles_weight × log2(1 + articles))
    half_life_days: 3.0   #   × 0.5 ^ (days before the period's last day / half_life_days)
    sources_file: sources.yml   # outlet display names and home pages (optional)
```

Reading the file is this module's only I/O; a bad value is a named problem and its default
is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import yaml

SITE_NAME = "موجز الأخبار"


@dataclass(frozen=True)
class HomeSettings:
    """What the home page shows, and how it ranks the period's stories."""

    period_days: int = 7
    top_stories: int = 10
    biggest: int = 5
    latest: int = 20
    sources_weight: float = 1.0
    articles_weight: float = 1.0
    half_life_days: float = 3.0


@dataclass(frozen=True)
class SiteConfig:
    name: str = SITE_NAME
    home: HomeSettings = field(default_factory=HomeSettings)
    sources_file: str = "sources.yml"


class _Loader(yaml.SafeLoader):
    """MkDocs' tags (`!ENV`, `!!python/…`) read as nothing: only plain keys are needed here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_site_config(path: Path) -> tuple[SiteConfig, list[str]]:
    """The settings in the MkDocs configuration at `path` (defaults when it is missing), and
    the problems met, each naming its key."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return SiteConfig(), []  # MkDocs itself reports a missing or broken configuration
    return site_config(raw if isinstance(raw, dict) else {})


def site_config(raw: dict) -> tuple[SiteConfig, list[str]]:
    """The settings of a loaded MkDocs configuration (pure)."""
    problems: list[str] = []
    config = SiteConfig()
    name = raw.get("site_name")
    if isinstance(name, str) and name.strip():
        config = replace(config, name=" ".join(name.split()))
    extra = raw.get("extra") or {}
    digest = extra.get("digest") if isinstance(extra, dict) else None
    if digest is None:
        return config, problems
    if not isinstance(digest, dict):
        return config, ["extra.digest is not a mapping of settings; defaults used"]
    home = HomeSettings()
    known = {f.name: f for f in fields(HomeSettings)}
    for key, value in sorted(digest.items(), key=lambda kv: str(kv[0])):
        if key == "sources_file":
            if isinstance(value, str) and value.strip():
                config = replace(config, sources_file=value.strip())
            else:
                problems.append("extra.digest.sources_file is not a file name; ignored")
        elif key in known:
            default = getattr(home, key)
            ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
            if isinstance(default, int) and not isinstance(value, int):
                ok = False
            if key in ("period_days", "half_life_days") and ok and value <= 0:
                ok = False
            if ok:
                home = replace(home, **{key: type(default)(value)})
            else:
                kind = "whole number" if isinstance(default, int) else "number"
                least = "above zero" if key in ("period_days", "half_life_days") else "0 or more"
                problems.append(
                    f"extra.digest.{key} is not a {kind} {least} ({value!r}); {default} used"
                )
        else:
            problems.append(f"extra.digest.{key} is not a Digest setting; ignored")
    return replace(config, home=home), problems
