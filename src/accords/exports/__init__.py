"""`accords export` in every format: the record formats of spec/record.md (jsonl, json, csv:
accords.export), and the analysts' formats built from the same records: Parquet tables, a
GraphML network of the parties, JSON-LD with schema.org terms, and PLOVER event records.

Every format is filtered as `accords list` is (listing.Filters), written whole or not at all,
and never over the store or its files (outfile.py for one file, outdir.py for Parquet's folder).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from accords import export as records_export
from accords import listing
from accords.exports.ids import People
from accords.store.sqlite import Store

FORMATS = ("jsonl", "json", "csv", "parquet", "graphml", "jsonld", "plover")


def selected(store: Store, filters: listing.Filters) -> Iterator[dict[str, Any]]:
    """The store's records in export order, those the filters keep."""
    for rec in store.records():
        if listing.keep(rec, filters, None):
            yield rec


def write_stream(store: Store, fmt: str, filters: listing.Filters, out: IO[str]) -> int:
    """Write a one-file format to a text stream; returns how many agreements."""
    recs = selected(store, filters)
    if fmt in records_export.FORMATS:
        return records_export.write(recs, fmt, out)
    if fmt == "graphml":
        from accords.exports import graphml

        return graphml.write(recs, out)
    if fmt == "jsonld":
        from accords.exports import jsonld

        return jsonld.write(recs, People.from_store(store), out)
    if fmt == "plover":
        from accords.exports import plover

        return plover.write(recs, out)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_file(store: Store, fmt: str, filters: listing.Filters, target: str, protected: list[Path],
               force: bool) -> int:
    """Write an export to `target` (a file; a folder for parquet), whole or not at all."""
    if fmt == "parquet":
        from accords.exports import outdir, parquet

        folder = outdir.check_folder(target, parquet.TABLES, protected)
        with outdir.atomic_folder(folder) as tmp:
            return parquet.write(selected(store, filters), People.from_store(store), tmp)
    from accords.outfile import atomic_text, check_target

    path = check_target(target, fmt, ",".join(records_export.CSV_COLUMNS), protected, force)
    with atomic_text(path) as f:
        return write_stream(store, fmt, filters, f)


def write_stdout(store: Store, fmt: str, filters: listing.Filters) -> int:
    if fmt == "parquet":
        from accords.errors import OutputError

        raise OutputError("parquet: its five tables are written to a folder; give one with -o DIR")
    return write_stream(store, fmt, filters, sys.stdout)
