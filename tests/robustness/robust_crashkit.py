"""Kill `accords ingest` at random moments and check that the store stays whole and the next
run finishes the work: shared by tests/robustness/test_crash.py and bench/crash.py."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ACCORDS = [sys.executable, "-m", "accords.cli"]


@dataclass
class Kill:
    delay: float
    finished_first: bool  # the run ended before the signal could be sent
    sources: int
    pending: int
    check_ok: bool
    problems: list[list[str]]


@dataclass
class Outcome:
    reference_seconds: float
    startup_seconds: float
    rerun_seconds: float = 0.0
    code_stable: bool = True
    kills: list[Kill] = field(default_factory=list)
    same_export: bool = False
    resumed_check_ok: bool = False
    resumed_pending: int = -1
    counts: tuple[dict[str, int], dict[str, int]] = ({}, {})


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0"}


def run(args: list[str], db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ACCORDS, *args, "--db", str(db)], capture_output=True, text=True, env=_env(),
                          timeout=900)


def check(db: Path) -> dict:
    done = run(["check", "--json"], db)
    return json.loads(done.stdout)


def export(db: Path) -> str:
    done = run(["export", "--format", "jsonl"], db)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _sources(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created yet, or still being migrated


def _wait(proc: subprocess.Popen[bytes], db: Path, target: int, timeout: float) -> None:
    """Until the store holds `target` sources (or the run ends, or `timeout` passes)."""
    t_end = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < t_end and _sources(db) < target:
        time.sleep(0.02)


def kill_once(corpus: Path, db: Path, plan: tuple[int, float], timeout: float) -> Kill:
    """Start an ingest, wait until the store holds `plan[0]` sources, wait `plan[1]` seconds more
    (landing inside a batch, or in the final rebuild), SIGKILL it, then check the store."""
    target, delay = plan
    t0 = time.monotonic()
    proc = subprocess.Popen([*ACCORDS, "ingest", str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=_env())
    _wait(proc, db, target, timeout)
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    report = check(db) if db.exists() else {"ok": True, "pending": 0, "counts": {}, "problems": []}
    return Kill(time.monotonic() - t0, finished, report["counts"].get("sources", 0), report["pending"],
                report["ok"], report["problems"])


def _timed_ingest(paths: list[Path], db: Path) -> float:
    t0 = time.monotonic()
    done = run(["ingest", *map(str, paths)], db)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - t0


def _plans(rng: random.Random, kills: int, total: int, out: Outcome) -> list[tuple[int, float]]:
    """Where to kill: after a random number of sources stored (rising, so that the kills walk
    through the whole run), plus a random fraction of a second to land inside a batch. Some kills
    hit start-up (target 0), and the last ones the final rebuild (target: every source)."""
    plans = []
    for i in range(kills):
        r = rng.random()
        if r < 0.15:
            plans.append((0, rng.uniform(0.0, out.startup_seconds)))
        elif i >= kills - 3:
            plans.append((total, rng.uniform(0.0, out.rerun_seconds)))
        else:
            plans.append((int(total * (i + rng.random()) / (kills - 3)), rng.uniform(0.0, 0.4)))
    return plans


def crash_run(corpus: Path, work: Path, kills: int = 20, seed: int = 11) -> Outcome:
    """An uninterrupted reference run, then `kills` killed runs into a second store, then a
    resuming run; the two stores' exports must be identical."""
    rng = random.Random(seed)
    ref_db, db = work / "reference.db", work / "killed.db"
    one = next(corpus.rglob("*.txt"))
    out = Outcome(_timed_ingest([corpus], ref_db), _timed_ingest([one], work / "startup.db"))
    out.rerun_seconds = _timed_ingest([corpus], ref_db)  # every source unchanged: reading and rebuild
    total = check(ref_db)["counts"]["sources"]
    for plan in _plans(rng, kills, total, out):
        out.kills.append(kill_once(corpus, db, plan, timeout=out.reference_seconds * 3))
    resumed = run(["ingest", str(corpus)], db)
    assert resumed.returncode == 0, resumed.stderr
    final = check(db)
    out.resumed_check_ok, out.resumed_pending = final["ok"], final["pending"]
    # A second uninterrupted run: if it differs from the first, the code changed while the test
    # ran (someone editing the extractor), and a difference says nothing about crash safety.
    again_db = work / "reference-again.db"
    _timed_ingest([corpus], again_db)
    out.code_stable = export(ref_db) == export(again_db)
    out.counts = (check(ref_db)["counts"], final["counts"])
    exports = export(ref_db), export(db)
    out.same_export = exports[0] == exports[1]
    if not out.same_export:  # kept for a diff
        (work / "reference.jsonl").write_text(exports[0], encoding="utf-8")
        (work / "resumed.jsonl").write_text(exports[1], encoding="utf-8")
    return out
