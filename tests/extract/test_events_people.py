"""People below the top through the whole extraction: a signer whose title stands in an earlier
paragraph, and a co-signer named without one, each with their party (issue 10)."""

from __future__ import annotations

import pytest

from accords.extract import extract


@pytest.mark.parametrize("text, lang, expected", [
    ("Kenyan Trade Minister John Mwangi arrived in Accra on Monday.\n\nOn Tuesday, Mwangi and Kofi Mensah signed"
     " an agreement between Kenya and Ghana.", "en", [("John Mwangi", "KE"), ("Kofi Mensah", "GH")]),
    ("وصل وزير التجارة التركي أحمد يلماز إلى عمان يوم الاثنين.\n\nووقع يلماز ونظيره الأردني خالد يوسف اتفاقية"
     " بين تركيا والأردن.", "ar", [("أحمد يلماز", "TR"), ("خالد يوسف", "JO")]),
    ("Der kenianische Handelsminister John Mwangi traf am Montag in Accra ein.\n\nAm Dienstag unterzeichneten"
     " Mwangi und Kofi Mensah ein Abkommen zwischen Kenia und Ghana.", "de",
     [("John Mwangi", "KE"), ("Kofi Mensah", "GH")]),
])
def test_title_in_an_earlier_paragraph_and_an_untitled_co_signer(text, lang, expected):
    events = extract(text, lang)
    assert [(s.name.value, s.party.value if s.party else None) for e in events for s in e.signatories] == expected
