"""`accords check`: is the store whole? Every span inside its text, no row pointing nowhere.

Read-only: it never migrates or repairs. Mentions with no agreement yet are pending (a run was
interrupted before it rebuilt the agreements; the next `accords ingest` completes them) and are
reported apart from problems, because that state is consistent.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.store.sqlite import MIGRATIONS

TABLES = ("migrations", "sources", "origins", "mentions", "statements", "blocks", "judgements",
          "agreements", "aliases", "refusals")

# (kind, query yielding one row per problem: an id and a detail)
ORPHANS = (
    ("orphan-statement", "SELECT id, mention_id FROM statements WHERE mention_id NOT IN (SELECT id FROM mentions)"),
    ("orphan-statement", "SELECT id, source_id FROM statements WHERE source_id NOT IN (SELECT id FROM sources)"),
    ("statement-source", "SELECT s.id, s.source_id || ' vs ' || m.source_id FROM statements s"
                         " JOIN mentions m ON m.id = s.mention_id WHERE s.source_id != m.source_id"),
    ("orphan-mention", "SELECT id, source_id FROM mentions WHERE source_id NOT IN (SELECT id FROM sources)"),
    ("orphan-origin", "SELECT origin, source_id FROM origins WHERE source_id NOT IN (SELECT id FROM sources)"),
    ("orphan-block", "SELECT key, mention_id FROM blocks WHERE mention_id NOT IN (SELECT id FROM mentions)"),
    ("orphan-judgement", "SELECT a || ' ' || b, 'mention missing' FROM judgements"
                         " WHERE a NOT IN (SELECT id FROM mentions) OR b NOT IN (SELECT id FROM mentions)"),
    ("empty-agreement", "SELECT id, 'no mention is assigned to it' FROM agreements WHERE id NOT IN"
                        " (SELECT agreement_id FROM mentions WHERE agreement_id IS NOT NULL)"),
    ("unassigned-mention", "SELECT id, agreement_id FROM mentions WHERE agreement_id IS NOT NULL"
                           " AND agreement_id NOT IN (SELECT id FROM agreements)"),
    ("orphan-alias", "SELECT alias, agreement_id FROM aliases WHERE agreement_id NOT IN (SELECT id FROM agreements)"),
    # A superseded or retracted source supports nothing: its mentions went with it.
    ("stale-mention", "SELECT m.id, 'its source was superseded or retracted' FROM mentions m JOIN sources s"
                      " ON s.id = m.source_id WHERE s.superseded_by IS NOT NULL OR s.retracted_at IS NOT NULL"),
)


@dataclass
class Report:
    problems: list[tuple[str, str]] = field(default_factory=list)  # (kind, detail)
    pending: int = 0  # mentions awaiting the rebuild of agreements
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(path: str | Path) -> Report:
    """Every problem of the store at `path`; the file is opened read-only."""
    report = Report()
    if not Path(path).is_file():
        report.problems.append(("store", f"{path}: no such file"))
        return report
    try:
        db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        report.problems.append(("store", f"{path}: cannot open ({e})"))
        return report
    try:
        _run(db, report)
    except sqlite3.DatabaseError as e:
        report.problems.append(("store", f"{path}: not a readable accords store ({e})"))
    finally:
        db.close()
    return report


def _run(db: sqlite3.Connection, report: Report) -> None:
    for kind, detail in _schema(db):
        report.problems.append((kind, detail))
    if report.problems:
        return  # the checks below query tables that may be missing
    for kind, query in ORPHANS:
        report.problems.extend((kind, f"{a}: {b}") for a, b in db.execute(query))
    report.problems.extend(_spans(db))
    report.problems.extend(_records(db))
    report.pending = db.execute("SELECT COUNT(*) FROM mentions WHERE agreement_id IS NULL").fetchone()[0]
    report.counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608 (fixed names)
                     for t in ("sources", "mentions", "statements", "agreements")}


def _schema(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    for (result,) in db.execute("PRAGMA quick_check"):
        if result != "ok":
            yield "sqlite", result
    have = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in TABLES if t not in have]
    if missing:
        yield "schema", f"missing tables: {', '.join(missing)}"
        return
    done = {r[0] for r in db.execute("SELECT name FROM migrations")}
    known = [name for name, _ in MIGRATIONS]
    if done - set(known):
        yield "schema", f"unknown schema version(s) {sorted(done - set(known))} (a newer accords?)"
    if set(known) - done:
        yield "schema", f"migrations not applied: {sorted(set(known) - done)}"


def _spans(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    lengths = {sid: n for sid, n in db.execute("SELECT id, length(text) FROM sources")}
    rows = db.execute("SELECT id, source_id, span_start, span_end FROM statements"
                      " WHERE span_start IS NOT NULL OR span_end IS NOT NULL")
    for sid, src, start, end in rows:
        n = lengths.get(src)
        if n is None:
            continue  # reported as an orphan
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            yield "span", f"statement {sid}: [{start}, {end}] not inside source {src} ({n} characters)"


def _records(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    texts = dict(db.execute("SELECT id, text FROM sources"))
    for aid, raw in db.execute("SELECT id, record FROM agreements"):
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as e:
            yield "record", f"{aid}: not JSON ({e.msg})"
            continue
        if not isinstance(rec, dict) or rec.get("id") != aid:
            yield "record", f"{aid}: the record's id is {rec.get('id') if isinstance(rec, dict) else None!r}"
            continue
        yield from _record_problems(aid, rec, texts)


def _record_problems(aid: str, rec: dict[str, Any], texts: dict[str, str]) -> Iterator[tuple[str, str]]:
    for src in rec.get("sources") or []:
        if src.get("id") not in texts:
            yield "record-source", f"{aid}: source {src.get('id')} is not in the store"
    items = [(f"evidence.{name}", ev) for name, evs in (rec.get("evidence") or {}).items() for ev in evs]
    items += [("quotes", q) for q in rec.get("quotes") or []]
    for where, ev in items:
        text = texts.get(ev.get("source"))
        span = ev.get("span") or [None, None]
        if text is None:
            yield "evidence", f"{aid} {where}: source {ev.get('source')} is not in the store"
        elif not (isinstance(span[0], int) and isinstance(span[1], int) and 0 <= span[0] <= span[1] <= len(text)):
            yield "evidence", f"{aid} {where}: span {span} outside source {ev['source']}"
        elif text[span[0]:span[1]] != ev.get("text"):
            yield "evidence", f"{aid} {where}: {ev.get('text')!r} is not the source's {text[span[0]:span[1]]!r}"
