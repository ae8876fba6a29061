from accords.text.segment import paragraphs, sentences


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "The Head, Brig. Gen. (Res.) Erez Askal, signed. US Vice President J.D. Vance came."
    got = [text[s.start:s.end] for s in sentences(text, ["brig", "gen", "res"])]
    assert got == ["The Head, Brig. Gen. (Res.) Erez Askal, signed.", "US Vice President J.D. Vance came."]


def test_arabic_question_mark_and_lines():
    text = "هل وقعت؟ نعم\nسطر ثان"
    assert [text[s.start:s.end] for s in sentences(text)] == ["هل وقعت؟", "نعم", "سطر ثان"]


def test_paragraphs_are_trimmed_non_blank_lines():
    text = "  one  \n\n two\n"
    assert [text[p.start:p.end] for p in paragraphs(text)] == ["one", "two"]
