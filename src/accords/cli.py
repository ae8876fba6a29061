"""The `accords` command: ingest articles, list and show agreements, export records.

Commands that only read (list, show, export, entity, sources, check) open the store read-only:
they never create, migrate or change it. Every string that came from an article or a path is
made visible (`terminal.visible`) before it reaches the terminal. Errors carry a code and name
the file; exit status 1 for a store or output that cannot be used, 2 for a wrong argument or a
missing store, 3 when every input was refused, 130/143 when interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from accords import __version__, labels, listing
from accords.errors import AccordsError, StoreError
from accords.exports import FORMATS
from accords.ingest.read import DEFAULT_MAX_BYTES
from accords.limits import Limits
from accords.listing import plural
from accords.store.connect import store_error
from accords.store.sqlite import LOCK_WAIT_SECONDS, Store
from accords.terminal import visible, visible_json

DEFAULT_DB = "accords.db"
SHOWN = 50  # notes and refusals listed in a summary; the rest are in `accords sources`
# Messages are never wrapped: a refusal names a file, and a path cut over two lines
# cannot be copied or grepped (tables on stdout still fit the terminal).
# Emoji codes off: a source's ':cross_mark:' is shown as written, not drawn.
err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)
out = Console(highlight=False, emoji=False)


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that the batch in progress rolls back."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


class Cli(click.Group):
    """Turns the errors users meet (a store that cannot be used, a disk full, Ctrl-C outside a
    run) into one line with a code and the file, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StoreError as e:
            _fail(str(e), 2 if e.code == "E308" else 1)
        except AccordsError as e:
            _fail(str(e), 1)
        except KeyboardInterrupt:
            _fail("interrupted; nothing was changed", 130)
        except Terminated:
            _fail("terminated; nothing was changed", 143)


def _fail(message: str, status: int) -> None:
    err.print(f"accords: {visible(message)}", markup=False)
    sys.exit(status)


db_option = click.option(
    "--db", "db", default=lambda: os.environ.get("ACCORDS_DB", DEFAULT_DB), show_default=f"$ACCORDS_DB or {DEFAULT_DB}",
    type=click.Path(dir_okay=False), help="The SQLite store.")


wait_option = click.option(
    "--wait", "wait", default=LOCK_WAIT_SECONDS, show_default=True, type=click.FloatRange(min=0),
    help="How long to wait for another accords process writing to the store (seconds); then E304.")


@contextmanager
def _store(db: str, readonly: bool = True, wait: float = LOCK_WAIT_SECONDS) -> Iterator[Store]:
    """The store, closed afterwards; an SQLite error inside becomes a StoreError naming the file."""
    store = Store(db, readonly=readonly, lock_wait=wait)
    try:
        yield store
    except sqlite3.Error as e:
        raise store_error(db, e) from e
    finally:
        store.close()


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="accords")
def main() -> None:
    """Turn news reports of agreement signings, in many languages, into verified records.

    \b
    Typical session:
      accords ingest articles/ feed.jsonl      read, extract, merge (store: accords.db)
      accords list --party AZ --since 2025-01-01   the agreements found, filtered
      accords show 1a2b                        one record (an id or a unique prefix)
      accords sources --state refused          every input and what became of it
      accords export --format csv -o out.csv   records as spec/record.md says; also parquet, graphml,
                                               jsonld, plover
    Read commands never change the store; `ingest`, `forget` and `migrate` write to it.
    """


# -- ingest ------------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this (also once decompressed, for .gz); 0: no limit.")
@click.option("--max-seconds", default=Limits.max_seconds, show_default=True, type=float,
              help="Refuse a document whose cleaning and extraction take more CPU seconds than this; 0: no limit.")
@click.option("--max-html-depth", default=Limits.max_html_depth, show_default=True,
              help="Refuse HTML nested deeper than this many elements; 0: no limit.")
@click.option("--fail-on-refusal", is_flag=True, help="Exit with status 3 when any input was refused.")
@wait_option
@click.option("--progress-every", default=10.0, show_default=True, type=float,
              help="When stderr is not a terminal, print a progress line this often (seconds); 0: never.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(paths: tuple[str, ...], db: str, max_bytes: int, max_seconds: float, max_html_depth: int,
           fail_on_refusal: bool, wait: float, progress_every: float, as_json: bool) -> None:
    """Read articles from files, folders or standard input (-), extract signings, merge them
    into agreements.

    \b
    PATHS are files or folders (read recursively; hidden files and folders, and the store's own
    files, are passed over) of:
      .txt .md          one article per file
      .html .htm        one page per file (main text extracted, page chrome dropped)
      .json             {"text": ..., "url": ..., "published": ..., "title": ..., "outlet": ...}
                        or a list of such objects (origin PATH#N)
      .jsonl .ndjson    one such object per line (origin PATH#N, N from 1)
      -                 standard input: JSON, JSON Lines, or one article's text
    Any of them may be gzip-compressed (a.txt.gz).
    The same content is stored once; re-running on the same files changes nothing, and a run
    that was killed is completed by running it again. An article ingested again from the same
    origin or URL with a different text supersedes its earlier version (kept as history).
    Inputs that cannot be read are reported with the file and the reason, and the run goes on:

    \b
      E101 missing or unreadable   E102 unsupported type      E103 over --max-bytes
      E104 not JSON                E105 JSON without text     E106 empty
      E107 undecodable             E108 binary                E109 bad or oversized .gz
      E110 HTML too deep           E111 HTML without text     E112 over --max-seconds
      E190 extraction failed

    \b
    Exit status: 0 done; 3 when every input was refused (with --fail-on-refusal: when any
    was); 1 when the store cannot be used (E3xx: disk full, read-only, damaged, locked);
    130 on Ctrl-C and 143 on SIGTERM: the batch in progress is rolled back, what was
    committed before it stays, and running the same command again completes the work.
    """
    from accords.outfile import sidecars
    from accords.service import Summary
    from accords.service import ingest as run

    limits = Limits(max_bytes=max_bytes, max_seconds=max_seconds, max_html_depth=max_html_depth)
    summary = Summary()
    skip = [str(p) for p in sidecars(db)]
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    status = 0
    try:
        with _store(db, readonly=False, wait=wait) as store, _progress(summary, progress_every, as_json) as on_item:
            run(paths, store, max_bytes, limits=limits, on_item=on_item, summary=summary, skip=skip)
    except KeyboardInterrupt:
        status = 130
    except Terminated:
        status = 143
    finally:
        signal.signal(signal.SIGTERM, previous)
    if as_json:
        click.echo(visible_json(json.dumps(summary.as_dict() | {"interrupted": bool(status)}, ensure_ascii=False,
                                          indent=1)))
    else:
        _print_summary(summary)
    if status:
        _interrupted(summary, status)
    if summary.read == 0 or len(summary.refused) == summary.read or (fail_on_refusal and summary.refused):
        if summary.read == 0:
            err.print("accords: no inputs found (hidden files and the store's own files are skipped)", markup=False)
        sys.exit(3)


def _interrupted(s: Any, status: int) -> None:
    what = "interrupted" if status == 130 else "terminated"
    lost = f"the batch in progress ({plural(s.pending, 'input')}) was rolled back; " if s.pending else ""
    rebuilt = "" if s.rebuilt else "agreements were not recomputed; "
    err.print(f"accords: {what}: {lost}{rebuilt}what is listed above is stored. Run the same command again"
              " to complete the work.", markup=False)
    sys.exit(status)


@contextmanager
def _progress(summary: Any, every: float, quiet: bool) -> Iterator[Any]:
    """A progress bar on a terminal; elsewhere a line on stderr every `every` seconds, so that a
    long run in a log or CI is seen to move."""
    if sys.stderr.isatty() and not quiet:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                      MofNCompleteColumn(), console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)
            yield lambda origin: progress.update(task, advance=1, description=escape(visible(origin[-40:])))
        return
    start = last = time.monotonic()

    def line(origin: str) -> None:
        nonlocal last
        now = time.monotonic()
        if every > 0 and now - last >= every:
            last = now
            rate = summary.read / max(now - start, 1e-9)
            err.print(f"ingest: {plural(summary.read, 'input')} read, {summary.stored} stored,"
                      f" {len(summary.refused)} refused ({rate:.0f}/s)", markup=False)

    yield line


def _print_summary(s: Any) -> None:
    refused = plural(len(s.refused), "refused", "refused")
    err.print(f"read {plural(s.read, 'input')}: {s.stored} stored, {s.unchanged} unchanged, {refused}, "
              f"{s.no_signing} with no signing" + (f", {s.superseded} earlier versions superseded" if s.superseded
                                                    else ""), markup=False)
    notes = sorted(s.notes.items())
    for note, n in notes[:SHOWN]:
        err.print(f"  {n} × {visible(note)}", markup=False)
    if len(notes) > SHOWN:
        err.print(f"  … and {len(notes) - SHOWN} more notes (accords sources --state unsupported)", markup=False)
    for origin, code, reason in s.refused[:SHOWN]:
        err.print(f"  refused {visible(origin)}: {visible(reason)} [{code}]", markup=False)
    if len(s.refused) > SHOWN:
        err.print(f"  … and {len(s.refused) - SHOWN} more refused (accords sources --state refused)", markup=False)
    if s.rebuilt:
        err.print(f"agreements: {s.agreements_created} created, {s.agreements_updated} updated, "
                  f"{s.agreements_total} in the store", markup=False)


# -- list, show, sources -----------------------------------------------------------------------
@main.command(name="list")
@db_option
@click.option("--party", "parties", multiple=True, metavar="CODE|NAME",
              help="Only agreements with this party: an ISO code (AZ), an org: id, or part of a name."
              " Repeat to require several.")
@click.option("--instrument", type=click.Choice(sorted(labels.INSTRUMENTS)), help="Only this instrument.")
@click.option("--domain", type=click.Choice(sorted(labels.DOMAINS)), help="Only this domain.")
@click.option("--lang", help="Only agreements with a source in this language (ISO 639-1: ar, he, ru...).")
@click.option("--since", metavar="YYYY[-MM[-DD]]", help="Signed on or after (undated agreements are left out).")
@click.option("--until", metavar="YYYY[-MM[-DD]]", help="Signed on or before (undated agreements are left out).")
@click.option("--search", metavar="WORDS", help="Words in the record or in its sources' text, in any script.")
@click.option("--sort", type=click.Choice(listing.SORTS), default="date", show_default=True,
              help="date: newest first; oldest; sources: most reported first; id.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per agreement.")
def list_(db: str, parties: tuple[str, ...], instrument: str | None, domain: str | None, lang: str | None,
          since: str | None, until: str | None, search: str | None, sort: str, limit: int | None,
          as_json: bool) -> None:
    """The agreements in the store: id, date, instrument, parties, domains, sources, languages.

    \b
    On a terminal a table; in a pipe tab-separated values with a header line (and a title
    column), for cut, sort and spreadsheets; --json for programs.
      accords list --party AZ --since 2025-01-01
      accords list --search "artificial intelligence" --limit 10
    """
    for name, value in (("--since", since), ("--until", until)):
        if value and not _is_partial_date(value):
            raise click.BadParameter(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)
    f = listing.Filters(parties, instrument, domain, lang, since, until, search)
    with _store(db) as store:
        rows = listing.agreement_rows(store, f, sort)
    shown = rows[:limit] if limit is not None else rows
    listing.print_agreements(shown, len(rows), out, out.is_terminal, as_json)


def _is_partial_date(s: str) -> bool:
    import regex

    return bool(regex.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", s))


@main.command()
@click.argument("agreement_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The record as JSON, exactly as exported.")
def show(agreement_id: str, db: str, as_json: bool) -> None:
    """One agreement in full: every field with the source words behind it.

    AGREEMENT_ID is an id from `accords list`, an earlier id of a merged agreement, or a unique
    prefix of one (agr-1a2b or 1a2b)."""
    with _store(db) as store:
        ids = store.resolve_agreement(agreement_id)
        if not ids and not agreement_id.startswith("agr-"):
            ids = store.resolve_agreement("agr-" + agreement_id)
        if len(ids) != 1:
            _no_unique(agreement_id, ids, db)
        rec = store.record(ids[0])
        history = _history(store, rec) if rec else []
    if rec is None:
        _no_unique(agreement_id, [], db)
        return
    if as_json:
        click.echo(visible_json(json.dumps(rec, ensure_ascii=False, indent=2)))
        return
    from accords.show import render

    render(rec, out)
    for line in history:
        out.print(f"  [dim]{line}[/dim]")


def _no_unique(query: str, ids: list[str], db: str) -> None:
    if ids:
        _fail(f"{query!r} is the start of {len(ids)} agreement ids: {', '.join(ids[:8])}; give more of it", 2)
    _fail(f"no agreement {query!r} in {db} (see `accords list`)", 2)


def _history(store: Store, rec: dict[str, Any]) -> list[str]:
    """Sources of the record that superseded an earlier version of themselves."""
    lines = []
    for s in rec["sources"]:
        for old in store.db.execute("SELECT id, ingested_at, superseded_at FROM sources WHERE superseded_by = ?",
                                    (s["id"],)):
            lines.append(f"{s['id']} supersedes its earlier version {old['id']} (ingested {old['ingested_at']},"
                         f" replaced {old['superseded_at']})")
    return lines


@main.command()
@db_option
@click.option("--state", "states", multiple=True, type=click.Choice(listing.STATES),
              help="Only sources in this state (repeat for several).")
@click.option("--lang", help="Only sources in this language.")
@click.option("--search", metavar="TEXT", help="Part of an origin, URL or source id.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
def sources(db: str, states: tuple[str, ...], lang: str | None, search: str | None, limit: int | None,
            as_json: bool) -> None:
    """Every input the store has seen and what became of it.

    \b
    States: stored (reports a signing), no-signing, unsupported (a language accords does not
    read yet), refused (never stored; the reason and code are given), superseded (an earlier
    version of a source edited at its origin), retracted (`accords forget`).
      accords sources --state refused
    """
    with _store(db) as store:
        rows = listing.source_rows(store, states, lang, search)
    listing.print_sources(rows[:limit] if limit is not None else rows, len(rows), out, out.is_terminal, as_json)


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
    with _store(db) as store:
        found = store.entity(query)
        matches = [found] if found else store.find_entities(query)
    if not matches:
        _fail(f"no entity {query!r} in {db} (try part of a name)", 2)
    if as_json:
        click.echo(visible_json(json.dumps(matches[0] if len(matches) == 1 else matches, ensure_ascii=False,
                                           indent=2)))
        return
    from accords.show import render_entity

    if len(matches) > 1:
        for e in matches:
            out.print(f"{visible(e['id'])}  {e['type']}  {visible(e['name'])}", markup=False)
        err.print(f"{len(matches)} entities match {visible(query)!r}; give an id to see one", markup=False)
        return
    render_entity(matches[0], out)


# -- export ------------------------------------------------------------------------------------
@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", type=click.Path(allow_dash=True),
              help="File to write (default: stdout); for parquet a folder. Written whole or not at all.")
@click.option("--force", is_flag=True, help="Replace an existing file that is not an earlier export of this format.")
@click.option("--party", "parties", multiple=True, metavar="CODE|NAME",
              help="Only agreements with this party, as in `accords list`. Repeat to require several.")
@click.option("--instrument", type=click.Choice(sorted(labels.INSTRUMENTS)), help="Only this instrument.")
@click.option("--domain", type=click.Choice(sorted(labels.DOMAINS)), help="Only this domain.")
@click.option("--lang", help="Only agreements with a source in this language (ISO 639-1).")
@click.option("--since", metavar="YYYY[-MM[-DD]]", help="Signed on or after (undated agreements are left out).")
@click.option("--until", metavar="YYYY[-MM[-DD]]", help="Signed on or before (undated agreements are left out).")
def export(db: str, fmt: str, output: str, force: bool, parties: tuple[str, ...], instrument: str | None,
           domain: str | None, lang: str | None, since: str | None, until: str | None) -> None:
    """Write the agreement records, or the analysts' formats built from them.

    \b
    Formats:
      jsonl, json   the records exactly as spec/record.md says
      csv           one row per agreement (a cell a spreadsheet would run is quoted)
      parquet       a folder of five typed tables: agreements, parties, people, sources,
                    statements (pandas, DuckDB, Polars read them as they are)
      graphml       the parties as nodes, one edge per agreement and pair (Gephi, networkx)
      jsonld        schema.org terms: Event, Legislation, Country, Organization, Person,
                    NewsArticle; Wikidata ids as sameAs
      plover        PLOVER event records (AGREE, mode sign, CAMEO 057), one per pair of parties
    The filters are those of `accords list`. The file (or folder) is written beside its target
    and renamed into place when complete: a failed export leaves the old one whole. An export
    never writes over the store, and replaces an existing file only if it is an earlier accords
    export of the same format (else --force); a folder only if it holds nothing but one.
      accords export --format parquet -o tables/
      accords export --format graphml --party AZ --since 2025 -o az.graphml
    """
    from accords.exports import write_file, write_stdout
    from accords.outfile import sidecars

    for name, value in (("--since", since), ("--until", until)):
        if value and not _is_partial_date(value):
            raise click.BadParameter(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)
    f = listing.Filters(parties, instrument, domain, lang, since, until)
    with _store(db) as store:
        if output == "-":
            n = write_stdout(store, fmt, f)
        else:
            try:
                n = write_file(store, fmt, f, output, sidecars(db), force)
            except OSError as e:
                _fail(f"E311: {output}: cannot be written ({e.strerror}); the old file, if any, is untouched", 1)
    err.print(f"{plural(n, 'agreement')} written" + (f" to {visible(output)}" if output != "-" else ""),
              markup=False)


# -- writing commands --------------------------------------------------------------------------
@main.command()
@click.argument("queries", nargs=-1, required=True)
@db_option
@wait_option
def forget(queries: tuple[str, ...], db: str, wait: float) -> None:
    """Retract sources: the agreements they supported are recomputed without them.

    \b
    Each QUERY is an origin (a path as ingested, PATH#N for a feed record), a URL, a source id
    or a unique prefix of one (see `accords sources`). The source's text is kept, marked
    retracted; ingesting the same file again brings it back.
    """
    from accords.service import Summary, rebuild_agreements

    with _store(db, readonly=False, wait=wait) as store:
        found = []
        for q in queries:
            rows = store.resolve_source(q)
            if len(rows) != 1:
                _fail(f"{q!r} names {len(rows)} sources in {db}" + (" (see `accords sources`)" if not rows else
                      ": " + ", ".join(r["id"] for r in rows[:8]) + "; give a full id"), 2)
            found.append(rows[0])
        summary = Summary()
        with store.transaction():
            for row in found:
                store.retract(row["id"])
            rebuild_agreements(store, summary)
    for row in found:
        err.print(f"forgot {row['id']} ({visible(row['origin'])})", markup=False)
    err.print(f"agreements: {summary.agreements_updated} updated, {summary.agreements_total} in the store",
              markup=False)


@main.command()
@db_option
def migrate(db: str) -> None:
    """Bring a store made by an earlier accords up to date (read commands never do)."""
    from accords.store.sqlite import SCHEMA_VERSION

    if not os.path.exists(db):
        raise StoreError(f"{db}: no such store", code="E308")
    with _store(db, readonly=False):
        pass
    err.print(f"{db}: schema {SCHEMA_VERSION}", markup=False)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="The problems as JSON.")
def check(db: str, as_json: bool) -> None:
    """Verify the store: known schema, every span inside its source text, every evidence equal to
    its source's words, no rows pointing nowhere, every mention in an existing agreement.

    \b
    Mentions not yet merged (an ingest was interrupted; run it again) are reported, not failed.
    Read-only. Exit status: 0 consistent; 1 problems found (each printed with its kind); 2 no
    such store.
    """
    from accords.check import check as run

    if not os.path.exists(db):
        raise StoreError(f"{db}: no such store", code="E308")
    report = run(db)
    if as_json:
        click.echo(visible_json(json.dumps({"ok": report.ok, "problems": [list(p) for p in report.problems],
                                            "pending": report.pending, "counts": report.counts}, ensure_ascii=False)))
    else:
        for kind, detail in report.problems:
            click.echo(f"{kind}: {visible(detail)}")
        if report.pending:
            err.print(f"{report.pending} mentions await merging (an ingest was interrupted; run it again)")
        err.print(f"{visible(db)}: {'consistent' if report.ok else plural(len(report.problems), 'problem')}"
                  + (f" ({', '.join(f'{n} {t}' for t, n in report.counts.items())})" if report.counts else ""),
                  markup=False)
    sys.exit(0 if report.ok else 1)


# -- serve -------------------------------------------------------------------------------------
@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False),
              help="A file holding the token that `POST /api/sources` requires (or set $ACCORDS_TOKEN);"
                   " without one the server is read-only.")
def serve(db: str, host: str, port: int, token_file: str | None) -> None:
    """Browse the store in a web browser, and serve it as a JSON API.

    \b
    Pages: /agreements (filters, search in any script), /agreements/ID (sources side by side,
    evidence highlighted), /timeline, /network, /entities/ID, /search.
    API: /api/agreements, /api/agreements/ID, /api/agreements/ID/sources, /api/search,
    /api/entities, /api/network, /api/timeline, /api/facets; schema at /openapi.json.
    The store is opened read-only for every request. With a token (--token-file, or
    $ACCORDS_TOKEN), POST /api/sources ingests articles sent as JSON by a client that
    sends `Authorization: Bearer TOKEN`; without one that route does not exist.

    \b
    Examples:
      accords serve --db accords.db             then open http://127.0.0.1:8000/
      curl 'http://127.0.0.1:8000/api/agreements?party=AZ&since=2025&per_page=10'
      ACCORDS_TOKEN=$(cat token) accords serve --db accords.db
      curl -H "Authorization: Bearer $(cat token)" -H 'Content-Type: application/json' \\
           -d '{"text": "...", "url": "https://...", "published": "2026-02-04"}' \\
           http://127.0.0.1:8000/api/sources
    Ctrl-C stops the server.
    """
    import uvicorn

    from accords.web.app import create_app
    from accords.web.ingest import shutdown_worker

    with _store(db):  # a missing, foreign or out-of-date store is refused here, with its code
        pass
    token = _token(token_file)
    sock = _listening(host, port)
    err.print(f"accords: serving {visible(db)} at http://{host}:{port}/"
              + (" (ingest over HTTP enabled: POST /api/sources)" if token else " (read-only)"), markup=False)
    server = uvicorn.Server(uvicorn.Config(create_app(db, token), log_level="warning", server_header=False))
    # uvicorn stops gracefully on Ctrl-C or SIGTERM, then raises the signal again for its caller.
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        server.run(sockets=[sock])
    except (KeyboardInterrupt, Terminated):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        shutdown_worker()
    err.print("accords: server stopped", markup=False)


def _listening(host: str, port: int) -> Any:
    """A socket bound to host:port, so that a port in use is said before the server starts."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets
    # whose protocol says TCP, and the accepted connections inherit it. Without it a response
    # written in two parts waits for the client's delayed ACK: 40 ms on every kept-alive request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        _fail(f"cannot listen on {visible(host)}:{port}: {e.strerror or e}", 1)
    return sock


def _token(token_file: str | None) -> str | None:
    """The ingest token: the file's first line, else $ACCORDS_TOKEN, else None (read-only). A
    file given but empty is an error: its owner meant the server to take a token."""
    if not token_file:
        return os.environ.get("ACCORDS_TOKEN", "").strip() or None
    with open(token_file, encoding="utf-8") as f:
        token = f.readline().strip()
    if not token:
        raise click.BadParameter(f"{visible(token_file)} holds no token", param_hint="--token-file")
    return token


if __name__ == "__main__":
    main()
