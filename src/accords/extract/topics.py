"""Domains (what an instrument is about) and areas (the lines of cooperation it names).

A domain is read from the instrument's subject: the words after it introduced by a subject cue
("an MoU on AI", "مذكرة تفاهم في مجال الذكاء الاصطناعي"), or a domain word right before it
("energy agreement"). Words elsewhere (a minister's portfolio, "strategic partnership" in a
comment) do not make a domain. Areas are read from the sentences that say what the agreement
covers; an area never adds a domain (taxonomy.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accords.extract.annotate import Doc
from accords.model import EventMention, Found
from accords.text.normalize import fold_str

if TYPE_CHECKING:
    from accords.extract.people import PersonMention

_CLAUSE_END = ".;:!?؟।۔\n"  # । and ۔: the Hindi and Urdu full stops
# The rule of a domain read from the signing's sentences when no subject is stated: shown in the
# record, but too loose to tell two signings apart when merging (service.mention_views).
SENTENCE_DOMAIN = "domain-in-sentence"
_SUBJECT_REACH = 60  # characters between an instrument word and its subject cue


def _in_roles(pos: int, people: list[PersonMention]) -> bool:
    return any(p.role_start is not None and p.role_end is not None and p.role_start <= pos < p.role_end
               for p in people)


def _clause_end(doc: Doc, pos: int, limit: int) -> int:
    text = doc.text
    breaks = tuple(fold_str(w) + " " for w in doc.pack.get("cooperation_areas.yaml", "subject_breaks"))
    stops = [h.start for h in doc.hits_in(pos, limit, "done", "between", "between_after") if h.start > pos]
    limit = min([limit] + stops)  # verb-final languages: the subject ends where the verb stands
    for i in range(pos, limit):
        if text[i] in _CLAUSE_END:
            return i
        if text[i] in ",،" and i > pos + 1:
            # A comma ends the subject when a new clause starts after it ("..., marking a new phase").
            rest = fold_str(text[i + 1 : i + 40]).lstrip() + " "
            if rest.startswith(breaks):
                return i
    return limit


def _word_start(doc: Doc, pos: int) -> int:
    i = doc.token_index(pos + 1) - 1
    if 0 <= i < len(doc.tokens) and doc.tokens[i].start <= pos < doc.tokens[i].end:
        return doc.tokens[i].start
    return pos


def _subject_domains(doc: Doc, inst: Found, people: list[PersonMention]) -> list[Found]:
    sent = doc.sentence_of(inst.start)
    if sent is None:
        return []
    out: list[Found] = []
    cues = [h for h in doc.hits_in(inst.end, min(sent.end, inst.end + _SUBJECT_REACH), "subject_cue")]
    for cue in cues:  # each cue opens a subject up to the end of its clause
        end = _clause_end(doc, cue.end, sent.end)
        for h in doc.hits_in(cue.start, end, "domain"):  # may share a word with the cue ("en matière de santé")
            if not _in_roles(h.start, people) and not doc.in_quote(h.start):
                out.append(Found(str(h.value), h.start, h.end, "domain-subject"))
    if cues and not out:
        end = _clause_end(doc, cues[0].end, sent.end)
        if end - cues[0].end > 3 and not doc.hits_in(cues[0].end, end, "party", "area"):
            # A subject is stated but names no listed domain: "other", the subject's words as evidence.
            words = doc.text[cues[0].end:end].strip()
            s = doc.text.index(words, cues[0].end)
            out.append(Found("other", s, s + len(words), "domain-other-subject"))
    for h in doc.hits_in(inst.start, min(sent.end, inst.end + 3 + _SUBJECT_REACH), "domain"):
        inside = h.end <= inst.end  # "הסכם שלום", "peace treaty" listed as one instrument phrase
        word_start = _word_start(doc, h.start)  # the clitics of the word (للتجارة) are not a gap
        if inside or (len(doc.text[inst.end : word_start]) <= 2 and not out):  # معاهدة الشراكة
            out.append(Found(str(h.value), h.start, h.end, "domain-in-name"))
    # A subject before the instrument, tied to it by a postposition ("enerji sahəsində ... saziş").
    before = doc.hits_in(max(sent.start, inst.start - _SUBJECT_REACH), inst.start)
    cue_at = [h.start for h in before if h.kind == "subject_cue"]
    for h in before:
        if h.kind == "domain" and any(h.end <= c for c in cue_at) and not _in_roles(h.start, people):
            out.append(Found(str(h.value), h.start, h.end, "domain-before-postposition"))
    for h in doc.hits_in(max(sent.start, inst.start - 40), inst.start, "domain"):
        if not doc.text[h.end : inst.start].strip(" -") or len(doc.text[h.end : inst.start]) <= 2:
            out.append(Found(str(h.value), h.start, h.end, "domain-before-instrument"))
    return out


def _coverage_domains(doc: Doc, kinds: set[object], people: list[PersonMention]) -> list[Found]:
    """Domains listed in a sentence that says what the instrument covers ("the treaty covers energy...")."""
    out: list[Found] = []
    for sent in doc.sentences:
        hits = doc.hits_in(sent.start, sent.end)
        cover = [h for h in hits if h.kind == "coverage_cue" and not doc.in_quote(h.start)]
        names = [h for h in hits if (h.kind == "instrument" and h.value in kinds) or h.kind == "anaphora"]
        if not cover or not names:
            continue
        for h in hits:
            if h.kind == "domain" and h.start > cover[0].start and not _in_roles(h.start, people) \
                    and not doc.in_quote(h.start):
                out.append(Found(str(h.value), h.start, h.end, "domain-coverage"))
    return out


def read_domains(doc: Doc, ev: EventMention, people: list[PersonMention]) -> list[Found]:
    found: list[Found] = []
    words = list(ev.instrument_words)
    if ev.instrument is not None:  # the instrument named again elsewhere (the headline, a later mention)
        for h in doc.hits:
            if h.kind == "instrument" and h.value == ev.instrument.value and not doc.in_quote(h.start):
                words.append(Found(h.value, h.start, h.end, "instrument-word"))
    for w in words:
        for f in _subject_domains(doc, w, people):
            if f.value not in {x.value for x in found}:
                found.append(f)
    kinds = {w.value for w in words}
    for f in _coverage_domains(doc, kinds, people):
        if f.value not in {x.value for x in found}:
            found.append(f)
    if not found:
        found = _sentence_domains(doc, ev, people)
    if len(found) > 1:
        found = [f for f in found if f.value != "other"]
    return found


def _sentence_domains(doc: Doc, ev: EventMention, people: list[PersonMention]) -> list[Found]:
    """With no subject stated, the domains the signing's own sentences name ("signed a deal to
    provide scholarships", "the MoU will let hospitals buy diesel"), outside titles and quotes."""
    out: list[Found] = []
    for start, end in ev.sentences:
        for h in doc.hits_in(start, end, "domain"):
            if not _in_roles(h.start, people) and not doc.in_quote(h.start) \
                    and all(f.value != h.value for f in out):
                out.append(Found(str(h.value), h.start, h.end, SENTENCE_DOMAIN))
    return out


def read_areas(doc: Doc, ev: EventMention, people: list[PersonMention]) -> list[Found]:
    spans = set(ev.sentences)
    out: list[Found] = []
    for sent in doc.sentences:
        hits = doc.hits_in(sent.start, sent.end)
        if (sent.start, sent.end) not in spans and not any(h.kind == "content_cue" for h in hits):
            continue
        for h in hits:
            if h.kind != "area" or doc.in_quote(h.start) or _in_roles(h.start, people):
                continue
            if all(f.value != h.value for f in out):
                out.append(Found(str(h.value), h.start, h.end, "area"))
    return out


def read_topics(doc: Doc, ev: EventMention, people: list[PersonMention]) -> tuple[list[Found], list[Found]]:
    return read_domains(doc, ev, people), read_areas(doc, ev, people)
