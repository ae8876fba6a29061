"""Sources change (issue 9): an article edited at its source and ingested again supersedes its
earlier version; `accords forget` retracts a source and recomputes what it supported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from accords.cli import main

pytestmark = pytest.mark.issue(9)

# Our own sentences: one signing, its date corrected in a later version of the page.
FIRST = ("Kenya and Norway signed a memorandum of understanding on renewable energy in Nairobi on"
         " 3 March 2025. The agreement was signed by the foreign ministers of the two countries.")
EDITED = FIRST.replace("3 March 2025", "4 March 2025")
URL = "https://news.example/kenya-norway-energy"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def feed(path: Path, text: str, url: str | None = URL) -> Path:
    record = {"text": text, "published": "2025-03-05"} | ({"url": url} if url else {})
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def records(db: str) -> list[dict]:
    return [json.loads(line) for line in run("export", "--db", db).stdout.splitlines()]


@pytest.mark.parametrize("same", ["origin", "url"])
def test_an_edited_source_supersedes_its_earlier_version(tmp_path, same):
    db = str(tmp_path / "s.db")
    first = feed(tmp_path / "a.json", FIRST)
    assert run("ingest", str(first), "--db", db).exit_code == 0
    assert [r["date_signed"] for r in records(db)] == ["2025-03-03"]
    second = first if same == "origin" else tmp_path / "b.json"
    feed(second, EDITED)
    summary = json.loads(run("ingest", str(second), "--db", db, "--json").stdout)
    assert summary["superseded"] == 1
    recs = records(db)
    assert [r["date_signed"] for r in recs] == ["2025-03-04"] and len(recs[0]["sources"]) == 1
    old = [json.loads(line) for line in run("sources", "--db", db, "--json", "--state", "superseded").stdout.splitlines()]
    assert len(old) == 1 and old[0]["detail"].startswith("by " + recs[0]["sources"][0]["id"])
    shown = run("show", recs[0]["id"], "--db", db).stdout
    assert "supersedes its earlier version " + old[0]["id"] in shown
    assert run("check", "--db", db).exit_code == 0


def test_the_same_text_at_two_origins_is_not_superseded_by_an_edit_at_one(tmp_path):
    db = str(tmp_path / "s.db")
    a, b = feed(tmp_path / "a.json", FIRST, url=None), feed(tmp_path / "b.json", FIRST, url=None)
    run("ingest", str(a), str(b), "--db", db)
    feed(a, EDITED, url=None)
    summary = json.loads(run("ingest", str(a), "--db", db, "--json").stdout)
    assert summary["superseded"] == 0  # b.json still carries the first text
    assert sum(len(r["sources"]) for r in records(db)) == 2  # both texts still report the signing


def test_going_back_to_the_first_text_restores_it(tmp_path):
    db = str(tmp_path / "s.db")
    path = feed(tmp_path / "a.json", FIRST)
    run("ingest", str(path), "--db", db)
    feed(path, EDITED)
    run("ingest", str(path), "--db", db)
    feed(path, FIRST)
    run("ingest", str(path), "--db", db)
    assert [r["date_signed"] for r in records(db)] == ["2025-03-03"]
    assert run("check", "--db", db).exit_code == 0


@pytest.mark.parametrize("by", ["origin", "url", "id", "prefix"])
def test_forget_retracts_a_source_and_recomputes(tmp_path, seed_files, by):
    db = str(tmp_path / "s.db")
    path = feed(tmp_path / "a.json", FIRST)
    run("ingest", str(path), *map(str, seed_files), "--db", db)
    assert len(records(db)) == 2
    sid = next(r["sources"][0]["id"] for r in records(db) if r["date_signed"] == "2025-03-03")
    query = {"origin": str(path), "url": URL, "id": sid, "prefix": sid[:6]}[by]
    result = run("forget", query, "--db", db)
    assert result.exit_code == 0 and sid in result.output
    assert [r["date_signed"] for r in records(db)] == ["2026-02-03"]  # the seeds' agreement stays
    retracted = json.loads(run("sources", "--db", db, "--json", "--state", "retracted").stdout)
    assert retracted["id"] == sid
    assert run("check", "--db", db).exit_code == 0
    assert json.loads(run("ingest", str(path), "--db", db, "--json").stdout)["stored"] == 1  # it can come back
    assert len(records(db)) == 2


def test_forget_names_what_it_cannot_find(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    run("ingest", *map(str, seed_files), "--db", db)
    result = run("forget", "no-such-origin.txt", "--db", db)
    assert result.exit_code == 2 and "0 sources" in result.output
    assert len(records(db)) == 1


def test_check_finds_a_mention_left_on_a_superseded_source(tmp_path):
    import sqlite3

    db = str(tmp_path / "s.db")
    path = feed(tmp_path / "a.json", FIRST)
    run("ingest", str(path), "--db", db)
    con = sqlite3.connect(db)
    con.execute("UPDATE sources SET superseded_by = 'x', superseded_at = 'now'")
    con.commit()
    con.close()
    result = run("check", "--db", db)
    assert result.exit_code == 1 and "stale-mention" in result.output
