"""One person named in Hebrew and in Arabic script is one person in the record."""

from __future__ import annotations

from accords.identity import PersonForm, group_people


def _form(name, lang, source, party=None):
    return PersonForm(name, lang, source, party, None, None, None)


def test_hebrew_and_arabic_spellings_of_one_name_group():
    # the skeleton reads the Hebrew vowel letters as consonants; the romanisations agree
    groups = group_people([_form("רוני גולן", "he", "s1"), _form("روني غولان", "ar", "s2", "IL")], by_side=False)
    assert len(groups) == 1
    assert groups[0].party == "IL"


def test_different_names_across_scripts_stay_apart():
    groups = group_people([_form("רוני גולן", "he", "s1"), _form("سامي حداد", "ar", "s2")], by_side=False)
    assert len(groups) == 2
