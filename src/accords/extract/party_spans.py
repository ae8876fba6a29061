"""Parties in a span of text: which states and organisations a stretch of a sentence names.

The events stage asks this of a signing clause, of the sentences around it and of the
headline. A party is a party hit outside a quotation; a capital stands for its state when it
is coordinated with another state or capital ("Baku and Washington signed") and not where
something happens ("في عمان" is Amman, the place, not Oman). "Between X and Y" (or a
postposition, "X ile Y arasında") names the run of coordinated parties beside it, and only
that run: a state further on belongs to another phrase.
"""

from __future__ import annotations

import regex

from accords.extract.annotate import Doc
from accords.extract.people import PersonMention
from accords.lang.lexicon import capital_of
from accords.model import Found
from accords.text.matcher import Hit
from accords.text.normalize import fold_str

_PERSON_AFTER = 40  # characters from "between" to the first person it names ("between the Minister of X, A")
_PAIR_GAP = 8  # characters between two coordinated parties: " ilə ", "la ", " və ", ", "
_PHRASE_GAP = 30  # or words without a mark between them: " and the Government of "


def parties_in(doc: Doc, start: int, end: int, stop: int | None = None) -> list[Found]:
    """Party mentions in a span (cut at `stop`), capitals read as their state when they stand as one."""
    out: list[Found] = []
    limit = min(end, stop) if stop is not None else end
    cities = {(h.start, h.end): h for h in doc.hits_in(start, limit, "city")}
    for h in doc.hits_in(start, limit, "party"):
        city = cities.get((h.start, h.end))
        if city is not None and _after_locative(doc, city):
            continue  # "في عمان": Amman, the place, not Oman
        if _of_a_capital(doc, h):
            continue  # "in the Gabonese capital", "la capitale gabonaise": a place
        if not doc.in_quote(h.start):
            out.append(Found(str(h.value), h.start, h.end, "party"))
    party_spans = [(h.start, h.end) for h in doc.hits_in(start, limit, "party")]
    for h in doc.hits_in(start, limit, "city"):
        iso = capital_of().get(str(h.value))
        inside = any(a <= h.start and h.end <= b for a, b in party_spans)  # عمان in سلطنة عمان
        if iso and not inside and not doc.in_quote(h.start) and stands_as_party(doc, h):
            out.append(Found(iso, h.start, h.end, "capital-as-state"))
    return out


def parties_between(doc: Doc, start: int, end: int) -> list[Found]:
    """Parties named by "between X and Y" (or a postposition: "X ile Y arasında"): the parties, if given."""
    for h in doc.hits_in(start, end, "between", "between_after"):
        if doc.in_quote(h.start):
            continue
        found = sorted(parties_in(doc, *_between_span(doc, h, start, end)), key=lambda f: f.start)
        found = _coordinated_tail(doc.text, found) if h.kind == "between_after" else _coordinated_head(doc.text, found)
        if len({f.value for f in found}) >= 2:
            return [Found(f.value, f.start, f.end, "party-between") for f in found]
    return []


def _between_span(doc: Doc, h: Hit, start: int, end: int) -> tuple[int, int]:
    """Where the sides of a "between" stand: after it to the clause's next stop, or before a
    postposition ("X ile Y arasında")."""
    if h.kind == "between":
        return h.end, _first_stop(doc.text, h.end, min(end, h.end + 90))
    return max(start, h.start - 90), h.start


def names_people(h: Hit, people: list[PersonMention]) -> bool:
    """A "between" whose sides are people: the last one right before a postposition ("A ile B
    arasında"), or the first one soon after the preposition ("between A and B")."""
    if h.kind == "between_after":
        return any(0 <= h.start - p.end <= _PAIR_GAP for p in people)
    return any(0 <= p.start - h.end <= _PERSON_AFTER for p in people)


def _coordinated(text: str, a: Found, b: Found, reach: int = _PHRASE_GAP) -> bool:
    """Two parties of one coordination: close, or with only words between them (after a
    preposition: "between the Government of X and the Government of Y")."""
    gap = text[a.end : b.start]
    return len(gap) <= _PAIR_GAP or (len(gap) <= reach and not regex.search(r"[,;:.!?()\n«»\"]", gap))


def _coordinated_tail(text: str, found: list[Found]) -> list[Found]:
    """The parties right before a postposition "between" ("Türkiye ile Endonezya arasında"): the
    run of parties that ends there, each close to the next; a party further back belongs to
    another phrase ("rusiyalı həmkarı X Azərbaycanla Ermənistan arasında")."""
    tail = found[-1:]
    for f in reversed(found[:-1]):
        if not _coordinated(text, f, tail[0], reach=_PAIR_GAP):
            break
        tail.insert(0, f)
    return tail


def _coordinated_head(text: str, found: list[Found]) -> list[Found]:
    """The parties right after a preposition "between" ("entre Paris et Madrid au plus haut
    niveau, à un moment où le couple franco-allemand"): the run that starts there."""
    head = found[:1]
    for f in found[1:]:
        if not _coordinated(text, head[-1], f):
            break
        head.append(f)
    return head


def _first_stop(text: str, pos: int, limit: int) -> int:
    for i in range(pos, limit):
        if text[i] in ".;:\n!?؟":
            return i
    return limit


def _of_a_capital(doc: Doc, h: Hit) -> bool:
    """The party names whose capital is meant: a capital word beside it, nothing but up to two
    linking words between ("the Gabonese capital", "the capital of Gabon", "العاصمة الغابونية")."""
    links = doc.pack.folded("titles.yaml", "role_links")
    for cw in doc.hits_in(max(0, h.start - 30), h.end + 30, "capital_word"):
        lo, hi = (cw, h) if cw.end <= h.start else (h, cw)
        words = _gap_words(doc, lo, hi)
        if lo.end <= hi.start and len(words) <= 2 and all(w in links for w in words):
            return True
    return False


def stands_as_party(doc: Doc, city: Hit) -> bool:
    """"Baku and Washington signed", "Москва и Нью-Дели", "بين أبوظبي وتل أبيب": a capital
    coordinated with another state or capital, nothing but "and", a comma or a dash between them.
    Near one is not enough: "the Treaty of Asunción that founded Mercosur", a dateline
    "ASUNCIÓN (AP) —" name a place."""
    others = [h for h in doc.hits_in(max(0, city.start - 25), city.end + 25, "party", "city") if h is not city]
    return not _after_locative(doc, city) and any(_only_and(doc, city, o) for o in others)


def _only_and(doc: Doc, a: Hit, b: Hit) -> bool:
    """Nothing but "and" (a word, or a prefix on the second), commas or dashes between two hits."""
    lo, hi = (a, b) if a.end <= b.start else (b, a)
    if lo.end > hi.start:
        return False
    conj = doc.pack.folded("language.yaml", "conjunctions")
    # "وتل أبيب": the conjunction on the second is a word of the gap here
    return all(w in conj for w in _gap_words(doc, lo, hi, clitics=False))


def _gap_words(doc: Doc, lo: Hit, hi: Hit, clitics: bool = True) -> list[str]:
    """The words between two hits, commas and dashes dropped; in a spaced script, without the rest
    of the first one's word (its ending: "თბილისმა და") and, with `clitics`, of the second's
    (its prefixes: "العاصمة الأذربيجانية"). Unspaced scripts (zh, ja) keep the whole gap as a word."""
    gap = regex.sub(r"[-–/,、，]", " ", doc.folded.text[lo.fend:hi.fstart])
    words = gap.split()
    if not doc.pack.spaced:
        return words
    if words and gap[:1].isalnum():
        words = words[1:]
    if clitics and words and gap[-1:].isalnum():
        words = words[:-1]
    return words


def _after_locative(doc: Doc, h: Hit) -> bool:
    """The place follows "in", "at", "في", carries a locative prefix (بالقدس, בירושלים), or stands
    before a locative postposition (नई दिल्ली में, اسلام آباد میں)."""
    words = doc.pack.folded("places.yaml", "locatives")
    prefixes = tuple(fold_str(p) for p in doc.pack.get("places.yaml", "locative_prefixes"))
    text = doc.folded.text
    before = text[max(0, h.fstart - 16) : h.fstart]
    if before.split() and before.split()[-1] in words:
        return True
    after = text[h.fend : h.fend + 16].split()
    if after and after[0] in doc.pack.folded("places.yaml", "locatives_after"):
        return True
    # the letters between the word boundary and the hit are the word's own prefixes
    i = h.fstart
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    own = text[i : h.fstart]
    return bool(own) and any(own.startswith(p) or own.endswith(p) for p in prefixes)
