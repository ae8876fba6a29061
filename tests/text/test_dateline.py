"""Datelines of a place only: the reporter's city, told apart from a headline with a dash."""

import pytest

from accords.text.dateline import place_dateline


@pytest.mark.parametrize("text, city", [
    ("Dakar — Le Sénégal et la Mauritanie ont signé un accord sur le gaz.", "Dakar — "),
    ("NAIROBI (Reuters) - Kenya and Ghana signed a trade agreement on Monday.", "NAIROBI (Reuters) - "),
    ("باكو - وقعت أذربيجان وجورجيا مذكرة تفاهم في مجال الطاقة", "باكو - "),
    ("Headline first\n\nPort Moresby — Papua New Guinea and Australia signed a treaty.", "Port Moresby — "),
])
def test_a_place_then_a_dash_opens_the_story(text, city):
    span = place_dateline(text)
    assert span is not None and text[span[0]:span[1]] == city


@pytest.mark.parametrize("text", [
    "Kenya, Ghana sign trade pact — officials",   # a comma: a headline, not a place
    "Ruto – Mahama talks",                         # too little after the dash for a story
    "The two ministers met in Nairobi on Monday and signed - at last - the accord.",  # more than three words
])
def test_no_dateline(text):
    assert place_dateline(text) is None
