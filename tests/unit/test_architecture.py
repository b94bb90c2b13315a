"""The shape of widgets/ that ARCHITECTURE.md promises: small modules, each with one job named
in its docstring, and no import cycle between them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "widgets"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_LINES = 300


def name_of(path: Path) -> str:
    """A module's dotted name inside the package: `_load`, `exports.qti`, `exports` (its __init__)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


NAMES = {name_of(path) for path in MODULES}


def imports_within(path: Path) -> set[str]:
    """The package's own modules that `path` imports, at the top or inside a function."""
    package = path.parent.relative_to(PACKAGE).parts  # what `from .` means in this file
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            source = ".".join([*base, *(node.module.split(".") if node.module else [])]) or "__init__"
            # `from .x import a`: a module of package x, or a name from module (or package) x
            names = [f"{source}.{alias.name}".removeprefix("__init__.") for alias in node.names]
            found.update(name if name in NAMES else source for name in names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("widgets."):
            found.add(node.module.removeprefix("widgets."))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("widgets.") for a in node.names if a.name.startswith("widgets."))
    return {name for name in found if name in NAMES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the path that closes it (depth-first, three colours)."""
    found, state, path = [], {}, []

    def visit(module: str) -> None:
        state[module] = "open"
        path.append(module)
        for other in sorted(graph.get(module, ())):
            if state.get(other) == "open":
                found.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other)
        path.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_module_is_small_and_says_its_job(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name_of(path)}: {lines} lines; split it by job"
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split("\n\n")[0]) >= 30, f"{name_of(path)}: say its job in its docstring"


def test_no_module_imports_itself_back():
    graph = {name_of(path): imports_within(path) - {name_of(path)} for path in MODULES}
    assert graph["sphinx_ext"] >= {"_ext_checks", "_ext_assets", "_ext_theme", "_ext_learning"}, "the walk sees imports"
    assert graph["exports.scorm"] >= {"_load", "exports.book", "exports.package"}, "the walk sees relative imports"
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_kernel_side_does_not_load_the_build_s_tools():
    """A notebook's `import widgets` needs neither Sphinx nor the CSS minifier nor vl-convert."""
    import subprocess
    import sys

    code = (
        "import sys, widgets; widgets.show; "
        "print(sorted(m for m in ('sphinx', 'rcssmin', 'vl_convert') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent)
    assert out.stdout.strip() == "[]"
