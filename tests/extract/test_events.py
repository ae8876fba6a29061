import datetime as dt

from accords.extract import extract


def one(text, lang="en", published=None):
    events = extract(text, lang, published)
    assert len(events) == 1, events
    return events[0]


def test_completed_signing_with_parties_instrument_and_domain():
    ev = one("France and Japan signed a memorandum of understanding on artificial intelligence.")
    assert ev.instrument.value == "memorandum_of_understanding"
    assert {p.value for p in ev.parties} == {"FR", "JP"}
    assert [d.value for d in ev.domains] == ["artificial_intelligence"]


def test_plans_and_talks_are_not_signings():
    for text in ("Japan and France will sign a treaty next week.",
                 "Japan and France are expected to sign an agreement on trade.",
                 "Officials discussed the draft agreement between Japan and France."):
        assert extract(text, "en") == []


def test_earlier_agreement_is_related_not_another_event():
    ev = one("Japan and France signed an agreement on energy. This follows the signing of a joint "
             "declaration with Germany last month.", published=dt.date(2026, 3, 10))
    assert [(r.instrument, r.date) for r in ev.related] == [("joint_declaration", "2026-02")]
    assert {p.value for p in ev.parties} == {"JP", "FR"}


def test_presence_is_not_signature():
    ev = one("In the presence of Prime Minister Ana Costa, the agreement was signed by Japan's Minister of "
             "Finance Kenji Sato and France's Minister of Economy Paul Morel.")
    assert sorted(p.name.value for p in ev.signatories) == ["Kenji Sato", "Paul Morel"]
    assert [p.name.value for p in ev.present] == ["Ana Costa"]


def test_side_named_before_the_signatory_arabic():
    ev = one("وقع الاتفاق عن الجانب الفرنسي وزير الاقتصاد سامي مراد، وعن الجانب الياباني وزير المالية كينجي ساتو.", "ar")
    sides = {p.name.value: p.party.value for p in ev.signatories}
    assert sides == {"سامي مراد": "FR", "كينجي ساتو": "JP"}


def test_signatory_side_by_elimination():
    ev = one("Japan and France signed an agreement. It was signed by the Head of the Agency, Emi Ono, "
             "and France's Minister of Culture Luc Bon.")
    sides = {p.name.value: p.party.value if p.party else None for p in ev.signatories}
    assert sides == {"Emi Ono": "JP", "Luc Bon": "FR"}


def test_a_weekday_against_its_date_is_a_discrepancy():
    ev = one("Japan and France signed an agreement on Monday, 3 February 2026.")
    assert ev.date_signed.value == "2026-02-03"
    assert [d["field"] for d in ev.discrepancies] == ["date_signed"]
