"""Write agreement records as JSON Lines, JSON or CSV, exactly as spec/record.md says."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

FORMATS = ("jsonl", "json", "csv")

# CSV: one row per agreement; lists are joined with " | ", people as "name (role, party)".
CSV_COLUMNS = ("id", "instrument", "title", "parties", "signatories", "present", "date_signed", "place",
               "domains", "areas", "related", "sources", "origins", "languages", "discrepancies", "confidence")


def _person(p: dict[str, Any]) -> str:
    extra = ", ".join(x for x in (p.get("role"), p.get("party")) if x)
    return f"{p['name']} ({extra})" if extra else str(p["name"])


def csv_row(rec: dict[str, Any]) -> dict[str, Any]:
    j = " | ".join
    return {
        "id": rec["id"], "instrument": rec["instrument"], "title": rec["title"],
        "parties": j(p["id"] for p in rec["parties"]),
        "signatories": j(_person(p) for p in rec["signatories"]),
        "present": j(_person(p) for p in rec["present"]),
        "date_signed": rec["date_signed"], "place": rec["place"],
        "domains": j(rec["domains"]), "areas": j(a["code"] or a["text"] for a in rec["areas"]),
        "related": j(f"{r['relation']} {r['instrument']} {'-'.join(r['parties'])} {r['date'] or ''}".strip()
                     for r in rec["related"]),
        "sources": j(s["id"] for s in rec["sources"]), "origins": j(s["origin"] for s in rec["sources"]),
        "languages": j(sorted({s["lang"] or "" for s in rec["sources"]})),
        "discrepancies": j(d["field"] for d in rec["discrepancies"]), "confidence": rec["confidence"],
    }


def write(records: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write records to `out` in `fmt`; returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "json":
        items = list(records)
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        n = len(items)
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        w.writeheader()
        for rec in records:
            w.writerow(csv_row(rec))
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return n
