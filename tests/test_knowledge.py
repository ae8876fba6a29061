"""Leaders known before reading: found by their names in each language, with their case endings."""

from __future__ import annotations

import datetime as dt

import pytest

from accords.knowledge import leaders, lookup

ALIYEV = [("en", "Ilham Aliyev"), ("ru", "Ильхам Алиев"), ("ar", "إلهام علييف"), ("az", "İlham Əliyev"),
          ("ka", "ილჰამ ალიევი"), ("de", "Ilham Alijew"), ("es", "Ilham Aliyev"), ("tr", "İlham Aliyev")]


@pytest.mark.parametrize(("lang", "name"), ALIYEV)
def test_one_leader_in_every_language(lang, name):
    assert lookup(name, lang) == lookup("Ilham Aliyev", "en") is not None


@pytest.mark.parametrize(("lang", "name"), [
    ("ka", "ილჰამ ალიევმა"),  # ergative: the nominative's -ი dropped, -მა added
    ("ka", "ილჰამ ალიევის"),  # genitive
    ("az", "İlham Əliyevin"),
    ("tr", "İlham Aliyev'in"),
    ("ru", "Ильхамом Алиевым"),  # both words in the instrumental
])
def test_a_case_ending_does_not_hide_the_leader(lang, name):
    assert lookup(name, lang) == lookup("Ilham Aliyev", "en")


def test_a_case_ending_does_not_make_a_leader_of_another_word():
    assert lookup("ალიევმაც ვინმე", "ka") is None
    assert lookup("Ali", "az") is None


def test_offices_have_dates_that_say_who_held_them():
    putin = leaders()[lookup("Vladimir Putin", "en")]
    assert any(o.country == "RU" and o.holds_on(dt.date(2026, 1, 1)) for o in putin.offices)


def test_regnal_names_are_leaders():
    """A regnal number is short, but it is the name ("Mohammed VI", "Charles III")."""
    assert lookup("Mohammed VI", "fr") is not None
    assert lookup("Charles III", "en") is not None
