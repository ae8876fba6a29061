"""Every read query of the web app, over the browse index of migration 004_browse.

Each function takes an open Store and returns plain JSON-ready data. The list, its counts and
facets, the timeline and the network are answered from the index tables that the rebuild writes
with the records (store/browse_index.py); search from the trigram index of the live sources'
folded texts (browse_search.py). Every value is bound, never formatted into SQL; the only SQL
put together is a choice among fixed clauses. Page sizes are bounded; counts are exact.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from accords import browse_search, labels
from accords.store.browse_index import list_row
from accords.store.sqlite import Store

MAX_PER_PAGE = 200
MAX_PAGE = 10_000  # a page beyond this is refused by the API; here it is clamped
FACET_SIZE = 30
RTL = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "ckb", "dv", "sd", "ug"})
SORTS = {
    "date": "a.date_newest DESC, a.id DESC",
    "oldest": "a.date_oldest, a.id",
    "sources": "a.n_sources DESC, a.id",
    "id": "a.id",
}


_INSTRUMENT_CODES = {label: code for code, label in labels.INSTRUMENTS.items()}


@dataclass(frozen=True)
class Query:
    """The agreement list's filters; every one given must hold (a date filter leaves out undated)."""

    parties: tuple[str, ...] = ()
    instrument: str | None = None
    domain: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    discrepancies: bool | None = None
    q: str | None = None
    sort: str = "date"
    page: int = 1
    per_page: int = 50


def row(rec: dict[str, Any]) -> dict[str, Any]:
    """One agreement as the list shows it (the index keeps it ready, as JSON)."""
    return list_row(rec)


def direction(lang: str | None) -> str:
    return "rtl" if (lang or "").split("-")[0] in RTL else "ltr"


def _bounded(page: int, per_page: int) -> tuple[int, int]:
    return min(max(1, page), MAX_PAGE), min(max(1, per_page), MAX_PER_PAGE)


@dataclass
class _Where:
    """A query's conditions: `sets` select agreement keys from a table of their own (parties,
    domains, languages, the search's hits), `cols` test columns of `browse_agreements a`."""

    sets: list[tuple[str, list[Any]]] = field(default_factory=list)
    cols: list[tuple[str, list[Any]]] = field(default_factory=list)
    found: int | None = None  # how many agreements the words matched, when searched

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause over `browse_agreements a` and its values."""
        parts = [(f"a.n IN ({q})", p) for q, p in self.sets] + self.cols
        if not parts:
            return "", []
        return " WHERE " + " AND ".join(q for q, _ in parts), [v for _, p in parts for v in p]

    def count(self, db: sqlite3.Connection) -> int:
        """How many agreements match: from the key tables alone when no column is tested (no
        agreement row is read), from the search's own count when nothing else is asked."""
        if not self.cols and len(self.sets) == 1 and self.found is not None:
            return self.found
        if self.cols or not self.sets:
            sql, params = self.sql()
            return int(db.execute(f"SELECT COUNT(*) FROM browse_agreements a{sql}", params).fetchone()[0])
        (first, p0), rest = self.sets[0], self.sets[1:]
        tests = "".join(f" AND s.n IN ({q})" for q, _ in rest)
        params = [*p0, *(v for _, p in rest for v in p)]
        return int(db.execute(f"SELECT COUNT(*) FROM ({first}) AS s WHERE 1{tests}", params).fetchone()[0])


def _where(store: Store, query: Query) -> _Where | None:
    """The query's conditions; None when nothing can match."""
    w = _Where()
    for pid in dict.fromkeys(query.parties):
        w.sets.append(("SELECT n FROM browse_parties WHERE party_id = ?", [pid]))
    if query.domain:
        w.sets.append(("SELECT n FROM browse_domains WHERE domain = ?", [query.domain]))
    if query.lang:
        w.sets.append(("SELECT n FROM browse_langs WHERE lang = ?", [query.lang]))
    if query.instrument:  # a code, or its label as `accords list` shows it
        w.cols.append(("a.instrument = ?", [_INSTRUMENT_CODES.get(query.instrument, query.instrument)]))
    if query.since:
        # A date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) is kept when it reaches the bound at its
        # own precision: date || '~' >= since. The first clause, implied by the second (every date has
        # its year), bounds the scan of the date index; both read the index alone.
        w.cols.append(("a.date_newest >= ? AND a.date_newest || '~' >= ?", [query.since[:4], query.since]))
    if query.until:  # date[:len(until)] <= until; undated ('') left out
        w.cols.append(("a.date_newest > '' AND a.date_newest <= ?", [query.until + "~"]))
    if query.discrepancies is not None:
        w.cols.append(("a.n_discrepancies > 0" if query.discrepancies else "a.n_discrepancies = 0", []))
    if query.q and query.q.strip():
        # The full-text match runs once per call; the page and the count both read its result.
        found = _found_by_words(store, query.q)
        if not found:
            return None
        w.sets.append(("SELECT value AS n FROM json_each(?)", [json.dumps(found)]))
        w.found = len(found)
    return w


def _found_by_words(store: Store, q: str) -> list[int]:
    """Agreements (browse_agreements.n) whose names or live sources' texts hold every word of `q`."""
    names = browse_search.match(store.db, "browse_names_vocab", q)
    texts = browse_search.match(store.db, "search_vocab", q)
    found: set[int] = set()
    if names.expression:
        found.update(r[0] for r in store.db.execute("SELECT rowid FROM browse_names WHERE browse_names MATCH ?",
                                                    (names.expression,)))
    if texts.expression:
        found.update(r[0] for r in store.db.execute(
            "SELECT bs.n FROM search_text t JOIN browse_sources bs ON bs.sn = t.rowid WHERE search_text MATCH ?",
            (texts.expression,)))
    return sorted(found)


def agreements(store: Store, query: Query) -> dict[str, Any]:
    return _agreements(store, query, _where(store, query))


def agreements_and_facets(store: Store, query: Query) -> tuple[dict[str, Any], dict[str, list[list[Any]]]]:
    """What the list page shows, `agreements` and `facets`, with the query's words searched once."""
    where = _where(store, query)
    return _agreements(store, query, where), _facets(store, where)


def _agreements(store: Store, query: Query, where: _Where | None) -> dict[str, Any]:
    page, per_page = _bounded(query.page, query.per_page)
    out: dict[str, Any] = {"items": [], "total": 0, "page": page, "per_page": per_page}
    if where is None:
        return out
    sql, params = where.sql()
    order = SORTS.get(query.sort, SORTS["date"])
    # The page's keys first (the sort carries no rows), then its rows.
    keys = [r[0] for r in store.db.execute(f"SELECT a.n FROM browse_agreements a{sql} ORDER BY {order}"
                                           " LIMIT ? OFFSET ?", [*params, per_page, (page - 1) * per_page])]
    out["items"] = _rows(store, keys)
    out["total"] = where.count(store.db)
    return out


def _rows(store: Store, keys: list[int]) -> list[dict[str, Any]]:
    """The list rows of agreements `keys` (browse_agreements.n), in that order."""
    found = dict(store.db.execute("SELECT n, row FROM browse_rows WHERE n IN (SELECT value FROM json_each(?))",
                                  (json.dumps(keys),)))
    return [json.loads(found[k]) for k in keys]


# Counts of each facet's values over a set of agreement keys (a JSON array), read from the
# key-ordered indexes of the link tables; and over every agreement, from the tables alone.
_FACETS = {
    "instrument": "SELECT a.instrument, COUNT(*) FROM json_each(?) k JOIN browse_agreements a ON a.n = k.value"
                  " GROUP BY a.instrument",
    "domain": "SELECT d.domain, COUNT(*) FROM json_each(?) k JOIN browse_domains d ON d.n = k.value GROUP BY d.domain",
    "lang": "SELECT l.lang, COUNT(*) FROM json_each(?) k JOIN browse_langs l ON l.n = k.value GROUP BY l.lang",
    "party": "SELECT p.party_id, COUNT(*) FROM json_each(?) k JOIN browse_parties p ON p.n = k.value"
             " GROUP BY p.party_id",
}
_FACETS_ALL = {
    "instrument": "SELECT instrument, COUNT(*) FROM browse_agreements GROUP BY instrument",
    "domain": "SELECT domain, COUNT(*) FROM browse_domains GROUP BY domain",
    "lang": "SELECT lang, COUNT(*) FROM browse_langs GROUP BY lang",
    "party": "SELECT party_id, COUNT(*) FROM browse_parties GROUP BY party_id",
}


def _counts(store: Store, keys: list[int] | None) -> dict[str, dict[str, int]]:
    """Each facet's counts over agreements `keys` (None: all)."""
    out = {}
    for kind in _FACETS:
        rows = store.db.execute(_FACETS_ALL[kind]) if keys is None else \
            store.db.execute(_FACETS[kind], (json.dumps(keys),))
        out[kind] = {v: n for v, n in rows if v is not None}
    return out


def facets(store: Store, query: Query) -> dict[str, list[list[Any]]]:
    """The values of each filter with their counts under the query, the FACET_SIZE commonest.

    The matching agreements are found once; when they are most of the store, the counts are those
    of the whole store less those of the agreements left out (fewer rows to read)."""
    return _facets(store, _where(store, query))


def _facets(store: Store, where: _Where | None) -> dict[str, list[list[Any]]]:
    if where is None:
        return {k: [] for k in _FACETS}
    if not where.sets and not where.cols:
        counts = _counts(store, None)
    else:
        sql, params = where.sql()
        keys = [r[0] for r in store.db.execute(f"SELECT a.n FROM browse_agreements a{sql}", params)]
        every = store.db.execute("SELECT COUNT(*) FROM browse_agreements").fetchone()[0]
        if len(keys) * 2 <= every:
            counts = _counts(store, keys)
        else:
            kept = set(keys)
            left = [n for (n,) in store.db.execute("SELECT n FROM browse_agreements") if n not in kept]
            counts, less = _counts(store, None), _counts(store, left)
            counts = {k: {v: n - less[k].get(v, 0) for v, n in c.items() if n > less[k].get(v, 0)}
                      for k, c in counts.items()}
    out: dict[str, list[list[Any]]] = {}
    for kind, c in counts.items():
        out[kind] = [[v, n] for v, n in sorted(c.items(), key=lambda vn: (-vn[1], vn[0]))[:FACET_SIZE]]
    names = _party_names(store, [row[0] for row in out["party"]])
    out["party"] = [[pid, names.get(pid, pid), n] for pid, n in out["party"]]
    return out


def _party_names(store: Store, ids: list[str]) -> dict[str, str]:
    return dict(store.db.execute("SELECT party_id, MIN(name) FROM browse_parties WHERE party_id IN"
                                 " (SELECT value FROM json_each(?)) GROUP BY party_id", (json.dumps(ids),)))


def agreement(store: Store, agreement_id: str) -> dict[str, Any] | None:
    """Exactly the stored record (spec/record.md); an earlier id (alias) resolves."""
    return store.record(agreement_id)


def _spans(rec: dict[str, Any], source_id: str) -> list[dict[str, Any]]:
    spans = {(ev["span"][0], ev["span"][1], field, ev["text"])
             for field, evs in rec["evidence"].items() for ev in evs if ev["source"] == source_id}
    return [{"start": s, "end": e, "field": f, "text": t} for s, e, f, t in sorted(spans)]


def sources(store: Store, agreement_id: str) -> list[dict[str, Any]]:
    """The agreement's sources with their texts and the record's evidence spans in each."""
    rec = store.record(agreement_id)
    if rec is None:
        return []
    rows = store.sources([s["id"] for s in rec["sources"]])
    out = []
    for s in rec["sources"]:
        row = rows.get(s["id"])
        if row is None:
            continue
        out.append({"id": s["id"], "origin": s["origin"], "url": s["url"], "lang": s["lang"],
                    "dir": direction(s["lang"]), "outlet": s["outlet"], "published": s["published"],
                    "title": s["title"], "text": row["text"], "spans": _spans(rec, s["id"])})
    return out


def segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary, each piece with the fields whose evidence covers it,
    so that overlapping spans can all be highlighted."""
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((max(0, min(s["start"], len(text))), max(0, min(s["end"], len(text)))))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        fields = sorted({s["field"] for s in spans if s["start"] <= a and b <= s["end"]})
        out.append({"text": text[a:b], "fields": fields, "start": a})
    return out


def search(store: Store, q: str, lang: str | None = None, page: int = 1, per_page: int = 20) -> dict[str, Any]:
    """Live sources whose text or title holds every word of `q`, newest first, with a snippet."""
    page, per_page = _bounded(page, per_page)
    out: dict[str, Any] = {"items": [], "total": 0, "page": page, "per_page": per_page}
    terms = browse_search.match(store.db, "search_vocab", q)
    if terms.expression is None:
        return out
    if lang:  # one pass: every hit's key in that language, newest first; the count is their number
        every = [r[0] for r in store.db.execute(
            "SELECT t.rowid FROM search_text t JOIN search_sources x ON x.n = t.rowid"
            " WHERE search_text MATCH ? AND x.lang = ? ORDER BY t.rowid DESC", (terms.expression, lang))]
        out["total"], keys = len(every), every[(page - 1) * per_page: page * per_page]
    else:  # counting reads the index's lists alone; the page then takes its keys
        out["total"] = store.db.execute("SELECT COUNT(*) FROM search_text WHERE search_text MATCH ?",
                                        (terms.expression,)).fetchone()[0]
        keys = [r[0] for r in store.db.execute("SELECT rowid FROM search_text WHERE search_text MATCH ?"
                                               " ORDER BY rowid DESC LIMIT ? OFFSET ?",
                                               (terms.expression, per_page, (page - 1) * per_page))]
    for sn in keys:
        src = store.db.execute("SELECT s.id, s.lang, s.title, s.url, s.text FROM search_sources x"
                               " JOIN sources s ON s.id = x.source_id WHERE x.n = ?", (sn,)).fetchone()
        out["items"].append({"source_id": src["id"], "lang": src["lang"], "dir": direction(src["lang"]),
                             "title": src["title"], "url": src["url"],
                             "snippet": browse_search.snippet(src["text"], terms.words),
                             "agreements": [r[0] for r in store.db.execute(
                                 "SELECT a.id FROM browse_sources s JOIN browse_agreements a ON a.n = s.n"
                                 " WHERE s.sn = ? ORDER BY a.id", (sn,))]})
    return out


def timeline(store: Store, query: Query) -> list[dict[str, Any]]:
    """Agreements per month signed, ascending; undated ones and those dated by the year alone are
    left out (they have no month)."""
    where = _where(store, query)
    if where is None:
        return []
    sql, params = where.sql()
    sql = (sql + " AND" if sql else " WHERE") + " length(a.date_signed) >= 7"
    rows = store.db.execute(f"SELECT substr(a.date_signed, 1, 7) AS m, COUNT(*) FROM browse_agreements a{sql}"
                            " GROUP BY m ORDER BY m", params)
    return [{"month": m, "count": n} for m, n in rows]


def network(store: Store, query: Query, limit: int = 150) -> dict[str, Any]:
    """Parties as nodes (the `limit` with most agreements under the query) and, between two of
    them, an edge weighted by the agreements they are both parties to (up to 20 ids, newest first)."""
    limit = min(max(1, limit), 500)
    where = _where(store, query)
    if where is None:
        return {"nodes": [], "edges": []}
    sql, params = where.sql()
    rows = store.db.execute(
        f"SELECT p.party_id, MIN(p.name), MIN(p.type), COUNT(*) FROM browse_parties p"
        f" JOIN browse_agreements a ON a.n = p.n{sql} GROUP BY p.party_id ORDER BY COUNT(*) DESC, p.party_id LIMIT ?",
        [*params, limit]).fetchall()
    nodes = [{"id": pid, "name": name, "type": kind, "region": region(pid, kind), "agreements": n}
             for pid, name, kind, n in rows]
    return {"nodes": nodes, "edges": _edges(store, sql, params, {n["id"] for n in nodes})}


def _edges(store: Store, sql: str, params: list[Any], ids: set[str]) -> list[dict[str, Any]]:
    pairs = ("FROM browse_parties p1 JOIN browse_parties p2 ON p2.n = p1.n AND p1.party_id < p2.party_id"
             f" JOIN browse_agreements a ON a.n = p1.n{sql}")
    rows = store.db.execute(
        f"SELECT s, t, id FROM (SELECT p1.party_id AS s, p2.party_id AS t, a.id AS id, ROW_NUMBER() OVER"
        f" (PARTITION BY p1.party_id, p2.party_id ORDER BY a.date_newest DESC, a.id DESC) AS r {pairs}) WHERE r <= 20",
        params)
    ids_of: dict[tuple[str, str], list[str]] = {}
    for s, t, aid in rows:
        if s in ids and t in ids:
            ids_of.setdefault((s, t), []).append(aid)
    counts = store.db.execute(f"SELECT p1.party_id, p2.party_id, COUNT(*) {pairs} GROUP BY 1, 2", params)
    return [{"source": s, "target": t, "weight": n, "agreements": ids_of[(s, t)]}
            for s, t, n in counts if (s, t) in ids_of]


def region(party_id: str, party_type: str) -> str:
    """The continent of a state (CLDR's territory containment), 'organization' for the others."""
    if party_type != "state":
        return "organization"
    from accords.knowledge import continent

    return continent(party_id) or "other"


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """The entity the store keeps, with the list rows of its agreements (the MAX_PER_PAGE newest;
    `agreements_total` counts them all)."""
    data = store.entity(entity_id)
    if data is None:
        return None
    if data.get("type") == "person":
        ids = list(data.get("agreements") or [])
        where, params = f"a.id IN ({','.join('?' * len(ids))})", ids
    else:
        where, params = "a.n IN (SELECT n FROM browse_parties WHERE party_id = ?)", [data.get("iso") or entity_id]
    rows = store.db.execute(f"SELECT r.row FROM browse_agreements a JOIN browse_rows r ON r.n = a.n WHERE {where}"
                            f" ORDER BY {SORTS['date']} LIMIT ?", [*params, MAX_PER_PAGE])
    total = store.db.execute(f"SELECT COUNT(*) FROM browse_agreements a WHERE {where}", params).fetchone()[0]
    return data | {"agreement_rows": [json.loads(r[0]) for r in rows], "agreements_total": total}


def entities(store: Store, q: str, limit: int = 50) -> list[dict[str, Any]]:
    """Entities with a name form that is, or holds, `q` (folded), people first by name."""
    found = store.find_entities(q) if q and q.strip() else []
    return [{"id": e["id"], "type": e["type"], "name": e["name"]} for e in found[: min(max(1, limit), 50)]]
