"""The JSON API against a real `accords serve` (see conftest.py), checked against what
`accords export` writes for the same store: the records are the oracle, not the API's own code."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import httpx
import jsonschema
import pytest
from openapi_spec_validator import validate

from accords import browse
from accords.text.normalize import fold_str
from accords.web import api
from accords.web.security import CSP
from tests.web.conftest import export, free_port, run_cli, start_server

pytestmark = pytest.mark.issue(12)


def get(server: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(server + path, params=params, timeout=60)


def ok(server: str, path: str, **params: Any) -> Any:
    r = get(server, path, **params)
    assert r.status_code == 200, r.text
    return r.json()


def all_ids(server: str, **params: Any) -> list[str]:
    """Every id the list gives for the filters, page after page."""
    ids: list[str] = []
    page = 1
    while True:
        data = ok(server, "/api/agreements", page=page, per_page=3, **params)
        ids += [row["id"] for row in data["items"]]
        if page * 3 >= data["total"]:
            assert len(ids) == data["total"]
            return ids
        page += 1


def langs(rec: dict[str, Any]) -> set[str]:
    return {s["lang"] for s in rec["sources"]}


def party_ids(rec: dict[str, Any]) -> set[str]:
    return {p["id"] for p in rec["parties"]}


@pytest.fixture(scope="module")
def seed(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The seed agreement: Israel and Azerbaijan, told in Arabic and English."""
    found = [r for r in records if {"IL", "AZ"} <= party_ids(r) and {"ar", "en"} <= langs(r)]
    assert len(found) == 1, [r["id"] for r in records]
    return found[0]


# -- the list ----------------------------------------------------------------------------------
def test_list_without_filters_pages_through_every_agreement(server: str, records: list[dict[str, Any]]) -> None:
    ids = all_ids(server)
    assert sorted(ids) == sorted(r["id"] for r in records)
    assert len(set(ids)) == len(ids)  # pages do not overlap


@pytest.mark.parametrize(("params", "keep"), [
    ({"party": "IL"}, lambda r: "IL" in party_ids(r)),
    ({"party": ["IL", "AZ"]}, lambda r: {"IL", "AZ"} <= party_ids(r)),
    ({"instrument": "memorandum_of_understanding"}, lambda r: r["instrument"] == "memorandum_of_understanding"),
    ({"domain": "energy"}, lambda r: "energy" in r["domains"]),
    ({"lang": "ar"}, lambda r: "ar" in langs(r)),
    ({"since": "2026"}, lambda r: (r["date_signed"] or "") >= "2026"),
    ({"until": "2025-12-31"}, lambda r: r["date_signed"] is not None and r["date_signed"] <= "2025-12-31"),
    ({"since": "2026-02", "until": "2026-02"}, lambda r: (r["date_signed"] or "")[:7] == "2026-02"),
    ({"discrepancies": "true"}, lambda r: bool(r["discrepancies"])),
    ({"discrepancies": "false"}, lambda r: not r["discrepancies"]),
])
def test_each_filter_gives_the_agreements_it_names(server: str, records: list[dict[str, Any]],
                                                   params: dict[str, Any], keep: Any) -> None:
    expected = sorted(r["id"] for r in records if keep(r))
    assert expected, "the store must hold an agreement for this filter, or the test proves nothing"
    assert len(expected) < len(records), "the filter must leave some agreement out"
    assert sorted(all_ids(server, **params)) == expected


def test_search_filter_finds_agreements_by_the_words_of_their_sources(server: str, seed: dict[str, Any]) -> None:
    ar = next(s for s in ok(server, f"/api/agreements/{seed['id']}/sources") if s["lang"] == "ar")
    word = max(ar["text"].split(), key=len)  # a word of the Arabic source, read at run time
    assert seed["id"] in all_ids(server, q=word)


def test_sorts(server: str, records: list[dict[str, Any]]) -> None:
    dated = sorted((r["date_signed"], r["id"]) for r in records if r["date_signed"])
    newest = ok(server, "/api/agreements", sort="date", per_page=200)["items"]
    assert [r["id"] for r in newest[:len(dated)]] == [i for _, i in reversed(dated)]
    oldest = ok(server, "/api/agreements", sort="oldest", per_page=200)["items"]
    assert [r["id"] for r in oldest[:len(dated)]] == [i for _, i in dated]
    by_sources = ok(server, "/api/agreements", sort="sources", per_page=200)["items"]
    assert [r["sources"] for r in by_sources] == sorted((len(r["sources"]) for r in records), reverse=True)
    assert [r["id"] for r in ok(server, "/api/agreements", sort="id")["items"]] == sorted(r["id"] for r in records)


def test_the_api_accepts_exactly_the_sorts_browse_knows() -> None:
    assert get_args(api.Sort) == tuple(browse.SORTS)


def test_a_row_says_what_the_record_says(server: str, seed: dict[str, Any]) -> None:
    row = next(r for r in ok(server, "/api/agreements", per_page=200)["items"] if r["id"] == seed["id"])
    assert row["date_signed"] == seed["date_signed"] and row["instrument"] == seed["instrument"]
    assert [p["id"] for p in row["parties"]] == [p["id"] for p in seed["parties"]]
    assert row["sources"] == len(seed["sources"]) == 2 and set(row["languages"]) == {"ar", "en"}
    assert row["discrepancies"] == len(seed["discrepancies"]) > 0


@pytest.mark.parametrize("params", [
    {"per_page": 1000}, {"per_page": 0}, {"page": 0}, {"sort": "price"}, {"since": "2026-13"},
    {"until": "yesterday"}, {"since": "26-01-01"}, {"discrepancies": "maybe"}, {"party": ["X"] * 21},
    {"q": "x" * 201},
])
def test_bad_list_parameters_are_a_422_naming_them(server: str, params: dict[str, Any]) -> None:
    r = get(server, "/api/agreements", **params)
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False and body["status"] == 422
    assert next(iter(params)) in body["error"]
    assert any(e["loc"][-1] == next(iter(params)) for e in body["errors"])


def test_the_largest_page_is_allowed(server: str) -> None:
    assert ok(server, "/api/agreements", per_page=browse.MAX_PER_PAGE)["per_page"] == browse.MAX_PER_PAGE


# -- one agreement and its sources -------------------------------------------------------------
def test_an_agreement_is_exactly_the_exported_record(server: str, records: list[dict[str, Any]]) -> None:
    for rec in records:
        r = get(server, f"/api/agreements/{rec['id']}")
        assert r.status_code == 200
        assert r.json() == rec
        assert list(r.json()) == list(rec)  # the same fields, in the record's order


@pytest.mark.parametrize("path", ["/api/agreements/agr-000000000000", "/api/agreements/agr-000000000000/sources",
                                  "/api/entities/state:ZZ"])
def test_unknown_ids_are_a_json_404_with_a_message(server: str, path: str) -> None:
    r = get(server, path)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["ok"] is False and body["status"] == 404
    assert ("agr-000000000000" if "agr-" in path else "state:ZZ") in body["error"]


def test_sources_carry_their_text_and_the_spans_of_the_evidence(server: str, seed: dict[str, Any]) -> None:
    sources = ok(server, f"/api/agreements/{seed['id']}/sources")
    assert [s["id"] for s in sources] == [s["id"] for s in seed["sources"]]
    assert {s["lang"]: s["dir"] for s in sources} == {"ar": "rtl", "en": "ltr"}
    spans = 0
    for s in sources:
        assert s["spans"] == sorted(s["spans"], key=lambda x: (x["start"], x["end"], x["field"]))
        for span in s["spans"]:
            assert s["text"][span["start"]:span["end"]] == span["text"]
            spans += 1
    evidence = [(e["source"], e["span"][0], e["span"][1], field)
                for field, items in seed["evidence"].items() for e in items]
    assert spans == len(evidence) > 0
    assert sorted((s["id"], x["start"], x["end"], x["field"]) for s in sources for x in s["spans"]) \
        == sorted(evidence)


# -- search, entities, network, timeline, facets -----------------------------------------------
def test_search_in_arabic_with_and_without_diacritics(server: str, seed: dict[str, Any]) -> None:
    ar = next(s for s in ok(server, f"/api/agreements/{seed['id']}/sources") if s["lang"] == "ar")
    word = max(ar["text"].split(), key=len).strip("،.:")
    hits = ok(server, "/api/search", q=word)["items"]
    hit = next(h for h in hits if h["source_id"] == ar["id"])
    assert hit["dir"] == "rtl" and seed["id"] in hit["agreements"]
    assert fold_str(hit["snippet"]["hit"]) == fold_str(word)
    voweled = word[0] + "\u064e" + word[1:]  # a fatha: the same word, as a reader may type it
    assert ar["id"] in [h["source_id"] for h in ok(server, "/api/search", q=voweled)["items"]]
    assert ok(server, "/api/search", q=word, lang="en")["items"] == []


def test_search_in_chinese_without_spaces(server: str, records: list[dict[str, Any]]) -> None:
    chinese = next(r for r in records if langs(r) == {"zh"})
    data = ok(server, "/api/search", q="可再生能源", lang="zh")
    assert data["total"] == 1
    hit = data["items"][0]
    assert hit["snippet"]["hit"] == "可再生能源" and hit["agreements"] == [chinese["id"]]
    assert ok(server, "/api/search", q="能源 可再生")["total"] == 1  # every word, in any order
    assert ok(server, "/api/search", q="可再生 企鹅")["total"] == 0  # ... and every word must be there


def test_search_pages_and_bounds(server: str) -> None:
    assert get(server, "/api/search").status_code == 422
    assert get(server, "/api/search", q="a", per_page=201).status_code == 422
    first = ok(server, "/api/search", q="the", per_page=1)
    second = ok(server, "/api/search", q="the", per_page=1, page=2)
    assert first["total"] == second["total"] > 1
    assert first["items"][0]["source_id"] != second["items"][0]["source_id"]


def test_entities(server: str, seed: dict[str, Any]) -> None:
    found = ok(server, "/api/entities", q="azerb")
    assert {"id": "state:AZ", "type": "state", "name": "Azerbaijan"} in found
    entity = ok(server, "/api/entities/state:AZ")
    assert entity["name"] == "Azerbaijan" and len(entity["names"]) > 3  # names in many languages
    assert seed["id"] in [r["id"] for r in entity["agreement_rows"]]
    signatory = next(s for s in seed["signatories"] if s["party"] == "IL")
    person = ok(server, "/api/entities", q=signatory["name"])
    assert any(p["type"] == "person" for p in person)
    detail = ok(server, f"/api/entities/{next(p['id'] for p in person if p['type'] == 'person')}")
    assert detail["reasons"] and seed["id"] in [r["id"] for r in detail["agreement_rows"]]
    assert get(server, "/api/entities", q="").status_code == 422


def test_network_counts_agreements_per_party_and_pair(server: str, records: list[dict[str, Any]],
                                                      seed: dict[str, Any]) -> None:
    net = ok(server, "/api/network")
    per_party = Counter(p for r in records for p in party_ids(r))
    assert {n["id"]: n["agreements"] for n in net["nodes"]} == dict(per_party)
    edge = next(e for e in net["edges"] if {e["source"], e["target"]} == {"IL", "AZ"})
    both = [r["id"] for r in records if {"IL", "AZ"} <= party_ids(r)]
    assert edge["weight"] == len(both) and seed["id"] in edge["agreements"]
    only_ar = ok(server, "/api/network", lang="he")
    assert {n["id"] for n in only_ar["nodes"]} == {p for r in records if "he" in langs(r) for p in party_ids(r)}
    assert get(server, "/api/network", limit=501).status_code == 422


def test_timeline_counts_agreements_by_month(server: str, records: list[dict[str, Any]]) -> None:
    months = Counter(r["date_signed"][:7] for r in records if r["date_signed"] and len(r["date_signed"]) >= 7)
    assert ok(server, "/api/timeline") == [{"month": m, "count": n} for m, n in sorted(months.items())]
    assert ok(server, "/api/timeline", party="CN") == [{"month": "2026-03", "count": 1}]


def test_facets_count_under_the_filters(server: str, records: list[dict[str, Any]]) -> None:
    facets = ok(server, "/api/facets")
    assert dict(map(tuple, facets["instrument"])) == dict(Counter(r["instrument"] for r in records))
    il = ok(server, "/api/facets", party="IL")
    assert dict((p, n) for p, _, n in il["party"])["IL"] == sum("IL" in party_ids(r) for r in records)


# -- the schema --------------------------------------------------------------------------------
def schema_of(spec: dict[str, Any], path: str, status: str = "200") -> dict[str, Any]:
    """The JSON schema of a route's answer, its $refs resolved against the whole document."""
    content = spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return {**content, "components": spec["components"]}


def test_openapi_schema_is_valid_and_describes_the_answers(server: str, seed: dict[str, Any]) -> None:
    spec = ok(server, "/openapi.json")
    validate(spec)
    assert "/api/sources" not in spec["paths"]  # no token: no ingest, not even documented
    answers = {"/api/agreements": {}, "/api/agreements/{agreement_id}": {"agreement_id": seed["id"]},
               "/api/agreements/{agreement_id}/sources": {"agreement_id": seed["id"]},
               "/api/facets": {}, "/api/search": {"q": "a"}, "/api/entities": {"q": "isr"},
               "/api/entities/{entity_id}": {"entity_id": "state:IL"}, "/api/network": {}, "/api/timeline": {}}
    assert set(answers) == {p for p, ops in spec["paths"].items() if "get" in ops}
    for path, params in answers.items():
        url = path.format(**params)
        data = ok(server, url, **{k: v for k, v in params.items() if "{" + k + "}" not in path})
        jsonschema.validate(data, schema_of(spec, path))
    missing = get(server, "/api/agreements/agr-000000000000")
    jsonschema.validate(missing.json(), schema_of(spec, "/api/agreements/{agreement_id}", "404"))
    invalid = get(server, "/api/agreements", per_page=1000)
    jsonschema.validate(invalid.json(), schema_of(spec, "/api/agreements", "422"))


def test_no_interactive_docs_from_a_cdn(server: str) -> None:
    for path in ("/docs", "/redoc", "/api/docs"):
        assert get(server, path).status_code == 404


# -- bounds and headers ------------------------------------------------------------------------
def test_a_query_string_over_the_limit_is_refused(server: str) -> None:
    r = get(server, "/api/agreements", q="x" * 5000)
    assert r.status_code == 414 and r.json()["ok"] is False


@pytest.mark.parametrize("path", ["/api/agreements", "/api/agreements/agr-000000000000", "/api/agreements?per_page=0",
                                  "/agreements", "/static/app.css", "/openapi.json", "/api/search?q=" + "x" * 5000])
def test_security_headers_on_every_answer(server: str, path: str) -> None:
    r = httpx.get(server + path, timeout=60)
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_the_server_never_writes_without_a_token(server: str, web_store: Path,
                                                 records: list[dict[str, Any]]) -> None:
    r = httpx.post(server + "/api/sources", json=ARTICLE, headers={"Authorization": "Bearer anything"}, timeout=60)
    assert r.status_code in (404, 405)
    assert export(web_store) == records


# -- ingest over HTTP, with a token ------------------------------------------------------------
TOKEN = "t0ken-for-the-tests"
# Invented for these tests: a signing between two states no other source of the store names.
ARTICLE = {"text": "Vienna, 4 May 2026. Austria and Chile signed a memorandum of understanding on water"
                   " management in Vienna on Monday. The foreign ministers of the two countries signed it.",
           "url": "http://127.0.0.1:9/never-fetched", "published": "2026-05-05",
           "title": "Austria and Chile sign a water memorandum", "outlet": "Invented Wire"}


# A second invented signing, for the batch.
OTHER = {"text": "Oslo, 2 June 2026. Norway and Kenya signed an agreement on fisheries cooperation in Oslo on"
                 " Tuesday. The ministers of fisheries of both countries signed the agreement.",
         "published": "2026-06-03"}


@pytest.fixture(scope="module")
def store_copy(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the store, written by the tests below: each compares it before and after
    itself, and each stores articles of its own."""
    db = tmp_path_factory.mktemp("writable") / "copy.db"
    shutil.copyfile(web_store, db)
    return db


@pytest.fixture(scope="module")
def writable(store_copy: Path) -> Iterator[str]:
    """A server with a token, over the copy."""
    with start_server(store_copy, token=TOKEN) as url:
        yield url


def post(url: str, body: Any = None, token: str | None = TOKEN, **kw: Any) -> httpx.Response:
    headers = kw.pop("headers", {})
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(url + "/api/sources", json=body, headers=headers, timeout=300, **kw)


@pytest.mark.parametrize("headers", [{}, {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Bearer {TOKEN[:-1]}"}])
def test_a_missing_or_wrong_token_is_401_and_nothing_stored(writable: str, store_copy: Path,
                                                            headers: dict[str, str]) -> None:
    before = export(store_copy)
    r = post(writable, ARTICLE, token=None, headers=headers)
    assert r.status_code == 401
    assert r.json()["ok"] is False and r.headers["www-authenticate"] == "Bearer"
    assert export(store_copy) == before


def test_the_right_token_stores_and_the_new_agreement_is_listed(writable: str, store_copy: Path) -> None:
    before = export(store_copy)
    assert ok(writable, "/api/agreements", party="CL")["total"] == 0
    r = post(writable, ARTICLE)
    assert r.status_code == 200, r.text
    summary = r.json()
    assert (summary["read"], summary["stored"], summary["refused"]) == (1, 1, [])
    assert summary["agreements_created"] == 1 and summary["agreements_total"] == len(before) + 1
    assert summary["origins"][0].startswith("api:")
    listed = ok(writable, "/api/agreements", party=["AT", "CL"])["items"]
    assert len(listed) == 1 and listed[0]["date_signed"] == "2026-05-04"
    after = export(store_copy)
    assert len(after) == len(before) + 1 and [r for r in after if r["id"] != listed[0]["id"]] == before
    again = post(writable, ARTICLE).json()  # the same article again: nothing new
    assert (again["stored"], again["unchanged"], again["agreements_created"]) == (0, 1, 0)
    spec = ok(writable, "/openapi.json")
    validate(spec)
    assert "post" in spec["paths"]["/api/sources"]


def test_a_batch_stores_what_it_can_and_says_why_it_refused_the_rest(writable: str, store_copy: Path) -> None:
    r = post(writable, {"articles": [OTHER, {"text": " \u200b "}, {"text": "<div></div>", "format": "html"}]})
    assert r.status_code == 200, r.text
    summary = r.json()
    assert summary["read"] == 3 and summary["stored"] == 1
    assert [code for _, code, _ in summary["refused"]] == ["E106", "E111"]
    assert [origin for origin, _, _ in summary["refused"]] == summary["origins"][1:]
    assert ok(writable, "/api/agreements", party=["NO", "KE"])["total"] == 1


@pytest.mark.parametrize("body", [{"title": "no text"}, {"articles": []}, {"articles": [ARTICLE] * 51}, [ARTICLE],
                                  {"text": ""}])
def test_a_body_that_is_not_articles_is_a_422_and_nothing_stored(writable: str, store_copy: Path,
                                                                 body: Any) -> None:
    before = export(store_copy)
    r = post(writable, body)
    assert r.status_code == 422 and r.json()["ok"] is False
    assert export(store_copy) == before


def test_an_oversized_body_is_413_and_nothing_stored(writable: str, store_copy: Path) -> None:
    before = export(store_copy)
    big = {**ARTICLE, "text": ARTICLE["text"] + " filler" * 400_000}
    r = post(writable, big)
    assert r.status_code == 413 and r.json()["ok"] is False
    assert r.headers["content-security-policy"] == CSP

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield json.dumps(big).encode()

    r = httpx.post(writable + "/api/sources", content=chunks(), timeout=300,
                   headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 413
    assert export(store_copy) == before


def test_a_url_in_the_body_is_never_fetched(writable: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/article"
        r = post(writable, {**ARTICLE, "url": url, "text": "<p>See the page.</p>", "format": "html"})
        assert r.status_code == 200
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected


def test_a_token_file_turns_ingest_on(web_store: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("from-a-file\n", encoding="utf-8")
    with start_server(web_store, args=("--token-file", str(token_file))) as url:
        assert "/api/sources" in ok(url, "/openapi.json")["paths"]
        assert post(url, {"text": ""}, token="from-a-file").status_code == 422  # past the token check
        assert post(url, ARTICLE, token=TOKEN).status_code == 401


# -- accords serve -----------------------------------------------------------------------------
def test_serve_refuses_a_store_it_cannot_serve(web_store: Path, tmp_path: Path) -> None:
    missing = run_cli("serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port()))
    assert missing.returncode == 2 and "E308" in missing.stderr
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"not a database at all" * 100)
    refused = run_cli("serve", "--db", str(foreign), "--port", str(free_port()))
    assert refused.returncode == 1 and "E306" in refused.stderr
    assert foreign.read_bytes() == b"not a database at all" * 100
    old = tmp_path / "old.db"
    shutil.copyfile(web_store, old)
    with sqlite3.connect(old) as db:  # as if made before the last migration
        db.execute("DELETE FROM migrations WHERE name = (SELECT MAX(name) FROM migrations)")
    db.close()
    done = run_cli("serve", "--db", str(old), "--port", str(free_port()))
    assert done.returncode == 1 and "E307" in done.stderr and "accords migrate" in done.stderr


def test_a_store_gone_while_serving_is_a_503_with_its_code(web_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "going.db"
    shutil.copyfile(web_store, db)
    with start_server(db) as url:
        db.unlink()
        r = get(url, "/api/agreements")
        assert r.status_code == 503 and r.json()["error"] == "the store cannot be read now [E308]"
        assert str(tmp_path) not in r.text
        assert get(url, "/agreements").status_code == 503


def test_serve_says_when_its_port_is_taken_or_its_token_file_empty(web_store: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = run_cli("serve", "--db", str(web_store), "--port", str(taken.getsockname()[1]))
    assert done.returncode == 1 and "cannot listen on 127.0.0.1" in done.stderr
    empty = tmp_path / "token"
    empty.write_text("\n", encoding="utf-8")
    done = run_cli("serve", "--db", str(web_store), "--port", str(free_port()), "--token-file", str(empty))
    assert done.returncode == 2 and "holds no token" in done.stderr


def test_serve_help_teaches_with_examples() -> None:
    done = run_cli("serve", "--help")
    assert done.returncode == 0
    assert "Examples:" in done.stdout and "curl" in done.stdout and "Authorization: Bearer" in done.stdout
