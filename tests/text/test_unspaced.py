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
    doc = annotate("大統領の演説を聞いた。外務大臣の佐藤健太が来た。", "ja")  # no honorific closes them
    assert find_people(doc) == []


def test_each_named_instrument_of_a_list_is_a_signing_a_count_is_one():
    from accords.extract import extract

    listed = extract("中国与泰国签署了铁路合作协定、农业合作谅解备忘录和教育合作意向书。", "zh")
    assert [e.instrument.value for e in listed] == ["agreement", "memorandum_of_understanding", "letter_of_intent"]
    counted = extract("马来西亚与中国签署31份涵盖交通、农业等领域的谅解备忘录、外交照会、协定及意向书。", "zh")
    assert len(counted) == 1
    ja = extract("日本とインドは、鉄道協力に関する覚書、港湾協力に関する協定及び"
                 "教育協力に関する意図表明文書に署名した。", "ja")
    assert len(ja) == 3


def test_organisations_read_back_from_their_word():
    from accords.extract import extract

    def parties(text, lang):
        return [sorted(p.value for p in e.parties) for e in extract(text, lang)]

    assert parties("清华大学与马来亚大学签署了合作备忘录。", "zh") == [
        ["org:malaiya-university", "org:qinghua-university"]]
    assert parties("中国科学院与泰国签署了科技合作协议。", "zh") == [["CN", "TH"]]  # a state body is its state
    assert parties("北京大学和新加坡国立大学签署教育合作协议。", "zh") == [
        ["org:beijing-university", "org:xinjiapoguoli-university"]]  # the state inside a name is no party
