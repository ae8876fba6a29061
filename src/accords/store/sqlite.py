"""The SQLite store: one file, WAL mode, one writer, named migrations.

Writes happen in explicit transactions (`BEGIN IMMEDIATE`), one per batch of documents, so a
run killed at any moment leaves either the whole batch or none of it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from accords.errors import StoreError
from accords.model import EventMention, Found, Person, Source
from accords.store import browse_index
from accords.store.connect import open_readonly as _open_readonly
from accords.store.connect import open_writable as _open_writable
from accords.store.connect import store_error

SCHEMA_VERSION = "005_views"
MIGRATIONS = (("001_initial", "schema.sql"), ("002_entities", "schema_002.sql"), ("003_versions", "schema_003.sql"),
              ("004_browse", "schema_004.sql"), ("005_views", "schema_005.sql"))
# What a migration needs done in Python after its SQL, in the same transaction.
MIGRATION_HOOKS: dict[str, Callable[[sqlite3.Connection], None]] = {"004_browse": browse_index.backfill_agreements}
# How long a writer waits for another accords process to finish its transaction before giving
# up with E304: a rebuild of a large store holds the lock for minutes (see bench/merge_scale.py).
LOCK_WAIT_SECONDS = 600.0
# Sidecar files SQLite keeps beside the store; no command may write over them.
SIDECARS = ("", "-wal", "-shm", "-journal")


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class Store:
    """A store of sources, statements and agreements in one SQLite file.

    `readonly=True` is for the commands that only read (list, show, export, entity, sources,
    check): the file is opened with SQLite's `mode=ro` (and `immutable=1` where the medium itself
    is read-only), never created, never migrated, never switched to WAL. A writable store is
    created when missing, but a file that is some other program's SQLite database is refused
    untouched.
    """

    def __init__(self, path: str | Path, readonly: bool = False, lock_wait: float = LOCK_WAIT_SECONDS) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.db = _open_readonly(self.path) if readonly else _open_writable(self.path, lock_wait)
        self.db.row_factory = sqlite3.Row
        browse_index.register(self.db)
        self.lock_wait = lock_wait
        try:
            if readonly:
                self._require_current()
            else:
                _retrying(self._prepare, lock_wait)
        except sqlite3.Error as e:
            self.db.close()
            raise store_error(self.path, e) from e
        except StoreError:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------------
    def _prepare(self) -> None:
        self._require_ours()
        if str(self.db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _tables(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _require_ours(self) -> None:
        """Refuse, before writing anything, a database that has tables but is not an accords store."""
        tables = self._tables()
        if tables and "migrations" not in tables:
            raise StoreError(f"{self.path}: not an accords store (an SQLite database with other tables:"
                             f" {', '.join(sorted(tables)[:5])}); it was left untouched", code="E306")

    def _require_current(self) -> None:
        tables = self._tables()
        if "migrations" not in tables or "agreements" not in tables:
            raise StoreError(f"{self.path}: not an accords store; it was left untouched", code="E306")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        known = [name for name, _ in MIGRATIONS]
        if done - set(known):
            raise StoreError(f"{self.path}: made by a newer accords (migrations {sorted(done - set(known))})")
        if set(known) - done:
            raise StoreError(f"{self.path}: made by an earlier accords; run `accords migrate --db {self.path}`"
                             " to bring it up to date (read commands never change a store)", code="E307")

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        known = {name for name, _ in MIGRATIONS}
        unknown = done - known
        if unknown:
            raise StoreError(f"{self.path}: made by a newer accords (migrations {sorted(unknown)})")
        for name, file in MIGRATIONS:
            if name in done:
                continue
            sql = (resources.files("accords.store") / file).read_text(encoding="utf-8")
            with self.transaction():
                if name in {r[0] for r in self.db.execute("SELECT name FROM migrations")}:
                    continue  # another process applied it while this one waited for the lock
                for stmt in sql.split(";\n"):
                    if stmt.strip():
                        self.db.execute(stmt)
                if name in MIGRATION_HOOKS:
                    MIGRATION_HOOKS[name](self.db)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, now()))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (`BEGIN IMMEDIATE`: the write lock is taken before anything is
        read). Nested uses join the outer one, so a stage can be called inside a caller's."""
        if self.db.in_transaction:
            yield self.db
            return
        _retrying(lambda: self.db.execute("BEGIN IMMEDIATE"), self.lock_wait)
        try:
            yield self.db
        except BaseException:
            # SQLite has already rolled back after some errors (a full disk, an I/O error); a
            # second ROLLBACK would then fail and hide the error that matters.
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- sources --------------------------------------------------------------------------
    _LIVE = "superseded_by IS NULL AND retracted_at IS NULL"

    def source_state(self, source_id: str) -> str | None:
        """The extractor version a live source was last extracted with; None if unknown, or if
        it was superseded or retracted (then it is extracted and stored anew when it comes back)."""
        row = self.db.execute(f"SELECT extractor_version FROM sources WHERE id = ? AND {self._LIVE}",
                              (source_id,)).fetchone()
        return row[0] if row else None

    def origin_seen(self, origin: str, raw_sha256: str) -> str | None:
        row = self.db.execute("SELECT source_id FROM origins WHERE origin = ? AND raw_sha256 = ?",
                              (origin, raw_sha256)).fetchone()
        return row[0] if row else None

    def put_source(self, src: Source, note: str | None, version: str) -> None:
        self.db.execute(
            "INSERT INTO sources (id, origin, url, lang, outlet, published, published_from, title, encoding,"
            " media_type, raw_sha256, text, note, extractor_version, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET note = excluded.note, extractor_version = excluded.extractor_version,"
            " lang = excluded.lang, published = COALESCE(sources.published, excluded.published),"
            " published_from = COALESCE(sources.published_from, excluded.published_from),"
            " url = COALESCE(sources.url, excluded.url), outlet = COALESCE(sources.outlet, excluded.outlet),"
            " superseded_by = NULL, superseded_at = NULL, retracted_at = NULL",
            (src.id, src.origin, src.url, src.lang, src.outlet, src.published, src.published_from, src.title,
             src.encoding, src.media_type, src.raw_sha256, src.text, note, version, now()),
        )
        browse_index.index_source(self.db, src.id, src.lang, src.title, src.text)

    def supersede_earlier(self, src: Source) -> list[str]:
        """Mark as superseded by `src` the earlier versions of it: the live source its origin
        pointed to, and live sources with the same URL, whatever their origin. Their text stays
        as history; their mentions go, so the agreements are recomputed from the new text.
        Call before `put_origin`. Returns the ids superseded."""
        earlier = {r[0] for r in self.db.execute("SELECT source_id FROM origins WHERE origin = ?", (src.origin,))}
        if src.url:
            earlier |= {r[0] for r in self.db.execute(f"SELECT id FROM sources WHERE url = ? AND {self._LIVE}",
                                                     (src.url,))}
        earlier.discard(src.id)
        done = []
        for sid in sorted(earlier):
            others = self.db.execute("SELECT COUNT(*) FROM origins WHERE source_id = ? AND origin != ?",
                                     (sid, src.origin)).fetchone()[0]
            same_url = src.url is not None and self.db.execute(
                "SELECT 1 FROM sources WHERE id = ? AND url = ?", (sid, src.url)).fetchone() is not None
            if others and not same_url:
                continue  # the same text still stands at another origin
            self.db.execute(f"UPDATE sources SET superseded_by = ?, superseded_at = ? WHERE id = ? AND {self._LIVE}",
                            (src.id, now(), sid))
            browse_index.unindex_source(self.db, sid)
            self.drop_mentions(sid)
            done.append(sid)
        return done

    def retract(self, source_id: str) -> None:
        """`accords forget`: the source supports nothing any more; its text is kept, marked retracted,
        and its origins are forgotten so that ingesting the file again brings it back."""
        self.drop_mentions(source_id)
        self.db.execute("DELETE FROM origins WHERE source_id = ?", (source_id,))
        self.db.execute("UPDATE sources SET retracted_at = ? WHERE id = ?", (now(), source_id))
        browse_index.unindex_source(self.db, source_id)

    def resolve_source(self, query: str) -> list[sqlite3.Row]:
        """Sources that `query` names: an origin, a URL, a source id or a unique prefix of one."""
        rows = list(self.db.execute(
            "SELECT s.* FROM sources s WHERE s.id IN (SELECT source_id FROM origins WHERE origin = ?)"
            " OR s.url = ? OR s.id = ? OR s.origin = ?", (query, query, query, query)))
        if not rows and len(query) >= 4 and query.isalnum():
            rows = list(self.db.execute("SELECT * FROM sources WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
                                        (_like_prefix(query),)))
        return rows

    def put_origin(self, origin: str, source_id: str, raw_sha256: str) -> None:
        self.db.execute(
            "INSERT INTO origins VALUES (?,?,?,?) ON CONFLICT(origin) DO UPDATE SET source_id = excluded.source_id,"
            " raw_sha256 = excluded.raw_sha256, seen_at = excluded.seen_at",
            (origin, source_id, raw_sha256, now()))
        self.db.execute("DELETE FROM refusals WHERE origin = ?", (origin,))

    def put_refusal(self, origin: str, code: str, reason: str) -> None:
        self.db.execute("INSERT INTO refusals VALUES (?,?,?,?) ON CONFLICT(origin) DO UPDATE SET"
                        " code = excluded.code, reason = excluded.reason, at = excluded.at",
                        (origin, code, reason, now()))

    # -- mentions and statements -------------------------------------------------------------
    def drop_mentions(self, source_id: str) -> None:
        old = [r[0] for r in self.db.execute("SELECT id FROM mentions WHERE source_id = ?", (source_id,))]
        for mid in old:
            self.db.execute("DELETE FROM statements WHERE mention_id = ?", (mid,))
            self.db.execute("DELETE FROM blocks WHERE mention_id = ?", (mid,))
            self.db.execute("DELETE FROM judgements WHERE a = ? OR b = ?", (mid, mid))
        self.db.execute("DELETE FROM mentions WHERE source_id = ?", (source_id,))

    def replace_mentions(self, src: Source, events: list[EventMention], version: str) -> list[str]:
        """Store the events of a source in place of what an earlier extraction stored."""
        self.drop_mentions(src.id)
        ids = []
        for ev in events:
            mid = f"{src.id}:{ev.index}"
            ids.append(mid)
            self.db.execute("INSERT INTO mentions (id, source_id, idx) VALUES (?,?,?)", (mid, src.id, ev.index))
            rows = [(mid, src.id, f, json.dumps(v, ensure_ascii=False), s, e, src.lang, rule, version)
                    for f, v, s, e, rule in statements_of(ev)]
            self.db.executemany(
                "INSERT INTO statements (mention_id, source_id, field, value, span_start, span_end, lang, rule,"
                " extractor_version) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        return ids

    def statements(self, mention_ids: list[str] | None = None) -> list[sqlite3.Row]:
        if mention_ids is None:
            return list(self.db.execute("SELECT * FROM statements ORDER BY id"))
        out: list[sqlite3.Row] = []
        for i in range(0, len(mention_ids), 500):
            chunk = mention_ids[i : i + 500]
            q = f"SELECT * FROM statements WHERE mention_id IN ({','.join('?' * len(chunk))}) ORDER BY id"
            out.extend(self.db.execute(q, chunk))
        return out

    def sources(self, ids: list[str] | None = None) -> dict[str, sqlite3.Row]:
        if ids is None:
            rows = self.db.execute("SELECT * FROM sources")
        else:
            rows = self.db.execute(f"SELECT * FROM sources WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r["id"]: r for r in rows}

    # -- agreements -------------------------------------------------------------------------
    def agreement_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM agreements ORDER BY id")]

    def record(self, agreement_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
        if row is None:
            alias = self.db.execute("SELECT agreement_id FROM aliases WHERE alias = ?", (agreement_id,)).fetchone()
            if alias:
                row = self.db.execute("SELECT record FROM agreements WHERE id = ?", (alias[0],)).fetchone()
        return json.loads(row[0]) if row else None

    def resolve_agreement(self, query: str) -> list[str]:
        """Agreement ids that `query` names: an id, an earlier id (alias), or a unique prefix."""
        if self.db.execute("SELECT 1 FROM agreements WHERE id = ?", (query,)).fetchone():
            return [query]
        alias = self.db.execute("SELECT agreement_id FROM aliases WHERE alias = ?", (query,)).fetchone()
        if alias:
            return [alias[0]]
        if len(query) < 3:
            return []
        return [r[0] for r in self.db.execute("SELECT id FROM agreements WHERE id LIKE ? ESCAPE '\\'"
                                              " ORDER BY id LIMIT 20", (_like_prefix(query),))]

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, the lead signings of their reports first: an article that tells several
        signings (a summit's list of instruments) has its main one before the others, so a reader
        of the export, or a tool that takes one record per report, meets that one first."""
        for row in self.db.execute(
                "SELECT a.record FROM agreements a LEFT JOIN (SELECT agreement_id, MIN(idx) AS lead FROM mentions"
                " GROUP BY agreement_id) m ON m.agreement_id = a.id ORDER BY COALESCE(m.lead, 0), a.id"):
            yield json.loads(row[0])

    # -- entities ---------------------------------------------------------------------------
    def replace_entities(self, rows: list[tuple[str, str, str, str]], names: list[tuple[str, str]]) -> None:
        """Put the recomputed entities in place of the old ones (inside the caller's transaction)."""
        self.db.execute("DELETE FROM entity_names")
        self.db.execute("DELETE FROM entities")
        self.db.executemany("INSERT INTO entities VALUES (?,?,?,?)", rows)
        self.db.executemany("INSERT OR IGNORE INTO entity_names VALUES (?,?)", names)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Entities with a name form that is, or contains, `name` (folded)."""
        from accords.text.normalize import fold_str

        key = fold_str(name).strip()
        rows = self.db.execute(
            "SELECT DISTINCT e.data FROM entity_names n JOIN entities e ON e.id = n.entity_id"
            " WHERE n.folded = ? OR n.folded LIKE ? ORDER BY e.type, e.name LIMIT 50", (key, f"%{key}%"))
        return [json.loads(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        q = {"sources": "SELECT COUNT(*) FROM sources", "mentions": "SELECT COUNT(*) FROM mentions",
             "agreements": "SELECT COUNT(*) FROM agreements", "refusals": "SELECT COUNT(*) FROM refusals"}
        return {k: self.db.execute(v).fetchone()[0] for k, v in q.items()}


def _retrying(step: Callable[[], object], wait: float) -> None:
    """Run `step`, trying again while another process holds the lock, for up to `wait` seconds.

    SQLite's busy timeout already waits in most cases, but not in all: a connection that opens
    while another one closes (and checkpoints the WAL away), or a snapshot that went stale, gets
    "database is locked" at once. Under three concurrent ingests that happened once in 60 runs."""
    deadline = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as e:
            message = str(e).lower()
            if ("locked" not in message and "busy" not in message) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _like_prefix(s: str) -> str:
    """A LIKE pattern matching strings that start with `s` (its wildcards taken literally)."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _found(f: Found | None) -> tuple[Any, int | None, int | None, str] | None:
    return (f.value, f.start, f.end, f.rule) if f else None


def _person(p: Person) -> dict[str, Any]:
    return {
        "name": p.name.value, "role": p.role.value if p.role else None, "role_en": p.role_en,
        "role_span": [p.role.start, p.role.end] if p.role else None,
        "party": p.party.value if p.party else None,
        "party_span": [p.party.start, p.party.end] if p.party else None,
        "party_rule": p.party.rule if p.party else None,
        "kb": p.kb,
    }


def statements_of(ev: EventMention) -> list[tuple[str, Any, int | None, int | None, str]]:
    """The statements of one event mention: (field, value, start, end, rule)."""
    out: list[tuple[str, Any, int | None, int | None, str]] = []
    for name, f in (("instrument", ev.instrument), ("date_signed", ev.date_signed), ("place", ev.place),
                    ("trigger", ev.trigger)):
        got = _found(f)
        if got:
            out.append((name, *got))
    for name, items in (("instrument_word", ev.instrument_words), ("party", ev.parties), ("body", ev.bodies),
                        ("date_support", ev.date_support),
                        ("domain", ev.domains), ("area", ev.areas)):
        out.extend((name, f.value, f.start, f.end, f.rule) for f in items)
    for name, people in (("signatory", ev.signatories), ("present", ev.present)):
        out.extend((name, _person(p), p.name.start, p.name.end, p.name.rule) for p in people)
    for r in ev.related:
        out.append(("related", {"relation": r.relation, "instrument": r.instrument, "parties": list(r.parties),
                                "date": r.date}, r.start, r.end, "related-clause"))
    for d in ev.discrepancies:
        out.append(("discrepancy", {"field": d["field"], "note": d["note"]}, d["start"], d["end"], "self-check"))
    for q in ev.quotes:
        out.append(("quote", {"speaker": q.speaker, "speaker_span": list(q.speaker_span) if q.speaker_span else None},
                    q.start, q.end, "quotation"))
    return out
