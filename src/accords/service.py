"""The main job: read inputs, run the pipeline, store statements, merge, write agreement records.

Documents are written in batches, one transaction each; agreements are recomputed afterwards in
their own transaction. A source already stored with the same text and extractor version is not
extracted again, so re-running an ingest changes nothing.

Several ingests may write to one store at once and give the result of running them one after
another: a batch re-checks, under the write lock, which of its sources another run has stored
meanwhile, and the rebuild of agreements reads the mentions it rebuilds inside its own write
transaction. The summary counts only what this run committed: each batch's counts join it when
the batch commits, so an interrupted run reports what is really in the store.

Killed at any moment, a run leaves whole batches or nothing of them. Mentions stored by a batch
whose run died before the agreements were rebuilt have no agreement yet (`agreement_id` NULL:
pending, which `accords check` reports but accepts); every run ends by rebuilding the agreements
over all mentions in the store, not only its own, so the next run completes them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from accords.extract.topics import SENTENCE_DOMAIN
from accords.ingest.read import DEFAULT_MAX_BYTES, RawInput, Refused, read_inputs
from accords.limits import Limits, TimeLimit, deadline
from accords.merge import (
    DEFAULT_SCORER,
    SCORERS,
    MentionView,
    candidate_pairs,
    components,
    count_siblings,
    view_from_statements,
)
from accords.pipeline import EXTRACTOR_VERSION, Processed, process
from accords.record import build_record, stmt_from_row
from accords.store import browse_index
from accords.store.sqlite import Store, now

BATCH = 50


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    no_signing: int = 0
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # origin, code, reason
    notes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    agreements_created: int = 0
    agreements_updated: int = 0
    agreements_total: int = 0
    superseded: int = 0  # earlier versions of a source replaced by its new text
    pending: int = 0  # inputs read but not yet committed (the batch in progress)
    rebuilt: bool = False  # agreements were recomputed after the last batch

    def add(self, other: Summary) -> None:
        """Fold a committed batch's counts into the run's."""
        self.stored += other.stored
        self.unchanged += other.unchanged
        self.no_signing += other.no_signing
        self.superseded += other.superseded
        self.refused.extend(other.refused)
        for k, n in other.notes.items():
            self.notes[k] += n

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "stored": self.stored, "unchanged": self.unchanged,
                "no_signing": self.no_signing, "refused": [list(r) for r in self.refused],
                "notes": dict(self.notes), "agreements_created": self.agreements_created,
                "agreements_updated": self.agreements_updated, "agreements_total": self.agreements_total,
                "superseded": self.superseded, "refused_by_code": self.refused_by_code()}

    def refused_by_code(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for _, code, _ in self.refused:
            counts[code] += 1
        return dict(sorted(counts.items()))


Item = Processed | Refused | tuple[RawInput, str]


def _store_batch(store: Store, batch: list[Item], counts: Summary) -> None:
    """Write one batch in one transaction. `counts` are the batch's own; a source that another
    run stored since this one looked is counted unchanged, not stored twice."""
    with store.transaction():
        for item in batch:
            if isinstance(item, Refused):
                store.put_refusal(item.origin, item.code, item.reason)
                continue
            if isinstance(item, tuple):
                raw, sid = item
                store.put_origin(raw.origin, sid, raw.raw_sha256)
                continue
            src = item.source
            if store.source_state(src.id) == EXTRACTOR_VERSION:  # another run was first
                _uncount(counts, item)
                store.put_origin(src.origin, src.id, src.raw_sha256)
                continue
            store.put_source(src, item.note, EXTRACTOR_VERSION)
            counts.superseded += len(store.supersede_earlier(src))
            store.put_origin(src.origin, src.id, src.raw_sha256)
            store.replace_mentions(src, item.events, EXTRACTOR_VERSION)
        # A re-extracted source takes its old mentions away; an agreement left with none would
        # be a record of nothing until the rebuild, so it goes with them, in the same commit.
        store.db.execute("DELETE FROM agreements WHERE id NOT IN"
                         " (SELECT agreement_id FROM mentions WHERE agreement_id IS NOT NULL)")
        browse_index.drop_missing_agreements(store.db)


def _uncount(counts: Summary, item: Processed) -> None:
    counts.stored -= 1
    counts.unchanged += 1
    if item.note:
        counts.notes[item.note] -= 1
        if not counts.notes[item.note]:
            del counts.notes[item.note]
    if not item.events:
        counts.no_signing -= 1


def ingest(paths: Iterable[str], store: Store, max_bytes: int = DEFAULT_MAX_BYTES,
           on_item: Callable[[str], None] | None = None, limits: Limits | None = None,
           summary: Summary | None = None, skip: Iterable[str] = ()) -> Summary:
    """Ingest files and folders into `store`; returns what happened.

    Pass `summary` to keep what was committed when the run is interrupted (KeyboardInterrupt):
    the batch in progress is rolled back and `summary.pending` says how many inputs it held.
    `skip` names files never to read as inputs (the store's own files)."""
    limits = limits or Limits(max_bytes=max_bytes)
    return ingest_inputs(read_inputs(paths, limits=limits, skip=skip), store, limits, on_item, summary)


def ingest_inputs(inputs: Iterable[RawInput | Refused], store: Store, limits: Limits | None = None,
                  on_item: Callable[[str], None] | None = None, summary: Summary | None = None) -> Summary:
    """Ingest articles already read (from files by `ingest`, from a request by the web API):
    extract, store in batches, rebuild the agreements; returns what happened."""
    limits = limits or Limits()
    summary = summary if summary is not None else Summary()
    batch: list[Item] = []
    counts = Summary()  # the batch in progress, joined to `summary` when it commits
    this_run: set[str] = set()  # sources stored by this run, committed or still in the batch
    for item in inputs:
        summary.read += 1
        summary.pending += 1
        if isinstance(item, Refused):
            counts.refused.append((item.origin, item.code, item.reason))
            batch.append(item)
        else:
            batch.append(_process_one(store, item, counts, this_run, limits.max_seconds))
        if on_item:
            on_item(item.origin)
        if len(batch) >= BATCH:
            _commit(store, batch, counts, summary)
            batch, counts = [], Summary()
    if batch:
        _commit(store, batch, counts, summary)
    rebuild_agreements(store, summary)
    return summary


def _commit(store: Store, batch: list[Item], counts: Summary, summary: Summary) -> None:
    _store_batch(store, batch, counts)
    summary.add(counts)
    summary.pending -= len(batch)


def _guarded(raw: RawInput, seconds: float) -> Processed | Refused:
    """`process(raw)` within the time limit; a failure or overrun is the document's refusal."""
    try:
        with deadline(seconds):
            return process(raw)
    except TimeLimit:
        return Refused(raw.origin, f"extraction took longer than the limit ({seconds:g} s)", "E112")
    except RecursionError:
        return Refused(raw.origin, "extraction failed: structure nested too deeply", "E190")
    except Exception as e:  # one bad document must not stop the run; it is reported, not hidden
        return Refused(raw.origin, f"extraction failed: {type(e).__name__}: {e}", "E190")


def _process_one(store: Store, raw: RawInput, summary: Summary, this_run: set[str],
                 seconds: float = 0) -> Processed | tuple[RawInput, str] | Refused:
    seen = store.origin_seen(raw.origin, raw.raw_sha256)
    if seen and store.source_state(seen) == EXTRACTOR_VERSION:
        summary.unchanged += 1
        return (raw, seen)
    done = _guarded(raw, seconds)
    if isinstance(done, Refused):
        summary.refused.append((done.origin, done.code, done.reason))
        return done
    if done.source.id in this_run or store.source_state(done.source.id) == EXTRACTOR_VERSION:
        summary.unchanged += 1
        return (raw, done.source.id)
    this_run.add(done.source.id)
    summary.stored += 1
    if done.note:
        summary.notes[done.note] += 1
    if not done.events:
        summary.no_signing += 1
    return done


def mention_views(store: Store) -> list[MentionView]:
    sources = store.sources()
    rows_by_mention: dict[str, list[Any]] = defaultdict(list)
    # A domain read loosely from the signing's sentences says too little to keep two signings apart.
    for r in store.db.execute("SELECT mention_id, field, value FROM statements WHERE field IN"
                              " ('instrument','party','date_signed','signatory','domain')"
                              " AND NOT (field = 'domain' AND rule IS ?)", (SENTENCE_DOMAIN,)):
        rows_by_mention[r["mention_id"]].append(r)
    views = []
    for m in store.db.execute("SELECT id, source_id FROM mentions ORDER BY id"):
        src = sources[m["source_id"]]
        views.append(view_from_statements(m["id"], dict(src), rows_by_mention.get(m["id"], [])))
    return count_siblings(views)


def rebuild_agreements(store: Store, summary: Summary | None = None, scorer: str = DEFAULT_SCORER) -> None:
    """Judge candidate pairs, take components, and rewrite every agreement record.

    Everything is read and written inside one write transaction: a concurrent ingest cannot
    store mentions between the reading and the writing, so none is left without an agreement."""
    with store.transaction():
        old_ids = set(store.agreement_ids())
        records, changed = _rebuild_locked(store, scorer)
        from accords import entities

        entities.rebuild(store)  # people, states and organisations follow the agreements
    if summary is not None:
        summary.rebuilt = True
        summary.agreements_total = len(records)
        summary.agreements_created = len(set(records) - old_ids)
        summary.agreements_updated = len((changed & old_ids) & set(records))


def _rebuild_locked(store: Store, scorer: str) -> tuple[dict[str, dict[str, Any]], set[str]]:
    views = mention_views(store)
    by_id = {v.id: v for v in views}
    judge = SCORERS[scorer]
    judgements = []
    for a, b in sorted(candidate_pairs(views)):
        j = judge(by_id[a], by_id[b])
        judgements.append((a, b, j.verdict, j.score, scorer, j.reason))
    positive = [(a, b) for a, b, verdict, *_ in judgements if verdict == "positive"]
    scores = {(a, b): score for a, b, _v, score, *_ in judgements}
    assignment = components(by_id, positive, scores, judge)
    old = {r[0]: r[1] for r in store.db.execute("SELECT id, agreement_id FROM mentions")}
    members: dict[str, list[str]] = defaultdict(list)
    for mid, aid in assignment.items():
        members[aid].append(mid)
    records = _records(store, members)
    previous = {r[0]: r[1] for r in store.db.execute("SELECT id, record FROM agreements")}
    store.db.execute("DELETE FROM judgements")
    store.db.executemany("INSERT INTO judgements VALUES (?,?,?,?,?,?)", judgements)
    store.db.executemany("UPDATE mentions SET agreement_id = ? WHERE id = ?",
                         [(aid, mid) for mid, aid in assignment.items()])
    store.db.execute("DELETE FROM agreements")
    serialised = {aid: json.dumps(rec, ensure_ascii=False) for aid, rec in records.items()}
    store.db.executemany("INSERT INTO agreements VALUES (?,?,?)",
                         [(aid, text, now()) for aid, text in serialised.items()])
    browse_index.write_agreements(store.db, records.values())  # the web app's list reads these
    for mid, prev in old.items():
        new = assignment.get(mid)
        if prev and new and prev != new and prev not in records:
            store.db.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", (prev, new))
    _repoint_aliases(store, old, assignment, set(records))
    changed = {aid for aid, text in serialised.items() if previous.get(aid) != text}
    return records, changed


def _repoint_aliases(store: Store, old: dict[str, str | None], assignment: dict[str, str],
                     records: set[str]) -> None:
    """Aliases whose agreement merged away point on to where its mentions went, or go: an alias
    must always lead to a record."""
    moved = {prev: assignment[mid] for mid, prev in old.items() if prev and mid in assignment}
    for alias, target in list(store.db.execute("SELECT alias, agreement_id FROM aliases")):
        if target in records and alias not in records:
            continue
        new = moved.get(target)
        if new in records and alias not in records and new != alias:
            store.db.execute("UPDATE aliases SET agreement_id = ? WHERE alias = ?", (new, alias))
        else:
            store.db.execute("DELETE FROM aliases WHERE alias = ?", (alias,))


def _records(store: Store, members: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    sources = store.sources()
    rows_by_mention: dict[str, list[Any]] = defaultdict(list)
    for r in store.statements():
        rows_by_mention[r["mention_id"]].append(r)
    out = {}
    for aid, mids in sorted(members.items()):
        stmts = [stmt_from_row(r) for m in sorted(mids) for r in rows_by_mention.get(m, [])]
        srcs = {s.source: dict(sources[s.source]) for s in stmts}
        for m in mids:
            sid = m.split(":")[0]
            srcs.setdefault(sid, dict(sources[sid]))
        out[aid] = build_record(aid, stmts, srcs)
    return out
