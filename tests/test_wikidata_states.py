"""data/wikidata_states.yaml (written by tools/wikidata_states.py from country-coder) against a
second, independent source: OpenSanctions' territory data in the `rigour` package, which gives
each ISO code its Wikidata id and the ids of similar or predecessor items."""

from __future__ import annotations

from collections import Counter

import pytest
from rigour.territories import get_territory

from accords.data import shared
from accords.lang.lexicon import cldr_countries

DATA = shared("wikidata_states.yaml")
STATES = DATA["states"]
# Where the two sources differ, and why the mapping keeps its id (each is checked to still differ).
DIFFERENCES = {
    "EA": "Ceuta and Melilla: rigour has no territory of this code",
    "SJ": "rigour gives Svalbard alone (Q25231); the ISO code names Svalbard and Jan Mayen, Q842829",
}


def test_every_state_accords_can_name_has_a_wikidata_id():
    states = {code for code in cldr_countries("en").values() if not code.startswith("org:")}
    assert states and states == set(STATES)
    for code, row in STATES.items():
        assert str(row["wikidata"]).startswith("Q") and str(row["wikidata"])[1:].isdigit(), code


def test_no_two_states_share_a_wikidata_id():
    counts = Counter(row["wikidata"] for row in STATES.values())
    assert [q for q, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("code", sorted(set(STATES) - set(DIFFERENCES)))
def test_the_second_source_gives_the_same_id(code):
    territory = get_territory(code)
    assert territory is not None, f"{code}: not in rigour; list it in DIFFERENCES with the reason"
    assert STATES[code]["wikidata"] in [territory.qid, *territory.other_qids]


@pytest.mark.parametrize("code", sorted(set(STATES) - set(DIFFERENCES)))
def test_the_second_source_gives_the_same_alpha3_code(code):
    territory = get_territory(code)
    if territory.alpha3:
        assert STATES[code]["alpha3"] == territory.alpha3.upper()


@pytest.mark.parametrize("code", sorted(DIFFERENCES))
def test_each_listed_difference_is_still_one(code):
    territory = get_territory(code)
    assert territory is None or STATES[code]["wikidata"] not in [territory.qid, *territory.other_qids]


@pytest.mark.parametrize(("slug", "code"), [("org:eu", "EU"), ("org:un", "UN")])
def test_the_organisations_cldr_counts_as_regions_agree_too(slug, code):
    assert DATA["organizations"][slug]["wikidata"] == get_territory(code).qid
