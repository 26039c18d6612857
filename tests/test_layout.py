"""The house a newcomer reads: generator/ is the pipeline's stages in order, and imports run
one way, down the stages (no cycles).

The rule, for every import in generator/ (at module level or inside a function):
- the foundation (`models`, `errors`, `slugs`) imports only the foundation;
- `language/` (the Arabic the stages share) imports only the foundation;
- a stage package imports the foundation, `language/` and the stages before it, never a
  later stage, the runtime, the pipeline or the CLI;
- `runtime/` (cache, workers, progress, lock) imports only the foundation: it wraps the
  stages without knowing them;
- only `pipeline.py`, `cli.py` and the package's own `__init__`/`__main__` see everything.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("read", "text", "rank", "stories", "compare", "site")  # the pipeline's order
FOUNDATION = ("models", "errors", "slugs")
TOP = ("__init__", "__main__", "cli", "pipeline")


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name relative to it: `read.ingest`, `models`."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path) -> set[str]:
    """The package's modules `name` imports (relative or absolute, anywhere in the file)."""
    known = modules()
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "generator":
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                candidate = ".".join([*target, alias.name])
                found.add(candidate if candidate in known else ".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "generator":
                    found.add(".".join(alias.name.split(".")[1:]))
    return {m for m in found if m in known or m == ""} - {name}


def layer(name: str) -> tuple[str, int]:
    """(kind, order) of a module: kinds are foundation, language, stage, runtime, top."""
    head = name.split(".")[0]
    if head in FOUNDATION:
        return "foundation", 0
    if head == "language":
        return "language", 1
    if head in STAGES:
        return "stage", 2 + STAGES.index(head)
    if head == "runtime":
        return "runtime", 1
    return "top", 99


def allowed(importer: str, imported: str) -> bool:
    kind, order = layer(importer)
    its_kind, its_order = layer(imported)
    same_package = importer.split(".")[0] == imported.split(".")[0] and "." in importer
    if kind == "top":
        return True
    if its_kind == "top":
        return False
    if same_package or its_kind == "foundation":
        return True
    if kind in ("foundation", "runtime"):
        return False
    if kind == "language":
        return False
    return its_kind == "language" or (its_kind == "stage" and its_order < order)


def test_imports_run_down_the_stages() -> None:
    wrong = [
        f"{name} imports {imported}"
        for name, path in modules().items()
        for imported in sorted(imports_of(name, path))
        if imported and not allowed(name, imported)
    ]
    assert wrong == []


def test_no_import_cycles() -> None:
    graph = {name: imports_of(name, path) - {""} for name, path in modules().items()}
    # a package's __init__ only documents it; a module importing `pkg` means `pkg/__init__`
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle.extend([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*trail, nxt]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if state.get(name) is None and visit(name, [name]):
            break
    assert cycle == []


def test_every_module_imports_on_its_own_in_a_fresh_interpreter() -> None:
    """Each module imported first, on its own (`__main__` runs the CLI, so it is left out):
    a cycle between modules would fail here."""
    names = ["generator", *(f"generator.{m}" for m in modules() if m not in ("__init__", "__main__"))]
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] == 'generator']:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("package", ["language", *STAGES, "runtime"])
def test_each_package_says_what_it_does_in_the_pipeline(package: str) -> None:
    init = PACKAGE / package / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text("utf-8")))
    assert doc and len(doc.split()) >= 15, f"{init} needs a docstring"


def test_the_package_docstring_lists_the_stages_in_order() -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text("utf-8")))
    positions = [doc.find(f"{stage}/") for stage in STAGES]
    assert -1 not in positions and positions == sorted(positions), doc


def test_the_foundation_and_the_top_are_the_only_modules_beside_the_packages() -> None:
    loose = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert loose == sorted((*FOUNDATION, *TOP))
