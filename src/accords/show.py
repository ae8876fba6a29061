"""`accords show`: one record as a person reads it, each value beside the source words behind it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _ev(rec: dict[str, Any], field: str, limit: int = 4) -> str:
    rows = rec["evidence"].get(field, [])[:limit]
    return "\n".join(f"[dim]{r['source']}[{r['span'][0]}:{r['span'][1]}][/dim] «{escape(r['text'][:120])}»"
                     for r in rows)


def _people(people: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{escape(p['name'])} — {escape(p['role'] or '?')} ({p['party'] or '?'})"
        + "".join(f"\n   [dim]{k}: {escape(v)}[/dim]" for k, v in p["names"].items()) for p in people) or "—"


def render(rec: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]{escape(rec['title'])}[/bold]  [dim]{rec['id']} · confidence {rec['confidence']}[/dim]")
    t = Table(show_header=True, header_style="bold", expand=True)
    t.add_column("field", style="cyan", no_wrap=True)
    t.add_column("value")
    t.add_column("source words")
    t.add_row("instrument", str(rec["instrument"]), _ev(rec, "instrument"))
    t.add_row("parties", " ".join(f"{p['id']} ({escape(p['name'])})" for p in rec["parties"]), _ev(rec, "parties"))
    t.add_row("signatories", _people(rec["signatories"]), _ev(rec, "signatories"))
    t.add_row("present", _people(rec["present"]), _ev(rec, "present"))
    t.add_row("date signed", str(rec["date_signed"]), _ev(rec, "date_signed"))
    t.add_row("place", str(rec["place"]), _ev(rec, "place"))
    t.add_row("domains", ", ".join(rec["domains"]) or "—", _ev(rec, "domains"))
    t.add_row("areas", "\n".join(f"{a['code']}: {escape(a['text'])}" for a in rec["areas"]) or "—", "")
    t.add_row("related", "\n".join(f"{r['relation']} {r['instrument']} {'-'.join(r['parties'])} {r['date'] or ''}"
                                   for r in rec["related"]) or "—", _ev(rec, "related"))
    console.print(t)
    if rec["discrepancies"]:
        console.print("[bold yellow]Discrepancies[/bold yellow]")
        for d in rec["discrepancies"]:
            vals = "; ".join(f"{escape(str(v['value']))} ({', '.join(v['sources'])})" for v in d["values"])
            console.print(f"  {d['field']}: {vals} — {escape(d['note'])}")
    if rec["quotes"]:
        console.print("[bold]Quotes[/bold]")
        for q in rec["quotes"]:
            console.print(f"  [cyan]{escape(q['speaker'] or 'unattributed')}[/cyan] "
                          f"[dim]{q['source']}[{q['span'][0]}:{q['span'][1]}][/dim]: {escape(q['text'][:200])}…")
    console.print("[bold]Sources[/bold]")
    for s in rec["sources"]:
        console.print(f"  {s['id']}  {s['lang']}  {s['published'] or '—'}  {escape(s['outlet'] or '—')}  "
                      f"{escape(s['origin'])}")
