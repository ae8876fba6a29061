"""A state's bodies (ministries, agencies, central banks) sign for their state (issue 10)."""

from __future__ import annotations

import pytest

from accords.extract.annotate import annotate
from accords.lang.bodies import bodies_for, find_bodies


def _bodies(text: str, lang: str) -> list[tuple[str, str]]:
    doc = annotate(text, lang)
    return [(b.value["name"], b.value["party"]) for b in find_bodies(text, lang, doc.hits)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Kenya's Ministry of Water and the Central Bank of Ghana signed a memorandum.",
     [("Kenya's Ministry of Water", "KE"), ("Central Bank of Ghana", "GH")]),
    ("ru", "Министерство энергетики Азербайджана и Центральный банк Турции подписали меморандум.",
     [("Министерство энергетики Азербайджана", "AZ"), ("Центральный банк Турции", "TR")]),
    ("ar", "وقعت وزارة المياه المصرية ووزارة الطاقة الأذربيجانية مذكرة تفاهم.",
     [("وزارة المياه المصرية", "EG"), ("وزارة الطاقة الأذربيجانية", "AZ")]),
    ("fr", "Le ministère de l'Eau du Kenya a signé un accord.", [("ministère de l'Eau du Kenya", "KE")]),
])
def test_a_body_is_its_states(lang, text, expected):
    assert _bodies(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "The Ministry of Water signed a memorandum."),  # no state named: no body of one
    ("en", "The Northern Plains University signed a memorandum with Kenya."),  # an organisation
])
def test_no_state_no_body(lang, text):
    assert _bodies(text, lang) == []


def test_an_events_bodies_are_those_of_its_parties():
    text = "Kenya's Ministry of Water and the Central Bank of Ghana signed a memorandum."
    doc = annotate(text, "en")
    got = bodies_for(find_bodies(text, "en", doc.hits), [(0, len(text))], {"KE"})
    assert [b.value for b in got] == [{"name": "Kenya's Ministry of Water", "party": "KE"}]
