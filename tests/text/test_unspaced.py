"""Matching in scripts written without spaces (zh, ja), and their folding."""

from __future__ import annotations

from accords.extract import annotate
from accords.extract.people import find_people
from accords.text.matcher import Matcher
from accords.text.normalize import fold, fold_str
from accords.text.segment import sentences


def _m(spaced: bool) -> Matcher:
    m = Matcher(spaced=spaced)
    m.add("协定", "instrument", "agreement")
    m.add("协定书", "instrument", "protocol")
    m.add("中", "party", "CN")
    m.add("美", "party", "US")
    m.add("日", "party", "JP")
    m.add("ウクライナ", "party", "UA")
    m.add("タイ", "party", "TH")
    m.add("签署", "done", None)
    return m


def _found(m: Matcher, text: str) -> list[tuple[str, object]]:
    return [(h.kind, h.value) for h in m.find(fold(text))]


def test_unspaced_phrases_match_inside_runs_and_the_longest_wins():
    assert _found(_m(False), "两国签署协定书") == [("done", None), ("instrument", "protocol")]
    assert _found(_m(True), "两国签署协定书") == []  # spaced: a run of characters is one word


def test_one_character_party_only_in_a_pair_and_not_after_a_digit():
    m = _m(False)
    assert ("party", "CN") in _found(m, "中美签署协定") and ("party", "US") in _found(m, "中美签署协定")
    assert _found(m, "其中签署") == [("done", None)]
    assert ("party", "JP") not in _found(m, "16日美中")
    assert ("party", "JP") in _found(m, "日・ウクライナ協定")


def test_katakana_names_do_not_cut_katakana_words():
    m = _m(False)
    assert ("party", "TH") not in _found(m, "ネクタイの協定")
    assert ("party", "TH") in _found(m, "日本とタイの協定")


def test_kana_voicing_and_hangul_syllables_survive_folding():
    assert fold_str("が") != fold_str("か")
    assert fold_str("한국과") == "한국과"
    assert fold_str("２０２５ｶ") == "2025カ"


def test_sentences_end_at_ideographic_full_stop_without_space():
    text = "两国签署协定。双方表示满意。"
    assert [text[s.start:s.end] for s in sentences(text)] == ["两国签署协定。", "双方表示满意。"]


def test_names_read_around_titles_without_spaces():
    doc = annotate("外交部长赵文博与泰国总理颂猜会谈。林志远总理出席。", "zh")
    assert [p.name for p in find_people(doc) if p.rule != "known-name"] == ["赵文博", "颂猜", "林志远"]
    doc = annotate("外務大臣の佐藤健太氏と、ブディ・サントソ・インドネシア外相が署名した。", "ja")
    assert [p.name for p in find_people(doc)] == ["佐藤健太", "ブディ・サントソ"]


def test_no_name_from_a_long_run_or_a_noun_after_the_link():
    doc = annotate("大統領の訪問を歓迎した。", "ja")
    assert find_people(doc) == []
