"""Several ingests on one SQLite store at once give the result of running them one after another
(issue 9): two re-runs of a feed and one new article, started together, repeated."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.issue(9), pytest.mark.slow]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPEAT = int(os.environ.get("ACCORDS_CONCURRENCY_REPEAT", "20"))
ACCORDS = [sys.executable, "-m", "accords.cli"]


def _feed(folder: Path) -> tuple[Path, Path]:
    """A feed of a dozen dev articles, and one new article (a seed) that the feed lacks."""
    feed = folder / "feed"
    feed.mkdir()
    for doc in sorted((SHARED / "dev" / "docs").iterdir())[:12]:
        shutil.copy(doc, feed / doc.name)
    new = folder / "new.txt"
    shutil.copy(sorted((SHARED / "seeds").glob("*.txt"))[0], new)
    return feed, new


def _ingest(args: list[str], db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([*ACCORDS, "ingest", *args, "--db", str(db), "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _export(db: Path) -> list[str]:
    done = subprocess.run([*ACCORDS, "export", "--db", str(db)], capture_output=True, text=True, check=True)
    return sorted(done.stdout.splitlines())


def _check(db: Path) -> dict:
    done = subprocess.run([*ACCORDS, "check", "--db", str(db), "--json"], capture_output=True, text=True)
    return json.loads(done.stdout)


def test_three_concurrent_ingests_equal_a_sequential_run(tmp_path):
    feed, new = _feed(tmp_path)
    reference = tmp_path / "sequential.db"
    for args in ([str(feed)], [str(feed)], [str(new)]):
        out, errors = _ingest(args, reference).communicate(timeout=600)
        assert json.loads(out)["refused"] == [], errors
    expected = _export(reference)
    stored_alone = sum(1 for _ in feed.iterdir()) + 1
    failures = []
    for i in range(REPEAT):
        db = tmp_path / f"c{i}.db"
        procs = [_ingest([str(feed)], db), _ingest([str(feed)], db), _ingest([str(new)], db)]
        summaries = []
        for p in procs:
            out, errors = p.communicate(timeout=600)
            assert p.returncode == 0, (p.returncode, out[-2000:], errors[-2000:])
            summaries.append(json.loads(out))
        report = _check(db)
        stored = sum(s["stored"] for s in summaries)
        if _export(db) != expected or not report["ok"] or report["pending"] or stored != stored_alone:
            failures.append((i, report["problems"][:3], report["pending"], stored))
    assert not failures, f"{len(failures)} of {REPEAT} runs differ from the sequential run: {failures[:3]}"
