"""No record shows a person under a consonant skeleton ("Vtsll Smvtryts"): over the practice and
dev corpora, every display name of a signatory or a person present has vowels in each word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accords.knowledge import leaders
from accords.service import ingest
from accords.store.sqlite import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_WORD = re.compile(r"[^\W\d_]+")
# Latin vowels, y inside a word (Дык Dyk, Rybakov), and the Azerbaijani and Turkish ones; a y
# at the edge of a word is a glide ("Lvy" is a skeleton).
_VOWEL = re.compile(r"[aeiouəıäöü]|\By\B", re.IGNORECASE)
# two capitals are a person's initials written without dots, as the Indian press writes them ("PK Verma")
_INITIALS = re.compile(r"[A-Z]{2}")


def skeleton_words(name: str) -> list[str]:
    """The words of a display name that a reader could not say: two or more letters, no vowel."""
    return [w for w in _WORD.findall(name) if len(w) >= 2 and w.isascii() and not _VOWEL.search(w)
            and not _INITIALS.fullmatch(w)]


@pytest.mark.parametrize("name,bad", [
    ("Vtsll Smvtryts", ["Vtsll"]), ("Dvd Lvy", ["Dvd", "Lvy"]), ("TsK KPV", ["TsK", "KPV"]),
    ("Chan Dyk", []),
    ("Omer Haddad", []), ("M.N. Rao", []), ("PK Verma", []), ("Şükrü Həsənov", []), ("Yitzhak Ben-Haim", []),
])
def test_skeleton_words(name, bad):
    assert skeleton_words(name) == bad


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory):
    docs = [SHARED / "practice" / "docs", SHARED / "dev" / "docs"]
    if not all(d.is_dir() for d in docs):
        pytest.fail(f"../shared is missing ({SHARED}); this test reads the practice and dev corpora")
    store = Store(tmp_path_factory.mktemp("names") / "s.db")
    ingest([str(d) for d in docs], store)
    recs = list(store.records())
    store.close()
    return recs


@pytest.mark.slow
def test_no_display_name_is_a_consonant_skeleton(corpus_records):
    people = [p for r in corpus_records for key in ("signatories", "present") for p in r[key]]
    assert people, "the corpora gave no person at all"
    # a name a Latin-script source writes so ("Prof PK Verma": initials without dots) is the
    # outlet's spelling, not a romanisation without vowels
    as_written = [p for p in people if p["name"].isascii() and p["name"] in p["names"].values()]
    bad = [(p["name"], p["names"]) for p in people if skeleton_words(p["name"]) and p not in as_written]
    assert bad == []


@pytest.mark.slow
def test_machine_romanisations_are_marked(corpus_records):
    """A display name that no source wrote and the knowledge file does not give is a machine
    romanisation, keyed '<lang>-Latn' in `names`."""
    known = {ld.name for ld in leaders().values()}
    romanised = 0
    for r in corpus_records:
        for p in r["signatories"] + r["present"]:
            written = {v for k, v in p["names"].items() if not k.endswith("-Latn")}
            if p["name"] in written or p["name"] in known:
                continue
            romanised += 1
            assert any(k.endswith("-Latn") and v == p["name"] for k, v in p["names"].items()), p
    assert romanised, "no romanised name in the corpora: the test checks nothing"


def test_a_chinese_name_reads_surname_then_given_name():
    from accords.names import latin

    assert latin("王毅", "zh") == "Wang Yi"
    assert latin("习近平", "zh") == "Xi Jinping"
    assert latin("欧阳娜娜", "zh") == "Ouyang Nana"  # a two-character surname
    # a name read in a Japanese text is not given a Chinese reading split as a Chinese name
    assert latin("岸田文雄", "ja") != "An Tianwenxiong"
