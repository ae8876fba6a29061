"""Any text, however odd, yields valid spans and never crashes extraction."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accords.extract import extract
from accords.model import EventMention, Found
from accords.pipeline import SUPPORTED

# Text built from the words extraction reacts to, mixed with arbitrary Unicode.
WORDS = ["signed", "memorandum", "Israel", "Azerbaijan", "Minister", "President", "yesterday", "Tuesday",
         "of", "the", "and", "in", "Jerusalem", "will", "\"", "«", "»", ":", ",", ".", "\n", "(Res.)",
         "وقعت", "إسرائيل", "وأذربيجان", "مذكرة تفاهم", "وزير", "الجانب", "الأذربيجاني", "أمس", "3 فبراير 2026",
         "بحضور", "\u200f", "\u202e", "\u0651"]
texts = st.one_of(st.text(max_size=400), st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)),
                                                 max_size=80).map(" ".join))


def _founds(ev: EventMention) -> list[Found]:
    out = [f for f in (ev.instrument, ev.date_signed, ev.place, ev.trigger) if f]
    out += ev.parties + ev.domains + ev.areas + ev.instrument_words + ev.date_support
    for p in ev.signatories + ev.present:
        out += [f for f in (p.name, p.role) if f]
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from(SUPPORTED))
def test_extraction_never_crashes_and_spans_are_valid(text, lang):
    for ev in extract(text, lang, None):
        for f in _founds(ev):
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start:f.end] == f.evidence(text)
        for q in ev.quotes:
            assert 0 <= q.start < q.end <= len(text)
        for r in ev.related:
            assert 0 <= r.start <= r.end <= len(text)
