"""Each stage uses only what stands below it (DESIGN.md: one direction, one stage a module)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "accords"


def _imports(path: Path) -> set[str]:
    """Every accords module a file imports, at the top or inside a function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("accords"):
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("accords"))
    return out


@pytest.mark.parametrize("path", sorted((SRC / "extract").glob("*.py")), ids=lambda p: p.name)
def test_extraction_does_not_reach_back_into_ingest(path):
    assert not {m for m in _imports(path) if m.startswith(("accords.ingest", "accords.merge", "accords.store"))}


@pytest.mark.parametrize("path", sorted((SRC / "text").glob("*.py")), ids=lambda p: p.name)
def test_text_tools_stand_below_every_stage(path):
    assert {m for m in _imports(path) if not m.startswith("accords.text")} == set()


def test_knowledge_and_the_lexicon_do_not_import_each_other():
    knowledge = _imports(SRC / "knowledge.py")
    lexicon = _imports(SRC / "lang" / "lexicon.py")
    assert not ("accords.lang.lexicon" in knowledge and "accords.knowledge" in lexicon)
