"""States named as a broker or a host of a signing, not as a party to it.

"brokered by the US", "بوساطة قطرية", "при посредничестве Турции", "at the headquarters of the
Egyptian foreign ministry", "به میزبانی مصر": a state after one of the pack's `host_cues`
(parties.yaml), in the same phrase, helps the parties sign; it does not sign. Each such state
mention gets a `not_party` hit over its exact span, which hides its party hit (extract/annotate
resolves the party layer so). A state named elsewhere as a party is still one there.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from accords.text.matcher import Hit

_REACH = 60  # characters a cue's phrase runs on
_PHRASE_END = regex.compile(r"[.;:!?؟،؛]|,\s|\n\s*\n")  # a single line break is the page's, not the text's


def host_hits(text: str, hits: Sequence[Hit]) -> list[Hit]:
    """`not_party` hits over the states each host or broker cue names."""
    cues = [h for h in hits if h.kind == "host_cue"]
    if not cues:
        return []
    parties = [h for h in hits if h.kind == "party" and not str(h.value).startswith("org:")]
    out: list[Hit] = []
    for cue in cues:
        stop = _PHRASE_END.search(text[cue.end : cue.end + _REACH])
        end = cue.end + (stop.start() if stop else _REACH)
        out.extend(Hit("not_party", None, p.start, p.end, p.fstart, p.fend, p.phrase)
                   for p in parties if cue.end <= p.start and p.end <= end)
    return out
