"""Seconds `accords export` takes in each format on a store of N agreements.

    python bench/export_speed.py --n 100000              # builds the store, then times every format
    python bench/export_speed.py --store big.db          # times an existing store (e.g. bench/web_store.py's)

Without --store, the store is built from ../shared: the dev and practice documents are ingested
once, and their agreement records are then copied, under new ids, into a second store until it
holds N (ingesting the same documents again would add nothing: the same text is stored once, and
the same signing merges into the same agreement). Exports read only the stored records and the
person entities, so the copies cost what real agreements cost; their people are not linked to
entities (a look-up that misses, as for most people). Prints one line per format: seconds,
agreements per second, size of the output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from accords.exports import FORMATS, write_file
from accords.listing import Filters
from accords.service import ingest
from accords.store.sqlite import Store, now

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def build(path: Path, n: int, work: Path) -> None:
    base = Store(work / "base.db")
    ingest([str(SHARED / "dev" / "docs"), str(SHARED / "practice" / "docs")], base)
    seeds = list(base.records())
    entities = base.db.execute("SELECT * FROM entities").fetchall()
    base.close()
    store = Store(path)
    with store.transaction():
        rows = []
        for i in range(n):
            rec = dict(seeds[i % len(seeds)])
            rec["id"] = "agr-" + hashlib.sha256(f"bench {i}".encode()).hexdigest()[:12]
            rows.append((rec["id"], json.dumps(rec, ensure_ascii=False), now()))
        store.db.executemany("INSERT INTO agreements (id, record, updated_at) VALUES (?,?,?)", rows)
        store.db.executemany("INSERT INTO entities VALUES (?,?,?,?)", [tuple(e) for e in entities])
    store.close()


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="agreements in the built store")
    ap.add_argument("--store", type=Path, help="time this store instead of building one")
    ap.add_argument("--formats", nargs="*", default=list(FORMATS), choices=FORMATS)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="export-speed-"))
    try:
        db = args.store
        if db is None:
            db = work / "bench.db"
            t = time.perf_counter()
            build(db, args.n, work)
            print(f"built {db} ({args.n} agreements) in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        store = Store(db, readonly=True)
        total = store.counts().get("agreements") if hasattr(store, "counts") else None
        print(f"store: {db}, {total} agreements")
        for fmt in args.formats:
            out = work / f"out.{fmt}"
            t = time.perf_counter()
            n = write_file(store, fmt, Filters(), str(out), [db], force=True)
            secs = time.perf_counter() - t
            print(f"{fmt:8} {secs:8.1f} s  {n / secs:9.0f} agreements/s  {size(out) / 1e6:8.1f} MB")
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
