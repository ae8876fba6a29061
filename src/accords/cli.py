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
from accords.store.sqlite import Store

DEFAULT_DB = "accords.db"
err = Console(stderr=True)
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
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse files larger than this.")
@click.option("--fail-on-refusal", is_flag=True, help="Exit with status 3 when any input was refused.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(paths: tuple[str, ...], db: str, max_bytes: int, fail_on_refusal: bool, as_json: bool) -> None:
    """Read articles from files and folders, extract signings, merge them into agreements.

    \b
    PATHS are files or folders (read recursively) of:
      .txt .md          one article per file
      .html .htm        one page per file (main text extracted, page chrome dropped)
      .json             {"text": ..., "url": ..., "published": ..., "title": ..., "outlet": ...}
                        or a list of such objects (origin PATH#N)
      .jsonl .ndjson    one such object per line (origin PATH#N, N from 1)
    The same content is stored once; re-running on the same files changes nothing.
    Inputs that cannot be read are reported with the file and the reason, and the run goes on.

    \b
    Exit status: 0 done (refused inputs are listed in the summary); 3 with --fail-on-refusal
    when any input was refused; 1 when the store cannot be used.
    """
    from accords.service import ingest as run

    store = _open(db)
    try:
        if sys.stderr.isatty() and not as_json:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                          MofNCompleteColumn(), console=err, transient=True) as progress:
                task = progress.add_task("ingesting", total=None)
                summary = run(paths, store, max_bytes,
                              on_item=lambda origin: progress.update(task, advance=1, description=origin[-40:]))
        else:
            summary = run(paths, store, max_bytes)
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
    for col in ("id", "date signed", "instrument", "parties", "sources", "languages"):
        table.add_column(col)
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
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout).")
def export(db: str, fmt: str, output: Any) -> None:
    """Write every agreement record (spec/record.md): jsonl, json, or csv (one row per agreement)."""
    store = _open(db)
    n = write(store.records(), fmt, output)
    store.close()
    err.print(f"{n} agreements written")


if __name__ == "__main__":
    main()
