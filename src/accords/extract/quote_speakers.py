"""Who said each quotation.

The speaker is the person named in the lead-in that ends with a colon (`Prime Minister Benjamin
Okoro:` on the line before, `... Dana Levi said :`), or next to a quote verb right after the
quotation (`," Aliyev said.`, `», dijo Fuentes`: a name no title introduced too), or, for a
pronoun (`a-t-il poursuivi`, `he added`), the speaker of the previous quotation.
"""

from __future__ import annotations

from accords.extract.annotate import Doc
from accords.extract.people import PersonMention, find_people, name_by_verb
from accords.model import EventMention, Quote
from accords.names import same_name
from accords.text.matcher import Hit

_LEAD_IN = 300   # characters before a quotation where its lead-in may stand
_TAIL = 90       # characters after a quotation where its attribution may stand


def _last_person(people: list[PersonMention], start: int, end: int) -> PersonMention | None:
    inside = [p for p in people if start <= p.start and p.end <= end]
    return inside[-1] if inside else None


def _lead_in(doc: Doc, q_start: int) -> tuple[int, int] | None:
    """The text before a quotation when it introduces it (ends with a colon or a quote verb)."""
    lo = max(0, q_start - _LEAD_IN)
    before = doc.text[lo:q_start]
    stripped = before.rstrip()
    if stripped.endswith((":", "：")):
        end = lo + len(stripped)
        line_start = doc.text.rfind("\n", 0, end - 1) + 1
        return max(line_start, lo), end
    sent_start = doc.text.rfind("\n", lo, q_start) + 1 if "\n" in before else lo
    verbs = doc.hits_in(max(sent_start, lo), q_start, "quote_verb")
    if verbs:
        return (max(sent_start, lo), q_start)
    return None


def _named_by_verb(doc: Doc, verb: Hit, people: list[PersonMention]) -> PersonMention | None:
    """"X said" after a quotation, X named by no title: X, under the full name the text gives
    them elsewhere when it does ("Okoro" for President Samuel Okoro)."""
    got = name_by_verb(doc, verb)
    if got is None:
        return None
    full = next((p for p in people if p.rule != "known-name" and same_name(p.name, got.name)), None)
    return full or got


def _tail(doc: Doc, q_end: int) -> tuple[int, int]:
    end = min(len(doc.text), q_end + _TAIL)
    nl = doc.text.find("\n", q_end)
    if nl != -1:
        end = min(end, nl)
    return q_end, end


def attach_quotes(doc: Doc, events: list[EventMention]) -> None:
    """Add every quotation of the document, with its speaker, to the document's main event."""
    if not events or not doc.quotes:
        return
    people = find_people(doc)
    previous: PersonMention | None = None
    for a, b in doc.quotes:
        speaker = None
        lead = _lead_in(doc, a)
        if lead:
            speaker = _last_person(people, *lead)
        if speaker is None:
            t0, t1 = _tail(doc, b)
            verbs = doc.hits_in(t0, t1, "quote_verb")
            if verbs:
                speaker = _last_person(people, t0, t1) or _named_by_verb(doc, verbs[0], people) or previous
        if speaker is not None:
            previous = speaker
        events[0].quotes.append(Quote(speaker.name if speaker else None,
                                      (speaker.start, speaker.end) if speaker else None, a, b))
