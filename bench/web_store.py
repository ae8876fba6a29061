"""A store of N synthetic agreements (default 100,000) for the web app's load run (bench/web_load.py).

    python bench/web_store.py OUT.db [--n 100000] [--seed 12]

Records are shaped exactly like real ones because they are made from real ones: the seeds, the
dev documents and the practice documents of ../shared are ingested into a scratch store by the
normal pipeline, and every synthetic record is one of those records with its parties, date,
instrument, domains and place drawn anew (a skewed popularity of parties, as in the news) and a
subset of its sources. A synthetic source is its template's text up to the end of the sentence
holding its last evidence span (so every span of the record still holds), followed by sentences
of other documents in the same language, to 1-2k characters; a third of the records also get a
source made of sentences in another language (Chinese and Japanese among them). Everything is
written through the store's own writers: Store.put_source (which indexes the text for search),
and browse_index.add_agreements, the writer the rebuild uses. Prints one JSON line: agreements,
sources, seconds, bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from babel import Locale

from accords import labels
from accords.entities import as_rows, states_and_orgs
from accords.lang.lexicon import shared
from accords.merge import agreement_id
from accords.model import Source
from accords.record import _title, party_name
from accords.service import ingest
from accords.store import browse_index
from accords.store.sqlite import Store, now

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
INPUTS = [SHARED / "seeds", SHARED / "dev" / "docs", SHARED / "practice" / "docs"]
CHUNK = 1000  # agreements per transaction
# Sentence ends in the scripts of the corpus; the unspaced scripts end a sentence without a space.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？؟۔।])|\n+")


def templates(work: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Real records and their sources, from ingesting ../shared's documents into a scratch store."""
    store = Store(work / "templates.db")
    try:
        ingest([str(p) for p in INPUTS if p.exists()], store)
        records = list(store.records())
        sources = {sid: dict(row) for sid, row in store.sources().items() if row["superseded_by"] is None}
    finally:
        store.close()
    return records, sources


def sentence_pools(sources: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = defaultdict(list)
    for src in sources.values():
        for s in _SENTENCE.split(src["text"]):
            if len(s.strip()) >= 20:
                pools[src["lang"] or "en"].append(s.strip())
    return dict(pools)


def party_pool(records: list[dict[str, Any]]) -> list[str]:
    """Parties seen in the real records first (the most often drawn), then every state and the
    known organisations: a skewed popularity over a realistic set of ids."""
    seen = list(dict.fromkeys(p["id"] for r in records for p in r["parties"]))
    states = [c for c in Locale.parse("en").territories if len(c) == 2 and c.isalpha() and c not in ("ZZ", "EU")]
    orgs = list(shared("organizations.yaml"))
    return list(dict.fromkeys(seen + sorted(states) + sorted(orgs)))


class Maker:
    """Draws synthetic records and their sources from the templates with one seeded generator."""

    def __init__(self, records: list[dict[str, Any]], sources: dict[str, dict[str, Any]], seed: int) -> None:
        self.rnd = random.Random(seed)
        self.records = records
        self.sources = sources
        self.pools = sentence_pools(sources)
        self.parties = party_pool(records)
        self.party_weights = [1 / (i + 1) ** 0.8 for i in range(len(self.parties))]
        self.instruments = list(labels.INSTRUMENTS)
        self.domains = list(labels.DOMAINS)
        self.places = [r["place"] for r in records if r["place"]] or [None]
        self.seen: set[str] = set()

    def draw_parties(self) -> list[dict[str, Any]]:
        k = self.rnd.choices((1, 2, 3), (5, 80, 15))[0]
        ids: list[str] = []
        while len(ids) < k:
            pid = self.rnd.choices(self.parties, self.party_weights)[0]
            if pid not in ids:
                ids.append(pid)
        return [{"id": p, "type": "organization" if p.startswith("org:") else "state", "name": party_name(p),
                 "bodies": []} for p in ids]

    def draw_date(self) -> str | None:
        kind = self.rnd.choices(("day", "month", "year", None), (75, 10, 5, 10))[0]
        if kind is None:
            return None
        day = f"{self.rnd.randint(2010, 2026)}-{self.rnd.randint(1, 12):02d}-{self.rnd.randint(1, 28):02d}"
        return {"day": day, "month": day[:7], "year": day[:4]}[kind]

    def text(self, prefix: str, lang: str) -> str:
        """`prefix` followed by sentences of other documents in `lang`, to 1-2k characters, unique."""
        pool = self.pools.get(lang) or self.pools["en"]
        target = self.rnd.randint(1000, 2000)
        parts = [prefix] if prefix else []
        while True:
            parts.append(self.rnd.choice(pool))
            text = "\n".join(parts)
            if len(text) >= target and _sid(text) not in self.seen:
                self.seen.add(_sid(text))
                return text

    def source(self, tmpl: dict[str, Any] | None, keep: int, lang: str, i: int, date: str | None) -> Source:
        prefix = _cut(tmpl["text"], keep) if tmpl else ""
        text = self.text(prefix, lang)
        sid = _sid(text)
        published = (date or "2020-01-01")[:7] + f"-{self.rnd.randint(1, 28):02d}" if self.rnd.random() < 0.9 else None
        raw = hashlib.sha256(text.encode()).hexdigest()
        return Source(id=sid, origin=f"bench/{i}/{sid}.txt", text=text, raw_sha256=raw, lang=lang, url=f"https://bench.example/{i}/{sid}",
                      outlet=(tmpl or {}).get("outlet") or "bench.example", published=published,
                      title=(tmpl or {}).get("title"))

    def record(self, i: int) -> tuple[dict[str, Any], list[Source]]:
        """The i-th synthetic record and its sources."""
        tmpl = self.rnd.choice(self.records)
        k = min(len(tmpl["sources"]), self.rnd.choices((1, 2, 3), (60, 25, 15))[0])
        kept = self.rnd.sample(tmpl["sources"], k)
        date = self.draw_date()
        reach = _reach(tmpl)
        made = {s["id"]: self.source(self.sources[s["id"]], reach.get(s["id"], 0), s["lang"] or "en", i, date)
                for s in kept}
        extra = []
        if self.rnd.random() < 0.33:
            extra.append(self.source(None, 0, self.rnd.choice(sorted(self.pools)), i, date))
        rec = json.loads(json.dumps(tmpl))
        rec["parties"] = self.draw_parties()
        _remap_people(rec, tmpl, rec["parties"])
        rec["date_signed"] = date
        rec["instrument"] = self.rnd.choice(self.instruments)
        rec["domains"] = self.rnd.sample(self.domains, self.rnd.choices((1, 2), (70, 30))[0])
        rec["place"] = self.rnd.choice(self.places + [None])
        srcs = list(made.values()) + extra
        rec["id"] = agreement_id(f"{s.id}:0" for s in srcs)
        rec["sources"] = [{"id": s.id, "origin": s.origin, "url": s.url, "lang": s.lang, "outlet": s.outlet,
                           "published": s.published, "title": s.title} for s in srcs]
        _remap_sources(rec, {old: new.id for old, new in made.items()})
        rec["title"] = _title(rec)
        return rec, srcs


def _sid(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _reach(rec: dict[str, Any]) -> dict[str, int]:
    """Per source, the end of the last span the record points at in it."""
    out: dict[str, int] = defaultdict(int)
    for ev in [e for evs in rec["evidence"].values() for e in evs] + rec["quotes"]:
        out[ev["source"]] = max(out[ev["source"]], ev["span"][1])
    return out


def _cut(text: str, keep: int) -> str:
    """`text` up to the end of the line or sentence that holds position `keep` (0: nothing)."""
    if keep <= 0:
        return ""
    m = re.compile(r"[.!?。！？؟۔।]|\n").search(text, keep)
    return text[: m.end() if m else len(text)].rstrip("\n")


def _remap_people(rec: dict[str, Any], tmpl: dict[str, Any], parties: list[dict[str, Any]]) -> None:
    """Signatories and those present speak for the new parties, in the template's order."""
    new = {p["id"]: parties[i % len(parties)]["id"] for i, p in enumerate(tmpl["parties"])}
    for person in rec["signatories"] + rec["present"]:
        if person.get("party"):
            person["party"] = new.get(person["party"], person["party"])
    for rel in rec["related"]:
        rel["parties"] = [new.get(p, p) for p in rel["parties"]]


def _remap_sources(rec: dict[str, Any], ids: dict[str, str]) -> None:
    """Evidence, quotes and discrepancies of the kept sources, under their new ids; the rest goes."""
    rec["evidence"] = {f: [e | {"source": ids[e["source"]]} for e in evs if e["source"] in ids]
                       for f, evs in rec["evidence"].items()}
    rec["quotes"] = [q | {"source": ids[q["source"]]} for q in rec["quotes"] if q["source"] in ids]
    out = []
    for d in rec["discrepancies"]:
        values = [v | {"sources": [ids[s] for s in v["sources"] if s in ids]} for v in d["values"]]
        values = [v for v in values if v["sources"]]
        if values:
            out.append(d | {"values": values})
    rec["discrepancies"] = out


def write(store: Store, batch: list[tuple[dict[str, Any], list[Source]]]) -> None:
    """One transaction: the sources (indexed for search by put_source), a mention per source so
    that `accords check` finds every agreement backed, the records, and their browse index."""
    with store.transaction():
        for rec, srcs in batch:
            for src in srcs:
                store.put_source(src, None, "bench")
                store.put_origin(src.origin, src.id, src.raw_sha256)
                store.db.execute("INSERT INTO mentions (id, source_id, idx, agreement_id) VALUES (?,?,0,?)",
                                 (f"{src.id}:0", src.id, rec["id"]))
        store.db.executemany("INSERT INTO agreements VALUES (?,?,?)",
                             [(rec["id"], json.dumps(rec, ensure_ascii=False), now()) for rec, _ in batch])
        browse_index.add_agreements(store.db, [rec for rec, _ in batch])


def build(out: Path, n: int, seed: int) -> dict[str, Any]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        records, sources = templates(Path(work))
    maker = Maker(records, sources, seed)
    store = Store(out)
    parties: set[str] = set()
    n_sources = 0
    try:
        for start in range(0, n, CHUNK):
            batch = [maker.record(i) for i in range(start, min(n, start + CHUNK))]
            write(store, batch)
            parties.update(p["id"] for rec, _ in batch for p in rec["parties"])
            n_sources += sum(len(s) for _, s in batch)
        with store.transaction():
            store.replace_entities(as_rows(states_and_orgs(parties)), [])
        store.db.execute("ANALYZE")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return {"agreements": n, "sources": n_sources, "templates": len(records),
            "seconds": round(time.monotonic() - started, 1), "bytes": out.stat().st_size}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists; give a new file")
    print(json.dumps(build(args.out, args.n, args.seed)))


if __name__ == "__main__":
    main()
