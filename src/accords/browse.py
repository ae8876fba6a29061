"""Every read the web app and the JSON API make of a store, as JSON-ready dicts.

Each function takes an open (read-only) `Store` and returns plain data; the pages and the API
only shape it. Filters mean what they mean in `accords list` (see `listing.keep`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

from accords import listing
from accords.store.sqlite import Store
from accords.text.normalize import fold_str

MAX_PER_PAGE = 200
SORTS = ("date", "oldest", "sources", "id")
RTL = {"ar", "fa", "he", "ur", "yi", "ps", "ckb", "sd", "ug", "dv"}


@dataclass(frozen=True)
class Query:
    """The agreement list's filters; every one given must hold."""

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


def direction(lang: str | None) -> str:
    return "rtl" if lang in RTL else "ltr"


def _filters(query: Query) -> listing.Filters:
    # Parties are matched here by id, exactly (a link's 'IN' must not match Argentina by name).
    return listing.Filters(instrument=query.instrument, domain=query.domain,
                           lang=query.lang, since=query.since, until=query.until, search=query.q)


def _matching(store: Store, query: Query) -> list[dict[str, Any]]:
    f = _filters(query)
    matched = listing.sources_matching(store, query.q) if query.q else None
    out = []
    for rec in store.records():
        if not listing.keep(rec, f, matched):
            continue
        if not set(query.parties) <= {p["id"] for p in rec["parties"]}:
            continue
        if query.discrepancies is not None and bool(rec["discrepancies"]) != query.discrepancies:
            continue
        out.append(rec)
    return out


def row(rec: dict[str, Any]) -> dict[str, Any]:
    """One agreement as a list shows it."""
    return {"id": rec["id"], "date_signed": rec["date_signed"], "instrument": rec["instrument"],
            "title": rec["title"], "place": rec["place"],
            "parties": [{"id": p["id"], "name": p.get("name") or p["id"], "type": p["type"]} for p in rec["parties"]],
            "domains": list(rec["domains"]), "languages": sorted({s["lang"] or "?" for s in rec["sources"]}),
            "sources": len(rec["sources"]), "discrepancies": len(rec["discrepancies"])}


def _sorted(rows: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    if sort == "oldest":
        return sorted(rows, key=lambda r: (r["date_signed"] is None, r["date_signed"] or "", r["id"]))
    if sort == "sources":
        return sorted(rows, key=lambda r: (-r["sources"], r["id"]))
    if sort == "id":
        return sorted(rows, key=lambda r: r["id"])
    return sorted(rows, key=lambda r: (r["date_signed"] or "", r["id"]), reverse=True)


def agreements(store: Store, query: Query) -> dict[str, Any]:
    """A page of the agreements the query matches, and how many match in all."""
    per_page = max(1, min(query.per_page, MAX_PER_PAGE))
    page = max(1, query.page)
    rows = _sorted([row(r) for r in _matching(store, query)], query.sort)
    start = (page - 1) * per_page
    return {"items": rows[start:start + per_page], "total": len(rows), "page": page, "per_page": per_page}


def facets(store: Store, query: Query) -> dict[str, list[list[Any]]]:
    """How many of the matching agreements have each instrument, domain, language and party."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for rec in _matching(store, query):
        counts["instrument"][rec["instrument"]] += 1
        counts["domain"].update(rec["domains"])
        counts["lang"].update({s["lang"] or "?" for s in rec["sources"]})
        for p in rec["parties"]:
            counts["party"][p["id"]] += 1
            names[p["id"]] = p.get("name") or p["id"]
    out: dict[str, list[list[Any]]] = {k: [[v, n] for v, n in counts[k].most_common(30)]
                                       for k in ("instrument", "domain", "lang")}
    out["party"] = [[pid, names[pid], n] for pid, n in counts["party"].most_common(30)]
    return out


def agreement(store: Store, agreement_id: str) -> dict[str, Any] | None:
    """The stored record, exactly (an earlier id of a merged agreement leads to it)."""
    return store.record(agreement_id)


def sources(store: Store, agreement_id: str) -> list[dict[str, Any]]:
    """The record's sources with their texts and the spans of its evidence in each."""
    rec = store.record(agreement_id)
    if rec is None:
        return []
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for field, items in rec["evidence"].items():
        for ev in items:
            start, end = ev["span"]
            spans[ev["source"]].append({"start": start, "end": end, "field": field, "text": ev["text"]})
    rows = store.sources([s["id"] for s in rec["sources"]])
    out = []
    for s in rec["sources"]:
        text = rows[s["id"]]["text"] if s["id"] in rows else ""
        out.append({**s, "dir": direction(s["lang"]), "text": text,
                    "spans": sorted(spans[s["id"]], key=lambda x: (x["start"], x["end"], x["field"]))})
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


def _snippet(text: str, folded_key: str, width: int = 80) -> dict[str, str] | None:
    """The words around the first hit. Folding keeps one character per character (see
    text.normalize.fold_char) only where it does; the hit is looked for in the original
    text position by position, so a snippet always quotes the source as written."""
    folded = [fold_str(c) for c in text]
    flat = "".join(folded)
    at = flat.find(folded_key)
    if at < 0:
        return None
    # Map the folded offset back to the original text.
    pos, start, end = 0, None, None
    for i, f in enumerate(folded):
        if start is None and pos + len(f) > at:
            start = i
        pos += len(f)
        if pos >= at + len(folded_key):
            end = i + 1
            break
    start = start or 0
    end = end or len(text)
    return {"before": text[max(0, start - width):start], "hit": text[start:end], "after": text[end:end + width]}


def search(store: Store, q: str, lang: str | None = None, page: int = 1, per_page: int = 20) -> dict[str, Any]:
    """Live sources whose text holds the words, with a snippet and the agreements they support."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    key = fold_str(q)
    agreements_of: dict[str, list[str]] = defaultdict(list)
    for sid, aid in store.db.execute("SELECT DISTINCT source_id, agreement_id FROM mentions"
                                     " WHERE agreement_id IS NOT NULL ORDER BY agreement_id"):
        agreements_of[sid].append(aid)
    hits = []
    for s in store.db.execute("SELECT id, lang, title, url, text FROM sources WHERE superseded_by IS NULL"
                              " AND retracted_at IS NULL ORDER BY published DESC, id"):
        if lang and s["lang"] != lang:
            continue
        snip = _snippet(s["text"], key) if key else None
        if snip is None:
            continue
        hits.append({"source_id": s["id"], "lang": s["lang"], "dir": direction(s["lang"]), "title": s["title"],
                     "url": s["url"], "snippet": snip, "agreements": agreements_of.get(s["id"], [])})
    start = (page - 1) * per_page
    return {"items": hits[start:start + per_page], "total": len(hits), "page": page, "per_page": per_page}


def timeline(store: Store, query: Query) -> list[dict[str, Any]]:
    """Matching agreements by month of signing, ascending; undated ones left out."""
    months = Counter(r["date_signed"][:7] for r in _matching(store, replace(query, page=1))
                     if r["date_signed"] and len(r["date_signed"]) >= 7)
    return [{"month": m, "count": n} for m, n in sorted(months.items())]


def network(store: Store, query: Query, limit: int = 150) -> dict[str, Any]:
    """Parties as nodes (size: agreements), and who signs with whom as edges (weight: agreements)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rec in _matching(store, query):
        ids = sorted({p["id"] for p in rec["parties"]})
        for p in rec["parties"]:
            nodes.setdefault(p["id"], {"id": p["id"], "name": p.get("name") or p["id"], "type": p["type"],
                                       "region": region(p["id"], p["type"]), "agreements": 0})
        for pid in ids:
            nodes[pid]["agreements"] += 1
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                edges[(a, b)].append(rec["id"])
    kept = {n["id"] for n in sorted(nodes.values(), key=lambda n: (-n["agreements"], n["id"]))[:limit]}
    return {"nodes": [n for pid, n in sorted(nodes.items()) if pid in kept],
            "edges": [{"source": a, "target": b, "weight": len(ids), "agreements": ids[:20]}
                      for (a, b), ids in sorted(edges.items()) if a in kept and b in kept]}


def region(party_id: str, party_type: str) -> str:
    """The continent of a state (CLDR's territory containment), 'organization' for the others."""
    if party_type != "state":
        return "organization"
    from accords.knowledge import continent

    return continent(party_id) or "other"


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """The entity the store keeps, with its agreements as list rows."""
    data = store.entity(entity_id)
    if data is None:
        return None
    if data["type"] == "person":
        recs = [r for r in (store.record(a) for a in data.get("agreements") or []) if r]
    else:  # a state or organisation entity is the party of that id: state:AZ is party AZ
        party = data.get("iso") or data["id"]
        recs = _matching(store, Query(parties=(party,)))
    return {**data, "agreement_rows": _sorted([row(r) for r in recs], "date")}


def entities(store: Store, q: str, limit: int = 50) -> list[dict[str, Any]]:
    """Entities with a name form that is, or holds, `q` (any script)."""
    return [{"id": e["id"], "type": e["type"], "name": e["name"]} for e in store.find_entities(q)[:limit]]
