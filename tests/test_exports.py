"""`accords export` in the analysts' formats, each read back as its users read it: Parquet by
pyarrow, pandas, DuckDB and Polars (and rebuilt into the very records), GraphML by networkx,
JSON-LD expanded by pyld and parsed by rdflib, PLOVER rows validated against the schema written
from the PLOVER manual. The store: the seeds, the dev documents and two invented articles (an
organisation party; three parties, a partial date of signing)."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from itertools import combinations
from math import comb
from pathlib import Path

import duckdb
import jsonschema
import networkx as nx
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
import rdflib
from click.testing import CliRunner
from pyld import jsonld as pyld

from accords.cli import main
from accords.data import shared
from accords.exports import parquet, plover
from accords.exports.ids import WIKIDATA
from accords.service import ingest
from accords.store.sqlite import Store

from .conftest import DEV, SEEDS

EU = ("EU and Chile sign a memorandum of understanding on clean hydrogen\n\nBRUSSELS, March 4, 2025 - The European"
      " Union and Chile signed a memorandum of understanding on clean hydrogen cooperation in Brussels on Tuesday."
      " European Commissioner Dana Jorgensen and Chilean Energy Minister Tomas Ibarra signed the document.\n")
UNIVERSITY = ("Kenya's Lakeview Polytechnic University signs memorandum with Chile\n\nNAIROBI, June 3, 2025 -"
              " Lakeview Polytechnic University and the Chilean Ministry of Education signed a memorandum of"
              " understanding on research cooperation in Nairobi on Tuesday.\n")
THREE = {"text": "Norway, Kenya and Peru sign an agreement on fisheries research\n\nNorway, Kenya and Peru signed an"
                 " agreement on fisheries research and ocean science in Nairobi in May 2024. Kenyan Minister of"
                 " Agriculture Amina Wanjiru and Peruvian Minister of Production Luis Quispe signed it.\n",
         "published": "2024-06-02", "url": "https://news.example/three", "outlet": "Example News",
         "title": "Three states sign on fisheries"}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "eu.txt").write_text(EU, encoding="utf-8")
    (folder / "three.json").write_text(json.dumps(THREE), encoding="utf-8")
    (folder / "university.txt").write_text(UNIVERSITY, encoding="utf-8")
    db = folder / "s.db"
    store = Store(db)
    ingest([*(str(p) for p in sorted(SEEDS.glob("*.txt"))), str(DEV / "docs"), str(folder / "eu.txt"),
            str(folder / "three.json"), str(folder / "university.txt")], store)
    store.close()
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("exports") / "in")


@pytest.fixture(scope="module")
def records(db) -> list[dict]:
    store = Store(db, readonly=True)
    recs = list(store.records())
    store.close()
    return recs


@pytest.fixture(scope="module")
def tables(db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pq") / "tables"
    assert run("export", "--db", str(db), "--format", "parquet", "-o", str(out)).exit_code == 0
    return out


def _export(db: Path, fmt: str, tmp_path: Path, *filters: str) -> str:
    tmp_path.mkdir(exist_ok=True)
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--db", str(db), "--format", fmt, "-o", str(out), *filters)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_store_has_what_the_tests_need(records):
    types = Counter(p["type"] for r in records for p in r["parties"])
    assert types["state"] > 10 and types["organization"] >= 2
    # an organisation no data file names: its slug comes from its name as written
    assert any(p["id"].startswith("org:") and p["id"] not in shared("organizations.yaml")
               for r in records for p in r["parties"])
    assert any(len(r["parties"]) >= 3 for r in records)
    assert any(r["date_signed"] and len(r["date_signed"]) == 7 for r in records)


# -- Parquet -----------------------------------------------------------------------------------
def test_parquet_tables_rebuild_the_exported_records_exactly(tables, records):
    back = parquet.records(tables)
    assert back == records
    assert [json.dumps(r, ensure_ascii=False) for r in back] == [json.dumps(r, ensure_ascii=False) for r in records]


def test_parquet_written_in_small_row_groups_rebuilds_the_same_records(db, records, tmp_path):
    from accords.exports.ids import People

    store = Store(db, readonly=True)
    assert parquet.write(store.records(), People.from_store(store), tmp_path, batch=3) == len(records)
    store.close()
    assert pq.read_metadata(tmp_path / "agreements.parquet").num_row_groups == -(-len(records) // 3)
    assert parquet.records(tmp_path) == records


def test_an_export_that_keeps_nothing_is_still_readable(db, tmp_path):
    out = tmp_path / "none"
    assert run("export", "--db", str(db), "--format", "parquet", "-o", str(out), "--party", "AQ").exit_code == 0
    assert parquet.records(out) == []
    assert pd.read_parquet(out / "people.parquet").empty
    g = nx.read_graphml(_path(db, "graphml", tmp_path, "--party", "AQ"))
    assert g.number_of_nodes() == 0


def test_parquet_declares_dates_as_dates_and_keeps_partial_dates(tables, records):
    agreements = pq.read_table(tables / "agreements.parquet")
    assert str(agreements.schema.field("date_signed_day").type) == "date32[day]"
    assert str(agreements.schema.field("domains").type) == "list<element: string>"
    rows = {r["id"]: r for r in agreements.to_pylist()}
    for rec in records:
        got = rows[rec["id"]]
        assert got["date_signed"] == rec["date_signed"]
        full = rec["date_signed"] is not None and len(rec["date_signed"]) == 10
        assert (got["date_signed_day"].isoformat() if got["date_signed_day"] else None) == (
            rec["date_signed"] if full else None)


@pytest.mark.parametrize("table", parquet.TABLES)
def test_parquet_reads_in_pandas_duckdb_and_polars_without_options(tables, table):
    path = tables / f"{table}.parquet"
    n = pq.read_metadata(path).num_rows
    assert n > 0
    assert len(pd.read_parquet(path)) == n
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{path}'").fetchall() == [(n,)]
    assert pl.read_parquet(path).height == n


def test_parquet_tables_join_on_the_agreement_id(tables, records):
    rows = duckdb.connect().execute(f"SELECT a.id, count(*) FROM '{tables}/agreements.parquet' a"
                                    f" JOIN '{tables}/parties.parquet' p ON p.agreement_id = a.id"
                                    " GROUP BY a.id").fetchall()
    assert dict(rows) == {r["id"]: len(r["parties"]) for r in records if r["parties"]}


def test_parquet_carries_wikidata_ids_of_states_and_known_people(tables, records):
    parties = pq.read_table(tables / "parties.parquet").to_pylist()
    states = shared("wikidata_states.yaml")["states"]
    for p in parties:
        if p["type"] == "state":
            assert p["wikidata"] == states[p["id"]]["wikidata"]
    assert {p["wikidata"] for p in parties if p["id"] == "org:eu"} == {"Q458"}
    people = pq.read_table(tables / "people.parquet").to_pylist()
    known = [p for p in people if p["wikidata"]]
    assert known and all(p["entity"] == f"per:{p['wikidata']}" for p in known)


# -- GraphML -----------------------------------------------------------------------------------
def test_graphml_opens_in_networkx_with_a_node_per_party_and_an_edge_per_pair(db, tmp_path, records):
    g = nx.read_graphml(_path(db, "graphml", tmp_path), force_multigraph=True)
    assert set(g.nodes) == {p["id"] for r in records for p in r["parties"]}
    want = Counter()
    for r in records:
        for a, b in combinations(sorted({p["id"] for p in r["parties"]}), 2):
            want[(a, b, r["id"])] += 1
    got = Counter((*sorted((a, b)), k) for a, b, k in g.edges(keys=True))
    assert got == want
    for _, _, k, data in g.edges(keys=True, data=True):
        rec = next(r for r in records if r["id"] == k)
        assert data["agreement"] == k and data["instrument"] == rec["instrument"]
        assert data.get("date") == rec["date_signed"]
    assert g.nodes["CL"]["wikidata"] == "Q298" and g.nodes["org:eu"]["type"] == "organization"


def _path(db: Path, fmt: str, tmp_path: Path, *filters: str) -> Path:
    _export(db, fmt, tmp_path, *filters)
    return tmp_path / f"out.{fmt}"


def test_graphml_stays_readable_when_a_title_holds_control_characters(records):
    import io

    from accords.exports import graphml

    rec = {**records[0], "title": "bad\x00\x07title"}
    out = io.StringIO()
    graphml.write([rec], out)
    g = nx.read_graphml(io.BytesIO(out.getvalue().encode()), force_multigraph=True)
    assert [d["title"] for *_, d in g.edges(data=True)][0] == "bad\ufffd\ufffdtitle"


# -- JSON-LD -----------------------------------------------------------------------------------
def _keys(node, out, language_maps):
    """Every key used as a term (a language map's keys are languages, not terms)."""
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            if k not in language_maps:
                _keys(v, out, language_maps)
    elif isinstance(node, list):
        for v in node:
            _keys(v, out, language_maps)
    return out


def _leaves(node) -> int:
    if isinstance(node, dict):
        return sum(_leaves(v) for k, v in node.items() if k not in ("@type",)) if "@value" not in node else 1
    if isinstance(node, list):
        return sum(_leaves(v) for v in node)
    return 1


def test_jsonld_defines_every_term_and_expansion_drops_nothing(db, tmp_path):
    doc = json.loads(_export(db, "jsonld", tmp_path))
    context = doc["@context"]
    maps = {t for t, d in context.items() if isinstance(d, dict) and d.get("@container") == "@language"}
    used = _keys(doc["@graph"], set(), maps)
    assert {k for k in used if not k.startswith("@")} <= set(context)
    expanded = pyld.expand(doc)
    assert len(expanded) == len(doc["@graph"])
    # every value of every node survives expansion (a term expansion does not know is dropped)
    assert _leaves(expanded) == _leaves(doc["@graph"])


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's parser
def test_jsonld_parses_as_rdf_with_schema_org_terms_and_wikidata_links(db, tmp_path, records):
    g = rdflib.Graph().parse(data=_export(db, "jsonld", tmp_path), format="json-ld")
    assert {str(p) for p in g.predicates()} and all(str(p).startswith("https://schema.org/")
                                                     or str(p) == str(rdflib.RDF.type) for p in g.predicates())
    schema = rdflib.Namespace("https://schema.org/")
    events = set(g.subjects(rdflib.RDF.type, schema.Event))
    assert {str(e) for e in events} == {f"urn:accords:agreement:{r['id']}" for r in records}
    chile = rdflib.URIRef("urn:accords:state:CL")
    assert (chile, schema.sameAs, rdflib.URIRef(WIKIDATA + "Q298")) in g
    assert (chile, rdflib.RDF.type, schema.Country) in g
    assert set(g.subjects(rdflib.RDF.type, schema.NewsArticle))


# -- PLOVER ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def plover_schema() -> dict:
    return json.loads((resources.files("accords.data") / "plover.schema.json").read_text(encoding="utf-8"))


def test_plover_rows_validate_one_per_pair_of_parties(db, tmp_path, records, plover_schema):
    rows = [json.loads(line) for line in _export(db, "plover", tmp_path).splitlines()]
    validator = jsonschema.Draft202012Validator(plover_schema, format_checker=jsonschema.FormatChecker())
    for row in rows:
        validator.validate(row)
    dated = [r for r in records if plover.day(r["date_signed"]) or any(plover.day(s["published"])
                                                                        for s in r["sources"])]
    assert len(rows) == sum(comb(len(r["parties"]), 2) for r in dated)
    assert {(r["event"][0], r["mode"][0], r["cameo"]) for r in rows} == {("AGREE", "sign", "057")}
    three = next(r for r in rows if r["link"] == next(x["id"] for x in records if len(x["parties"]) == 3
                                                      and x["date_signed"] == "2024-05"))
    assert three["date"] == "2024-06-02" and three["date_signed"] == "2024-05"  # day of the report
    chile = [e for r in rows for e in r["actor"] + r["recipient"] if e.get("identifier_id") == "Q298"]
    assert chile and all(e["code"] == "CHL" for e in chile)


def test_the_plover_schema_rejects_a_record_without_an_actor(plover_schema):
    row = {"id": "x", "date": "2025-01-01", "event": ["AGREE"], "actor": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(row, plover_schema)


# -- filters, safety, stability ----------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["graphml", "plover", "jsonl"])
def test_every_format_takes_the_filters_of_list(db, tmp_path, records, fmt):
    text = _export(db, fmt, tmp_path, "--party", "CL")
    ids = {r["id"] for r in records if any(p["id"] == "CL" for p in r["parties"])}
    assert ids and all(i in text for i in ids)
    others = {r["id"] for r in records} - ids
    assert not any(i in text for i in others)


def test_parquet_never_replaces_a_folder_with_other_files_or_the_store(db, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run("export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "mine"), "--force")
    assert result.exit_code == 1 and "E310" in result.output
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    result = run("export", "--db", str(db), "--format", "parquet", "-o", str(db.parent))
    assert result.exit_code == 1 and "holds the store" in result.output
    assert run("export", "--db", str(db), "--format", "parquet").exit_code == 1


def test_a_failed_parquet_export_leaves_the_old_folder_whole(db, tmp_path, monkeypatch):
    out = tmp_path / "t"
    assert run("export", "--db", str(db), "--format", "parquet", "-o", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(records, people, folder):
        (folder / "agreements.parquet").write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("accords.exports.parquet.write", broken)
    result = run("export", "--db", str(db), "--format", "parquet", "-o", str(out))
    assert result.exit_code == 1 and "E311" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["t"]  # no temporary folder left


def test_two_runs_on_the_same_inputs_give_the_same_exports_and_org_ids(db, tmp_path, records):
    again = _build(tmp_path / "again")
    store = Store(again, readonly=True)
    orgs = sorted(p["id"] for r in store.records() for p in r["parties"] if p["id"].startswith("org:"))
    store.close()
    assert orgs == sorted(p["id"] for r in records for p in r["parties"] if p["id"].startswith("org:"))
    for fmt in ("graphml", "jsonld", "plover"):
        assert _export(db, fmt, tmp_path / "a") == _export(again, fmt, tmp_path / "b"), fmt
