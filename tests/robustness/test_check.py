"""`accords check` finds each kind of damage: make a store, break it with SQL, see it caught."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from accords.check import check
from accords.cli import main
from accords.service import ingest
from accords.store.sqlite import Store

DOCS = {"a.txt": "Japan and Kenya signed a memorandum of understanding on energy on 3 March 2025.",
        "b.txt": "On 3 March 2025, Japan and Kenya signed a memorandum of understanding on energy in Nairobi.",
        "c.txt": "France and Chile signed a treaty on culture on 5 May 2025."}


@pytest.fixture(scope="module")
def clean_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder.parent / "clean.db"
    store = Store(db)
    ingest([str(folder)], store)
    store.close()
    return db


@pytest.fixture
def db(clean_db, tmp_path):
    copy = tmp_path / "store.db"
    src, dst = sqlite3.connect(clean_db), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def _break(db, *sql: str) -> list[str]:
    con = sqlite3.connect(db)  # foreign keys off: damage as an old or foreign writer could leave it
    for q in sql:
        con.execute(q)
    con.commit()
    con.close()
    return sorted({kind for kind, _ in check(db).problems})


def test_a_fresh_store_is_consistent(db):
    report = check(db)
    assert report.ok and report.pending == 0 and report.counts["agreements"] >= 2


FIRST_MENTION = "(SELECT MIN(id) FROM mentions)"
DAMAGE = {
    "span": ["UPDATE statements SET span_end = 100000 WHERE id = (SELECT MIN(id) FROM statements)"],
    "span-negative": ["UPDATE statements SET span_start = -1 WHERE id = (SELECT MIN(id) FROM statements)"],
    "evidence": ["UPDATE agreements SET record = json_set(record, '$.evidence.parties[0].text', 'Atlantis')"
                 " WHERE id = (SELECT MIN(id) FROM agreements)"],
    "evidence-span": ["UPDATE agreements SET record = json_set(record, '$.evidence.parties[0].span[1]', 100000)"
                      " WHERE id = (SELECT MIN(id) FROM agreements)"],
    "record": ["UPDATE agreements SET record = '{not json' WHERE id = (SELECT MIN(id) FROM agreements)"],
    "orphan-statement": ["INSERT INTO statements (mention_id, source_id, field, value, extractor_version)"
                         " SELECT 'gone:0', source_id, 'party', '\"JP\"', 'x' FROM mentions LIMIT 1"],
    "orphan-mention": ["INSERT INTO mentions VALUES ('nosource:0', 'nosource', 0, NULL)"],
    "orphan-origin": ["INSERT INTO origins VALUES ('x.txt', 'nosource', 'sha', 'now')"],
    "orphan-block": ["INSERT INTO blocks VALUES ('JP|KE', 'gone:0')"],
    "orphan-judgement": ["INSERT INTO judgements VALUES ('gone:0', 'gone:1', 'positive', 1.0, 'merge_v1', '')"],
    "empty-agreement": ["INSERT INTO agreements VALUES ('agr-000000000000', '{\"id\": \"agr-000000000000\"}', 'now')"],
    "unassigned-mention": [f"UPDATE mentions SET agreement_id = 'agr-missing' WHERE id = {FIRST_MENTION}"],
    "orphan-alias": ["INSERT INTO aliases VALUES ('agr-old', 'agr-missing')"],
    "statement-source": ["UPDATE statements SET source_id = (SELECT id FROM sources ORDER BY id DESC LIMIT 1)"
                         " WHERE mention_id = (SELECT MIN(id) FROM mentions WHERE source_id !="
                         " (SELECT id FROM sources ORDER BY id DESC LIMIT 1))"],
    "schema": ["INSERT INTO migrations VALUES ('999_future', 'now')"],
    "schema-missing-table": ["DROP TABLE blocks"],
}
KIND = {"span-negative": "span", "evidence-span": "evidence", "schema-missing-table": "schema"}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_check_catches(db, damage):
    assert KIND.get(damage, damage) in _break(db, *DAMAGE[damage])


def test_a_deleted_mention_leaves_orphans_and_an_empty_agreement(db):
    kinds = _break(db, "DELETE FROM mentions WHERE source_id = (SELECT MIN(id) FROM sources)")
    assert "orphan-statement" in kinds


def test_a_deleted_source_is_caught_through_its_rows(db):
    kinds = _break(db, "DELETE FROM sources WHERE id = (SELECT MIN(id) FROM sources)")
    assert {"orphan-mention", "orphan-origin", "orphan-statement"} <= set(kinds)


def test_pending_mentions_are_reported_not_failed(db):
    shared = ("SELECT MIN(id) FROM mentions WHERE agreement_id IN"
              " (SELECT agreement_id FROM mentions GROUP BY agreement_id HAVING COUNT(*) > 1)")
    assert _break(db, f"UPDATE mentions SET agreement_id = NULL WHERE id = ({shared})") == []
    assert check(db).pending == 1


def test_not_a_store(tmp_path):
    (tmp_path / "x.db").write_bytes(b"not sqlite at all" * 100)
    assert [k for k, _ in check(tmp_path / "x.db").problems] == ["store"]
    assert [k for k, _ in check(tmp_path / "missing.db").problems] == ["store"]


def test_cli_exit_status(db):
    runner = CliRunner()
    ok = runner.invoke(main, ["check", "--db", str(db), "--json"])
    assert ok.exit_code == 0 and json.loads(ok.output)["ok"] is True
    _break(db, "INSERT INTO blocks VALUES ('k', 'gone:0')")
    bad = runner.invoke(main, ["check", "--db", str(db)])
    assert bad.exit_code == 1 and "orphan-block: k: gone:0" in bad.output


def test_the_rebuild_after_an_interrupted_run_completes_the_store(db):
    """Killed between the batch and the rebuild: mentions without agreement; the next run of the
    same command (every source unchanged) still rebuilds and assigns them."""
    _break(db, "UPDATE mentions SET agreement_id = NULL", "DELETE FROM agreements")
    store = Store(db)
    ingest([], store)
    store.close()
    report = check(db)
    assert report.ok and report.pending == 0 and report.counts["agreements"] >= 2
