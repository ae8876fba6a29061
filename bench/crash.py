"""Kill `accords ingest` at random moments, check the store after each kill, resume, and compare
the export with an uninterrupted run's.

    python bench/crash.py [DOCUMENTS] [KILLS] [SEED]      (defaults: 5000 20 11)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "robustness"))

from robust_corpus import write_corpus  # noqa: E402
from robust_crashkit import crash_run  # noqa: E402


def main(n: int = 5000, kills: int = 20, seed: int = 11) -> int:
    tmp = tempfile.mkdtemp(prefix="accords-crash-")  # kept when the exports differ, for a diff
    corpus = write_corpus(Path(tmp) / "corpus", n, seed)
    t0 = time.monotonic()
    out = crash_run(corpus, Path(tmp), kills, seed)
    total = time.monotonic() - t0
    print(f"documents {n}, uninterrupted run {out.reference_seconds:.1f} s, start-up {out.startup_seconds:.1f} s,"
          f" re-run with nothing new {out.rerun_seconds:.1f} s")
    print(" #  after s  killed  sources  pending  check")
    for i, k in enumerate(out.kills, 1):
        print(f"{i:2}  {k.delay:7.2f}  {'no ' if k.finished_first else 'yes'}     {k.sources:7}  {k.pending:7}"
              f"  {'ok' if k.check_ok else 'FAILED ' + str(k.problems[:3])}")
    print(f"kills that hit a running ingest: {sum(not k.finished_first for k in out.kills)}/{kills}; "
          f"checks passed: {sum(k.check_ok for k in out.kills)}/{kills}")
    print(f"resumed: check {'ok' if out.resumed_check_ok else 'FAILED'}, pending {out.resumed_pending}, "
          f"counts reference {out.counts[0]} resumed {out.counts[1]}")
    print(f"exports identical: {out.same_export} (two uninterrupted runs identical: {out.code_stable});"
          f" wall time {total:.1f} s")
    good = out.same_export and out.resumed_check_ok and all(k.check_ok for k in out.kills)
    if good:
        shutil.rmtree(tmp)
    else:
        print(f"kept for inspection: {tmp}")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:])))
