"""`accords show`: one record as a person reads it, each value beside the source words behind it.

Every value printed here came from a source or a path (names, roles, quotes, outlets, origins,
titles) or may have (party slugs, dates as a feed gave them), so each goes through `_v`: its
control characters made visible (accords.terminal), then its rich markup escaped, in that
order, and nothing is printed with rich's emoji codes on, so that neither the terminal nor
rich acts on a source's text.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from accords import labels
from accords.terminal import visible, visible_multiline


def _v(value: Any, missing: str = "—") -> str:
    """One value for one line: shown, escaped, `missing` when there is none."""
    return escape(visible(str(value))) if value not in (None, "") else missing


def _vm(value: str) -> str:
    """A source's words, whose line breaks are their own."""
    return escape(visible_multiline(value))


def _say(console: Console, what: RenderableType) -> None:
    # No emoji codes: a source's ":cross_mark:" is those letters, not a drawn ❌.
    console.print(what, emoji=False)


def _row(t: Table, *cells: str) -> None:
    t.add_row(*(Text.from_markup(c, emoji=False) for c in cells))


def _where(source: str, span: list[int]) -> str:
    # `[12:40]` needs no escape: a rich tag starts with a letter, `#`, `/` or `@`.
    return f"[dim]{_v(source)}[{span[0]}:{span[1]}][/dim]"


def _ev(rec: dict[str, Any], field: str, limit: int = 4) -> str:
    rows = rec["evidence"].get(field, [])[:limit]
    return "\n".join(f"{_where(r['source'], r['span'])} «{_vm(r['text'][:120])}»" for r in rows)


def _people(people: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{_v(p['name'])} — {_v(p['role'], '?')} ({_v(p['party'], '?')})"
        + "".join(f"\n   [dim]{_v(k)}: {_v(v)}[/dim]" for k, v in p["names"].items()) for p in people) or "—"


def _related(rec: dict[str, Any]) -> str:
    return "\n".join(_v(f"{r['relation']} {r['instrument']} {'-'.join(r['parties'])} {r['date'] or ''}")
                     for r in rec["related"]) or "—"


def _table(rec: dict[str, Any]) -> Table:
    t = Table(show_header=True, header_style="bold", expand=True)
    t.add_column("field", style="cyan", no_wrap=True)
    t.add_column("value")
    t.add_column("source words")
    _row(t, "instrument", _v(labels.instrument(rec["instrument"])), _ev(rec, "instrument"))
    _row(t, "parties", " ".join(f"{_v(p['id'])} ({_v(p['name'])})" for p in rec["parties"]), _ev(rec, "parties"))
    _row(t, "signatories", _people(rec["signatories"]), _ev(rec, "signatories"))
    _row(t, "present", _people(rec["present"]), _ev(rec, "present"))
    _row(t, "date signed", _v(rec["date_signed"]), _ev(rec, "date_signed"))
    _row(t, "place", _v(rec["place"]), _ev(rec, "place"))
    _row(t, "domains", ", ".join(_v(d) for d in rec["domains"]) or "—", _ev(rec, "domains"))
    _row(t, "areas", "\n".join(f"{_v(a['code'], '?')}: {_v(a['text'])}" for a in rec["areas"]) or "—", "")
    _row(t, "related", _related(rec), _ev(rec, "related"))
    return t


def _source_line(s: dict[str, Any]) -> str:
    line = f"  {_v(s['id'])}  {_v(s['lang'])}  {_v(s['published'])}  {_v(s['outlet'])}  {_v(s['origin'])}"
    if s.get("url") and s["url"] != s["origin"]:
        line += f"\n      [dim]{_v(s['url'])}[/dim]"
    if s.get("title"):
        line += f"\n      [dim]«{_v(s['title'])}»[/dim]"
    return line


def render(rec: dict[str, Any], console: Console) -> None:
    _say(console, f"[bold]{_v(rec['title'])}[/bold]  [dim]{_v(rec['id'])} · confidence {rec['confidence']}[/dim]")
    _say(console, _table(rec))
    if rec["discrepancies"]:
        _say(console, "[bold yellow]Discrepancies[/bold yellow]")
        for d in rec["discrepancies"]:
            vals = "; ".join(f"{_v(v['value'])} ({', '.join(_v(s) for s in v['sources'])})" for v in d["values"])
            _say(console, f"  {_v(d['field'])}: {vals} — {_v(d['note'])}")
    if rec["quotes"]:
        _say(console, "[bold]Quotes[/bold]")
        for q in rec["quotes"]:
            _say(console, f"  [cyan]{_v(q['speaker'], 'unattributed')}[/cyan] "
                          f"{_where(q['source'], q['span'])}: {_vm(q['text'][:200])}…")
    _say(console, "[bold]Sources[/bold]")
    for s in rec["sources"]:
        _say(console, _source_line(s))


def _forms_table(e: dict[str, Any]) -> Table:
    t = Table(title="Name forms", show_header=True, header_style="bold")
    for col in ("form", "language", "as", "source", "agreement"):
        t.add_column(col)
    for f in e["forms"]:
        _row(t, _v(f["name"]), _v(f["lang"], "?"), _v(f["as"]), _v(f["source"]), _v(f["agreement"]))
    return t


def _knowledge_line(k: dict[str, Any]) -> str:
    offices = "; ".join(f"{o['title']} of {o['country']} {o['start'] or '?'}–{o['end'] or 'now'}"
                        for o in k["offices"])
    return f"[bold]Knowledge file[/bold] {_v(k['name'])} ({_v(k['id'])}): {_v(offices, '')}"


def render_entity(e: dict[str, Any], console: Console) -> None:
    """A person, state or organisation: the forms seen, the roles, and why forms were linked."""
    _say(console, f"[bold]{_v(e['name'])}[/bold]  [dim]{_v(e['id'])} · {_v(e['type'])}[/dim]")
    if e["type"] != "person":
        for lang, names in sorted(e.get("names", {}).items()):
            _say(console, f"  {_v(lang)}: {_v(', '.join(names))}")
        return
    _say(console, _forms_table(e))
    if e["roles"]:
        _say(console, "[bold]Roles reported[/bold]")
        for r in e["roles"]:
            _say(console, f"  {_v(r['role'] or r['role_en'], '?')} ({_v(r['party'], '?')})"
                          f" — {_v(r['reported'], 'undated')} [dim]{_v(r['source'])}[/dim]")
    _say(console, f"[bold]Acted for[/bold] {', '.join(_v(p) for p in e['parties']) or '?'}   "
                  f"[bold]Agreements[/bold] {', '.join(_v(a) for a in e['agreements'])}")
    if e.get("knowledge"):
        _say(console, _knowledge_line(e["knowledge"]))
    _say(console, "[bold]Why these forms are one person[/bold]")
    for reason in e["reasons"] or ["a single form"]:
        _say(console, f"  • {_v(reason)}")
