"""Build: run MkDocs on the docs folder into the output folder, all or nothing.

MkDocs builds into a temporary folder beside the output; only a build that succeeded (in
strict mode: a broken link fails it) replaces the previous site, so a failed build never
leaves a half-written site behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import BuildError, ConfigError


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# A file written into the built site: its bytes, or a function of the site's URL (a feed
# needs absolute links) giving them.
ExtraFile = bytes | Callable[[str], bytes]


def mkdocs_build(
    config_file: Path, docs_dir: Path, out_dir: Path, extra_files: dict[str, ExtraFile]
) -> None:
    """Build the site with MkDocs in strict mode; write `extra_files` into it; swap it in."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    from mkdocs.exceptions import BuildError as MkDocsBuildError

    if not config_file.is_file():
        raise ConfigError(
            f"{config_file}: MkDocs configuration not found", "run digest from the project folder"
        )
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-building-", dir=out_dir.parent))
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        try:
            config = load_config(
                config_file=str(config_file),
                docs_dir=str(docs_dir.resolve()),
                site_dir=str(staging),
                strict=True,
            )
        except ConfigurationError as exc:
            raise ConfigError(f"{config_file}: {exc}") from exc
        try:
            build(config)
        except (Abort, MkDocsBuildError) as exc:
            details = "; ".join(collect.messages[:5]) or str(exc)
            raise BuildError(f"MkDocs build failed: {details}") from exc
        for name, data in extra_files.items():
            target = staging / name
            if target.exists():  # a generated page wins over an extra file
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data(config.site_url or "/") if callable(data) else data)
        _swap(staging, out_dir)
    finally:
        logger.removeHandler(collect)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def remove_stale_builds(out_dir: Path) -> int:
    """Remove the half-built and old sites a killed build left beside `out_dir`; call only
    while holding the build lock (no build can be running then)."""
    out_dir = out_dir.resolve()
    stale = [
        *out_dir.parent.glob(f".{out_dir.name}-building-*"),
        *out_dir.parent.glob(f".{out_dir.name}-old-*"),
    ]
    for folder in sorted(stale):
        shutil.rmtree(folder, ignore_errors=True)
    return len(stale)


def _swap(new: Path, target: Path) -> None:
    """Replace `target` with `new` using renames; the old site is removed only afterwards."""
    os.chmod(new, 0o755)
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        os.replace(target, old)
        os.replace(new, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, target)


def gh_deploy(
    config_file: Path,
    site_dir: Path,
    *,
    remote_name: str | None = None,
    remote_branch: str | None = None,
    message: str | None = None,
    force: bool = False,
) -> None:
    """Publish a built site folder with `mkdocs gh-deploy` (to the gh-pages branch).

    The site is the one `mkdocs_build` made, so it carries the extra files (feed,
    digest.json) that a plain `mkdocs gh-deploy` build would not.
    """
    from mkdocs.commands.gh_deploy import gh_deploy as mkdocs_gh_deploy
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    overrides = {"remote_name": remote_name, "remote_branch": remote_branch}
    try:
        config = load_config(
            config_file=str(config_file),
            site_dir=str(site_dir.resolve()),
            **{k: v for k, v in overrides.items() if v},
        )
    except ConfigurationError as exc:
        raise ConfigError(f"{config_file}: {exc}") from exc
    try:
        mkdocs_gh_deploy(config, message=message, force=force, ignore_version=True)
    except Abort as exc:
        raise BuildError(
            f"deploying to the {config.remote_branch!r} branch of {config.remote_name!r} failed",
            "check that the remote exists and you may push to it (git remote -v)",
        ) from exc
