"""A state named as where a city is ("the Polish city of X") beside two signing organisations (issue 10)."""

from __future__ import annotations

import pytest

from accords.extract import extract
from accords.lang.hosts import beside_city_word
from accords.lang.lexicon import matcher
from accords.text.normalize import fold


@pytest.mark.parametrize("lang, text, word", [
    ("en", "the Polish city of Gniezno", "Polish"),
    ("ru", "польский город Гнезно", "польский"),
    ("fr", "la ville polonaise de Gniezno", "polonaise"),
    ("ka", "პოლონეთის ქალაქ გნეზნოს", "პოლონეთის"),
])
def test_a_state_beside_a_city_word(lang, text, word):
    hits = matcher(lang).find(fold(text))
    party = next(h for h in hits if h.kind == "party")
    assert text[party.start : party.end] in word
    assert beside_city_word(text, hits, party)


@pytest.mark.parametrize("lang, text", [
    ("en", "Poland and the city of Gniezno"),
    ("ru", "Польша и город Гнезно"),
])
def test_a_state_apart_from_the_city_word(lang, text):
    hits = matcher(lang).find(fold(text))
    party = next(h for h in hits if h.kind == "party")
    assert not beside_city_word(text, hits, party)


@pytest.mark.parametrize("lang, text, parties", [
    # no organisation signs: the states are all the text gives, and stay
    ("en", "The Georgian town of Telavi and the Polish city of Gniezno signed a twinning agreement.", {"GE", "PL"}),
    ("ru", "Грузинский город Телави и польский город Гнезно подписали соглашение о побратимстве.", {"GE", "PL"}),
    ("fr", "La ville géorgienne de Telavi et la ville polonaise de Gniezno ont signé un accord de jumelage.",
     {"GE", "PL"}),
])
def test_the_states_of_cities_stay_without_two_organisations(lang, text, parties):
    assert {p.value for p in extract(text, lang, None)[0].parties} == parties
