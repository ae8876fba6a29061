"""Parties that are not states: organisations found by their organisation words (issue 10)."""

from __future__ import annotations

import pytest

from accords.extract import extract
from accords.lang.lexicon import matcher
from accords.lang.orgs import find_orgs
from accords.lang.pack import load
from accords.names import org_slug
from accords.text.normalize import fold


def _orgs(text: str, lang: str) -> list[tuple[str, str]]:
    m = matcher(lang)
    hits = super(type(m), m).find(fold(text))  # the lexicon's own hits, without the organisations
    return [(o.name, o.slug) for o in find_orgs(text, load(lang), hits)]


def _parties(text: str, lang: str) -> set[str]:
    events = extract(text, lang, None)
    assert events, "no signing found"
    return {p.value for p in events[0].parties}


@pytest.mark.parametrize("lang, text, name, slug", [
    ("en", "Yesterday the Northern Plains University (NPU) signed a memorandum.", "Northern Plains University (NPU)",
     "org:northern-plains-university"),
    ("en", "The Institute of Marine Studies will host it.", "Institute of Marine Studies",
     "org:institute-of-marine-studies"),
    ("es", "Firmó con la Universidad Técnica de Valverde un convenio.", "Universidad Técnica de Valverde",
     "org:universidad-tecnica-de-valverde"),
    ("fr", "L'Université de Kolda et la Fondation Bleue ont signé.", "Université de Kolda", "org:universite-de-kolda"),
    ("ar", "وقعت جامعة النخيل مذكرة تفاهم.", "جامعة النخيل", "org:university-al-nakhil"),
    ("he", "אוניברסיטת גלבוע חתמה על הסכם.", "אוניברסיטת גלבוע", None),
    ("az", "Qarabağ Dövlət Universiteti ilə memorandum imzalanıb.", "Qarabağ Dövlət Universiteti",
     "org:qarabag-state-university"),
    ("ka", "თელავის მუნიციპალიტეტმა ხელშეკრულება გააფორმა.", "თელავის მუნიციპალიტეტმა", "org:telavi-municipality"),
    ("ru", "Соглашение подписала компания «Северный ветер».", "Северный ветер", "org:severnyy-veter"),
    # names stand whole, uninflected, before their organisation word, after a possessive postposition
    ("ur", "ترکیہ کی نیلی وادی یونیورسٹی نے معاہدہ کیا۔", "نیلی وادی یونیورسٹی", None),
    ("hi", "जापान की हरित घाटी यूनिवर्सिटी ने समझौता किया।", "हरित घाटी यूनिवर्सिटी", None),
])
def test_an_organisation_is_read_to_the_edges_of_its_name(lang, text, name, slug):
    found = _orgs(text, lang)
    assert found and found[0][0] == name
    if slug:
        assert found[0][1] == slug


@pytest.mark.parametrize("lang, text", [
    ("en", "The university signed a memorandum with the company."),  # no name, only the words
    ("ar", "وقعت الشركة المصرية عقدا."),  # "the Egyptian company": a description
    ("ar", "لتوسيع الشراكة الأكاديمية والبحثية."),  # an adjective, not an academy
])
def test_organisation_words_alone_name_no_organisation(lang, text):
    assert _orgs(text, lang) == []


def test_one_name_gives_one_slug_whatever_its_case():
    # az: the genitive and the locative of one university
    a = _orgs("Erzincan Universitetinin rektoru gəldi.", "az")
    b = _orgs("Erzincan Universitetində görüş keçirilib.", "az")
    assert a[0][1] == b[0][1] == "org:erzincan-university"
    assert org_slug(["Erzincan", "University"]) == "org:erzincan-university"


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The Northern Plains University and the Lakeside Institute of Technology, Kenya, signed a memorandum "
           "of understanding on joint research.",
     {"org:northern-plains-university", "org:lakeside-institute-of-technology"}),
    ("es", "La Universidad Técnica de Valverde firmó un convenio de cooperación académica con la Universidad "
           "Nacional de Olmos, Paraguay.",
     {"org:universidad-tecnica-de-valverde", "org:universidad-nacional-de-olmos"}),
    ("ar", "وقعت جامعة النخيل مذكرة تفاهم مع جامعة الساحل في كينيا لتبادل الطلاب.",
     {"org:university-al-nakhil", "org:university-al-sahl"}),
    ("az", "Qarabağ Dövlət Universiteti ilə Ordu Universiteti arasında əməkdaşlıq memorandumu imzalanıb.",
     {"org:qarabag-state-university", "org:ordu-university"}),
])
def test_organisations_are_the_parties_and_the_state_that_holds_one_is_not(lang, text, expected):
    assert _parties(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Kenya and Ghana signed a border agreement in Doha, brokered by Qatar.", {"KE", "GH"}),
    ("ar", "وقعت كينيا وغانا اتفاقية حدودية بوساطة قطرية.", {"KE", "GH"}),
    ("ru", "Кения и Гана подписали соглашение о границе при посредничестве Катара.", {"KE", "GH"}),
    ("fa", "کنیا و غنا در مقر وزارت امور خارجه قطر موافقت‌نامه مرزی امضا کردند.", {"KE", "GH"}),
])
def test_a_state_that_brokers_or_hosts_the_signing_is_no_party(lang, text, expected):
    assert _parties(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "The minister wrote on Facebook (owned by the Meta Platforms Company, banned there) that it was done."),
    ("ru", "Министр написала в Facebook (принадлежит компании «Мета Групп», признанной экстремистской), что всё так."),
    ("fr", "Le ministre a écrit sur Facebook (propriété de la Société Meta Plateformes) que tout était prêt."),
])
def test_an_organisation_in_a_remark_in_parentheses_is_no_party(lang, text):
    assert _orgs(text, lang) == []


def test_a_name_with_a_word_added_keeps_the_texts_slug():
    text = "وقعت جامعة النخيل الكينية مذكرة تفاهم. وقال رئيس جامعة النخيل إن المذكرة مهمة."
    slugs = {slug for _, slug in _orgs(text, "ar")}
    assert len(slugs) == 1


def test_a_states_own_name_is_no_organisation():
    assert _orgs("The Russian Federation and the Football Federation of Kenya met.", "en") == [
        ("Football Federation of Kenya", "org:football-federation-of-kenya")]


def test_a_description_takes_the_slug_of_the_name_it_describes():
    text = "אוניברסיטת גלבוע ומכון מחקר מקניה חתמו על הסכם. מכון המחקר NOVA שבקניה חתם על ההסכם."
    found = _orgs(text, "he")
    assert {slug for _, slug in found} == {"org:university-gelvo", "org:institute-research-nova"}


def test_every_case_of_a_genitive_first_name_gives_one_slug():
    erg = _orgs("თელავის მუნიციპალიტეტმა ხელშეკრულება გააფორმა.", "ka")
    dat = _orgs("შეხვედრა გაიმართა ბათუმის მუნიციპალიტეტში, სადაც თელავის მუნიციპალიტეტს წარმოადგენდნენ.", "ka")
    assert erg[0][1] == "org:telavi-municipality" and ("თელავის მუნიციპალიტეტს", "org:telavi-municipality") in dat


@pytest.mark.parametrize("lang, text, name, slug", [
    ("en", "The deal was signed with Lakeside Water Works (LWW) on Monday.", "Lakeside Water Works (LWW)",
     "org:lakeside-water-works"),
    ("es", "Lo firmó Aguas del Valle Central (AVC) en Lima.", "Aguas del Valle Central (AVC)",
     "org:aguas-del-valle-central"),
    ("fr", "Il a été signé par Énergies du Fleuve Bleu (EFB).", "Énergies du Fleuve Bleu (EFB)", None),
])
def test_a_name_the_text_gives_an_acronym_of_is_an_organisation(lang, text, name, slug):
    found = _orgs(text, lang)
    assert found and found[0][0] == name
    if slug:
        assert found[0][1] == slug


@pytest.mark.parametrize("lang, text", [
    ("en", "It was signed with the Kenya Water Authority (KWA)."),  # a state and a body noun: a state body
    ("en", "Kenya and Ghana signed it at the Lakeside Conference Centre (LCC)."),  # the venue
    ("en", "Kenya and Ghana signed it in the University of Accra."),  # the venue
    ("ar", "وقعت كينيا وغانا الاتفاقية في جامعة الساحل."),  # the venue
    ("he", "קניה וגאנה חתמו על ההסכם באוניברסיטת גלבוע."),  # the venue
])
def test_a_state_body_or_the_venue_is_no_organisation(lang, text):
    assert _orgs(text, lang) == []


@pytest.mark.parametrize("lang, text, name, slug", [
    ("tr", "Selvatek ise Endonezyalı Nusantek şirketiyle fabrika kuracak.", "Nusantek şirketiyle",
     "org:nusantek"),
    ("az", "Qazaxıstanın Kazmunay şirkəti ilə saziş imzalanıb.", "Kazmunay şirkəti", "org:kazmunay"),
    ("ru", "Казахстанская компания «Казмунай» подписала соглашение.", "Казмунай", "org:kazmunay"),
])
def test_a_company_and_its_descriptor(lang, text, name, slug):
    """A genitive-first language names a company before its small-letter descriptor (X şirketi);
    the country before it is where it is. Russian puts the descriptor first."""
    assert _orgs(text, lang) == [(name, slug)]


@pytest.mark.parametrize("lang, text, parties", [
    ("en", "In Astana the Kazakh company Kazmunay and the French company Orano signed an agreement.",
     {"org:kazmunay", "org:orano"}),
    ("ru", "В Астане казахстанская компания «Казмунай» и французская компания Orano подписали соглашение.",
     {"org:kazmunay", "org:orano"}),
    ("tr", "Ankara'da Kazak Kazmunay şirketi ile Fransız Orano şirketi bir anlaşma imzaladı.",
     {"org:kazmunay", "org:orano"}),
])
def test_a_company_country_is_no_party(lang, text, parties):
    """The state that says where a company is ("the French company X", "Fransız X şirketi") is no
    party beside it, and a name after a small-letter descriptor ends at "and" ("and the French ...")."""
    assert _parties(text, lang) == parties


@pytest.mark.parametrize("lang, text, parties", [
    ("it", "Ad Astana la compagnia kazaka Kazmunay e la compagnia francese Orano hanno firmato un accordo.",
     {"org:kazmunay", "org:orano"}),
    ("es", "En Astaná la empresa kazaja Kazmunay y la empresa francesa Orano firmaron un acuerdo.",
     {"org:kazmunay", "org:orano"}),
    ("pt", "Em Astana, a empresa cazaque Kazmunay e a empresa francesa Orano assinaram um acordo.",
     {"org:kazmunay", "org:orano"}),
    ("it", "L'accordo è stato firmato con la compagnia nazionale Orano.", {"org:orano"}),
])
def test_adjectives_after_a_small_letter_descriptor(lang, text, parties):
    """Where adjectives follow the noun (la compagnia francese X, la empresa nacional X), the name
    comes after the descriptor and its describing words; the demonym is where the company is."""
    assert _parties(text, lang) == parties


@pytest.mark.parametrize("lang, text, parties", [
    ("it", "L'italiana Maresol e l'algerina Petrosud hanno firmato un contratto.", {"org:maresol", "org:petrosud"}),
    ("pt", "A portuguesa Marelusa e a angolana Petrosul assinaram um contrato.", {"org:marelusa", "org:petrosul"}),
    ("es", "La española Marisol y la argelina Petrosud firmaron un contrato.", {"org:marisol", "org:petrosud"}),
    ("it", "Il ministro italiano Marco Rossi e il russo Ivanov hanno firmato un accordo.", {"IT", "RU"}),
])
def test_a_company_named_by_its_country_adjective(lang, text, parties):
    """"L'algerina X", "a angolana X": the company is understood and its country says where it is;
    a masculine demonym ("il russo X") names a person, whose state is a party."""
    assert _parties(text, lang) == parties


def test_a_company_named_only_as_what_its_chief_executive_heads():
    def found(text, lang):
        hits = matcher(lang).find(fold(text))
        return [h.value for h in hits if h.kind == "party" and str(h.value).startswith("org:")]

    assert found("The CEO of Acme Robotics Jane Miller signed.", "en") == ["org:acme-robotics"]
    assert found("Le PDG de Solvéa, Jean Morel, a signé.", "fr") == ["org:solvea"]
    # a state after the office is no company; nor is a bare name with no room for the person's
    assert found("The CEO of Kenya Grace Wanjiru signed.", "en") == []
    assert found("The CEO of Jane Miller signed.", "en") == []
