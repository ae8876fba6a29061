"""Every key a language pack may hold is documented for contributors (docs/lang-template.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accords.lang.pack import SCHEMA

DOC = (Path(__file__).resolve().parents[2] / "docs" / "lang-template.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("file, key", [(f, k) for f, keys in SCHEMA.items() for k in keys])
def test_every_pack_key_is_documented(file, key):
    assert file in DOC, f"{file} is not described in docs/lang-template.md"
    assert re.search(rf"\b{key}\b", DOC), f"{file}: {key} is not described in docs/lang-template.md"
