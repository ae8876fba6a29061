"""Shared data files (capitals, leaders, organisations, page chrome), read by every stage."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def shared(name: str) -> Any:
    """A shared data file under accords/data, parsed."""
    text = (resources.files("accords.data") / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
