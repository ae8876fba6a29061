"""Checks of the curated leaders file (src/accords/data/leaders.yaml): shape, dates, codes, names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from babel import Locale

from accords.lang.pack import available, load

DATA = Path(__file__).resolve().parents[1] / "src" / "accords" / "data" / "leaders.yaml"
ROLES = {"head_of_state", "head_of_government", "foreign_minister"}
# The eleven languages whose forms were written for every leader: each leader is named in each.
OLDER = {"ar", "az", "de", "en", "es", "fa", "fr", "he", "ka", "ru", "tr"}
# The ten newer languages: forms come only from a Wikidata-generated source (tools/leaders_names.py);
# what it lacks is listed under the person's `gaps`, never filled by hand. Their scripts, for a branch
# where a pack is not there yet (the pack's own `script` is used once it is).
NEWER = {"zh": "Hani", "ja": "Jpan", "ko": "Kore", "hi": "Deva", "ur": "Arab",
         "pt": "Latn", "it": "Latn", "uk": "Cyrl", "bg": "Cyrl", "id": "Latn"}
LANGS = set(available()) | set(NEWER)  # every supported language
REQUIRED = (set(available()) - set(NEWER)) | OLDER
NON_LATIN = {code for code in LANGS if (load(code).script if code in available() else NEWER[code]) != "Latn"}
# A form in a newer language is in that language's script only (a stray Latin label in a Japanese slot,
# a Cyrillic one in a Portuguese slot would be wrong), and as the press writes it: no "Surname, Given",
# no "(politician)", no "Category:".
SCRIPT_RE = {"Hani": r"[\u3400-\u9fff\uf900-\ufaff·・•‧\-—]+", "Jpan": r"[\u3040-\u30ff\u3400-\u9fff・＝=\-]+",
             "Kore": r"[\uac00-\ud7af ·\-]+", "Deva": r"[\u0900-\u097f \-.]+", "Arab": r"[\u0600-\u06ff\u200c \-]+",
             "Cyrl": r"[\u0400-\u04ff \-'’.]+", "Latn": r"[A-Za-z\u00c0-\u024f \-'’.]+"}
UNSPACED = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"  # CJK names are one word: 习近平, 岸田文雄, 정세균
PERSON_KEYS = {"id", "name", "names", "offices"}
OPTIONAL_KEYS = {"gaps"}  # the newer languages a Wikidata-generated source gives no form in
OFFICE_KEYS = {"role", "title", "country", "start", "end"}
DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
QID_RE = re.compile(r"^Q\d+$")
REFERENCE_DAY = "2026-01-01"
# Folded forms deliberately shared by two people (documented in LEADERS.md); (language, folded form).
SHARED_NAMES: set[tuple[str, str]] = set()


def _iso_countries() -> set[str]:
    """ISO 3166-1 alpha-2 codes, from CLDR through Babel, without CLDR's non-ISO and user-assigned codes."""
    codes = {c for c in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", c)}
    return codes - {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}


ISO = _iso_countries()


def _day(value: object) -> str:
    """A date as written in the file (YAML reads full dates as date objects) -> 'YYYY-MM[-DD]'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    assert isinstance(value, str), f"bad date value {value!r}"
    return value


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u200c", "").replace("\u0640", "").casefold()
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def people() -> list[dict]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


def _offices(people: list[dict]):
    for person in people:
        for office in person["offices"]:
            yield person, office


def test_entry_shape(people):
    for person in people:
        assert isinstance(person, dict) and PERSON_KEYS <= set(person) <= PERSON_KEYS | OPTIONAL_KEYS, person
        assert isinstance(person["name"], str) and person["name"].strip(), person
        assert isinstance(person["offices"], list) and person["offices"], person["name"]
        for office in person["offices"]:
            assert isinstance(office, dict) and set(office) == OFFICE_KEYS, (person["name"], office)
            assert isinstance(office["title"], str) and office["title"].strip(), (person["name"], office)


def test_qids_well_formed_and_unique(people):
    seen: dict[str, str] = {}
    for person in people:
        qid = person["id"]
        if qid is None:
            continue
        assert isinstance(qid, str) and QID_RE.fullmatch(qid), (person["name"], qid)
        assert qid not in seen, f"{qid} given to {seen[qid]} and {person['name']}"
        seen[qid] = person["name"]


def test_no_duplicate_people(people):
    seen: set[str] = set()
    for person in people:
        key = _fold(person["name"])
        assert key not in seen, f"duplicate person {person['name']}"
        seen.add(key)


def test_roles_and_countries(people):
    for person, office in _offices(people):
        assert office["role"] in ROLES, (person["name"], office)
        assert office["country"] in ISO, (person["name"], office["country"])


def test_dates(people):
    for person, office in _offices(people):
        start = _day(office["start"])
        assert DATE_RE.fullmatch(start), (person["name"], start)
        if office["end"] is None:
            continue
        end = _day(office["end"])
        assert DATE_RE.fullmatch(end), (person["name"], end)
        n = min(len(start), len(end))
        assert start[:n] <= end[:n], (person["name"], start, end)
        assert end >= "2016-01", f"{person['name']}: office ended before 2016 ({office})"


def test_no_overlapping_terms_of_one_person_in_one_office(people):
    for person in people:
        spans = defaultdict(list)
        for office in person["offices"]:
            spans[(office["role"], office["country"])].append(
                (_day(office["start"]), "9999" if office["end"] is None else _day(office["end"])))
        for key, items in spans.items():
            items.sort()
            for (_, e1), (s2, _) in zip(items, items[1:], strict=False):
                assert e1[:len(s2)] <= s2[:len(e1)], (person["name"], key, items)


def test_names(people):
    for person in people:
        names = person["names"]
        assert isinstance(names, dict) and names, person["name"]
        assert set(names) <= LANGS, (person["name"], set(names) - LANGS)
        assert "en" in names and person["name"] in names["en"], person["name"]
        for lang, forms in names.items():
            assert isinstance(forms, list) and forms, (person["name"], lang)
            for form in forms:
                assert isinstance(form, str) and form.strip() == form and form, (person["name"], lang, form)
                if lang in NON_LATIN:
                    bare = re.sub(r"\b[IVX]+\b", "", form)
                    assert not re.search(r"[A-Za-z]", bare), f"Latin letters in {lang} form {form!r}"


def test_folded_name_belongs_to_one_person_per_language(people):
    owner: dict[tuple[str, str], str] = {}
    for person in people:
        for lang, forms in person["names"].items():
            for form in {_fold(f) for f in forms}:
                key = (lang, form)
                if key in owner and owner[key] != person["name"]:
                    assert key in SHARED_NAMES, f"{lang} {form!r}: {owner[key]} and {person['name']}"
                owner[key] = person["name"]


def test_at_least_60_countries(people):
    countries = {office["country"] for _, office in _offices(people)}
    assert len(countries) >= 60, len(countries)


def _in_office(office: dict, day: str) -> bool:
    start = _day(office["start"])
    end = None if office["end"] is None else _day(office["end"])
    return start[:len(day)] <= day[:len(start)] and (end is None or end[:len(day)] > day[:len(end)])


def test_leaders_in_office_on_reference_day(people):
    covered = {office["country"] for _, office in _offices(people)
               if office["role"] in ("head_of_state", "head_of_government") and _in_office(office, REFERENCE_DAY)}
    assert len(covered) >= 40, len(covered)


def test_every_leader_is_named_in_every_older_language(people):
    """A report in any of the eleven older languages can name any leader: each has a form in each."""
    missing = [(person["name"], sorted(REQUIRED - set(person["names"]))) for person in people
               if not set(person["names"]) >= REQUIRED]
    assert not missing, missing[:10]


def test_gaps_name_newer_languages_only(people):
    for person in people:
        langs = person.get("gaps", [])
        assert isinstance(langs, list) and len(set(langs)) == len(langs), (person["name"], langs)
        assert set(langs) <= set(NEWER), (person["name"], sorted(set(langs) - set(NEWER)))


def test_a_newer_language_form_is_present_or_a_listed_gap(people):
    """Each leader in each newer language: a form from the source, or a listed gap; never both,
    never neither (a form added by hand would have to be un-listed, and shows in review)."""
    unlisted, stale = [], []
    for person in people:
        listed = set(person.get("gaps", []))
        for lang in sorted(NEWER):
            if lang not in person["names"] and lang not in listed:
                unlisted.append((person["name"], lang))
            if lang in person["names"] and lang in listed:
                stale.append((person["name"], lang))
    assert not unlisted, f"missing forms not listed as gaps: {unlisted[:10]}"
    assert not stale, f"listed as gaps but present: {stale[:10]}"


def test_newer_language_forms_are_well_formed(people):
    for person in people:
        for lang, script in NEWER.items():
            for form in person["names"].get(lang, []):
                assert re.fullmatch(SCRIPT_RE[script], form), (person["name"], lang, form)
                if script == "Latn":
                    assert form[0].isupper(), (person["name"], lang, form)


def test_a_form_is_never_a_bare_given_name(people):
    """A one-word form ("Philippe") would name anyone; only monarchs known by one name have one.
    A name in Chinese characters, kana or Hangul is one word (习近平, 岸田文雄, 정세균): it needs
    two characters at least."""
    for person in people:
        one_word_en = any(len(f.split()) == 1 for f in person["names"]["en"])
        for lang, forms in person["names"].items():
            for form in forms:
                if re.search(UNSPACED, form):
                    assert len(form.replace(" ", "")) >= 2, (person["name"], lang, form)
                    continue
                assert len(form.split()) > 1 or one_word_en, (person["name"], lang, form)
