"""The store read as a dataset: readable views, and a schema page that cannot drift."""

import json
import subprocess
import sys
from pathlib import Path

from accords.store.schema_doc import VIEWS_FIRST
from accords.store.sqlite import Store

DOCS = Path(__file__).resolve().parents[1] / "docs"
SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def test_the_schema_page_and_datasette_metadata_match_the_code(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "accords.store.schema_doc", str(tmp_path)], check=True)
    for name in ("schema.md", "datasette-metadata.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DOCS / name).read_text(encoding="utf-8"), (
            f"docs/{name} is out of date: run `python -m accords.store.schema_doc docs`")
    tables = json.loads((DOCS / "datasette-metadata.json").read_text(encoding="utf-8"))["databases"]["accords"]
    assert all(v in tables["tables"] and tables["tables"][v]["description"] for v in VIEWS_FIRST)


def test_the_views_read_the_seed_agreement_with_its_evidence(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    subprocess.run([sys.executable, "-m", "accords.cli", "ingest", *map(str, SEEDS), "--db", str(db)],
                   check=True, capture_output=True)
    store = Store(db, readonly=True)
    try:
        record = next(store.records())
        listed = store.db.execute("SELECT * FROM agreement_list").fetchall()
        assert [(r["id"], r["date_signed"], r["instrument"], r["sources"]) for r in listed] == [
            (record["id"], record["date_signed"], record["instrument"], len(record["sources"]))]
        parties = store.db.execute("SELECT party_id FROM agreement_parties ORDER BY party_id").fetchall()
        assert [r[0] for r in parties] == sorted(p["id"] for p in record["parties"])
        people = store.db.execute("SELECT capacity, name FROM agreement_people").fetchall()
        assert sorted(p["name"] for p in record["signatories"]) == sorted(n for c, n in people if c == "signatory")
        states = {r["state"] for r in store.db.execute("SELECT state FROM source_list")}
        assert states == {"stored"}
        rows = store.db.execute("SELECT source_id, span_start, span_end, evidence FROM statement_list"
                                " WHERE span_start IS NOT NULL").fetchall()
        texts = {s["id"]: s["text"] for s in store.sources().values()}
        assert rows and all(texts[s][a:b] == ev for s, a, b, ev in rows)
    finally:
        store.close()
