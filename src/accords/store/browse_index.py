"""The browse index (migration 004_browse): the tables the web app's list, facets and search read.

One writer for every path that puts agreements or sources in a store: the rebuild of agreements
(service._rebuild_locked), the migration of an older store, and bench/web_store.py. The
agreement tables hold what the list filters and sorts by, one row per agreement plus one per
party, domain, language and source; they are rewritten with the records, in the same
transaction. The search tables hold the live sources' texts folded (`fold_str`) under a trigram
index, kept in step by Store.put_source, supersede_earlier and retract.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from accords.text.normalize import fold_str

BROWSE_TABLES = ("browse_agreements", "browse_rows", "browse_parties", "browse_domains", "browse_langs",
                 "browse_sources", "browse_names")
# Agreements are written this many at a time: a store of 100k is not held in memory twice.
CHUNK = 2000


def _fold_or_none(text: str | None) -> str | None:
    return None if text is None else fold_str(text)


def register(db: sqlite3.Connection) -> None:
    """Make `fold_str(text)` callable from SQL on `db` (the migration indexes old stores with it)."""
    db.create_function("fold_str", 1, _fold_or_none, deterministic=True)


def list_row(rec: dict[str, Any]) -> dict[str, Any]:
    """The agreement list's row for a record (the shape browse.agreements returns)."""
    return {"id": rec["id"], "date_signed": rec["date_signed"], "instrument": rec["instrument"],
            "title": rec["title"],
            "parties": [{"id": p["id"], "name": p.get("name") or p["id"], "type": p.get("type")}
                        for p in rec["parties"]],
            "domains": list(rec["domains"]),
            "languages": sorted({s["lang"] or "?" for s in rec["sources"]}),
            "sources": len(rec["sources"]), "discrepancies": len(rec["discrepancies"]), "place": rec["place"]}


def names_text(rec: dict[str, Any]) -> str:
    """What an agreement is found by besides its sources' texts: its title, its parties' names and
    ids, and every form of the names of its signatories and those present, folded."""
    people = rec["signatories"] + rec["present"]
    parts = [rec["title"] or "", *(p.get("name") or "" for p in rec["parties"]), *(p["id"] for p in rec["parties"])]
    parts += [p["name"] or "" for p in people] + [n for p in people for n in (p.get("names") or {}).values() if n]
    return fold_str("\n".join(parts)) + "\n"


def clear_agreements(db: sqlite3.Connection) -> None:
    for table in BROWSE_TABLES:
        db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)


def write_agreements(db: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> None:
    """Put `records` in place of every agreement the index held (inside the caller's transaction)."""
    clear_agreements(db)
    add_agreements(db, records)


def add_agreements(db: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> None:
    """Add `records` (agreements the index does not hold yet) to the index."""
    n = db.execute("SELECT COALESCE(MAX(n), 0) FROM browse_agreements").fetchone()[0]
    chunk: list[tuple[int, dict[str, Any]]] = []
    for rec in records:
        n += 1
        chunk.append((n, rec))
        if len(chunk) >= CHUNK:
            _insert(db, chunk)
            chunk = []
    if chunk:
        _insert(db, chunk)


def _insert(db: sqlite3.Connection, chunk: list[tuple[int, dict[str, Any]]]) -> None:
    rows, lists, parties, domains, langs, sources, names = [], [], [], [], [], [], []
    for n, rec in chunk:
        date = rec["date_signed"]
        row = list_row(rec)
        rows.append((n, rec["id"], date, date or "", date or "~", rec["instrument"], rec["place"], row["sources"],
                     row["discrepancies"]))
        lists.append((n, json.dumps(row, ensure_ascii=False)))
        parties += [(p["id"], n, p["name"], p["type"]) for p in row["parties"]]
        domains += [(d, n) for d in set(rec["domains"])]
        langs += [(lang, n) for lang in row["languages"]]
        sources += [(n, s["id"]) for s in rec["sources"]]
        names.append((n, names_text(rec)))
    db.executemany("INSERT INTO browse_agreements VALUES (?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO browse_rows VALUES (?,?)", lists)
    db.executemany("INSERT OR IGNORE INTO browse_parties VALUES (?,?,?,?)", parties)
    db.executemany("INSERT INTO browse_domains VALUES (?,?)", domains)
    db.executemany("INSERT INTO browse_langs VALUES (?,?)", langs)
    # A source not live (not in the search index) supports no agreement and is left out.
    db.executemany("INSERT OR IGNORE INTO browse_sources SELECT x.n, ? FROM search_sources x WHERE x.source_id = ?",
                   sources)
    db.executemany("INSERT INTO browse_names (rowid, names) VALUES (?,?)", names)


def drop_missing_agreements(db: sqlite3.Connection) -> None:
    """Take out of the index the agreements no longer stored (a batch that re-extracted a source
    deletes the agreements left with no mention, before the rebuild rewrites the rest)."""
    gone = [r[0] for r in db.execute("SELECT n FROM browse_agreements WHERE id NOT IN (SELECT id FROM agreements)")]
    for table in BROWSE_TABLES[1:-1]:
        db.executemany(f"DELETE FROM {table} WHERE n = ?", [(n,) for n in gone])  # noqa: S608 (fixed names)
    db.executemany("DELETE FROM browse_names WHERE rowid = ?", [(n,) for n in gone])
    db.executemany("DELETE FROM browse_agreements WHERE n = ?", [(n,) for n in gone])


def index_source(db: sqlite3.Connection, source_id: str, lang: str | None, title: str | None, text: str) -> None:
    """Make a live source searchable. A source indexed already keeps its key (browse_sources
    points at it), its text indexed anew."""
    row = db.execute("SELECT n FROM search_sources WHERE source_id = ?", (source_id,)).fetchone()
    if row is None:
        n = db.execute("INSERT INTO search_sources (source_id, lang) VALUES (?, ?)", (source_id, lang)).lastrowid
    else:
        n = row[0]
        db.execute("UPDATE search_sources SET lang = ? WHERE n = ?", (lang, n))
        db.execute("DELETE FROM search_text WHERE rowid = ?", (n,))
    # The trailing newline lets a two-character word at the very end start a trigram (browse_search).
    db.execute("INSERT INTO search_text (rowid, title, text) VALUES (?, ?, ?)",
               (n, fold_str(title or "") + "\n", fold_str(text) + "\n"))


def unindex_source(db: sqlite3.Connection, source_id: str) -> None:
    """A superseded or retracted source is never found, and supports no agreement."""
    row = db.execute("SELECT n FROM search_sources WHERE source_id = ?", (source_id,)).fetchone()
    if row is not None:
        db.execute("DELETE FROM search_text WHERE rowid = ?", (row[0],))
        db.execute("DELETE FROM search_sources WHERE n = ?", (row[0],))
        db.execute("DELETE FROM browse_sources WHERE sn = ?", (row[0],))


def backfill_agreements(db: sqlite3.Connection) -> None:
    """The migration's hook: index the agreements an older store already holds."""
    records = (json.loads(r[0]) for r in db.execute("SELECT record FROM agreements ORDER BY id"))
    write_agreements(db, records)
