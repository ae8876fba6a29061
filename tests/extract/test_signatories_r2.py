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
    ("Kenyan President William Ruto, accompanied by Foreign Minister Musalia Mudavadi, and Uganda's President"
     " Yoweri Museveni signed a trade agreement in Nairobi.", "en",
     {"William Ruto": "KE", "Yoweri Museveni": "UG"}, {"Musalia Mudavadi"}),
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
