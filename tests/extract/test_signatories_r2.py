"""Signatories as real reports give them: pairs named by elimination, companions, venues (issue 10)."""

import pytest

from accords.extract import extract
from accords.extract.annotate import annotate
from accords.extract.people import find_people


def names(text, lang):
    return [p.name for p in find_people(annotate(text, lang))]


@pytest.mark.parametrize("text, lang, venue_word", [
    ("The two leaders drove to the King David Hotel, where they met Minister Anna Berg.", "en", "David"),
    ("Les deux dirigeants se sont rendus au stade Roi Baudouin avec le ministre Paul Lenoir.", "fr", "Baudouin"),
    ("ומשם נסעו השניים למלון המלך דוד בירושלים לפגישה עם השר דני כהן.", "he", "דוד"),
    ("وتوجه الزعيمان إلى فندق الملك داود في القدس للقاء الوزير سامي حداد.", "ar", "داود"),
])
def test_a_title_in_a_venue_name_names_no_one(text, lang, venue_word):
    got = names(text, lang)
    assert not any(venue_word in n for n in got), got
    assert len(got) == 1  # the one minister named is still a person


def _signers(text, lang):
    ev = extract(text, lang, None)[0]
    return {p.name.value: (p.party.value if p.party else None) for p in ev.signatories}, \
        {p.name.value for p in ev.present}


@pytest.mark.parametrize("text, lang, signers, present", [
    ("Kenyan President Daniel Kamau, accompanied by Foreign Minister Peter Njoroge, and Uganda's President"
     " Samuel Okello signed a trade agreement in Nairobi.", "en",
     {"Daniel Kamau": "KE", "Samuel Okello": "UG"}, {"Peter Njoroge"}),
    ("Le président sénégalais Macky Sall, accompagné du ministre des Affaires étrangères Amadou Ba, et le président"
     " malien Assimi Goïta ont signé un accord de coopération.", "fr",
     {"Macky Sall": "SN", "Assimi Goïta": "ML"}, {"Amadou Ba"}),
    ("Президент Казахстана Касым-Жомарт Токаев, в сопровождении министра иностранных дел Мурата Нуртлеу, и президент"
     " Узбекистана Шавкат Мирзиёев подписали договор о стратегическом партнёрстве.", "ru",
     {"Касым-Жомарт Токаев": "KZ", "Шавкат Мирзиёев": "UZ"}, {"Мурата Нуртлеу"}),
])
def test_who_accompanies_a_signer_attends(text, lang, signers, present):
    assert _signers(text, lang) == (signers, present)


@pytest.mark.parametrize("text, lang, signers", [
    ("The talks in Kampala brought together Sam Okello, Minister of Foreign Affairs and Regional Cooperation, and his"
     " Kenyan counterpart Peter Mwangi. The two ministers praised the ties between the two countries. At the end of"
     " the meeting, the two ministers signed a roadmap for cooperation between Uganda and Kenya.", "en",
     {"Sam Okello": "UG", "Peter Mwangi": "KE"}),
    ("Les entretiens à Dakar ont réuni Moussa Diallo, ministre des Affaires étrangères et de la Coopération, et son"
     " homologue malien Amadou Traoré. Les deux ministres ont salué les liens entre les deux pays. À l'issue de la"
     " rencontre, les deux ministres ont signé une feuille de route entre le Sénégal et le Mali.", "fr",
     {"Moussa Diallo": "SN", "Amadou Traoré": "ML"}),
    ("وجمعت المباحثات في عمّان سامي حداد، وزير الخارجية وشؤون المغتربين، ونظيره العراقي علي الجبوري. وأشاد الوزيران"
     " بالعلاقات بين البلدين. وفي ختام اللقاء، وقّع الوزيران مذكرة تفاهم بين الأردن والعراق.", "ar",
     {"سامي حداد": "JO", "علي الجبوري": "IQ"}),
])
def test_a_pair_phrase_takes_the_unsided_person_by_elimination(text, lang, signers):
    assert _signers(text, lang)[0] == signers


@pytest.mark.parametrize("text, lang, kept", [
    ('Ghana and Togo signed a trade deal. "The deal has been signed by the two ministers," the ministry\'s statement'
     ' said.', "en", False),
    ('Ghana and Togo signed a trade deal. "We have waited for this agreement for ten years," the minister said.',
     "en", True),
    ("Le Sénégal et le Mali ont signé un accord. « L'accord a été signé par les deux ministres à Dakar », indique le"
     " communiqué du ministère.", "fr", False),
    ('وقّعت مصر والأردن اتفاقية. وجاء في البيان: "وقّع الاتفاقية وزيرا الخارجية بحضور عدد من المسؤولين".', "ar", False),
])
def test_a_statement_s_quotation_is_narrative(text, lang, kept):
    assert bool(annotate(text, lang).quotes) is kept


@pytest.mark.parametrize("text, lang, acronym, is_instrument", [
    ("India and France inked an inter-governmental agreement (IGA) on Monday. Later the IGA was signed.", "en",
     "IGA", True),
    ("Perú y Chile firmaron un tratado de libre comercio (TLC). El TLC fue firmado en Lima.", "es", "TLC", True),
    ("Ghana signed an agreement with the International Atomic Energy Agency (IAEA). The IAEA will inspect sites.",
     "en", "IAEA", False),
])
def test_an_acronym_the_text_gives_an_instrument_names_it_later(text, lang, acronym, is_instrument):
    doc = annotate(text, lang)
    last = text.rindex(acronym)
    assert any(h.kind == "instrument" and h.start == last for h in doc.hits) is is_instrument


@pytest.mark.parametrize("a, b, other", [
    ("Vikram Mehta", "Anil Kumar Mehta", True),
    ("B. Sorokin", "Boris Sorokin", False),
    ("Hélène Garnier", "Helene Garnier", False),
    ("Garnier", "Helene Garnier", False),
])
def test_given_names_written_out_tell_two_people_apart(a, b, other):
    from accords.identity import other_given_names

    assert other_given_names(a, b) is other


def test_a_witness_sharing_a_signer_s_surname_stays_present():
    text = ("India and France signed an agreement in New Delhi. It was signed by Defence Minister Vikram Mehta and"
            " France's Minister of the Armed Forces Helene Garnier in the presence of Defence Secretary Anil"
            " Kumar Mehta.")
    signers, present = _signers(text, "en")
    assert "Vikram Mehta" in signers and present == {"Anil Kumar Mehta"}


def _visit_cases():
    import pathlib

    import yaml

    root = pathlib.Path(__file__).parents[2] / "src" / "accords" / "lang"
    for code in ("en", "ru", "ar", "fr"):
        for case in yaml.safe_load((root / code / "examples.yaml").read_text())["examples"]:
            if case.get("id") == "visitor-is-not-a-signer":
                yield pytest.param(code, case["text"], id=code)


@pytest.mark.parametrize("lang, text", list(_visit_cases()))
def test_the_visitor_is_not_said_to_sign(lang, text):
    events = extract(text, lang, None)
    assert events and events[0].signatories == []


@pytest.mark.parametrize("line", [
    ("en", "The peace treaty between Ghana and Togo on trade and a joint declaration with Benin on security were"
           " signed in Accra on Monday.", {"GH", "TG"}, {"BJ", "GH"}),
    ("fr", "Le traité de paix entre le Sénégal et le Mali sur le commerce et une déclaration commune avec la Guinée"
           " sur la sécurité ont été signés lundi à Dakar.", {"SN", "ML"}, {"GN", "SN"}),
    ("ru", "Договор о мире между Казахстаном и Узбекистаном о торговле и совместная декларация с Киргизией о"
           " безопасности были подписаны в понедельник в Астане.", {"KZ", "UZ"}, {"KG", "KZ"}),
])
def test_an_item_naming_one_party_takes_the_first_side_only(line):
    import datetime as dt

    lang, text, first, second = line
    events = extract(text, lang, dt.date(2026, 3, 3))
    assert [{p.value for p in e.parties} for e in events] == [first, second]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_offices_in_the_clause_people_in_the_next_sentence(lang):
    import pathlib

    import yaml

    path = pathlib.Path(__file__).parents[2] / "src" / "accords" / "lang" / lang / "examples.yaml"
    case = next(c for c in yaml.safe_load(path.read_text())["examples"] if c.get("id") == "offices-then-names")
    want = {p["name"] for p in case["expect"]["signatories"]}
    assert set(_signers(case["text"], lang)[0]) == want
