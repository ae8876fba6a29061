"""The first acceptance case: the two seed reports become the gold record."""

from __future__ import annotations

import json

import pytest

from accords.export import write
from accords.service import ingest
from accords.store.sqlite import Store


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory, seed_files):
    store = Store(tmp_path_factory.mktemp("seeds") / "s.db")
    ingest([str(p) for p in seed_files], store)
    recs = list(store.records())
    store.close()
    return recs


@pytest.mark.parametrize("unit", ["event", "doc"])
def test_seeds_score_one_on_every_headline_figure(seed_records, seed_gold, scorer, unit):
    m = scorer.score(seed_gold, seed_records, unit)
    flat = scorer.headline(m)
    flat.pop("rejection")  # the seeds have no negative
    assert flat == {k: 1.0 for k in flat}


def test_one_record_with_both_sources(seed_records):
    assert len(seed_records) == 1
    assert sorted(s["lang"] for s in seed_records[0]["sources"]) == ["ar", "en"]


def test_the_spelling_discrepancy_is_recorded(seed_records):
    rec = seed_records[0]
    israeli = next(p for p in rec["signatories"] if p["party"] == "IL")
    assert israeli["names"] == {"en": "Erez Askal", "ar": "إريز إيشل"}
    d = next(d for d in rec["discrepancies"] if d["field"].startswith("signatories"))
    values = [v["value"] for v in d["values"]]
    assert values[0] == "Erez Askal" and values[1].startswith("إريز إيشل")
    assert "role and side" in d["note"]


def test_every_evidence_span_is_a_slice_of_its_source(seed_records, seed_files):
    rec = seed_records[0]
    from accords.ingest.clean import clean_text

    texts = {}
    for p in seed_files:
        from accords.pipeline import source_id

        text = clean_text(p.read_text(encoding="utf-8")).text
        texts[source_id(text)] = text
    n = 0
    for field, rows in rec["evidence"].items():
        for r in rows:
            assert texts[r["source"]][r["span"][0]:r["span"][1]] == r["text"], field
            n += 1
    for field in ("instrument", "parties", "signatories", "present", "date_signed", "place", "domains", "areas",
                  "related", "quotes"):
        assert rec["evidence"][field], f"no evidence for {field}"
    assert n > 20


def test_date_evidence_shows_gregorian_and_hebrew_dates(seed_records):
    texts = [r["text"] for r in seed_records[0]["evidence"]["date_signed"]]
    assert "أمس الثلاثاء 3 فبراير 2026" in texts
    assert "16 شيفات 5786" in texts


def test_quotes_of_both_speakers_in_both_languages(seed_records):
    rec = seed_records[0]
    langs = {s["id"]: s["lang"] for s in rec["sources"]}
    got = {(q["speaker"], langs[q["source"]]) for q in rec["quotes"]}
    assert got == {("Benjamin Netanyahu", "en"), ("Benjamin Netanyahu", "ar"), ("Erez Askal", "en"), ("Erez Askal", "ar")}


def test_greeted_president_is_not_a_participant(seed_records):
    rec = seed_records[0]
    names = [p["name"] for p in rec["signatories"] + rec["present"]]
    assert not any("Aliyev" in n for n in names)


def test_related_declaration_with_its_own_parties_and_date(seed_records):
    rel = seed_records[0]["related"]
    assert [(r["relation"], r["instrument"], sorted(r["parties"]), r["date"]) for r in rel] == [
        ("follows", "joint_declaration", ["IL", "US"], "2026-01")]


def test_jsonl_export_round_trips(seed_records, tmp_path):
    import io

    buf = io.StringIO()
    write(seed_records, "jsonl", buf)
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == seed_records
