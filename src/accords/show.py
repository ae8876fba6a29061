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


def render_entity(e: dict[str, Any], console: Console) -> None:
    """A person, state or organisation: the forms seen, the roles, and why forms were linked."""
    console.print(f"[bold]{escape(e['name'])}[/bold]  [dim]{e['id']} · {e['type']}[/dim]")
    if e["type"] != "person":
        for lang, names in sorted(e.get("names", {}).items()):
            console.print(f"  {lang}: {escape(', '.join(names))}")
        return
    t = Table(title="Name forms", show_header=True, header_style="bold")
    for col in ("form", "language", "as", "source", "agreement"):
        t.add_column(col)
    for f in e["forms"]:
        t.add_row(escape(f["name"]), f["lang"] or "?", f["as"], f["source"], f["agreement"])
    console.print(t)
    if e["roles"]:
        console.print("[bold]Roles reported[/bold]")
        for r in e["roles"]:
            console.print(f"  {escape(r['role'] or r['role_en'] or '?')} ({r['party'] or '?'})"
                          f" — {r['reported'] or 'undated'} [dim]{r['source']}[/dim]")
    console.print(f"[bold]Acted for[/bold] {', '.join(e['parties']) or '?'}   "
                  f"[bold]Agreements[/bold] {', '.join(e['agreements'])}")
    if e.get("knowledge"):
        k = e["knowledge"]
        offices = "; ".join(f"{o['title']} of {o['country']} {o['start'] or '?'}–{o['end'] or 'now'}"
                            for o in k["offices"])
        console.print(f"[bold]Knowledge file[/bold] {escape(k['name'])} ({k['id']}): {escape(offices)}")
    console.print("[bold]Why these forms are one person[/bold]")
    for reason in e["reasons"] or ["a single form"]:
        console.print(f"  • {escape(reason)}")
