"""States named as a broker or a host of a signing, or as where a city is, not as a party to it.

"brokered by the US", "بوساطة قطرية", "при посредничестве Турции", "at the headquarters of the
Egyptian foreign ministry", "به میزبانی مصر": a state after one of the pack's `host_cues`
(parties.yaml), in the same phrase, or right before one that follows it (`host_cues_after`:
"Qatar-brokered", "при турецком посредничестве", "Katar'ın arabuluculuğunda"), helps the
parties sign; it does not sign. Each such state
mention gets a `not_party` hit over its exact span, which hides its party hit (extract/annotate
resolves the party layer so). A state named elsewhere as a party is still one there.

A state right beside a city word (`city_words`: "the Polish city of X", "польский город X",
"პოლონეთის ქალაქ X", "la ville polonaise de X") says where a city is: where two organisations
(the cities' municipalities) sign, it is no party beside them (extract/event_parties.drop_city_states).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import regex

from accords.text.matcher import Hit
from accords.text.normalize import fold_str

_REACH = 60  # characters a cue's phrase runs on
_PHRASE_END = regex.compile(r"[.;:!?؟،؛]|,\s|\n\s*\n")  # a single line break is the page's, not the text's


def host_hits(text: str, hits: Sequence[Hit]) -> list[Hit]:
    """`not_party` hits over the states each host or broker cue names."""
    cues = [h for h in hits if h.kind == "host_cue"]
    after = [h for h in hits if h.kind == "host_cue_after"]
    if not cues and not after:
        return []
    parties = [h for h in hits if h.kind == "party" and not str(h.value).startswith("org:")]
    # "Qatar-brokered", "US mediation", "при турецком посредничестве", "Katar'ın arabuluculuğunda":
    # the state right before a cue that follows it
    out = [Hit("not_party", None, p.start, p.end, p.fstart, p.fend, p.phrase) for p in parties
           if any(_beside(text, word_end(text, p.end), c.start, joins=" -‐") for c in after)]
    for cue in cues:
        stop = _PHRASE_END.search(text[cue.end : cue.end + _REACH])
        end = cue.end + (stop.start() if stop else _REACH)
        out.extend(Hit("not_party", None, p.start, p.end, p.fstart, p.fend, p.phrase)
                   for p in parties if cue.end <= p.start and p.end <= end)
    return out


_QUOTED_NAME = regex.compile(r"[ \t]*[\"«„“]\p{Lu}")
_NAME = regex.compile(r"[ \t]+\p{Lu}")
_WORD_BEFORE = regex.compile(r"(\w+)\s+$")


def demonym_of_name_hits(text: str, hits: Sequence[Hit], locatives: frozenset[str] = frozenset()) -> list[Hit]:
    """`not_party` hits over a demonym that qualifies a name: right before a quoted name
    ("американската „Уестингхаус“", "французская «Орано»"), it says where the company is from;
    after a locative and before a capitalised name ("в італійській Апулії", "в турецком Стамбуле"),
    where the place is. A demonym is a state word written in small letters, in a script that has
    capitals; `locatives` are the pack's, folded."""
    out = []
    for p in hits:
        if p.kind != "party" or str(p.value).startswith("org:") or not text[p.start:p.start + 1].islower():
            continue
        end = word_end(text, p.end)
        before = _WORD_BEFORE.search(text, max(0, p.start - 12), p.start)
        if _QUOTED_NAME.match(text, end) or _NAME.match(text, end) and before \
                and fold_str(before.group(1)) in locatives:
            out.append(Hit("not_party", None, p.start, p.end, p.fstart, p.fend, p.phrase))
    return out


_BESIDE = 2  # characters between a state and the city word it qualifies (a space)


def beside_city_word(text: str, hits: Sequence[Hit], party: Hit | tuple[int, int]) -> bool:
    """A state mention right before or after a city word ("the Polish city of X", "польский
    город X", "პოლონეთის ქალაქ X", "la ville polonaise de X"): it says where a city is."""
    start, end = (party.start, party.end) if isinstance(party, Hit) else party
    return any(_beside(text, word_end(text, end), c.start) or _beside(text, word_end(text, c.end), start)
               for c in hits if c.kind == "city_word")


def word_end(text: str, pos: int) -> int:
    """The end of the word a hit ends in (a stem's hit: польск|ий, პოლონეთ|ის), with a case
    ending after an apostrophe (Katar|'ın)."""
    while pos < len(text) and (text[pos].isalnum() or unicodedata.category(text[pos]).startswith("M")
                               or text[pos] in "'’" and pos + 1 < len(text) and text[pos + 1].isalpha()):
        pos += 1
    return pos


def _beside(text: str, a: int, b: int, joins: str = " ") -> bool:
    return 0 <= b - a <= _BESIDE and not text[a:b].strip(joins)
