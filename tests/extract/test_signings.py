"""How an article is cut into signings (extract/signings.py): a list of instruments exchanged at
one ceremony is one event per instrument, sharing the ceremony's date, place and witnesses; a
batch given as a number stays one event. Sentences written for these tests; names invented."""

from __future__ import annotations

import datetime as dt

import pytest

from accords.extract import extract


def _kinds(events):
    return [e.instrument.value if e.instrument else None for e in events]


LISTS = [
    pytest.param("en", "Kenya and Ghana signed an agreement on energy, a memorandum of understanding on health "
                 "and a protocol on customs in Nairobi on 3 May 2025.",
                 ["agreement", "memorandum_of_understanding", "protocol"], id="en-three-items"),
    pytest.param("fr", "Le Maroc et le Sénégal ont signé le 3 mai 2025 à Dakar un accord sur l'énergie, "
                 "un mémorandum d'entente sur la santé et un protocole sur l'éducation.",
                 ["agreement", "memorandum_of_understanding", "protocol"], id="fr-three-items"),
    pytest.param("ar", "وقعت مصر والأردن يوم 3 مايو 2025 في عمان اتفاقية للتعاون في مجال الطاقة، "
                 "ومذكرة تفاهم في مجال الصحة.",
                 ["agreement", "memorandum_of_understanding"], id="ar-prefixed-and"),
    pytest.param("he", "ישראל והודו חתמו ב-3 במאי 2025 על הסכם בתחום האנרגיה ועל מזכר הבנות בתחום החקלאות.",
                 ["agreement", "memorandum_of_understanding"], id="he-prefixed-and"),
    pytest.param("ru", "Россия и Индия 3 мая 2025 года подписали соглашение о сотрудничестве в области энергетики "
                 "и меморандум о взаимопонимании в области здравоохранения.",
                 ["agreement", "memorandum_of_understanding"], id="ru-two-items"),
    pytest.param("tr", "Türkiye ve Azerbaycan 3 Mayıs 2025 tarihinde enerji alanında bir anlaşma ve sağlık "
                 "alanında bir mutabakat zaptı imzaladı.",
                 ["agreement", "memorandum_of_understanding"], id="tr-verb-final"),
    pytest.param("ru", "Россия и Индия 3 мая 2025 года подписали соглашение о сотрудничестве в области энергетики, "
                 "а также меморандум о взаимопонимании в области здравоохранения.",
                 ["agreement", "memorandum_of_understanding"], id="ru-a-takzhe"),
    pytest.param("de", "Deutschland und Indien unterzeichneten am 3. Mai 2025 ein Abkommen über Energie sowie eine "
                 "Absichtserklärung über Gesundheit.", ["agreement", "letter_of_intent"], id="de-sowie"),
]


@pytest.mark.issue(10)
@pytest.mark.parametrize("lang, text, kinds", LISTS)
def test_a_list_of_instruments_is_one_event_each_sharing_the_ceremony(lang, text, kinds):
    events = extract(text, lang, dt.date(2025, 5, 4))
    assert _kinds(events) == kinds
    assert len({frozenset(p.value for p in e.parties) for e in events}) == 1
    assert {e.date_signed.value if e.date_signed else None for e in events} == {"2025-05-03"}


SEPARATE = [
    pytest.param("ru", "Россия и Индия подписали соглашение о сотрудничестве в области энергетики. Отдельный "
                 "меморандум подписали министр здравоохранения России Иван Петров и министр здравоохранения "
                 "Индии Рави Шарма.", ["Иван Петров", "Рави Шарма"], id="ru-otdelnyi"),
    pytest.param("en", "Kenya and Ghana signed an agreement on energy. In a separate signing, a memorandum of "
                 "understanding was signed by Kenya's Minister of Health John Otieno and Ghana's Minister of "
                 "Health Kofi Mensah.", ["John Otieno", "Kofi Mensah"], id="en-separate"),
    pytest.param("de", "Deutschland und Indien unterzeichneten ein Abkommen über Energie. Eine weitere "
                 "Absichtserklärung unterzeichneten die Bildungsministerin Deutschlands Anna Weber und der "
                 "indische Bildungsminister Ravi Kumar.", ["Anna Weber", "Ravi Kumar"], id="de-weitere"),
    pytest.param("fr", "La France et l'Angola ont signé un accord sur l'énergie. Un autre protocole a été signé "
                 "par le ministre angolais de la Santé, Pedro Neto, et le ministre français de la Santé, Paul Morel.",
                 ["Pedro Neto", "Paul Morel"], id="fr-autre"),
]


@pytest.mark.issue(10)
@pytest.mark.parametrize("lang, text, signers", SEPARATE)
def test_an_instrument_called_separate_is_a_signing_with_its_own_signatories(lang, text, signers):
    events = extract(text, lang)
    assert len(events) == 2
    assert events[0].signatories == []
    names = [p.name.value for p in events[1].signatories]
    assert all(any(s in n or n in s for n in names) for s in signers), names


ONE = [
    pytest.param("en", "Kenya and Ghana signed 12 agreements during the visit.", id="en-number"),
    pytest.param("en", "Kenya and Ghana signed agreements and memoranda of understanding.", id="en-no-subjects"),
    pytest.param("ru", "Россия и Вьетнам подписали 15 соглашений и меморандумов.", id="ru-number"),
    pytest.param("fr", "Le Maroc et la France ont signé vingt-deux accords.", id="fr-number"),
    pytest.param("en", "Kenya and Ghana signed a memorandum of understanding on energy. The declaration was signed "
                 "by Kenya's Minister of Energy John Otieno.", id="en-named-again"),
    pytest.param("en", "Kenya and Ghana signed a protocol amending the agreement on air services.", id="en-amending"),
    pytest.param("en", "Kenya and Ghana signed a memorandum of understanding on artificial intelligence, the first "
                 "agreement of its kind in Africa.", id="en-apposition"),
    pytest.param("fr", "Le Maroc et la France ont signé un accord sur l'énergie, le premier mémorandum de ce type.",
                 id="fr-apposition"),
    pytest.param("es", "España y Marruecos firmaron un memorando de entendimiento sobre energía, el primer acuerdo de "
                 "este tipo.", id="es-apposition"),
]


@pytest.mark.issue(10)
@pytest.mark.parametrize("lang, text", ONE)
def test_a_batch_or_one_instrument_named_twice_stays_one_event(lang, text):
    assert len(extract(text, lang)) == 1


def test_the_ceremony_shares_its_witnesses():
    events = extract("In the presence of President Maria Lopes, Portugal and Angola signed an agreement on "
                     "energy and a protocol on health.", "en")
    assert _kinds(events) == ["agreement", "protocol"]
    assert all([p.name.value for p in e.present] == ["Maria Lopes"] for e in events)


def test_each_item_keeps_its_own_signatories_out_of_the_others():
    events = extract("Portugal and Angola signed an agreement on energy, signed by Minister of Energy Paulo Reis, "
                     "and a protocol on health, signed by Minister of Health Ana Silva.", "en")
    assert [[p.name.value for p in e.signatories] for e in events] == [["Paulo Reis"], ["Ana Silva"]]


@pytest.mark.issue(10)
@pytest.mark.parametrize("lang, text, kinds", [
    pytest.param("en", "Kenya and Ghana signed a series of agreements on Monday. Among the documents signed were a "
                 "protocol on customs; a memorandum of understanding on health; and an agreement on transport.",
                 ["protocol", "memorandum_of_understanding", "agreement"], id="en"),
    pytest.param("he", "ישראל והודו חתמו על שורה של הסכמים. בין המסמכים שנחתמו: פרוטוקול בתחום המכס; "
                 "מזכר הבנות בתחום הבריאות; והסכם בתחום התחבורה.",
                 ["protocol", "memorandum_of_understanding", "agreement"], id="he"),
    pytest.param("ar", "وقّع الوزيران خارطة طريق للتعاون بين المغرب وتونس، إلى جانب اتفاقية في مجال الطاقة.",
                 ["other", "agreement"], id="ar"),
])
def test_the_items_of_a_list_after_a_batch_name_their_own_instrument_and_share_the_parties(lang, text, kinds):
    events = extract(text, lang)
    assert _kinds(events) == kinds
    assert all(len(e.parties) == 2 for e in events)
    assert len({frozenset(p.value for p in e.parties) for e in events}) == 1


@pytest.mark.issue(10)
@pytest.mark.parametrize("lang, text", [
    pytest.param("en", "Spain and Morocco signed a protocol on customs, a memorandum on health and an agreement on "
                 "transport.", id="en"),
    pytest.param("es", "España y Marruecos firmaron un protocolo sobre aduanas, un memorando de entendimiento sobre "
                 "salud y un acuerdo sobre transporte.", id="es"),
    pytest.param("fr", "La France et le Maroc ont signé un protocole sur les douanes, un mémorandum d'entente sur la "
                 "santé et un accord sur les transports.", id="fr"),
])
def test_each_item_of_a_list_is_about_its_own_subject(lang, text):
    events = extract(text, lang)
    assert [[d.value for d in e.domains] for e in events] == [["trade_investment"], ["health"], ["transport"]]


@pytest.mark.issue(10)
@pytest.mark.parametrize("lang, text, n", [
    pytest.param("en", "Kenya and Ghana signed a memorandum of understanding on energy. The declaration on energy "
                 "cooperation was signed by Kenya's Minister of Energy John Otieno.", 1, id="en-same-subject"),
    pytest.param("en", "Kenya and Ghana signed a memorandum of understanding on energy. A protocol on health was "
                 "signed by Kenya's Minister of Health John Otieno.", 2, id="en-other-subject"),
    pytest.param("fr", "Le Maroc et la France ont signé un mémorandum d'entente sur l'énergie. Le protocole sur "
                 "l'énergie a été signé par le ministre marocain de l'Énergie Karim Alaoui.", 1, id="fr-same-subject"),
    pytest.param("fr", "Le Maroc et la France ont signé un mémorandum d'entente sur l'énergie. Un protocole sur la "
                 "santé a été signé par le ministre marocain de la Santé Karim Alaoui.", 2, id="fr-other-subject"),
])
def test_another_instrument_named_later_is_another_signing_unless_its_subject_is_the_same(lang, text, n):
    events = extract(text, lang)
    assert len(events) == n
    assert events[-1].signatories
