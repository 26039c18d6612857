"""The GitHub Pages workflow, validated against GitHub's workflow schema (offline)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("check-jsonschema")
    if not tool.exists():
        found = shutil.which("check-jsonschema")
        if found is None:
            pytest.fail("check-jsonschema is not installed: pip install -e '.[test]'")
        tool = Path(found)
    return subprocess.run(
        [str(tool), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_workflow_is_valid_for_github() -> None:
    result = check_jsonschema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    del broken["jobs"]["build"]["runs-on"]
    broken["jobs"]["deploy"]["needs"] = 3
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    assert check_jsonschema(path).returncode != 0


def test_workflow_builds_with_digest_and_deploys_with_pages_actions() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert "workflow_dispatch" in triggers
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in build]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    run = next(s for s in build if s.get("run", "").startswith("digest build"))
    assert run["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
