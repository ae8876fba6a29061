"""Documents per second through the pipeline, over a corpus (the dev set by default).

    python bench/throughput.py [DOCS_DIR] [--repeat N]

Reports two figures: extraction alone (clean, language id, date, extract; `pipeline.process`)
and the whole ingest into a fresh SQLite store (with merging and records), plus peak memory.
Language models are loaded once before timing, as a long-running worker would.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from accords.ingest.read import RawInput, read_inputs
from accords.pipeline import SUPPORTED, process
from accords.service import ingest
from accords.store.sqlite import Store

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "docs"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    raws = [r for r in read_inputs([a.docs]) if isinstance(r, RawInput)]
    for r in raws:  # warm-up: load lingua models and compile every language's lexicon
        process(r)
    t0 = time.perf_counter()
    events = 0
    for _ in range(a.repeat):
        for r in raws:
            events += len(process(r).events)
    extract_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t1 = time.perf_counter()
        for i in range(a.repeat):
            store = Store(Path(tmp) / f"b{i}.db")
            ingest([a.docs], store)
            store.close()
        ingest_s = time.perf_counter() - t1
    n = len(raws) * a.repeat
    print(json.dumps({
        "languages": list(SUPPORTED), "documents": len(raws), "repeat": a.repeat,
        "extract_docs_per_s": round(n / extract_s, 1),
        "ingest_docs_per_s": round(n / ingest_s, 1),
        "events_per_pass": events // a.repeat,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
