"""Lookalike letters fold together, so a spoofed or mistyped name still matches, and spans still
point at the text as written."""

from __future__ import annotations

import pytest

from accords.text.normalize import fold, fold_str


@pytest.mark.parametrize("spoofed, plain", [
    ("J\u0430pan", "Japan"),  # Cyrillic а
    ("\u041aenya", "Kenya"),  # Cyrillic К
    ("M\u043eros\u0441o", "Morosco"),
    ("\u0421hile", "Chile"),  # Cyrillic С
    ("\u0399taly", "Italy"),  # Greek Ι
    ("T\u03bfkyo", "Tokyo"),  # Greek ο
    ("P\u043eland", "Poland"),
])
def test_cyrillic_or_greek_inside_a_latin_word(spoofed, plain):
    assert fold_str(spoofed) == fold_str(plain)


@pytest.mark.parametrize("spoofed, plain", [
    ("Мoсква", "Москва"),  # Latin o inside Cyrillic
    ("Рoссия", "Россия"),
    ("Кaзахстан", "Казахстан"),  # Latin a
])
def test_latin_inside_a_cyrillic_word(spoofed, plain):
    assert fold_str(spoofed) == fold_str(plain)


def test_case_folding_still_holds_for_cyrillic_and_greek():
    assert fold_str("МОСКВА") == fold_str("москва")
    assert fold_str("ΑΘΗΝΑ") == fold_str("αθηνα")
    assert fold_str("Ёлка") == fold_str("елка")  # ё still folds to Cyrillic е


def test_spans_point_at_the_spoofed_word():
    text = "Talks with J\u0430pan ended."
    f = fold(text)
    i = f.text.index("japan")
    start, end = f.span(i, i + 5)
    assert text[start:end] == "J\u0430pan"
