"""Property tests: any bytes or Unicode text is read without an exception, ingested into a store
that `check` finds whole, and ingesting it again changes nothing."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accords.check import check
from accords.errors import InputError
from accords.ingest.decode import decode
from accords.ingest.read import RawInput, Refused, read_inputs
from accords.limits import Limits
from accords.service import ingest
from accords.store.sqlite import Store
from accords.text.normalize import fold, fold_str

SIGNING = ["Japan", "and", "Kenya", "signed", "a", "memorandum", "of", "understanding", "on", "energy", "treaty",
           "Minister", "3 March 2025", "Nairobi", ".", ",", "\n", "\"", "\u200d", "\u202e", "\u0430", "وقعت",
           "مذكرة تفاهم", "Россия", "подписали", "\ufeff", "\r\n"]
texts = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(st.sampled_from(SIGNING), st.text(max_size=4)), max_size=60).map(" ".join))
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_keeps_an_offset_map_into_the_original(text):
    f = fold(text)
    assert f.text == fold_str(text) and len(f.index) == len(f.text)
    assert all(0 <= i < len(text) for i in f.index)
    assert list(f.index) == sorted(f.index)
    for a in range(0, len(f.text), 7):
        start, end = f.span(a, min(len(f.text), a + 5))
        assert 0 <= start <= end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_returns_valid_text_or_a_named_refusal(data):
    try:
        text, encoding = decode(data)
    except InputError as e:
        assert e.code.startswith("E1") and e.reason
        return
    text.encode("utf-8")  # no lone surrogates: storable
    assert encoding and text.strip()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".json", ".jsonl", ".md", ".txt.gz"]))
def test_reading_any_bytes_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"x{suffix}").write_bytes(data)
        for item in read_inputs([tmp], limits=Limits(max_bytes=10_000)):
            assert isinstance(item, (RawInput, Refused))
            if isinstance(item, Refused):
                assert item.code.startswith("E1") and item.reason
            else:
                item.text.encode("utf-8")


def _ingest_twice(folder: Path, db: Path) -> None:
    store = Store(db)
    first = ingest([str(folder)], store, limits=Limits(max_seconds=30))
    before = (store.counts(), list(store.records()))
    second = ingest([str(folder)], store, limits=Limits(max_seconds=30))
    after = (store.counts(), list(store.records()))
    store.close()
    assert second.stored == 0 and before == after
    assert len(first.refused) == len(second.refused)
    report = check(db)
    assert report.ok and report.pending == 0, report.problems[:3]
    _spans_valid(db)


def _spans_valid(db: Path) -> None:
    store = Store(db)
    texts = {sid: row["text"] for sid, row in store.sources().items()}
    for r in store.statements():
        if r["span_start"] is not None:
            assert 0 <= r["span_start"] <= r["span_end"] <= len(texts[r["source_id"]])
    store.close()


@SLOW
@given(texts, texts)
def test_any_text_ingests_cleanly_and_twice_changes_nothing(a, b):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "a.txt").write_text(a, encoding="utf-8", errors="surrogatepass")
        (folder / "b.json").write_text(json.dumps([{"text": a}, {"text": b, "title": b}]), encoding="utf-8")
        (folder / "c.jsonl").write_text(json.dumps({"text": b}) + "\n", encoding="utf-8")
        _ingest_twice(folder, Path(tmp) / "s.db")
