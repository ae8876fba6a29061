"""Instruments as the press names them: exchanges of notes, contracts, declarations of intent (issue 10)."""

from __future__ import annotations

import datetime as dt

import pytest

from accords.extract import extract


@pytest.mark.parametrize("lang, text, instrument", [
    ("en", "Kenya and Ghana signed an exchange of notes on a grant for rural roads.", "other"),
    ("en", "Kenya and Ghana signed a contract for the supply of grain.", "agreement"),
    ("en", "Kenya and Ghana signed a joint declaration of intent on green hydrogen.", "letter_of_intent"),
    ("fr", "Le Kenya et le Ghana ont signé un échange de notes sur une subvention.", "other"),
    ("fr", "Le Kenya et le Ghana ont signé un contrat de fourniture de céréales.", "agreement"),
    ("es", "Kenia y Ghana firmaron un canje de notas sobre una donación.", "other"),
    ("es", "Kenia y Ghana firmaron un contrato de suministro de cereales.", "agreement"),
    ("ru", "Кения и Гана подписали контракт на поставку зерна.", "agreement"),
    ("he", "קניה וגאנה חתמו על הצהרת כוונות בתחום המים.", "letter_of_intent"),
    ("en", "Kenya and Ghana signed the executive programme of their cultural agreement.", "other"),
    ("ar", "وقعت كينيا وغانا البرنامج التنفيذي للتعاون الثقافي.", "other"),
    ("fr", "Le Kenya et le Ghana ont signé un avenant à leur accord aérien.", "protocol"),
    ("es", "Kenia y Ghana firmaron una adenda a su convenio aéreo.", "protocol"),
])
def test_the_instrument_is_the_one_the_text_names(lang, text, instrument):
    events = extract(text, lang, None)
    assert events and events[0].instrument and events[0].instrument.value == instrument


@pytest.mark.parametrize("lang, text, word, name", [
    ("en", "Kenya and Ghana signed the Comprehensive Water and Power Partnership Agreement on Friday.", "Agreement",
     "Comprehensive Water and Power Partnership Agreement"),
    ("en", "Both sides recalled the Lagos Agreement.", "Agreement", "Lagos Agreement"),
    ("es", "Kenia y Ghana firmaron el Tratado de Amistad y Buena Vecindad en Accra.", "Tratado",
     "Tratado de Amistad y Buena Vecindad"),
    ("fr", "Le Kenya et le Ghana ont signé la Charte de la Coopération Fluviale hier.", "Charte",
     "Charte de la Coopération Fluviale"),
    ("de", "Kenia und Ghana unterzeichneten das Abkommen über Handel.", "Abkommen", None),  # a noun, not a name
    ("en", "Kenya, Ghana Sign Water Agreement In Accra\nThe two sides signed it.", "Agreement", None),  # a headline
    ("en", "Kenya and Ghana signed an agreement on water.", "agreement", None),
])
def test_the_instrument_keeps_the_name_the_text_gives_it(lang, text, word, name):
    from accords.lang.pack import load
    from accords.names import proper_name_around

    start = text.index(word)
    connectors = frozenset(str(c).lower() for c in load(lang).get("parties.yaml", "org_connectors"))
    assert proper_name_around(text, start, start + len(word), connectors) == name


def test_a_record_title_gives_the_instrument_its_own_name():
    from accords.record import Stmt, build_record

    text = "Kenya and Ghana signed the Lakes Strategic Partnership Agreement in Nairobi."
    start = text.index("Agreement")
    stmts = [Stmt("m1", "s1", "en", "instrument", "agreement", start, start + 9, "instrument-word"),
             Stmt("m1", "s1", "en", "party", "KE", 0, 5, "party"),
             Stmt("m1", "s1", "en", "party", "GH", 10, 15, "party")]
    source = {"id": "s1", "origin": "x.txt", "url": None, "lang": "en", "outlet": None, "published": None,
              "title": None, "text": text}
    rec = build_record("agr-1", stmts, {"s1": source})
    assert rec["title"].startswith("Lakes Strategic Partnership Agreement between Kenya and Ghana")


# r2inst: which instrument a signing is when its sentences name several
@pytest.mark.parametrize("lang, text, instrument", [
    # a headline's short word yields to the body's signing sentence
    ("en", "Kenya, Ghana ink deal on roads\nKenya and Ghana signed a protocol on road transport in Accra.", "protocol"),
    ("fr", "Le Ghana et le Togo scellent un traité\nLe Ghana et le Togo ont signé un accord de pêche.", "agreement"),
    ("ru", "Россия и Кения заключили договор\nРоссия и Кения подписали соглашение о торговле.", "agreement"),
    # a headline alone still names it, and a body naming only "the document" does not outvote it
    ("en", "Kenya, Ghana sign memorandum on water\nThe document was signed by the two ministers of Kenya and Ghana.",
     "memorandum_of_understanding"),
    # the first specific type wins over "agreement", in a later sentence of the same signing
    ("en", "Kenya and Ghana signed two agreements. The ministers signed a protocol on customs.", "protocol"),
    ("es", "Chile y Perú firmaron varios acuerdos. Los ministros firmaron un protocolo sobre aduanas.", "protocol"),
    # documents, and the list that names them
    ("fr", "Le Ghana et le Togo ont signé plusieurs documents : un mémorandum sur la santé et un accord commercial.",
     "memorandum_of_understanding"),
    ("ru", "Россия и Кения подписали пакет документов.", "other"),
])
def test_the_signing_is_the_instrument_its_body_names(lang, text, instrument):
    events = extract(text, lang, None)
    assert events and events[0].instrument and events[0].instrument.value == instrument


def test_documents_of_no_named_type_are_other_with_the_word_as_evidence():
    text = "Kenya and Ghana signed several documents in Nairobi."
    ev = extract(text, "en", None)[0]
    assert ev.instrument.value == "other" and ev.instrument.evidence(text) == "documents"
    assert ev.instrument.rule == "instrument-documents"


def test_an_earlier_agreement_next_to_the_documents_does_not_name_them():
    text = ("Kenya and Ghana signed several documents in Nairobi. "
            "We recall that Kenya and Ghana signed a treaty on borders in 2010.")
    ev = extract(text, "en", dt.date(2025, 3, 1))[0]
    assert ev.instrument.value == "other"


@pytest.mark.parametrize("text, index, title", [
    ("Kenya, Ghana sign pact\nKenya and Ghana signed an MoU.", 0, True),
    ("Kenya, Ghana sign pact\nKenya and Ghana signed an MoU.", 1, False),
    ("Kenya and Ghana signed an MoU on water. Kenya, Ghana sign pact", 1, False),  # not a line of its own
])
def test_a_title_line_is_a_line_of_its_own_without_a_full_stop(text, index, title):
    from accords.extract.annotate import annotate
    from accords.extract.clauses import find_clauses
    from accords.extract.signings import _title_line

    doc = annotate(text, "en")
    clauses = find_clauses(doc)
    assert len(clauses) == 2 and _title_line(doc, clauses[index]) is title


@pytest.mark.parametrize("lang, text, instrument", [
    ("en", "Kenya, Ghana sign treaty\nKenya and Ghana signed a memorandum of understanding on water in Accra.",
     "memorandum_of_understanding"),
    ("es", "Chile y Perú firman un tratado\nChile y Perú firmaron un memorando de entendimiento sobre pesca.",
     "memorandum_of_understanding"),
    ("ru", "Россия и Кения подписали договор\nРоссия и Кения подписали меморандум о сотрудничестве в энергетике.",
     "memorandum_of_understanding"),
])
def test_a_headline_names_the_signing_the_body_tells_not_another(lang, text, instrument):
    events = extract(text, lang, None)
    assert [e.instrument.value for e in events] == [instrument]


def test_a_headline_alone_still_tells_its_signing():
    events = extract("Kenya, Ghana sign water pact\nThe two ministers met in Accra on Monday.", "en", None)
    assert [e.instrument.value for e in events] == ["agreement"]
    assert {p.value for p in events[0].parties} == {"KE", "GH"}


@pytest.mark.parametrize("text, instrument", [
    # the year of an earlier memorandum the clause recalls is not the clause's own time
    ("Kenya and Ghana signed three agreements. They also signed a memorandum on aviation that replaces "
     "the memorandum signed in 2013.", "memorandum_of_understanding"),
    # a full date is the signing's own day, not another time
    ("Kenya and Ghana signed three agreements. On 3 May 2024 the ministers signed a protocol on customs.",
     "protocol"),
    # a bare earlier year: the clause may tell of another time, and names no type over the first
    ("Kenya and Ghana signed three agreements. Back in 2013 the presidents signed a memorandum on aviation.",
     "agreement"),
])
def test_a_clause_of_another_year_names_no_type_over_the_signing(text, instrument):
    events = extract(text, "en", dt.date(2024, 5, 4))
    assert events[0].instrument.value == instrument
