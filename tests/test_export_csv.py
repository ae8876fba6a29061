"""CSV export: no cell a spreadsheet would run as a formula; JSON exports keep the text exactly."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from accords.export import neutralised, write
from accords.service import ingest
from accords.store.sqlite import Store

ARTICLE = (
    "Norway and Chile sign a memorandum of understanding on renewable energy\n\n"
    "OSLO, March 12, 2025 - Norwegian Minister of Energy Lars Hovland and Chilean Minister of Energy "
    "Carla Fuentes signed a memorandum of understanding on renewable energy cooperation in Oslo on "
    "Wednesday.\n\nThe agreement covers joint research.\n"
)
HYPERLINK = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = Store(folder / "s.db")
    ingest([str(folder / "a.txt")], store)
    (rec,) = list(store.records())
    store.close()
    return rec


def _hostile(rec):
    rec = copy.deepcopy(rec)
    rec["title"] = HYPERLINK
    rec["signatories"][0]["name"] = "+1"
    rec["present"] = [{"name": "@SUM(1+1)", "names": {}, "role": None, "party": None}]
    rec["place"] = "-2+3"
    rec["sources"][0]["origin"] = "=cmd|' /C calc'!A0"
    rec["areas"][0]["text"] = "\t=1+1"
    rec["areas"][0]["code"] = None
    rec["discrepancies"] = [{"field": " =1+1", "values": [], "note": ""}]
    return rec


def _rows(records):
    out = io.StringIO()
    write(records, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_csv_cells_that_would_run_as_formulas_start_with_a_quote(record):
    (row,) = _rows([_hostile(record)])
    assert row["title"] == "'" + HYPERLINK
    assert row["signatories"].startswith("'+1 (")
    assert row["present"] == "'@SUM(1+1)"
    assert row["place"] == "'-2+3"
    assert row["origins"] == "'=cmd|' /C calc'!A0"
    assert row["areas"] == "'\t=1+1"
    assert row["discrepancies"] == "' =1+1"
    for column, cell in row.items():
        assert not cell.lstrip().startswith(("=", "+", "-", "@")), column


def test_csv_leaves_ordinary_cells_and_the_confidence_number_alone(record):
    (row,) = _rows([record])
    assert row["title"] == record["title"] and row["place"] == "Oslo"
    assert row["date_signed"] == record["date_signed"]
    assert float(row["confidence"]) == record["confidence"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("\x00x", "'\x00x"), ("  =1", "'  =1"),
    ("Oslo", "Oslo"), ("a=b", "a=b"), ("2025-03-12", "2025-03-12"), ("", ""), (None, None), (0.5, 0.5),
])
def test_neutralised(cell, expected):
    assert neutralised(cell) == expected


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_exports_keep_the_text_exactly(record, fmt):
    out = io.StringIO()
    write([_hostile(record)], fmt, out)
    text = out.getvalue()
    got = json.loads(text.splitlines()[0]) if fmt == "jsonl" else json.loads(text)[0]
    assert got["title"] == HYPERLINK and got["place"] == "-2+3"
