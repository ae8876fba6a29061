"""The `accords` command: ingest articles, list and show agreements, export records."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from accords import __version__
from accords.errors import AccordsError
from accords.export import FORMATS, write
from accords.ingest.read import DEFAULT_MAX_BYTES
from accords.limits import Limits
from accords.store.sqlite import Store

DEFAULT_DB = "accords.db"
# Messages are never wrapped: a refusal names a file, and a path cut over two lines
# cannot be copied or grepped (tables on stdout still fit the terminal).
err = Console(stderr=True, soft_wrap=True)
out = Console()

db_option = click.option(
    "--db", "db", default=lambda: os.environ.get("ACCORDS_DB", DEFAULT_DB), show_default=f"$ACCORDS_DB or {DEFAULT_DB}",
    type=click.Path(dir_okay=False), help="The SQLite store (created when missing).")


def _open(db: str) -> Store:
    try:
        return Store(db)
    except AccordsError as e:
        raise click.ClickException(str(e)) from e


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="accords")
def main() -> None:
    """Turn news reports of agreement signings, in many languages, into verified records.

    \b
    Typical session:
      accords ingest articles/ feed.jsonl      read, extract, merge (store: accords.db)
      accords list                             the agreements found
      accords show agr-1a2b3c4d5e6f            one record, every value with its source words
      accords export --format csv > out.csv    records as spec/record.md says (jsonl, json, csv)
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this (also once decompressed, for .gz); 0: no limit.")
@click.option("--max-seconds", default=Limits.max_seconds, show_default=True, type=float,
              help="Refuse a document whose cleaning and extraction take longer than this; 0: no limit.")
@click.option("--max-html-depth", default=Limits.max_html_depth, show_default=True,
              help="Refuse HTML nested deeper than this many elements; 0: no limit.")
@click.option("--fail-on-refusal", is_flag=True, help="Exit with status 3 when any input was refused.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(paths: tuple[str, ...], db: str, max_bytes: int, max_seconds: float, max_html_depth: int,
           fail_on_refusal: bool, as_json: bool) -> None:
    """Read articles from files and folders, extract signings, merge them into agreements.

    \b
    PATHS are files or folders (read recursively) of:
      .txt .md          one article per file
      .html .htm        one page per file (main text extracted, page chrome dropped)
      .json             {"text": ..., "url": ..., "published": ..., "title": ..., "outlet": ...}
                        or a list of such objects (origin PATH#N)
      .jsonl .ndjson    one such object per line (origin PATH#N, N from 1)
    Any of them may be gzip-compressed (a.txt.gz).
    The same content is stored once; re-running on the same files changes nothing, and a run
    that was killed is completed by running it again.
    Inputs that cannot be read are reported with the file and the reason, and the run goes on:

    \b
      E101 missing or unreadable   E102 unsupported type      E103 over --max-bytes
      E104 not JSON                E105 JSON without text     E106 empty
      E107 undecodable             E108 binary                E109 bad or oversized .gz
      E110 HTML too deep           E111 HTML without text     E112 over --max-seconds
      E190 extraction failed

    \b
    Exit status: 0 done (refused inputs are listed in the summary); 3 with --fail-on-refusal
    when any input was refused; 1 when the store cannot be used.
    """
    from accords.service import ingest as run

    limits = Limits(max_bytes=max_bytes, max_seconds=max_seconds, max_html_depth=max_html_depth)
    store = _open(db)
    try:
        if sys.stderr.isatty() and not as_json:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                          MofNCompleteColumn(), console=err, transient=True) as progress:
                task = progress.add_task("ingesting", total=None)
                summary = run(paths, store, max_bytes, limits=limits,
                              on_item=lambda origin: progress.update(task, advance=1, description=origin[-40:]))
        else:
            summary = run(paths, store, max_bytes, limits=limits)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=1))
    else:
        _print_summary(summary)
    if fail_on_refusal and summary.refused:
        sys.exit(3)


def _print_summary(s: Any) -> None:
    err.print(f"read {s.read} inputs: {s.stored} stored, {s.unchanged} unchanged, "
              f"{len(s.refused)} refused, {s.no_signing} with no signing")
    for note, n in sorted(s.notes.items()):
        err.print(f"  {n} × {note}")
    for origin, code, reason in s.refused:
        err.print(f"  refused {origin}: {reason} [{code}]", markup=False)
    err.print(f"agreements: {s.agreements_created} created, {s.agreements_updated} updated, "
              f"{s.agreements_total} in the store")


@main.command(name="list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per agreement (the table's columns).")
def list_(db: str, as_json: bool) -> None:
    """The agreements in the store: date, instrument, parties, sources, languages."""
    store = _open(db)
    rows = []
    for rec in store.records():
        rows.append({"id": rec["id"], "date_signed": rec["date_signed"], "instrument": rec["instrument"],
                     "parties": [p["id"] for p in rec["parties"]], "sources": len(rec["sources"]),
                     "languages": sorted({s["lang"] or "?" for s in rec["sources"]}), "title": rec["title"]})
    store.close()
    rows.sort(key=lambda r: (r["date_signed"] or "", r["id"]), reverse=True)
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} agreements")
    table.add_column("id", no_wrap=True, min_width=16)  # never cut: it is what `accords show` takes
    table.add_column("date signed", no_wrap=True)
    for col in ("instrument", "parties", "sources", "languages"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["id"], r["date_signed"] or "—", r["instrument"] or "—", " ".join(r["parties"]),
                      str(r["sources"]), " ".join(r["languages"]))
    out.print(table)


@main.command()
@click.argument("agreement_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The record as JSON, exactly as exported.")
def show(agreement_id: str, db: str, as_json: bool) -> None:
    """One agreement in full: every field with the source words behind it."""
    store = _open(db)
    rec = store.record(agreement_id)
    store.close()
    if rec is None:
        raise click.ClickException(f"no agreement {agreement_id!r} in {db} (see `accords list`)")
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    from accords.show import render

    render(rec, out)


@main.command()
@click.argument("query")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The entity (or the matches) as JSON.")
def entity(query: str, db: str, as_json: bool) -> None:
    """A person, state or organisation: every name form seen, roles, sides, and why forms are one.

    \b
    QUERY is an entity id (per:..., state:AZ, org:eu) or a name in any script, whole or part:
      accords entity Haddad         a person, with every form seen (Хаддад, حداد) and why they are one
      accords entity "Рашад"        matches across scripts by the forms seen in the sources
    """
    store = _open(db)
    found = store.entity(query)
    matches = [found] if found else store.find_entities(query)
    store.close()
    if not matches:
        raise click.ClickException(f"no entity {query!r} in {db} (try part of a name)")
    if as_json:
        click.echo(json.dumps(matches[0] if len(matches) == 1 else matches, ensure_ascii=False, indent=2))
        return
    from accords.show import render_entity

    if len(matches) > 1:
        for e in matches:
            out.print(f"{e['id']}  {e['type']}  {e['name']}")
        err.print(f"{len(matches)} entities match {query!r}; give an id to see one")
        return
    render_entity(matches[0], out)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout).")
def export(db: str, fmt: str, output: Any) -> None:
    """Write every agreement record (spec/record.md): jsonl, json, or csv (one row per agreement)."""
    store = _open(db)
    n = write(store.records(), fmt, output)
    store.close()
    err.print(f"{n} agreements written")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="The problems as JSON.")
def check(db: str, as_json: bool) -> None:
    """Verify the store: known schema, every span inside its source text, every evidence equal to
    its source's words, no rows pointing nowhere, every mention in an existing agreement.

    \b
    Mentions not yet merged (an ingest was interrupted; run it again) are reported, not failed.
    Exit status: 0 consistent; 1 problems found (each printed with its kind).
    """
    from accords.check import check as run

    report = run(db)
    if as_json:
        click.echo(json.dumps({"ok": report.ok, "problems": [list(p) for p in report.problems],
                               "pending": report.pending, "counts": report.counts}, ensure_ascii=False))
    else:
        for kind, detail in report.problems:
            click.echo(f"{kind}: {detail}")
        if report.pending:
            err.print(f"{report.pending} mentions await merging (an ingest was interrupted; run it again)")
        err.print(f"{db}: {'consistent' if report.ok else f'{len(report.problems)} problems'}"
                  + (f" ({', '.join(f'{n} {t}' for t, n in report.counts.items())})" if report.counts else ""),
                  markup=False)
    sys.exit(0 if report.ok else 1)


if __name__ == "__main__":
    main()
