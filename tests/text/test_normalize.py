import pytest
from hypothesis import given
from hypothesis import strategies as st

from accords.text.normalize import INVISIBLE, fold, fold_str, is_word_char, light_fold


@pytest.mark.parametrize("raw, folded", [
    ("Türkiye'nin", "turkiye'nin"),
    ("إسرائيل", "اسراييل"),
    ("وُقّعت", "وقعت"),
    ("מְדִינַת", "מדינת"),
    ("אזרבייג׳ן", "אזרבייג'ן"),
    ("Azərbaycan", "azerbaycan"),
    ("Ё", "е"),
    ("a\u200fb\u200dc", "abc"),
    ("“quoted”", '"quoted"'),
])
def test_fold_forms(raw, folded):
    assert fold_str(raw) == folded


def test_span_maps_back_to_the_original_words():
    text = "وقّعت إسرائيل وأذربيجان"
    f = fold(text)
    i = f.text.index("اسراييل")
    start, end = f.span(i, i + len("اسراييل"))
    assert text[start:end] == "إسرائيل"


def test_span_keeps_trailing_marks_of_the_last_letter():
    text = "وقّع الاتفاق"
    f = fold(text)
    start, end = f.span(0, 3)
    assert text[start:end] == "وقّع"


def test_invisible_characters_do_not_split_a_name():
    text = "Ras\u200bhad Nabi\u202eyev"
    assert fold(text).text == "rashad nabiyev"


@given(st.text())
def test_every_folded_position_maps_into_the_original(text):
    f = fold(text)
    assert len(f.index) == len(f.text)
    for j in range(len(f.text)):
        start, end = f.span(j, j + 1)
        assert 0 <= start < end <= len(text)
    assert all(c not in INVISIBLE for c in f.text)


def test_devanagari_vowel_signs_are_letters_of_the_word():
    # the e-sign and anusvara are non-spacing marks, yet के "of" is not the letter क, nor पेरू "Peru" पर "on"
    assert fold_str("के") != fold_str("क")
    assert fold_str("पेरू") != fold_str("पर")
    # a spacing vowel sign (ा, category Mc) does not end a word: समझौता is one word, not समझौत + ा
    assert is_word_char("ा") and is_word_char("ि")
    # the nukta is optional in writing and the candrabindu is written as the anusvara
    assert fold_str("फ़्रांस") == fold_str("फ्रांस")
    assert fold_str("हाँ") == fold_str("हां")
    assert light_fold("में") == "में"
