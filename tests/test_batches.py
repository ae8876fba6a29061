"""Merging is incremental and order-free: batches in any order give the agreements of one run."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from accords.service import ingest
from accords.store.sqlite import Store

from .conftest import DEV


def _docs() -> list[str]:
    return sorted(str(p) for p in (DEV / "docs").glob("*.txt"))


def _agreements(store: Store) -> set[tuple[str, tuple[str, ...]]]:
    """Each agreement as (id, the base names of its sources)."""
    out = set()
    for rec in store.records():
        out.add((rec["id"], tuple(sorted(Path(s["origin"]).name for s in rec["sources"]))))
    return out


@pytest.fixture(scope="module")
def one_run(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("one") / "s.db")
    ingest(_docs(), store)
    got = _agreements(store)
    records = {r["id"]: r for r in store.records()}
    store.close()
    return got, records


@pytest.mark.parametrize("order", list(itertools.permutations(range(3)))[::2])
def test_three_batches_in_any_order_give_the_same_agreements(tmp_path, one_run, order):
    docs = _docs()
    batches = [docs[0::3], docs[1::3], docs[2::3]]
    store = Store(tmp_path / "s.db")
    for i in order:
        ingest(batches[i], store)
    assert _agreements(store) == one_run[0]
    for rec in store.records():  # the records too, not only the grouping
        expected = dict(one_run[1][rec["id"]])
        assert json.dumps(rec, sort_keys=True) == json.dumps(expected, sort_keys=True)
    store.close()
