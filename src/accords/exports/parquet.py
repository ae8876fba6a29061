"""Parquet: one table per kind of thing in the records, typed, readable by pandas, DuckDB and
Polars with no options; and the way back, `records()`, that rebuilds the exact JSONL records.

- agreements: one row per record: its scalars, `date_signed` as written (a partial date stays
  "2025-07") and `date_signed_day` (date32, only for a full date), domains as a list, areas,
  related instruments and discrepancies as lists of structs (a discrepancy's values are JSON
  texts, as they may be of any type);
- parties, people (signatories and people present, `kind` tells which), sources: one row per
  item, keyed by `agreement_id` and `position` in the record's list; states and known
  organisations carry `wikidata`, people their store entity and, for leaders, `wikidata`;
- statements: what the record rests on, one row per evidence span (`kind` 'evidence', `field`
  the record's field) or per quote (`kind` 'quote', with its speaker).

Rows keep the records' order, so `records()` gives back the same list, field for field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from accords.exports.ids import People, party_qid

TABLES = ("agreements", "parties", "people", "sources", "statements")
# The record's evidence fields, in the order record.py writes them (an empty list is kept).
EVIDENCE = ("instrument", "parties", "signatories", "present", "date_signed", "place", "domains", "areas",
            "related", "quotes")
PEOPLE = (("signatories", "signatory"), ("present", "present"))

_s, _i, _names = pa.string(), pa.int32(), pa.list_(pa.string())
_RELATED = pa.struct([("relation", _s), ("instrument", _s), ("parties", _names), ("date", _s), ("text", _s)])
_DISCREPANCY = pa.struct([("field", _s), ("note", _s), ("values", pa.list_(pa.struct([
    ("value_json", _s), ("sources", _names)])))])
SCHEMAS = {
    "agreements": pa.schema([
        ("id", _s), ("instrument", _s), ("title", _s), ("date_signed", _s), ("date_signed_day", pa.date32()),
        ("place", _s), ("domains", _names), ("areas", pa.list_(pa.struct([("code", _s), ("text", _s), ("lang", _s)]))),
        ("related", pa.list_(_RELATED)), ("discrepancies", pa.list_(_DISCREPANCY)), ("confidence", pa.float64())]),
    "parties": pa.schema([("agreement_id", _s), ("position", _i), ("id", _s), ("type", _s), ("name", _s),
                          ("bodies", _names), ("wikidata", _s)]),
    "people": pa.schema([("agreement_id", _s), ("kind", _s), ("position", _i), ("name", _s),
                         ("names", pa.list_(pa.struct([("lang", _s), ("name", _s)]))), ("role", _s), ("party", _s),
                         ("entity", _s), ("wikidata", _s)]),
    "sources": pa.schema([("agreement_id", _s), ("position", _i), ("id", _s), ("origin", _s), ("url", _s),
                          ("lang", _s), ("outlet", _s), ("published", _s), ("published_day", pa.date32()),
                          ("title", _s)]),
    "statements": pa.schema([("agreement_id", _s), ("kind", _s), ("field", _s), ("position", _i), ("speaker", _s),
                             ("source", _s), ("span_start", pa.int64()), ("span_end", pa.int64()), ("text", _s)]),
}


def day(value: str | None) -> dt.date | None:
    """A full YYYY-MM-DD date as a date; a partial or missing one as None."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _span(span: list[int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def _agreement_row(rec: dict[str, Any]) -> dict[str, Any]:
    return {"id": rec["id"], "instrument": rec["instrument"], "title": rec["title"],
            "date_signed": rec["date_signed"], "date_signed_day": day(rec["date_signed"]), "place": rec["place"],
            "domains": rec["domains"], "areas": rec["areas"], "related": rec["related"],
            "discrepancies": [{"field": d["field"], "note": d["note"],
                               "values": [{"value_json": json.dumps(v["value"], ensure_ascii=False),
                                           "sources": v["sources"]} for v in d["values"]]}
                              for d in rec["discrepancies"]],
            "confidence": rec["confidence"]}


def _statement_rows(rec: dict[str, Any]) -> Iterable[dict[str, Any]]:
    aid = rec["id"]
    for fname, items in rec["evidence"].items():
        for i, ev in enumerate(items):
            start, end = _span(ev["span"])
            yield {"agreement_id": aid, "kind": "evidence", "field": fname, "position": i, "speaker": None,
                   "source": ev["source"], "span_start": start, "span_end": end, "text": ev["text"]}
    for i, q in enumerate(rec["quotes"]):
        start, end = _span(q["span"])
        yield {"agreement_id": aid, "kind": "quote", "field": "quotes", "position": i, "speaker": q["speaker"],
               "source": q["source"], "span_start": start, "span_end": end, "text": q["text"]}


def rows(records: Iterable[dict[str, Any]], people: People) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, in the records' order."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for rec in records:
        aid = rec["id"]
        out["agreements"].append(_agreement_row(rec))
        out["parties"] += [{**p, "agreement_id": aid, "position": i, "wikidata": party_qid(p["id"])}
                           for i, p in enumerate(rec["parties"])]
        for key, kind in PEOPLE:
            for i, p in enumerate(rec[key]):
                entity, qid = people.lookup(aid, kind, p)
                out["people"].append({"agreement_id": aid, "kind": kind, "position": i, "name": p["name"],
                                      "names": [{"lang": k, "name": v} for k, v in p["names"].items()],
                                      "role": p["role"], "party": p["party"], "entity": entity, "wikidata": qid})
        out["sources"] += [{**s, "agreement_id": aid, "position": i, "published_day": day(s["published"])}
                           for i, s in enumerate(rec["sources"])]
        out["statements"] += list(_statement_rows(rec))
    return out


def tables(records: Iterable[dict[str, Any]], people: People) -> dict[str, pa.Table]:
    return {name: pa.Table.from_pylist(r, schema=SCHEMAS[name]) for name, r in rows(records, people).items()}


def write(records: Iterable[dict[str, Any]], people: People, folder: Path, batch: int = 2000) -> int:
    """Write the five tables as NAME.parquet in `folder`, `batch` agreements at a time (a row group
    each: a store of any size is written in bounded memory); returns how many agreements."""
    writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", SCHEMAS[name]) for name in TABLES}
    n = 0
    try:
        for chunk in _chunks(records, batch):
            for name, table in tables(chunk, people).items():
                writers[name].write_table(table)
            n += len(chunk)
    finally:
        for w in writers.values():
            w.close()
    return n


def _chunks(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- back to records ---------------------------------------------------------------------------
def _by_agreement(folder: Path, name: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in pq.read_table(folder / f"{name}.parquet").to_pylist():
        out[row["agreement_id"]].append(row)
    return out


def _spanned(row: dict[str, Any]) -> list[int] | None:
    return None if row["span_start"] is None else [row["span_start"], row["span_end"]]


def _evidence(stmts: list[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    evidence: dict[str, list[dict[str, Any]]] = {f: [] for f in EVIDENCE}
    quotes = []
    for s in stmts:
        if s["kind"] == "quote":
            quotes.append({"speaker": s["speaker"], "text": s["text"], "source": s["source"], "span": _spanned(s)})
        else:
            evidence.setdefault(s["field"], []).append({"source": s["source"], "span": _spanned(s), "text": s["text"]})
    return evidence, quotes


def _person(row: dict[str, Any]) -> dict[str, Any]:
    return {"name": row["name"], "names": {n["lang"]: n["name"] for n in row["names"]}, "role": row["role"],
            "party": row["party"]}


def _record(a: dict[str, Any], parties: list[dict[str, Any]], people: list[dict[str, Any]],
            sources: list[dict[str, Any]], stmts: list[dict[str, Any]]) -> dict[str, Any]:
    evidence, quotes = _evidence(stmts)
    return {
        "id": a["id"], "instrument": a["instrument"], "title": a["title"],
        "parties": [{"id": p["id"], "type": p["type"], "name": p["name"], "bodies": p["bodies"]} for p in parties],
        "signatories": [_person(p) for p in people if p["kind"] == "signatory"],
        "present": [_person(p) for p in people if p["kind"] == "present"],
        "date_signed": a["date_signed"], "place": a["place"], "domains": a["domains"], "areas": a["areas"],
        "related": a["related"], "quotes": quotes,
        "sources": [{k: s[k] for k in ("id", "origin", "url", "lang", "outlet", "published", "title")}
                    for s in sources],
        "evidence": evidence,
        "discrepancies": [{"field": d["field"], "values": [{"value": json.loads(v["value_json"]),
                                                            "sources": v["sources"]} for v in d["values"]],
                           "note": d["note"]} for d in a["discrepancies"]],
        "confidence": a["confidence"],
    }


def _ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: r["position"])  # stable: within a kind, positions only grow


def records(folder: Path) -> list[dict[str, Any]]:
    """The JSONL records, rebuilt from the five tables of an export (identical to what was exported)."""
    parties, people, sources, stmts = (_by_agreement(folder, t) for t in TABLES[1:])
    return [_record(a, _ordered(parties[a["id"]]), _ordered(people[a["id"]]), _ordered(sources[a["id"]]),
                    stmts[a["id"]])
            for a in pq.read_table(folder / "agreements.parquet").to_pylist()]
