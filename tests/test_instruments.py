"""Instruments as the press names them: exchanges of notes, contracts, declarations of intent (issue 10)."""

from __future__ import annotations

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
])
def test_the_instrument_is_the_one_the_text_names(lang, text, instrument):
    events = extract(text, lang, None)
    assert events and events[0].instrument and events[0].instrument.value == instrument
