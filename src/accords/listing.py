"""What `accords list` and `accords sources` show: rows chosen by filters, sorted, limited, and
written as a table on a terminal, tab-separated values in a pipe, or JSON.

Every string that came from a source or a path goes through `terminal.visible` before it reaches
a terminal or a TSV cell: an article must not be able to clear the screen, set the window title,
plant a link, or break a row with a tab.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from accords import labels
from accords.store.sqlite import Store
from accords.terminal import visible, visible_json
from accords.text.normalize import fold_str

SORTS = ("date", "oldest", "sources", "id")
NARROW = 110  # columns below which `list` shows codes and short labels
STATES = ("stored", "no-signing", "unsupported", "refused", "superseded", "retracted")


@dataclass(frozen=True)
class Filters:
    """`accords list` filters; every one given must hold (a date filter leaves out undated records)."""

    parties: tuple[str, ...] = ()
    instrument: str | None = None
    domain: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None


def _party_matches(wanted: str, parties: list[dict[str, Any]]) -> bool:
    key = fold_str(wanted).strip()
    return any(key == fold_str(p["id"]) or key in fold_str(p.get("name") or "") for p in parties)


def _record_text(rec: dict[str, Any]) -> str:
    people = [p["name"] for p in rec["signatories"] + rec["present"]]
    people += [n for p in rec["signatories"] + rec["present"] for n in p.get("names", {}).values()]
    parts = [rec["title"], *(p.get("name") or "" for p in rec["parties"]), *people]
    return fold_str(" ".join(str(x) for x in parts if x))


def keep(rec: dict[str, Any], f: Filters, matched_sources: set[str] | None) -> bool:
    """Whether the record passes the filters (`matched_sources`: ids of sources whose text holds
    the search words, when searching)."""
    if any(not _party_matches(p, rec["parties"]) for p in f.parties):
        return False
    if f.instrument and f.instrument not in (rec["instrument"], labels.instrument(rec["instrument"])):
        return False
    if f.domain and f.domain not in rec["domains"]:
        return False
    if f.lang and f.lang not in {s["lang"] for s in rec["sources"]}:
        return False
    date = rec["date_signed"]
    if (f.since or f.until) and not date:
        return False
    if f.since and date < f.since[: len(date)]:
        return False
    if f.until and date[: len(f.until)] > f.until:
        return False
    if f.search:
        in_sources = matched_sources is not None and any(s["id"] in matched_sources for s in rec["sources"])
        return in_sources or fold_str(f.search) in _record_text(rec)
    return True


def sources_matching(store: Store, words: str) -> set[str]:
    """Ids of the live sources whose text holds `words` (folded: case, diacritics, scripts' variants).

    Three characters or more are looked up in the trigram index of the folded texts (a phrase of
    trigrams is a substring); fewer, which that index cannot look up, by reading every text."""
    key = fold_str(words)
    if len(key) >= 3:
        phrase = '"' + key.replace('"', '""') + '"'
        rows = store.db.execute("SELECT x.source_id FROM search_text t JOIN search_sources x ON x.n = t.rowid"
                                " WHERE search_text MATCH ?", ("text : " + phrase,))
        return {r[0] for r in rows}
    rows = store.db.execute("SELECT id, text FROM sources WHERE superseded_by IS NULL AND retracted_at IS NULL")
    return {sid for sid, text in rows if key in fold_str(text)}


def agreement_rows(store: Store, f: Filters, sort: str = "date") -> list[dict[str, Any]]:
    matched = sources_matching(store, f.search) if f.search else None
    rows = [_row(rec) for rec in store.records() if keep(rec, f, matched)]
    if sort == "date":
        rows.sort(key=lambda r: (r["date_signed"] or "", r["id"]), reverse=True)
    elif sort == "oldest":
        rows.sort(key=lambda r: (r["date_signed"] is None, r["date_signed"] or "", r["id"]))
    elif sort == "sources":
        rows.sort(key=lambda r: (-r["sources"], r["id"]))
    else:
        rows.sort(key=lambda r: r["id"])
    return rows


def _row(rec: dict[str, Any]) -> dict[str, Any]:
    return {"id": rec["id"], "date_signed": rec["date_signed"], "instrument": rec["instrument"],
            "parties": [p["id"] for p in rec["parties"]],
            "party_names": [p.get("name") or p["id"] for p in rec["parties"]],
            "domains": rec["domains"], "sources": len(rec["sources"]),
            "languages": sorted({s["lang"] or "?" for s in rec["sources"]}), "title": rec["title"]}


def _party_label(name: str, pid: str) -> str:
    return pid if name == pid else f"{name} ({pid})"


def agreement_cells(r: dict[str, Any]) -> list[str]:
    """One row as a person reads it: labels, not codes; every string made safe to print."""
    parties = ", ".join(_party_label(n, p) for n, p in zip(r["party_names"], r["parties"], strict=True))
    return [r["id"], r["date_signed"] or "—", labels.instrument(r["instrument"]), visible(parties) or "—",
            ", ".join(labels.domain(d) for d in r["domains"]) or "—", str(r["sources"]),
            " ".join(r["languages"]), visible(r["title"])]


AGREEMENT_COLUMNS = ("id", "date signed", "instrument", "parties", "domains", "sources", "languages", "title")


def print_agreements(rows: list[dict[str, Any]], total: int, console: Console, tty: bool, as_json: bool) -> None:
    if as_json:
        for r in rows:
            console.file.write(visible_json(json.dumps(r, ensure_ascii=False)) + "\n")
        return
    if not tty:
        _tsv(AGREEMENT_COLUMNS, (agreement_cells(r) for r in rows), console)
        return
    caption = plural(total, "agreement") + (f", {len(rows)} shown (--limit)" if len(rows) < total else "")
    table = Table(title=caption, title_justify="left")
    table.add_column("id", no_wrap=True, min_width=16)  # never cut: it is what `accords show` takes
    table.add_column("date signed", no_wrap=True)
    narrow = console.width < NARROW
    if narrow:  # 80 columns: codes and short labels, so that no word is cut in the middle
        table.add_column("instrument", no_wrap=True)
        table.add_column("parties", overflow="fold", ratio=1)
    else:
        for col in ("instrument", "parties", "domains"):
            table.add_column(col, overflow="fold", ratio=1)
    table.add_column("src", justify="right")
    table.add_column("lang")
    for r in rows:
        cells = agreement_cells(r)
        if narrow:
            cells = [cells[0], cells[1], labels.instrument_short(r["instrument"]),
                     visible(" ".join(r["parties"])), cells[5], cells[6]]
        else:
            cells = cells[:7]
        table.add_row(*(escape(c) for c in cells))
    console.print(table)


def _tsv(columns: Iterable[str], rows: Iterator[list[str]], console: Console) -> None:
    """Tab-separated, one line a row, a header first: `cut`, `sort` and spreadsheets read it.
    Tabs and newlines inside values were made visible, so a row is always one line."""
    out = console.file
    out.write("\t".join(columns) + "\n")
    for cells in rows:
        out.write("\t".join(visible(c) for c in cells) + "\n")


# -- sources -----------------------------------------------------------------------------------
def source_rows(store: Store, states: tuple[str, ...], lang: str | None, search: str | None) -> list[dict[str, Any]]:
    """Every input the store has seen, with its state: stored (it reports a signing), no-signing,
    unsupported (a language accords does not read), refused (never stored: why), superseded (an
    earlier version of an edited source) and retracted (`accords forget`)."""
    rows = []
    with_mentions = {r[0] for r in store.db.execute("SELECT DISTINCT source_id FROM mentions")}
    origins_of: dict[str, list[str]] = {}  # one query, not one a source
    for sid, origin in store.db.execute("SELECT source_id, origin FROM origins ORDER BY origin"):
        origins_of.setdefault(sid, []).append(origin)
    for s in store.db.execute("SELECT id, origin, url, lang, published, note, ingested_at, superseded_by,"
                              " superseded_at, retracted_at FROM sources ORDER BY ingested_at, id"):
        origins = origins_of.get(s["id"], [])
        state, detail = _state(s, s["id"] in with_mentions)
        rows.append({"id": s["id"], "state": state, "lang": s["lang"], "published": s["published"],
                     "origin": origins[0] if origins else s["origin"], "origins": origins or [s["origin"]],
                     "url": s["url"], "detail": detail, "at": s["ingested_at"]})
    for r in store.db.execute("SELECT origin, code, reason, at FROM refusals ORDER BY at, origin"):
        rows.append({"id": None, "state": "refused", "lang": None, "published": None, "origin": r["origin"],
                     "origins": [r["origin"]], "url": None, "detail": f"{r['reason']} [{r['code']}]", "at": r["at"]})
    key = fold_str(search) if search else None

    def wanted(r: dict[str, Any]) -> bool:
        names = " ".join([*r["origins"], r["url"] or "", r["id"] or ""])
        return ((not states or r["state"] in states) and (not lang or r["lang"] == lang)
                and (key is None or key in fold_str(names)))

    return [r for r in rows if wanted(r)]


def _state(s: Any, has_mentions: bool) -> tuple[str, str]:
    if s["retracted_at"]:
        return "retracted", f"forgotten {s['retracted_at']}"
    if s["superseded_by"]:
        return "superseded", f"by {s['superseded_by']} {s['superseded_at']}"
    note = s["note"] or ""
    if "not supported" in note or "no language" in note:
        return "unsupported", note
    if has_mentions:
        return "stored", ""
    return "no-signing", note


SOURCE_COLUMNS = ("id", "state", "lang", "published", "origin", "detail")


def print_sources(rows: list[dict[str, Any]], total: int, console: Console, tty: bool, as_json: bool) -> None:
    if as_json:
        for r in rows:
            console.file.write(visible_json(json.dumps(r, ensure_ascii=False)) + "\n")
        return
    cells = ([r["id"] or "—", r["state"], r["lang"] or "—", r["published"] or "—", visible(r["origin"]),
              visible(r["detail"])] for r in rows)
    if not tty:
        _tsv(SOURCE_COLUMNS, cells, console)
        return
    caption = plural(total, "source") + (f", {len(rows)} shown (--limit)" if len(rows) < total else "")
    table = Table(title=caption, title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("state", no_wrap=True)
    table.add_column("lang")
    table.add_column("published", no_wrap=True)
    table.add_column("origin", overflow="fold", ratio=2)
    table.add_column("detail", overflow="fold", ratio=1)
    for c in cells:
        table.add_row(*(escape(x) for x in c))
    console.print(table)


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 agreement", "2 agreements", "0 agreements"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
