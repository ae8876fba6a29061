"""The date suite: cases in cases.yaml, each through find_dates + resolve, or through extract."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from accords.extract import extract
from accords.extract.annotate import annotate
from accords.extract.dates import find_dates

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))["cases"]
LANGS = {"en", "ar", "he", "ru", "tr", "az", "fr", "fa"}


def _pub(case):
    value = case.get("published")
    return dt.date.fromisoformat(value) if value else None


def signing_date(text, lang, published):
    """The first expression outside quotations that resolves to something."""
    doc = annotate(text, lang)
    for e in find_dates(doc):
        if doc.in_quote(e.start):
            continue
        value = e.resolve(published)
        if value:
            return value
    return None


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_date_case(case):
    if case.get("via") == "extract":
        events = extract(case["text"], case["lang"], _pub(case))
        assert events, "no signing found"
        got = events[0].date_signed.value if events[0].date_signed else None
    else:
        got = signing_date(case["text"], case["lang"], _pub(case))
    assert got == case["expect"], case.get("note")


def test_suite_shape():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 150
    assert {c["lang"] for c in CASES} == LANGS
    for c in CASES:
        assert set(c) <= {"id", "lang", "text", "published", "expect", "via", "calendar", "note"}, c["id"]
    calendars = {c.get("calendar") for c in CASES}
    assert {"hebrew", "hijri", "persian"} <= calendars
    assert sum(c["expect"] is None for c in CASES) >= 20
