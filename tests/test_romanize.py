"""Hebrew-script names read with their vowel letters, never as a consonant skeleton."""

from __future__ import annotations

import pytest

from accords.identity import PersonForm, group_people
from accords.names import latin
from accords.record import _person_out
from accords.romanize import hebrew_name


@pytest.mark.parametrize("written,shown", [
    ("רודריגו", "Rodrigo"),          # vav and yod between consonants are o and i
    ("עומר", "Omer"),                # a final consonant with r takes an e
    ("ניקוס", "Nikos"),
    ("ג׳ורדן", "Jorden"),             # a geresh makes gimel j; an unwritten vowel is read e
    ("דוד", "David"),                # a frequent name as the press writes it (he pack data)
    ("עמרי בן-חיים", "Amri Ben-Haim"),  # particles and hyphenated surnames
    ("מוחמד עבדאללה אל-עמרי", "Mohammed Abdullah Al-Amri"),
])
def test_hebrew_name(written, shown):
    assert hebrew_name(written) == shown


@pytest.mark.parametrize("written", ["בצלאל", "שמשון", "טרמפלדור", "קלנר"])
def test_every_romanised_word_has_a_vowel(written):
    out = latin(written)
    assert out.isascii() and any(v in out.lower() for v in "aeiou")


def test_a_machine_romanisation_is_marked_in_names():
    g = group_people([PersonForm("נתן שטרנפלד", "he", "s1", "IL", None, None, None)])[0]
    out = _person_out(g)
    assert out["name"] == latin("נתן שטרנפלד")
    assert out["names"] == {"he": "נתן שטרנפלד", "he-Latn": out["name"]}


def test_a_latin_form_from_another_source_wins_and_is_not_marked():
    g = group_people([PersonForm("נתן שטרנפלד", "he", "s1", "IL", None, None, None),
                      PersonForm("Natan Sternfeld", "en", "s2", "IL", None, None, None)])[0]
    out = _person_out(g)
    assert out["name"] == "Natan Sternfeld"
    assert not any(k.endswith("-Latn") for k in out["names"])


@pytest.mark.parametrize("name, latin_form", [
    ("नरेंद्र मोदी", "Narendra Modi"),  # a final cluster keeps its a
    ("राकेश वर्मा", "Rakesh Varma"),  # a final consonant drops it
    ("राजनाथ वर्मा", "Rajnath Varma"),  # between two vowels, before a consonant with its own
    ("फ़ैसल बिन सालेह", "Faisal Bin Saleh"),  # the nukta
])
def test_devanagari_names_read_with_their_inherent_vowels(name, latin_form):
    from accords.names import latin

    assert latin(name) == latin_form
