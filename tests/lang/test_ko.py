"""Korean: what the pack's examples cannot check (they look at the first event only)."""

from __future__ import annotations

from accords.extract import extract
from accords.extract.annotate import annotate
from accords.extract.people import find_people


def test_instruments_joined_by_a_particle_are_two_signings():
    text = "한국과 베트남은 원자력 협력 양해각서와 핵심광물 공급망 협력 양해각서에 서명했다."
    events = extract(text, "ko", None)
    assert [e.instrument.value for e in events] == ["memorandum_of_understanding"] * 2


def test_comma_list_without_a_joining_word_stays_one_signing():
    text = "한국과 우즈베키스탄은 보건 협력 양해각서, 교육 협력 약정에 서명했다."
    assert len(extract(text, "ko", None)) == 1


def test_name_before_its_office_and_after_it():
    doc = annotate("박서연 산업통상자원부 장관과 베트남 산업무역부 장관 응우옌반탄은 회담했다.", "ko")
    people = {(p.name, p.party, p.rule) for p in find_people(doc)}
    assert ("박서연", "KR", "name-title") in people
    assert ("응우옌반탄은", "VN", "title-name") in people


def test_no_name_after_a_title_that_carries_a_particle():
    doc = annotate("박서연 장관은 원전 협력 방안을 설명했다.", "ko")
    assert [p.name for p in find_people(doc)] == ["박서연"]
