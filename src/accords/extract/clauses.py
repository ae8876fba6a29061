"""Signing clauses: the sentences that report that an instrument was signed.

A clause is a sentence (outside quotations) with a completed-signing verb and an instrument
word, where no cue of a plan, wish, draft, talks or refusal stands near the verb. A clause whose
instrument comes after a cue such as "this follows the signing of" or "last month", or whose
verb is a pluperfect of background ("had signed"), reports a related, earlier agreement.

An announcement ("the two leaders announced a framework agreement") is a weaker report: it makes a
clause only in a sentence with no signing verb, with the instrument right beside the verb and
no "that" between them ("announced that they were leaving the accord" announces something else).
A joint statement is the medium of an announcement, never the instrument it announces.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from accords.extract.annotate import Doc
from accords.extract.dates import DateExpr, ago_spans, find_dates
from accords.text.matcher import Hit
from accords.text.normalize import fold_str
from accords.text.segment import Segment

# How far from a verb (in characters) a "not done" cue still governs it.
_NOT_DONE_BEFORE = 80
_NOT_DONE_AFTER = 50
# How far (in characters) an announced instrument may stand from the verb: its object, or the
# subject of a verb-final clause ("توافقنامه را اعلام کردند"), not a word of another clause.
_ANNOUNCE_REACH = 60
# How far after a signing verb a bare year of its own clause still dates it ("that Kenya and
# Germany concluded in Berlin in 2024"): past a place, not into the next clause.
_YEAR_REACH = 32
_BARE_YEAR = regex.compile(r"(?<![\p{N}/.])(?<!\p{N}\s?[-–])(?:19|20)\d\d(?![\p{N}]|\s*[-–/]\s*\d)")
_CLAUSE_MARKS = ",;:،؛.!?؟\n，；：。"
_CHARS_PER_WORD = 2.5  # characters of a Chinese or Japanese text for one word of a spaced one


@dataclass
class Clause:
    """One sentence's report of a signing."""

    sentence: Segment
    verb: Hit
    instrument: Hit | None
    related: bool
    related_from: int | None = None  # where the related part of the sentence starts
    hits: list[Hit] = field(default_factory=list)
    # one item of a list of instruments (signings.split_lists): the other items' spans, whose
    # signatories and parties are not this item's
    elsewhere: tuple[tuple[int, int], ...] = ()
    listed: bool = False

    def in_other_item(self, pos: int) -> bool:
        """The position falls in another item of the list this clause was cut from."""
        return any(a <= pos < b for a, b in self.elsewhere)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


def _governed_by_not_done(doc: Doc, verb: Hit, sent: Segment, hits: list[Hit]) -> bool:
    lo, hi = max(sent.start, verb.start - _NOT_DONE_BEFORE), min(sent.end, verb.end + _NOT_DONE_AFTER)
    return any(h.kind == "not_done" and lo <= h.start and h.end <= hi for h in hits)


def _nearest(hits: list[Hit], pos: int, kinds: tuple[str, ...]) -> Hit | None:
    cands = [h for h in hits if h.kind in kinds]
    if not cands:
        return None
    return min(cands, key=lambda h: (abs(h.start - pos), h.kind != "instrument"))


def _compound(doc: Doc, hits: list[Hit], inst: Hit | None) -> Hit | None:
    """An agreement word with a specific instrument word right after it, nothing but a space
    between, names one document of the specific type: a construct ("اتفاقية إعلان ...", "הסכם
    הצהרת ...": the agreement of a declaration) is the declaration, spanning both words."""
    if inst is None or inst.kind != "instrument" or inst.value != "agreement":
        return inst
    nxt = next((h for h in hits if h.kind == "instrument" and h.start >= inst.end), None)
    if nxt is None or nxt.value == "agreement" or doc.text[inst.end:nxt.start].strip():
        return inst
    return replace(nxt, start=inst.start, fstart=inst.fstart)


WITNESS_REACH = 60  # characters from "witnessed" / "attended" to the signing noun it governs


def _witnessed(doc: Doc, verb: Hit, hits: list[Hit]) -> bool:
    """"X witnessed the signing of", "شهد ولي العهد توقيع", "ont assisté à la signature": a person
    saw the signing noun happen, so it did (a not-done cue near it still cancels, as for any verb).
    A place that "witnessed the signing of the Oslo accords in 1993" is no witness."""
    if verb.kind != "nominal":
        return False
    from accords.extract.people import find_people  # (people and clauses read the same Doc)

    people = find_people(doc)
    return any(h.kind in ("presence_cue", "presence_after") and 0 <= verb.start - h.end <= WITNESS_REACH
               and any(h.start - WITNESS_REACH <= p.start < verb.start for p in people) for h in hits)


def _announced(doc: Doc, verb: Hit, hits: list[Hit]) -> Hit | None:
    """The instrument an announcement verb governs, or None."""
    # a joint statement is itself the announcement ("announced in a joint statement"), not what it announces
    near = [h for h in hits if h.kind == "instrument" and h.value != "joint_declaration"
            and (0 <= h.start - verb.end <= _ANNOUNCE_REACH or 0 <= verb.start - h.end <= _ANNOUNCE_REACH)]
    if not near:
        return None
    inst = min(near, key=lambda h: min(abs(h.start - verb.end), abs(verb.start - h.end)))
    lo, hi = min(verb.end, inst.end), max(verb.start, inst.start)
    comps = doc.pack.folded("quote_patterns.yaml", "complementizers")
    if any(t.folded in comps for t in doc.tokens_in(lo, hi)):
        return None
    # "announced talks on an agreement", "объявили о начале переговоров по соглашению": what is
    # announced is a step towards the instrument, not the instrument
    gap = fold_str(doc.text[lo:hi])
    if any(fold_str(w) in gap for w in doc.pack.get("signing_verbs.yaml", "process_nouns")):
        return None
    return inst


def _related_start(doc: Doc, hits: list[Hit], verb: Hit) -> int | None:
    """Where the part of a sentence about an earlier agreement begins, if it does. A recall cue
    ("we recall that", "xatırladaq ki", "напомним") before the verb covers the whole sentence."""
    for h in hits:
        if h.kind == "recall" and h.start < verb.start:
            return h.start
    for h in hits:
        if h.kind == "after_cue" and (h.start >= verb.start or h.end >= verb.start - 40):
            if h.start <= verb.start < h.end or h.start == verb.start:
                return _pluperfect_start(doc, verb, hits)
            return h.start
    return None


def _pluperfect_start(doc: Doc, verb: Hit, hits: list[Hit]) -> int:
    """A pluperfect ("had signed", "unterzeichnet hatten") makes its whole clause an earlier
    signing: from a cue earlier in the sentence ("Dies knüpft an die Erklärung an, die X und Y
    unterzeichnet hatten"), else from the comma that opens the clause, else the sentence start."""
    earlier = [h.start for h in hits if h.kind in ("after_cue", "recall") and h.end <= verb.start]
    if earlier:
        return earlier[0]
    sent = doc.sentence_of(verb.start)
    start = sent.start if sent else 0
    commas = [i for i in range(start, verb.start) if doc.text[i] in ",;،"]
    return commas[-1] + 1 if commas else start


def _continues(doc: Doc, clauses: list[Clause], n: int, reach: int = 1) -> bool:
    """A sentence right after a signing clause that reports the signing again ("It was signed by ...")."""
    if n == 0 or not clauses or clauses[-1].related:
        return False
    return any(clauses[-1].sentence == doc.sentences[k] for k in range(max(0, n - reach), n))


def find_clauses(doc: Doc) -> list[Clause]:
    """Signing clauses in text order (at most one per verb)."""
    out: list[Clause] = []
    for n, sent in enumerate(doc.sentences):
        hits = [h for h in doc.hits_in(sent.start, sent.end) if not doc.in_quote(h.start)]
        verbs = [h for h in hits if h.kind in ("done", "nominal")]
        if not verbs:
            verbs = [h for h in hits if h.kind == "announce"]
        if not verbs and _continues(doc, out, n, reach=2):
            # "The Azerbaijani side was represented by ...": who signed, told next to the signing
            verbs = [h for h in hits if h.kind == "represent"]
        for verb in verbs:
            if _governed_by_not_done(doc, verb, sent, hits):
                continue
            rel = _related_start(doc, hits, verb)
            if rel is None and verb.kind == "done" and (_earlier_time(doc, verb, sent)
                                                        or _talked_about(doc, verb, sent, hits)
                                                        or _similar(doc, verb, sent, hits)):
                rel = _pluperfect_start(doc, verb, hits)
            completed = any(h.kind == "completion" for h in hits) or _witnessed(doc, verb, hits) \
                or _dated_nominal(doc, verb, sent)
            if verb.kind == "nominal" and rel is None and not completed:
                continue  # "signing" alone does not say a signing took place ("took place" does)
            if verb.kind == "announce":
                inst = _announced(doc, verb, hits)
                if inst is None or rel is not None or _unsigned_elsewhere(doc):
                    continue
            else:
                inst = _compound(doc, hits, _nearest(hits, verb.start, ("instrument", "anaphora")))
            if inst is None and not _continues(doc, out, n):
                continue
            related = rel is not None and ((inst is not None and inst.start >= rel) or verb.start >= rel)
            if any(c.sentence == sent and c.related == related for c in out):
                continue
            out.append(Clause(sent, verb, inst, related, rel, hits))
    return _recalled_in_detail(doc, _cut_at_recall(out))


# -- signings told as earlier ones, and documents that tell no new signing --------------------

def _own_clause(doc: Doc, verb: Hit, sent: Segment) -> tuple[int, int]:
    """The comma-bounded part of the sentence that holds the verb."""
    lo, hi = verb.start, verb.end
    while lo > sent.start and doc.text[lo - 1] not in _CLAUSE_MARKS:
        lo -= 1
    while hi < sent.end and doc.text[hi] not in _CLAUSE_MARKS:
        hi += 1
    return lo, hi


def _earlier_time(doc: Doc, verb: Hit, sent: Segment) -> bool:
    """The verb's own clause puts the signing back in time: "two years ago", "לפני כשנתיים",
    "два года назад", or a bare year after a place word ("concluded in Berlin in 2024", "заключен
    еще в 2000 году"), before a year word ("2019 yılında") or in a short opening phrase ("In
    2019, the two countries signed"). A fresh signing is reported with its day, or "today"; one
    dated by a year alone, or counted back, is an earlier one that the report recalls."""
    lo, hi = _own_clause(doc, verb, sent)
    if _dated_today(doc, verb, sent):
        return False  # "signed today the accord they began to negotiate two years ago"
    if any(lo <= a and b <= hi for a, b in ago_spans(doc)):
        return True
    after = _BARE_YEAR.finditer(doc.text, verb.end, min(hi, verb.end + _YEAR_REACH))
    before = _BARE_YEAR.finditer(doc.text, lo, verb.start)  # a verb-final clause: its whole front
    if any(_year_of_clause(doc, m, lo) for m in [*after, *before]):
        return True
    opening = _opening_phrase(doc, lo, sent)
    return opening is not None and any(_year_of_clause(doc, m, opening[0])
                                       for m in _BARE_YEAR.finditer(doc.text, *opening))


def _year_of_clause(doc: Doc, m: regex.Match[str], lo: int) -> bool:
    """A bare year that dates its clause: not part of a date with its month, and after a place or
    year word ("in 2024", "ב-2019", "عام 2019"), before a year word ("2019 yılında") or opening
    the clause ("2019 hatten X und Y ...")."""
    if any(e.start <= m.start() < e.end and (e.month or e.day) for e in _dates(doc)):
        return False  # part of a date with its month ("signed on 3 May 2015"): a dated signing
    words = _year_gate(doc)
    ahead = doc.text[lo:m.start()].split()
    behind = doc.text[m.end():m.end() + 16].split()
    year_words = _words(doc, "date_words.yaml", "year_words")
    return (not ahead or fold_str(ahead[-1]).strip("-") in words
            or bool(behind) and any(fold_str(behind[0]).startswith(w) for w in year_words))


def _year_gate(doc: Doc) -> set[str]:
    got = doc.cache.get("year_gate")
    if got is None:
        words = set(_words(doc, "places.yaml", "locatives")) | set(_words(doc, "date_words.yaml", "year_words"))
        # not "since 2019" (a bound) nor "a roadmap to 2030" (a target): neither dates a signing
        words -= set(_words(doc, "date_words.yaml", "bound_words")) | set(_words(doc, "date_words.yaml", "range_words"))
        got = doc.cache["year_gate"] = words | {w.strip("-") for w in words}
    return got  # type: ignore[return-value]


def _opening_phrase(doc: Doc, lo: int, sent: Segment) -> tuple[int, int] | None:
    """A short phrase that opens the sentence before a comma and the verb's clause ("In 2019,",
    "Back in 2019,", "وفي عام 2019،"): it sets the time of that clause."""
    if lo <= sent.start or doc.text[lo - 1] not in ",،，、":
        return None
    head = doc.text[sent.start:lo - 1]
    # four words; in zh and ja, without spaces, about as many characters as "早在2019年" holds
    size = len(head.split()) if doc.pack.spaced else len(head) / _CHARS_PER_WORD
    if any(c in head for c in _CLAUSE_MARKS) or size > 4:
        return None
    return sent.start, lo - 1


def _dates(doc: Doc) -> list[DateExpr]:
    got = doc.cache.get("clause_dates")
    if got is None:
        got = doc.cache["clause_dates"] = find_dates(doc, bounds=True)
    return got  # type: ignore[return-value]


def _unsigned_elsewhere(doc: Doc) -> bool:
    """The document says somewhere, even in a quote, that an instrument is not signed yet
    ("with a view to the future signing of the agreement", "the conclusion of negotiations on an
    agreement", "initialled the treaty"): an announcement in it is of a deal reached, not signed."""
    for h in doc.hits:
        if h.kind == "not_done":
            sent = doc.sentence_of(h.start)
            if sent and doc.hits_in(sent.start, sent.end, "instrument", "anaphora", "nominal"):
                return True
    return False


def _recalled_in_detail(doc: Doc, clauses: list[Clause]) -> list[Clause]:
    """A document that tells only earlier signings reports one when it recalls it in detail:
    its day or month, and who signed or where ("the agreement, signed on 30 April in Washington
    by X and Y, was ratified today"). One named in passing ("the deal signed two years ago",
    "the 2000 agreement") is background to other news: a ratification vote, a withdrawal, a
    meeting. With a fresh signing in the document, earlier ones are kept as its related entries."""
    if not clauses or any(not c.related for c in clauses):
        return clauses
    from accords.extract.people import find_people

    people = find_people(doc)
    kept = []
    for c in clauses:
        lo = c.related_from if c.related_from is not None else c.start
        dated = any(lo <= e.start < c.end and e.precision in ("day", "month") and not e.bound for e in _dates(doc))
        placed = bool(doc.hits_in(lo, c.end, "city", "landmark"))
        signers = any(lo <= p.start < c.end for p in people)
        if dated and (placed or signers):
            kept.append(c)
    return kept


def _cut_at_recall(clauses: list[Clause]) -> list[Clause]:
    """A fresh signing and an earlier one in one sentence ("..., the third such treaty France has
    concluded, after the one signed with Germany in 1963"): the fresh clause reads its parties,
    people, date and place only up to where the earlier one begins."""
    for c in clauses:
        if c.related or c.related_from is not None:
            continue
        later = [r.related_from for r in clauses if r.related and r.sentence == c.sentence
                 and r.related_from is not None and r.related_from > c.verb.end]
        if later:
            c.related_from = min(later)
    return clauses


def _words(doc: Doc, file: str, key: str) -> list[str]:
    got = doc.cache.get(f"{file}:{key}")
    if got is None:
        got = doc.cache[f"{file}:{key}"] = [fold_str(str(w)) for w in doc.pack.get(file, key)]
    return got  # type: ignore[return-value]


def _talked_about(doc: Doc, verb: Hit, sent: Segment, hits: list[Hit]) -> bool:
    """An instrument that a discussion verb governs, its signing told in a relative or participle
    clause ("discussed the agreement signed between X and Y", "обсудили ход выполнения соглашения,
    которое X и Y подписали", "ისაუბრეს ... გაფორმებულ ხელშეკრულებაზე"): an agreement already in
    force talked about at a meeting, not a signing reported. "Discussed trade and signed an
    agreement" (a conjunction before the verb) and "discussed trade, then signed" (a clause of its
    own) are signings."""
    folded = doc.folded
    fs, fv = folded.folded_pos(sent.start), folded.folded_pos(verb.start)
    ends = [folded.span(i, i + len(w))[1] for w in _words(doc, "signing_verbs.yaml", "discussion_verbs")
            for i in _find_all(folded.text, w, fs, fv)]
    if not ends:
        return False
    d_end = max(ends)
    gap = doc.text[d_end:verb.start]
    if _coordinated(doc, d_end, verb) or _dated_today(doc, verb, sent):
        return False
    insts = [h for h in hits if h.kind == "instrument" and d_end <= h.start]
    attributive = any(h.end <= verb.start for h in insts)
    participle = any(0 <= h.start - verb.end <= 60 for h in insts) and not any(c in gap for c in ",;:،")
    if attributive and any(c in gap for c in ",;:،"):
        # a relative clause after a comma: the verb right after it, or a relative pronoun first
        tail = doc.text[max(gap.rfind(c) for c in ",;:،") + d_end + 1:verb.start].strip()
        rel = tail.split()[0] if tail.split() else ""
        return len(tail) <= 1 or fold_str(rel) in _words(doc, "language.yaml", "relative_pronouns")
    return attributive or participle


def _find_all(text: str, word: str, start: int, end: int) -> list[int]:
    out, i = [], text.find(word, start, end)
    while i >= 0 and word:
        out.append(i)
        i = text.find(word, i + 1, end)
    return out


def _coordinated(doc: Doc, d_end: int, verb: Hit) -> bool:
    """The signing verb is coordinated with the discussion verb: a conjunction right after the one
    ("ele aldı ve ... imzaladı") or right before the other ("discussed trade and signed", "ووقعتا")."""
    conj = set(_words(doc, "language.yaml", "conjunctions"))
    between = doc.tokens_in(d_end, verb.start)
    if between and (between[0].folded in conj or between[-1].folded in conj):
        return True
    own = doc.tokens_in(max(0, verb.start - 3), verb.end)  # a conjunction written on the verb: ووقعا
    prefix = doc.text[own[0].start:verb.start] if own and own[0].start < verb.start else ""
    return fold_str(prefix) in conj


def _dated_today(doc: Doc, verb: Hit, sent: Segment) -> bool:
    """The verb's own clause gives the signing a day ("that their ministers signed today")."""
    lo, hi = _own_clause(doc, verb, sent)
    return any(lo <= e.start < hi and e.precision == "day" for e in _dates(doc))


def _dated_nominal(doc: Doc, verb: Hit, sent: Segment) -> bool:
    """A signing noun or participle with a full day of its own in its clause ("11 Ağustos 2021'de
    Bakü'de imzalanan anlaşma", "الاتفاقيتين الموقعتين في 11 أغسطس 2021"): a report, told in
    retrospect, of a signing that took place that day."""
    if verb.kind != "nominal":
        return False
    lo, hi = _own_clause(doc, verb, sent)
    if any(h.kind in ("presence_cue", "presence_after") and 0 <= verb.start - h.end <= WITNESS_REACH
           for h in doc.hits_in(max(0, verb.start - WITNESS_REACH - 20), verb.start)):
        return False  # "the place that witnessed on 13 September 1993 the signing": _witnessed decides
    return any(lo <= e.start < hi and e.day and e.month and e.year and not e.ranged and not e.bound
               for e in _dates(doc))


_SIMILAR_REACH = 16  # characters from "similar" to the instrument it qualifies


def _similar(doc: Doc, verb: Hit, sent: Segment, hits: list[Hit]) -> bool:
    """The verb's instrument is qualified as similar to the one reported ("has concluded similar
    agreements with India and Georgia", "аналогичные соглашения", "des accords similaires"):
    other agreements, signed before, not this report's signing."""
    lo, hi = _own_clause(doc, verb, sent)
    words = _words(doc, "signing_verbs.yaml", "similar_words")
    for h in hits:
        if h.kind != "instrument" or not lo <= h.start < hi:
            continue
        before = fold_str(doc.text[max(lo, h.start - _SIMILAR_REACH):h.start])
        after = fold_str(doc.text[h.end:min(hi, h.end + _SIMILAR_REACH)])
        right_after = after.split()[0] if after[:1].isspace() and after.split() else ""  # accords similaires
        if any(w in before or right_after.startswith(w) for w in words):
            return True
    return False
