"""An instrument announced but never said to be signed: a record, with a lower confidence."""

from __future__ import annotations

import json

from click.testing import CliRunner

from accords.cli import main


def _records(tmp_path, texts: dict[str, str]) -> dict[str, dict]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    CliRunner().invoke(main, ["ingest", *(str(tmp_path / n) for n in texts), "--db", db], catch_exceptions=False)
    out = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl"], catch_exceptions=False).stdout
    recs = [json.loads(line) for line in out.splitlines()]
    return {r["sources"][0]["origin"].rsplit("/", 1)[-1]: r for r in recs}


def test_an_announced_instrument_is_kept_with_less_confidence(tmp_path):
    recs = _records(tmp_path, {
        "announced.txt": "Peru and Kenya announced a framework agreement on renewable energy.",
        "signed.txt": "Chile and Ghana signed a framework agreement on renewable energy.",
    })
    assert set(recs) == {"announced.txt", "signed.txt"}
    assert [p["id"] for p in recs["announced.txt"]["parties"]] == ["PE", "KE"]
    assert recs["announced.txt"]["confidence"] < recs["signed.txt"]["confidence"]


def test_an_announcement_of_something_else_is_no_record(tmp_path):
    recs = _records(tmp_path, {
        "that.txt": "Peru announced that Kenya had breached the fisheries agreement between the two countries.",
        "statement.txt": "Peru and Kenya announced in a joint statement their wish to deepen cooperation.",
        "one-side.txt": "Peru announced a new agreement on fisheries.",
        "talks.txt": "Peru and Kenya announced talks on a fisheries agreement.",
        "plans.txt": "Peru and Kenya announced plans for a free trade agreement.",
    })
    assert recs == {}
