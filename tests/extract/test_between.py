"""A "between X and Y" phrase: whose sides it names (issue 10, parties that are not the signers')."""

from __future__ import annotations

import pytest

from accords.extract import extract


@pytest.mark.parametrize("lang, text, parties", [
    # the pair right before a postposition is coordinated; a state further back is another phrase's
    ("az", "Qazaxıstanın xarici işlər naziri Ərlan Nurlanov və özbəkistanlı həmkarı Bəxtiyar Saidov "
           "Tacikistanla Qırğızıstan arasında sərhəd danışıqlarına dəstək haqqında memorandum imzalayıblar.",
     {"KZ", "UZ"}),
    ("tr", "Kazakistan Dışişleri Bakanı Erlan Nurlanov ile Özbek mevkidaşı Bahtiyar Saidov, Tacikistan ile "
           "Kırgızistan arasında sınır müzakerelerine destek mutabakat zaptı imzaladı.", {"KZ", "UZ"}),
    ("en", "Kazakh Foreign Minister Erlan Nurlanov and Uzbek Foreign Minister Bakhtiyor Saidov signed a "
           "memorandum on support for the border talks between Tajikistan and Kyrgyzstan.", {"KZ", "UZ"}),
    ("ru", "Министр иностранных дел Казахстана Ерлан Нурланов и министр иностранных дел Узбекистана Бахтиёр "
           "Саидов подписали меморандум о поддержке пограничных переговоров между Таджикистаном и Киргизией.",
     {"KZ", "UZ"}),
])
def test_a_between_pair_of_the_subject_is_no_party(lang, text, parties):
    events = extract(text, lang, None)
    assert {p.value for p in events[0].parties} == parties


@pytest.mark.parametrize("lang, text, parties", [
    ("az", "Azərbaycan ilə Qazaxıstan arasında ticarət sazişi imzalanıb.", {"AZ", "KZ"}),
    ("tr", "Türkiye ile Kazakistan arasında ticaret anlaşması imzalandı.", {"TR", "KZ"}),
    ("ka", "საქართველოსა და სომხეთს შორის სავაჭრო შეთანხმება გაფორმდა.", {"GE", "AM"}),
])
def test_a_postposition_between_names_the_parties(lang, text, parties):
    events = extract(text, lang, None)
    assert {p.value for p in events[0].parties} == parties


@pytest.mark.parametrize("lang, text", [
    # a passive signing "between the two states": the delegation's head named before it signs nothing
    # (the languages whose packs give the postposition "arasında")
    ("az", "Baş nazir Əli Həsənovun başçılıq etdiyi nümayəndə heyətinin səfəri çərçivəsində Azərbaycan "
           "və Qazaxıstan arasında ticarət sazişi imzalanıb."),
    ("tr", "Başbakan Ali Hasanoğlu'nun başkanlık ettiği heyetin ziyareti sırasında Türkiye ile Kazakistan "
           "arasında ticaret anlaşması imzalandı."),
])
def test_a_between_of_states_names_no_signer_of_a_passive(lang, text):
    events = extract(text, lang, None)
    assert events and not events[0].signatories


@pytest.mark.parametrize("lang, text, names", [
    ("tr", "Tören sırasında Ahmet Yılmaz ile Mehmet Kaya arasında ortak üretim anlaşması imzalandı.",
     {"Ahmet Yılmaz", "Mehmet Kaya"}),
    ("az", "Mərasimdə Əli Həsənov ilə Vüqar Məmmədov arasında birgə istehsal sazişi imzalanıb.",
     {"Əli Həsənov", "Vüqar Məmmədov"}),
    ("en", "An agreement was signed between Minister John Mwangi and Minister Kofi Mensah.",
     {"John Mwangi", "Kofi Mensah"}),
])
def test_a_between_of_people_names_the_signers(lang, text, names):
    events = extract(text, lang, None)
    assert events and names <= {p.name.value for p in events[0].signatories}
