"""The house's import rules that import-linter does not check: imports sit at the top of a module.

An import inside a function hides a dependency from the reader and from the layer contracts'
first glance, and usually dodges an import loop that should be cut instead. The one exception is
a heavy optional library loaded on first use, with a comment saying why.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"
# Libraries worth loading on first use: each costs every worker megabytes most requests never use.
LAZY_LIBRARIES = {"openpyxl", "zxcvbn", "rjieba", "pypinyin"}


def _function_imports(path: Path):
    """(line, top-level module) of every import inside a function of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    yield from ((inner.lineno, a.name.split(".")[0]) for a in inner.names)
                elif isinstance(inner, ast.ImportFrom):
                    yield inner.lineno, (inner.module or "").split(".")[0] or "."


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_inside_functions_only_load_heavy_libraries_lazily(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, module in _function_imports(path):
        assert module in LAZY_LIBRARIES, f"{path.name}:{lineno} imports {module} in a function"
        above = lines[lineno - 2].strip()
        # The comment may stand above a group of such imports.
        group = [line.strip() for line in lines[max(0, lineno - 4) : lineno - 1]]
        assert above.startswith("#") or any(g.startswith("#") for g in group), (
            f"{path.name}:{lineno}: say in a comment why {module} is loaded on first use"
        )


def test_the_check_finds_an_import_inside_a_function(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from tracker import models\n    return models\n")
    assert list(_function_imports(module)) == [(2, "tracker")]
