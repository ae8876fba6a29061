"""Shared fixtures: where ../shared is, the scorer, and a helper to run the CLI."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "dev"


def _needs_shared() -> None:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing ({SHARED}); the tests read the seeds and dev set from there")


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    _needs_shared()
    spec = importlib.util.spec_from_file_location("accords_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def seed_gold() -> list[dict]:
    _needs_shared()
    return [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    _needs_shared()
    return sorted(p for p in SEEDS.glob("*.txt"))
