"""Write agreement records as JSON Lines, JSON or CSV, exactly as spec/record.md says.

JSONL and JSON keep every value exactly; in CSV, a text cell a spreadsheet would run as a
formula starts with `'` (see `neutralised`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

FORMATS = ("jsonl", "json", "csv")

# CSV: one row per agreement; lists are joined with " | ", people as "name (role, party)".
CSV_COLUMNS = ("id", "instrument", "title", "parties", "signatories", "present", "date_signed", "place",
               "domains", "areas", "related", "sources", "origins", "languages", "discrepancies", "confidence")

_FORMULA_START = ("=", "+", "-", "@")
_CONTROL_START = ("\t", "\r", "\n", "\0")


def neutralised(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made text with a leading `'`; others as they are.

    A spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-` or `@` as a formula
    (`=HYPERLINK(...)`, `=cmd|...`, `@SUM(...)`), and a title, name or path taken from an article
    can start so. As OWASP ("CSV Injection") and ASVS 1.2.10 advise, such a cell (also when blanks
    come first), and one starting with a tab, carriage return, line feed or NUL, gets a leading
    `'`, which spreadsheets read as "text" and do not display. Every text column goes through
    here after its list is joined, so a list whose first item is hostile is caught too. The one
    numeric column, `confidence`, is a number from 0 to 1 computed by accords (never negative):
    it is no `str` and is written as the number it is. A number arriving as text (a title
    "-2+3") is text like any other. JSONL and JSON are data for programs, not spreadsheets, and
    keep every value exactly.
    """
    if not isinstance(cell, str) or not cell:
        return cell
    if cell.startswith(_CONTROL_START) or cell.lstrip().startswith(_FORMULA_START):
        return "'" + cell
    return cell


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
            w.writerow({k: neutralised(v) for k, v in csv_row(rec).items()})
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return n
