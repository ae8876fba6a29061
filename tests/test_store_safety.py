"""The store is the user's data: no command destroys it, read commands only read, failures are
named (issue 9)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from accords.cli import main

pytestmark = pytest.mark.issue(9)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def store(tmp_path, seed_files) -> Path:
    db = tmp_path / "s.db"
    assert run("ingest", *map(str, seed_files), "--db", str(db)).exit_code == 0
    return db


def records(db: Path) -> list[str]:
    return run("export", "--db", str(db)).stdout.splitlines()


# -- the store is sacred -------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_never_writes_over_the_store(store, suffix):
    before = records(store)
    result = run("export", "--db", str(store), "-o", str(store) + suffix)
    assert result.exit_code == 1 and "E310" in result.output and "store" in result.output
    assert records(store) == before and len(before) == 1


def test_export_over_the_store_by_another_path_is_refused(store, tmp_path):
    link = tmp_path / "alias.db"
    link.symlink_to(store)
    result = run("export", "--db", str(store), "-o", str(link))
    assert result.exit_code == 1 and "E310" in result.output
    assert len(records(store)) == 1


def test_export_refuses_a_file_that_is_not_an_earlier_export(store, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes\n", encoding="utf-8")
    result = run("export", "--db", str(store), "-o", str(notes))
    assert result.exit_code == 1 and "--force" in result.output
    assert notes.read_text(encoding="utf-8") == "my own notes\n"
    assert run("export", "--db", str(store), "-o", str(notes), "--force").exit_code == 0
    assert json.loads(notes.read_text(encoding="utf-8").splitlines()[0])["id"].startswith("agr-")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_an_earlier_export_of_the_same_format_is_replaced(store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert run("export", "--db", str(store), "--format", fmt, "-o", str(out)).exit_code == 0
    first = out.read_bytes()
    again = run("export", "--db", str(store), "--format", fmt, "-o", str(out))
    assert again.exit_code == 0 and out.read_bytes() == first
    other = "csv" if fmt != "csv" else "json"
    assert run("export", "--db", str(store), "--format", other, "-o", str(out)).exit_code == 1  # not its format


def test_a_failed_export_leaves_the_old_file_whole(store, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    assert run("export", "--db", str(store), "-o", str(out)).exit_code == 0
    good = out.read_bytes()

    def broken(records, fmt, f):
        f.write('{"id": "agr-partial"')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("accords.export.write", broken)  # what every JSONL export calls
    result = run("export", "--db", str(store), "-o", str(out))
    assert result.exit_code == 1 and "E311" in result.output and "untouched" in result.output
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []  # no temporary left


# -- read commands only read -----------------------------------------------------------------------
@pytest.mark.parametrize("command", [["list"], ["show", "agr-x"], ["export"], ["entity", "x"], ["sources"],
                                     ["check"]])
def test_a_missing_store_is_named_and_never_created(tmp_path, command):
    db = tmp_path / "typo.db"
    result = run(*command, "--db", str(db))
    assert result.exit_code == 2 and "no such store" in result.output
    assert not db.exists() and list(tmp_path.iterdir()) == []


def _foreign(tmp_path: Path) -> Path:
    other = tmp_path / "theirs.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('keep me')")
    con.commit()
    con.close()
    return other


@pytest.mark.parametrize("command", [["list"], ["export"], ["sources"], ["ingest", "SEED"]])
def test_someone_elses_sqlite_file_is_left_untouched(tmp_path, seed_files, command):
    other = _foreign(tmp_path)
    before = digest(other)
    args = [str(seed_files[0]) if a == "SEED" else a for a in command]
    result = run(*args, "--db", str(other))
    assert result.exit_code == 1 and "not an accords store" in result.output
    assert digest(other) == before
    con = sqlite3.connect(f"file:{other}?mode=ro", uri=True)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["notes"]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_read_commands_do_not_migrate_an_older_store(store):
    con = sqlite3.connect(store)  # make it a store of the previous schema, 002
    con.execute("DELETE FROM migrations WHERE name IN ('003_versions', '005_views')")
    for view in ("agreement_list", "agreement_parties", "agreement_people", "source_list", "statement_list"):
        con.execute(f"DROP VIEW {view}")  # they read the columns dropped below; migrate makes them again
    con.execute("DROP INDEX sources_url")
    con.execute("DROP INDEX origins_source")
    for column in ("superseded_by", "superseded_at", "retracted_at"):
        con.execute(f"ALTER TABLE sources DROP COLUMN {column}")
    con.commit()
    con.close()
    before = digest(store)
    result = run("list", "--db", str(store))
    assert result.exit_code == 1 and "accords migrate" in result.output
    assert digest(store) == before
    assert run("migrate", "--db", str(store)).exit_code == 0
    assert run("list", "--db", str(store)).exit_code == 0


@contextlib.contextmanager
def read_only_view(folder: Path):
    """`folder` seen through a read-only bind mount (a read-only medium: even root cannot write)."""
    view = folder.parent / (folder.name + "-ro")
    view.mkdir()
    done = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here to make a read-only medium: {done.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True, capture_output=True)
        yield view
    finally:
        subprocess.run(["umount", str(view)], capture_output=True)


def test_a_store_on_a_read_only_medium_can_be_read(store, tmp_path):
    expected = records(store)
    with read_only_view(store.parent) as view:
        ro = view / store.name
        assert run("export", "--db", str(ro)).stdout.splitlines() == expected
        assert run("list", "--db", str(ro)).exit_code == 0
        assert run("check", "--db", str(ro)).exit_code == 0
        written = run("ingest", str(tmp_path / "nothing.txt"), "--db", str(ro))
        assert written.exit_code == 1 and "E30" in written.output and str(ro) in written.output


# -- failures are named ----------------------------------------------------------------------------
def test_a_full_disk_is_named_and_nothing_is_half_written(store, monkeypatch):
    import accords.store.connect as connect

    before = records(store)
    real = connect.open_writable

    def tiny(path, wait):
        db = real(path, wait)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        return db

    monkeypatch.setattr(connect, "open_writable", tiny)
    monkeypatch.setattr("accords.store.sqlite._open_writable", tiny)
    dev = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "docs"
    result = run("ingest", str(dev), "--db", str(store))
    assert result.exit_code == 1 and "E301" in result.output and "full" in result.output
    assert str(store) in result.output and "Traceback" not in result.output
    monkeypatch.undo()
    assert records(store) == before
    assert run("check", "--db", str(store)).exit_code == 0


def test_a_damaged_store_is_named(store):
    data = bytearray(store.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page but the schema's
    store.write_bytes(bytes(data))
    result = run("list", "--db", str(store))
    assert result.exit_code == 1 and ("E303" in result.output or "E306" in result.output)
    assert str(store) in result.output and "Traceback" not in result.output


def test_a_lock_held_too_long_is_named(store, seed_files):
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run("ingest", str(seed_files[0]), "--db", str(store), "--wait", "0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and "E304" in result.output and str(store) in result.output


# -- interrupted runs ------------------------------------------------------------------------------
def _interrupt(tmp_path: Path, sig: int) -> tuple[subprocess.CompletedProcess[str], Path]:
    from .robustness.robust_corpus import write_corpus

    corpus = write_corpus(tmp_path / "corpus", 400)
    db = tmp_path / "i.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "accords.cli", "ingest", str(corpus), "--db", str(db),
                             "--progress-every", "0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stderr is not None
    for line in proc.stderr:  # wait until the run is well under way: a progress line
        if line.startswith("ingest:"):
            break
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), db


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "status", "word"), [(2, 130, "interrupted"), (15, 143, "terminated")])
def test_an_interrupted_ingest_rolls_back_its_batch_and_says_so(tmp_path, sig, status, word):
    done, db = _interrupt(tmp_path, sig)
    assert done.returncode == status, done.stderr[-2000:]
    assert word in done.stderr and "run the same command again" in done.stderr.lower()
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr
    check = subprocess.run([sys.executable, "-m", "accords.cli", "check", "--db", str(db), "--json"],
                           capture_output=True, text=True)
    assert json.loads(check.stdout)["ok"]
    stored = int(done.stderr.split("inputs: ")[1].split(" stored")[0]) if "inputs: " in done.stderr else 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == stored  # the summary tells the truth
    con.close()
