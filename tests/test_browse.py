"""The browse index (issue 12): the web app's list, facets, timeline, network and search answer
from index tables and a trigram FTS5 index, and must say what the records and the live sources
say. The list is checked against a plain reading of the records (the reference); search against
our own sentences in Arabic, Hebrew, Chinese, Japanese and French."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from contextlib import closing
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from accords import browse
from accords.browse import Query
from accords.browse_search import bare, forms
from accords.cli import main
from accords.service import ingest
from accords.store.sqlite import Store
from accords.text.normalize import fold_str
from tests.conftest import DEV, SEEDS

pytestmark = pytest.mark.issue(12)

# Our own sentences. Invented words (a valley plant, a country) so that no other document has them.
ARTICLES = {
    "ar": "وقّعت الحكومتان اتفاقية لحماية والقرطبيل في الوادي، وقال الوزير إنّ المُزَنْبَرَة ستبدأ قريباً.",
    "he": "המשלחת הגיעה לפְּלוּנְדִּיָה ביום שני, ומשרד החוץ אישר כי ההסכם ייחתם בקרוב.",
    "zh": "中华人民共和国与瑙鲁共和国在北京签署了关于渔业合作的谅解备忘录。",
    "zh2": "两国代表团在会后发表了联合声明，并宣布下一轮会谈将在苏瓦",
    "ja": "両国の外相は東京で漁業協定に署名し、来年の会合を確認した。",
    "fr": "La coopération énergétique entre les deux États a été renforcée à Genève par un accord-cadre.",
}


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    for name, text in ARTICLES.items():
        record = {"text": text, "url": f"https://news.example/{name}", "published": "2025-05-02",
                  "title": f"Dispatch {name}"}
        (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """A store of the seeds, the dev documents and our sentences, made by `accords ingest`'s path."""
    folder = tmp_path_factory.mktemp("browse")
    _write_articles(folder / "ours")
    path = str(folder / "s.db")
    store = Store(path)
    try:
        ingest([str(p) for p in sorted(SEEDS.glob("*.txt"))] + [str(DEV / "docs"), str(folder / "ours")], store)
    finally:
        store.close()
    return path


@pytest.fixture()
def store(db):
    s = Store(db, readonly=True)
    yield s
    s.close()


@pytest.fixture()
def records(store) -> list[dict]:
    return list(store.records())


# -- the reference: what the records say ------------------------------------------------------------
def _keeps(rec: dict, q: Query) -> bool:
    if not set(q.parties) <= {p["id"] for p in rec["parties"]}:
        return False
    if (q.instrument and rec["instrument"] != q.instrument) or (q.domain and q.domain not in rec["domains"]):
        return False
    if q.lang and q.lang not in {s["lang"] for s in rec["sources"]}:
        return False
    date = rec["date_signed"]
    if (q.since or q.until) and not date:
        return False
    if (q.since and date < q.since[: len(date)]) or (q.until and date[: len(q.until)] > q.until):
        return False
    return q.discrepancies is None or bool(rec["discrepancies"]) == q.discrepancies


def _sorted(recs: list[dict], sort: str) -> list[str]:
    keys = {"date": lambda r: (r["date_signed"] or "", r["id"]),
            "oldest": lambda r: (r["date_signed"] is None, r["date_signed"] or "", r["id"]),
            "sources": lambda r: (-len(r["sources"]), r["id"]), "id": lambda r: r["id"]}
    return [r["id"] for r in sorted(recs, key=keys[sort], reverse=sort == "date")]


QUERIES = [
    Query(), Query(parties=("IL",)), Query(parties=("IL", "AZ")), Query(parties=("AZ", "IL", "US")),
    Query(parties=("XX",)), Query(instrument="memorandum_of_understanding"), Query(domain="diplomacy"),
    Query(lang="ar"), Query(lang="he", instrument="agreement"), Query(since="2025"), Query(since="2025-07"),
    Query(since="2025-07-09"), Query(until="2025"), Query(until="2025-02"), Query(since="2021", until="2025-03-31"),
    Query(discrepancies=True), Query(discrepancies=False), Query(parties=("IL",), discrepancies=False),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr({k: v for k, v in vars(q).items() if v}))
@pytest.mark.parametrize("sort", ["date", "oldest", "sources", "id"])
def test_the_list_is_what_the_records_say(store, records, query, sort):
    q = Query(**(vars(query) | {"sort": sort, "per_page": 200}))
    got = browse.agreements(store, q)
    want = _sorted([r for r in records if _keeps(r, q)], sort)
    assert [row["id"] for row in got["items"]] == want and got["total"] == len(want)


def test_a_row_carries_what_the_list_shows(store, records):
    rec = next(r for r in records if r["discrepancies"])
    row = next(r for r in browse.agreements(store, Query(per_page=200))["items"] if r["id"] == rec["id"])
    assert row == {"id": rec["id"], "date_signed": rec["date_signed"], "instrument": rec["instrument"],
                   "title": rec["title"], "parties": [{"id": p["id"], "name": p["name"], "type": p["type"]}
                                                      for p in rec["parties"]],
                   "domains": rec["domains"], "languages": sorted({s["lang"] or "?" for s in rec["sources"]}),
                   "sources": len(rec["sources"]), "discrepancies": len(rec["discrepancies"]), "place": rec["place"]}


def test_an_instrument_is_named_by_its_code_or_its_label(store):
    code = browse.agreements(store, Query(instrument="memorandum_of_understanding"))
    assert code["total"] > 0 and browse.agreements(store, Query(instrument="memorandum of understanding")) == code


def test_pages_cover_the_list_once_and_sizes_are_bounded(store, records):
    whole = [r["id"] for r in browse.agreements(store, Query(per_page=200))["items"]]
    paged = []
    for page in range(1, 6):
        got = browse.agreements(store, Query(page=page, per_page=4))
        assert got["total"] == len(records) and got["page"] == page and got["per_page"] == 4
        paged += [r["id"] for r in got["items"]]
    assert paged == whole and len(whole) == len(records) > 4
    assert browse.agreements(store, Query(per_page=10_000))["per_page"] == browse.MAX_PER_PAGE
    assert browse.agreements(store, Query(per_page=0, page=-3))["page"] == 1
    far = browse.agreements(store, Query(page=99, per_page=50))
    assert far["items"] == [] and far["total"] == len(records)


# Under half of the store (counted over the matches) and over half (the store's counts less the rest).
@pytest.mark.parametrize("query", [Query(), Query(parties=("IL",)), Query(lang="ar"), Query(since="2025"),
                                   Query(discrepancies=False), Query(q="الذكاء")],
                         ids=["all", "IL", "ar", "since", "no-discrepancy", "q"])
def test_facets_count_under_the_query(store, records, query):
    kept = [r for r in records if _keeps(r, query)]
    if query.q:  # which agreements the words find is tested apart (test_the_list_searches_sources_and_names)
        found = {r["id"] for r in browse.agreements(store, Query(q=query.q, per_page=200))["items"]}
        kept = [r for r in kept if r["id"] in found]
    want = {"instrument": Counter(r["instrument"] for r in kept),
            "domain": Counter(d for r in kept for d in set(r["domains"])),
            "lang": Counter(lang for r in kept for lang in {s["lang"] for s in r["sources"]}),
            "party": Counter(p["id"] for r in kept for p in r["parties"])}
    got = browse.facets(store, query)
    for kind, counts in want.items():
        assert {row[0]: row[-1] for row in got[kind]} == dict(counts), kind
        assert [row[-1] for row in got[kind]] == sorted((row[-1] for row in got[kind]), reverse=True)
    names = {p["id"]: p["name"] for r in kept for p in r["parties"]}
    assert all(row[1] == names[row[0]] for row in got["party"])


def test_timeline_counts_the_months_signed(store, records):
    want = Counter(r["date_signed"][:7] for r in records if r["date_signed"] and len(r["date_signed"]) >= 7)
    got = browse.timeline(store, Query())
    assert got == [{"month": m, "count": n} for m, n in sorted(want.items())]
    assert browse.timeline(store, Query(parties=("XX",))) == []


def test_network_weighs_who_signs_with_whom(store, records):
    pairs = Counter(tuple(sorted(pair)) for r in records for pair in combinations({p["id"] for p in r["parties"]}, 2))
    net = browse.network(store, Query())
    assert {(e["source"], e["target"]): e["weight"] for e in net["edges"]} == dict(pairs)
    for e in net["edges"]:
        ids = {p["id"] for r in records if r["id"] in e["agreements"] for p in r["parties"]}
        assert {e["source"], e["target"]} <= ids and len(e["agreements"]) == min(20, e["weight"])
    per_party = Counter(p["id"] for r in records for p in r["parties"])
    assert {n["id"]: n["agreements"] for n in net["nodes"]} == dict(per_party)
    assert next(n for n in net["nodes"] if n["id"] == "AZ")["region"] == "Asia"
    top = browse.network(store, Query(), limit=2)["nodes"]
    assert [n["agreements"] for n in top] == sorted(per_party.values(), reverse=True)[:2]


# -- search ---------------------------------------------------------------------------------------------
def _hits(store, q: str, lang: str | None = None) -> list[dict]:
    got = browse.search(store, q, lang=lang, per_page=200)
    assert got["total"] == len(got["items"])
    return got["items"]


def _ours(store, name: str) -> str:
    return store.resolve_source(f"https://news.example/{name}")[0]["id"]


@pytest.mark.parametrize("name, query", [
    ("ar", "القرطبيل"),  # written with the clitic و: والقرطبيل
    ("ar", "قرطبيل"),  # without the article
    ("ar", "القُرْطُبِيل"),  # the query with diacritics, the text without
    ("ar", "المزنبرة"),  # the text with diacritics, the query without
    ("ar", "المزنبره"),  # teh marbuta written as heh
    ("he", "פלונדיה"),  # written with the prefix ל and niqqud
    ("he", "פְּלוּנְדִּיָה"),  # the query pointed
    ("he", "משרד החוץ"),  # two words, the first written with the prefix ו
    ("zh", "渔业合作"), ("zh", "瑙鲁"), ("zh", "谅解备忘录"),  # no spaces; a word of two characters
    ("zh2", "苏瓦"),  # a two-character word that ends the text
    ("ja", "漁業協定"), ("ja", "東京"),
    ("fr", "cooperation energetique"), ("fr", "GENÈVE"), ("fr", "etats"),
    ("ar", "بالمزنبرة"), ("ar", "وقرطبيل"),  # the query with clitics the text does not have there
    ("he", "בפלונדיה"), ("he", "ומשלחת"),  # ... in Hebrew: ב, ו typed, the text has ל, ה
])
def test_search_finds_a_word_in_any_script(store, name, query):
    hits = _hits(store, query)
    assert _ours(store, name) in [h["source_id"] for h in hits]
    hit = next(h for h in hits if h["source_id"] == _ours(store, name))
    first = fold_str(query).split()[0]
    # The highlighted words are the source's own characters (marks and all), found by the query
    # as typed, or without the clitics typed with it.
    assert fold_str(hit["snippet"]["hit"]) in forms(first)
    assert hit["snippet"]["before"].lstrip("…") + hit["snippet"]["hit"] in ARTICLES[name]
    assert hit["dir"] == ("rtl" if name in ("ar", "he") else "ltr") and hit["lang"]


@pytest.mark.parametrize("query", ["القرطبيلات", "פלונדיהם", "瑙鲁国", "日本", "coopérations", "q", ""])
def test_search_does_not_find_what_is_not_there(store, query):
    ours = {_ours(store, name) for name in ARTICLES}
    assert not ours & {h["source_id"] for h in _hits(store, query)}


def test_search_by_language_and_paging(store):
    assert [h["lang"] for h in _hits(store, "الذكاء", lang="ar")] and not _hits(store, "الذكاء", lang="he")
    whole = [h["source_id"] for h in _hits(store, "the")]
    pages = [h["source_id"] for p in (1, 2, 3) for h in browse.search(store, "the", page=p, per_page=2)["items"]]
    assert len(whole) > 6 and pages == whole[:6]
    assert browse.search(store, "the", per_page=5000)["per_page"] == browse.MAX_PER_PAGE


def test_every_live_source_holding_the_word_is_found(store):
    """Against a plain reading: the live sources whose folded text or title holds the word."""
    for word in ("الذكاء", "ישראל", "azerbaijan", "memorandum", "Баку", "中国"):
        want = {sid for sid, row in store.sources().items() if row["superseded_by"] is None
                and fold_str(word) in fold_str(row["text"]) + "\n" + fold_str(row["title"] or "")}
        assert {h["source_id"] for h in _hits(store, word)} == want, word


@pytest.mark.parametrize("query", ['"', 'a" OR "b', "NEAR(x y)", "*", "x' OR 1=1 --", "الذكاء\"", "(((", "^"])
def test_search_takes_any_characters_as_words(store, query):
    browse.search(store, query)
    browse.agreements(store, Query(q=query))


def test_the_list_searches_sources_and_names(store, records):
    for word in ("الذكاء", "Netanyahu", "Azerbaijan", "Baku"):
        key = fold_str(word)
        texts = {sid: fold_str(row["text"]) for sid, row in store.sources().items()}
        want = {r["id"] for r in records if any(key in texts[s["id"]] for s in r["sources"])
                or key in fold_str(r["title"] + " ".join(p["name"] for p in r["parties"] + r["signatories"]
                                                         + r["present"]))}
        got = browse.agreements(store, Query(q=word, per_page=200))
        assert {r["id"] for r in got["items"]} == want and got["total"] == len(want) > 0, word
    assert browse.agreements(store, Query(q="zzqqxx"))["total"] == 0


# -- one agreement -------------------------------------------------------------------------------------
def test_an_agreement_is_the_stored_record_and_its_sources_carry_the_spans(store, records):
    rec = max(records, key=lambda r: len(r["sources"]))
    assert browse.agreement(store, rec["id"]) == rec
    assert browse.agreement(store, "agr-000000000000") is None
    srcs = browse.sources(store, rec["id"])
    assert [s["id"] for s in srcs] == [s["id"] for s in rec["sources"]]
    for s in srcs:
        assert s["spans"] == sorted(s["spans"], key=lambda sp: (sp["start"], sp["end"], sp["field"], sp["text"]))
        assert all(s["text"][sp["start"]:sp["end"]] == sp["text"] for sp in s["spans"])
        assert s["dir"] == ("rtl" if s["lang"] in ("ar", "he") else "ltr")
    evidence = sum(1 for evs in rec["evidence"].values() for _ in evs)
    assert sum(len(s["spans"]) for s in srcs) <= evidence and any(s["spans"] for s in srcs)


def test_segments_cover_the_text_and_overlaps_carry_both_fields():
    text = "Signed in Baku on 3 May by the ministers."
    spans = [{"start": 10, "end": 14, "field": "place"}, {"start": 10, "end": 23, "field": "date_signed"}]
    got = browse.segments(text, spans)
    assert "".join(s["text"] for s in got) == text
    assert [(s["text"], s["fields"], s["start"]) for s in got] == [
        ("Signed in ", [], 0), ("Baku", ["date_signed", "place"], 10), (" on 3 May", ["date_signed"], 14),
        (" by the ministers.", [], 23)]
    assert browse.segments("", []) == [] and [s["text"] for s in browse.segments("abc", [])] == ["abc"]


def test_an_entity_lists_its_agreements(store, records):
    ent = browse.entity(store, "state:AZ")
    mine = [r for r in records if "AZ" in {p["id"] for p in r["parties"]}]
    assert ent["name"] == "Azerbaijan" and ent["agreements_total"] == len(mine)
    assert [r["id"] for r in ent["agreement_rows"]] == _sorted(mine, "date")
    assert browse.entity(store, "state:XX") is None
    assert {"id": "state:AZ", "type": "state", "name": "Azerbaijan"} in browse.entities(store, "azerb")


# -- keeping in step -----------------------------------------------------------------------------------
def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_superseded_or_retracted_source_is_never_found(tmp_path):
    db = str(tmp_path / "s.db")
    page = tmp_path / "a.json"
    text = "Kenya and Norway signed a memorandum of understanding on fisheries in Nairobi on 3 March 2025."
    for word in ("Brontavia", "Caldoria"):
        page.write_text(json.dumps({"text": f"{text} The {word} plan follows.", "url": "https://news.example/k"}))
        assert run("ingest", str(page), "--db", db).exit_code == 0
    with closing(Store(db, readonly=True)) as store:
        assert _hits(store, "Brontavia") == [] and len(_hits(store, "Caldoria")) == 1
        live = _hits(store, "Caldoria")[0]["source_id"]
        assert browse.agreements(store, Query(q="Caldoria"))["total"] == 1
        assert browse.agreements(store, Query(q="Brontavia"))["total"] == 0
    assert run("forget", live, "--db", db).exit_code == 0
    with closing(Store(db, readonly=True)) as store:
        assert _hits(store, "Caldoria") == [] and browse.agreements(store, Query())["total"] == 0
    assert run("check", "--db", db).exit_code == 0


def _downgrade(path: str) -> None:
    """Make `path` a store of the schema before 004_browse."""
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND"
                                       " (name LIKE 'browse%' OR name LIKE 'search%') AND sql LIKE 'CREATE VIRTUAL%'")]
    for name in names:
        con.execute(f"DROP TABLE {name}")
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND"
                               " (name LIKE 'browse%' OR name LIKE 'search%')").fetchall():
        con.execute(f"DROP TABLE {name}")
    con.execute("DELETE FROM migrations WHERE name = '004_browse'")
    con.commit()
    con.close()


def test_a_store_made_before_004_keeps_its_data_and_becomes_searchable(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    assert run("ingest", *map(str, seed_files), "--db", db).exit_code == 0
    before = run("export", "--db", db).stdout
    _downgrade(db)
    old = Path(db).read_bytes()
    result = run("list", "--db", db)  # a read command refuses it, untouched
    assert result.exit_code == 1 and "accords migrate" in result.output and Path(db).read_bytes() == old
    assert run("migrate", "--db", db).exit_code == 0
    assert run("export", "--db", db).stdout == before and run("check", "--db", db).exit_code == 0
    with closing(Store(db, readonly=True)) as store:
        recs = list(store.records())
        got = browse.agreements(store, Query())
        assert [r["id"] for r in got["items"]] == _sorted(recs, "date") and got["total"] == len(recs) == 1
        assert len(_hits(store, "الذكاء")) == 1 and len(_hits(store, "artificial intelligence")) == 1
        assert browse.agreements(store, Query(q="الذكاء", parties=("IL", "AZ")))["total"] == 1


@pytest.mark.parametrize("words", ["Nabiyev", "نتنياهو", "الذكاء", "פלונדיה", "memorandum of understanding", "瑙鲁",
                                   "AI", 'a "b', "q"])
def test_accords_list_search_finds_what_reading_every_text_finds(store, words):
    from accords.listing import sources_matching

    key = fold_str(words)
    want = {sid for sid, row in store.sources().items()
            if row["superseded_by"] is None and key in fold_str(row["text"])}
    assert sources_matching(store, words) == want


@pytest.mark.parametrize("typed, searched", [
    ("والسلام", "السلام"), ("بالقدس", "القدس"),  # the article stays: القدس is not searched as قدس
    ("ولد", "ولد"),  # a word of three letters keeps its first: و is a root letter here
    ("לירושלים", "ירושלים"), ("ההסכם", "סכם"),  # up to two letters taken: סכם is still in every ההסכם
    ("לוס", "לוס"),  # fewer than three letters would remain
    ("Washington", "washington"), ("وزارة", "زاره"),  # Latin untouched; a root و before three letters is taken
])
def test_a_query_word_is_searched_without_its_proclitics(typed, searched):
    assert bare(fold_str(typed)) == searched


@pytest.mark.parametrize("query", [Query(), Query(q="Azerbaijan"), Query(parties=("AZ",), q="memorandum")])
def test_the_list_page_reads_what_the_list_and_facets_say(store, query):
    assert browse.agreements_and_facets(store, query) == (browse.agreements(store, query), browse.facets(store, query))
