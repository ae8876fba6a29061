"""Every language pack's own examples, run through extraction (STYLE convention 4)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from accords.extract import extract
from accords.lang.pack import read_files
from accords.names import same_name
from accords.pipeline import SUPPORTED


def _cases():
    for code in SUPPORTED:
        for i, case in enumerate(read_files(code).get("examples.yaml", {}).get("examples", [])):
            # An example the engine cannot read yet stays correct and says why: it runs as a strict
            # expected failure, reported as such, and fails the day the engine reads it.
            marks = [pytest.mark.xfail(strict=True, reason=case["known_gap"])] if case.get("known_gap") else []
            yield pytest.param(code, case, id=f"{code}-{i}-{case.get('id', '')}", marks=marks)


def _check_people(found, expected):
    for want in expected:
        match = [p for p in found if same_name(p.name.value, want["name"]) or p.name.value == want["name"]]
        assert match, f"{want['name']} not among {[p.name.value for p in found]}"
        if "party" in want:
            assert match[0].party and match[0].party.value == want["party"], f"{want['name']}: party"


@pytest.mark.parametrize("code, case", list(_cases()))
def test_example(code, case):
    published = case.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    events = extract(case["text"], code, published)
    expect = case["expect"]
    if not expect.get("signing", True):
        assert events == [], "a non-signing produced an event"
        return
    assert events, "no signing found"
    ev = events[0]
    if "instrument" in expect:
        assert ev.instrument and ev.instrument.value == expect["instrument"]
    if "parties" in expect:
        assert {p.value for p in ev.parties} == set(expect["parties"])
    if "signatories" in expect:
        _check_people(ev.signatories, expect["signatories"])
    if "present" in expect:
        _check_people(ev.present, expect["present"])
    if "date_signed" in expect:
        assert (ev.date_signed.value if ev.date_signed else None) == expect["date_signed"]
    if "place" in expect:
        assert (ev.place.value if ev.place else None) == expect["place"]
    if "domains" in expect:
        assert set(expect["domains"]) <= {d.value for d in ev.domains}
    if "areas" in expect:
        assert set(expect["areas"]) <= {a.value for a in ev.areas}
    if "related" in expect:
        got = [(r.instrument, set(r.parties)) for r in ev.related]
        for want in expect["related"]:
            assert (want.get("instrument"), set(want.get("parties", []))) in got


def test_examples_are_yaml_of_the_documented_shape():
    for code in SUPPORTED:
        data = read_files(code).get("examples.yaml", {})
        assert set(data) <= {"examples"}, code
        for case in data.get("examples", []):
            assert set(case) <= {"id", "text", "published", "expect", "note", "known_gap"}, (code, case)
            assert set(case["expect"]) <= {"signing", "instrument", "parties", "signatories", "present",
                                            "date_signed", "place", "domains", "areas", "related"}
            yaml.safe_dump(case)
