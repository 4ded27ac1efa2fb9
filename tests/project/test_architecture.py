"""The shape of the product (docs/architecture.md): rooms import only downward, no module takes part in an import
circle, edge modules stay small, the product never reaches into tests/ or bench/, and nothing reaches outside the
project at run or test time."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PRODUCT = PYPROJECT["tool"]["importlinter"]["root_packages"]
NOT_SHIPPED = ("tests", "bench")
MAX_HANDLER_LINES = 300


def product_files() -> Iterator[Path]:
    for room in PRODUCT:
        yield from sorted((ROOT / room).rglob("*.py"))


def test_the_product_is_the_wheel() -> None:
    assert sorted(PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]) == sorted(PRODUCT)
    assert not set(NOT_SHIPPED) & set(PRODUCT)


def test_import_contracts_hold() -> None:
    contracts = len(PYPROJECT["tool"]["importlinter"]["contracts"])
    lint_imports = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"Contracts: {contracts} kept, 0 broken." in proc.stdout


def test_every_subject_of_the_models_is_in_the_contract() -> None:
    # The storage contract is exhaustive only one level down; a new model module must join its subjects' list.
    subjects = {f"storage.models.{p.stem}" for p in (ROOT / "storage" / "models").glob("*.py")}
    contract = next(c for c in PYPROJECT["tool"]["importlinter"]["contracts"] if c["name"].startswith("storage.models"))
    assert set(contract["modules"]) == subjects - {"storage.models.__init__", "storage.models.base"}


def import_circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively: every group of modules that import each other."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in edges[node]:
                    circles.append(sorted(group))
    return circles


def test_import_circles_are_found() -> None:
    graph = grimp.ImportGraph()
    for a, b in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d"), ("p.e", "p.e")):
        graph.add_import(importer=a, imported=b)
    assert import_circles(graph) == [["p.a", "p.b", "p.c"], ["p.e"]]


def test_no_import_circle_inside_the_product() -> None:
    # grimp reads every import statement, at module level, inside functions and under TYPE_CHECKING alike.
    graph = grimp.build_graph(*PRODUCT, cache_dir=None)
    report = []
    for group in import_circles(graph):
        members = set(group)
        report.append(" <-> ".join(group))
        for importer in group:
            for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
                lines = [d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)]
                report.append(f"    {importer} -> {imported} (line {', '.join(map(str, lines))})")
    assert report == [], "import circles:\n" + "\n".join(report)


def test_no_handlers_module_is_over_300_lines() -> None:
    long = {}
    for path in sorted((ROOT / "handlers").rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_HANDLER_LINES:
            long[str(path.relative_to(ROOT))] = lines
    assert long == {}


def reaches_outside(path: Path) -> list[str]:
    """Imports of tests/ or bench/, and strings naming them as a path or a module (docstrings may mention them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in NOT_SHIPPED]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in NOT_SHIPPED:
                found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
            if any(text == d or f"{d}/" in text or text.startswith(f"{d}.") for d in NOT_SHIPPED):
                found.append(f"line {node.lineno}: {text[:60]!r}")
    return found


def test_reaching_outside_is_seen(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""See tests/eval."""\nimport bench.kb_eval\nQ = ROOT / "tests" / "eval"\nP = "tests/eval/q.yaml"\n'
    )
    assert sorted(reaches_outside(sample)) == ["import bench.kb_eval", "line 3: 'tests'", "line 4: 'tests/eval/q.yaml'"]


def test_the_product_never_reads_tests_or_bench() -> None:
    # Neither folder is in the wheel: a product module that reads one works in the checkout and breaks when installed.
    offenders = {str(p.relative_to(ROOT)): found for p in product_files() if (found := reaches_outside(p))}
    assert offenders == {}


SHARED = "../" + "shared"  # spelled apart so this guard does not find itself


def test_no_code_reads_the_shared_folder() -> None:
    offenders = []
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.parts or "fixtures" in path.parts:
            continue
        if SHARED in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
