"""The house stays as drawn: no import cycle between vntrade's modules, none over 400 lines."""

from __future__ import annotations

from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parent.parent / "src" / "vntrade"


def test_no_module_imports_itself_round_a_cycle():
    graph = grimp.build_graph("vntrade")
    cycles = [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=imported, imported=module)
    ]
    assert cycles == []


def test_modules_stay_small():
    sizes = {
        str(path.relative_to(SRC)): len(path.read_text(encoding="utf-8").splitlines())
        for path in SRC.rglob("*.py")
    }
    assert {name: size for name, size in sizes.items() if size > 400} == {}
