"""The command line as a user runs it."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from accords.cli import main


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_help_teaches_every_command():
    out = run("--help").output
    for cmd in ("ingest", "list", "show", "export"):
        assert cmd in out
    assert ".jsonl" in run("ingest", "--help").output


def test_ingest_twice_changes_nothing(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    first = json.loads(run("ingest", *map(str, seed_files), "--db", db, "--json").stdout)
    assert first["stored"] == 2 and first["agreements_created"] == 1
    export1 = run("export", "--db", db).stdout
    second = json.loads(run("ingest", *map(str, seed_files), "--db", db, "--json").stdout)
    assert second["stored"] == 0 and second["unchanged"] == 2 and second["agreements_created"] == 0
    assert run("export", "--db", db).stdout == export1


def test_same_content_under_another_name_is_stored_once(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_files[0].read_bytes())
    summary = json.loads(run("ingest", str(seed_files[0]), str(copy), "--db", db, "--json").stdout)
    assert summary["stored"] == 1 and summary["unchanged"] == 1


def test_list_show_export(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    run("ingest", *map(str, seed_files), "--db", db)
    rows = [json.loads(line) for line in run("list", "--db", db, "--json").stdout.splitlines()]
    assert rows[0]["parties"] == ["IL", "AZ"] and rows[0]["languages"] == ["ar", "en"]
    shown = run("show", rows[0]["id"], "--db", db).output
    assert "Erez Askal" in shown and "إريز إيشل" in shown and "Discrepancies" in shown
    rec = json.loads(run("show", rows[0]["id"], "--db", db, "--json").stdout)
    assert rec["id"] == rows[0]["id"]
    table = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").stdout)))
    assert table[0]["parties"] == "IL | AZ" and table[0]["date_signed"] == "2026-02-03"
    assert json.loads(run("export", "--db", db, "--format", "json").stdout)[0]["id"] == rows[0]["id"]


def test_bad_inputs_are_named_and_the_run_goes_on(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    result = run("ingest", str(tmp_path / "bad.json"), str(seed_files[1]), "--db", db)
    assert result.exit_code == 0
    assert "bad.json" in result.output and "not JSON" in result.output
    assert "1 stored" in result.output
    strict = run("ingest", str(tmp_path / "bad.json"), "--db", db, "--fail-on-refusal")
    assert strict.exit_code == 3


def test_a_refusal_keeps_its_path_on_one_line(tmp_path, monkeypatch):
    """A narrow terminal must not cut the refused file's path in two: users copy and grep it."""
    from accords import cli
    monkeypatch.setattr(cli.err, "width", 40)
    deep = tmp_path / ("a-folder-with-a-long-name-" * 3) / "and-a-long-file-name.json"
    deep.parent.mkdir()
    deep.write_text("{not json", encoding="utf-8")
    result = run("ingest", str(deep), "--db", str(tmp_path / "s.db"))
    lines = [ln for ln in result.output.splitlines() if "refused " in ln and "[E104]" in ln]
    assert len(lines) == 1 and str(deep) in lines[0] and "not JSON" in lines[0]


def test_unknown_agreement_is_a_clear_error(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    run("ingest", *map(str, seed_files), "--db", db)
    result = CliRunner().invoke(main, ["show", "agr-nope", "--db", db])
    assert result.exit_code == 2 and "no agreement 'agr-nope'" in result.output


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bogus = tmp_path / "x.db"
    bogus.write_text("hello, not sqlite " * 100)
    result = CliRunner().invoke(main, ["list", "--db", str(bogus)])
    assert result.exit_code == 1 and "not an accords store" in result.output


def test_entity_explains_the_askal_link(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    run("ingest", *map(str, seed_files), "--db", db)
    shown = run("entity", "Askal", "--db", db).stdout
    assert "إريز إيشل" in shown and "matched by" in shown and "role and side" in shown
    by_arabic = json.loads(run("entity", "إيشل", "--db", db, "--json").stdout)
    assert by_arabic["name"] == "Erez Askal" and by_arabic["parties"] == ["IL"]
    state = json.loads(run("entity", "state:AZ", "--db", db, "--json").stdout)
    assert "أذربيجان" in state["names"]["ar"]
    missing = CliRunner().invoke(main, ["entity", "nobody-at-all", "--db", db])
    assert missing.exit_code == 2 and "no entity" in missing.output
