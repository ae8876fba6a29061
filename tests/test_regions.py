"""The continent of every state the project can name (the network colours parties by it)."""

from babel import Locale

from accords.knowledge import continent


def test_every_country_babel_names_has_a_continent() -> None:
    # Not states, and outside M49's continents: unions, pseudo-codes, Antarctica, and CLDR's
    # outlying islands (Ascension, Clipperton, Diego Garcia, Tristan da Cunha).
    not_states = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK", "AQ", "AC", "CP", "DG", "TA"}
    codes = [c for c in Locale("en").territories if c.isalpha() and len(c) == 2 and c not in not_states]
    missing = [c for c in codes if continent(c) is None]
    assert not missing, missing


def test_continents_are_the_five_of_m49() -> None:
    assert continent("AZ") == "Asia" and continent("no") == "Europe" and continent("BR") == "Americas"
    assert continent("NG") == "Africa" and continent("NZ") == "Oceania" and continent("ZZ") is None
