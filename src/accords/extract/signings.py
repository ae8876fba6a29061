"""How an article is cut into signings: which signing clauses report the same signing.

One report may tell several signings: a summit where the two sides exchanged "an agreement on
X, a memorandum on Y and a protocol on Z", a later sentence about "a separate memorandum", a
round-up of signings between other pairs. Each becomes a `Signing` of its own; the events
stage then reads each one's instrument, subject, parties and signatories from its own clauses,
and the ceremony's date, place and people present from the sentences they share.

The rules, in order:
1. A clause that names several instruments one by one, each with its own subject, in a list
   that ends with "and" ("an agreement on X, a memorandum on Y and a protocol on Z", "..., а
   также меморандум ...") is one clause per instrument (`split_lists`); each item keeps the
   other items' signatories, parties and subjects out. A batch given as a number ("12
   agreements were signed"), instruments named with no subject of their own ("agreements and
   memoranda") and an apposition ("an MoU on AI, the first agreement of its kind") stay one.
2. A later clause joins the first signing it can be part of: not between another pair of
   parties, not another instrument between other parties, not another specific instrument
   with a subject of its own ("a protocol on Z" after "a memorandum on Y"), and not an
   instrument the text calls another or separate ("Отдельный меморандум подписали ...").
   "The agreement" after "a memorandum", or "the declaration on Y" after "a memorandum on Y",
   is the same signing named again.
3. A clause about an earlier agreement (a recall, a pluperfect, a clause dated well before the
   first signing) is background (`related`), not a signing. When the report tells nothing but
   such a clause, that clause is its signing.
4. Signings of one ceremony share what the text gives once: an item naming fewer than two
   parties takes the ceremony's (`inherit_parties`), and one with no date, place or witnesses
   of its own takes the first signing's (`share_ceremony`).
5. A headline or a subhead (a line of its own with no full stop) is cut last: it names, in the
   press's short words, a signing the body tells, and opens one only when the body tells none.
6. A signing's instrument (`signing_instrument`) is the body's over the headline's, the first
   specific type over "agreement", and for "documents" the type the text lists for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from accords.extract.annotate import Doc, Token
from accords.extract.clauses import Clause
from accords.model import EventMention
from accords.text.matcher import Hit
from accords.text.normalize import fold_str

# Instrument words too common to tell two signings apart: reports call any instrument "agreement".
GENERIC = {"agreement"}
_SEPARATORS = ",;،؛、，；"  # 、 is the comma of Chinese and Japanese lists
_QUOTE_MARKS = "'\"«»„“”‘’״׳"
_LEAD_TOKENS = 3  # words between a list's separator and its next instrument ("and a further")
_FURTHER_REACH = 40  # characters before an instrument where "separate", "another" may stand
_UNSPACED_LEAD = 24  # characters from a list's separator to its next instrument, in zh and ja
_MAX_ITEMS = 12  # longer "lists" are no ceremony's instruments but run-on text; each item costs a pass
_SUBJECT_GAP = 3  # characters between an instrument and the cue of its subject ("MoU on", "(MoU) on")
_SUBJECT_REACH = 60  # characters after an instrument where its subject's domain words stand


@dataclass
class Signing:
    """The clauses that report one signing, and the parties they name."""

    clauses: list[Clause] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    ceremony: int | None = None  # the signing that holds the first item of the list this one was cut from

    @property
    def instrument(self) -> str | None:
        """The type of the first instrument word its clauses name; an item of a list names its own
        instrument, over a generic word before it ("a series of agreements was signed: a protocol ...")."""
        return next((_kind(c) for c in self.clauses if _kind(c) and c.listed and _kind(c) not in GENERIC),
                    next((_kind(c) for c in self.clauses if _kind(c)), None))


@dataclass
class Cut:
    """An article cut into signings, and the clauses that tell of earlier agreements."""

    signings: list[Signing]
    related: list[Clause]
    background_only: bool  # the only signing told is an earlier one


def _kind(c: Clause) -> str | None:
    return str(c.instrument.value) if c.instrument is not None and c.instrument.kind == "instrument" else None


# -- 1. lists of instruments in one clause ------------------------------------------------------
def _instruments(doc: Doc, c: Clause) -> list[Hit]:
    stop = c.related_from if c.related_from is not None else c.end
    return [h for h in c.hits if h.kind == "instrument" and c.start <= h.start < stop and not doc.in_quote(h.start)]


def _joiners(doc: Doc, toks: list[Token]) -> list[int]:
    """Where a list word of several words ("as well as", "а также", "ainsi que") starts."""
    phrases = [fold_str(w).split() for w in doc.pack.get("language.yaml", "list_words")]
    words = [t.folded for t in toks]
    return [toks[i].start for p in phrases for i in range(len(words) - len(p) + 1) if p and words[i:i + len(p)] == p]


def _separator(doc: Doc, left: Hit, right: Hit) -> tuple[int, bool] | None:
    """Where a list's separator stands between two instruments: the last comma, or the last
    "and" (a word, "и", or a prefix: "ومذكرة", "ועל מזכר"; or a list word: "as well as"), if
    there is one; and whether it is a word joining items (True) or a comma only (False)."""
    conj = doc.pack.folded("language.yaml", "conjunctions")
    prefixes = {w for w in conj if len(w) == 1} & set(doc.pack.prefixes)  # written on the next word
    gap = doc.text[left.end:right.start]
    found = [left.end + gap.rfind(s) for s in _SEPARATORS if s in gap]
    if not doc.pack.spaced:  # no words to compare: "和", "及び" anywhere in the gap
        joins = conj | doc.pack.folded("language.yaml", "list_words")
        words = [left.end + fold_str(gap).rfind(w) for w in joins if w and w in fold_str(gap)]
        return (max(found + words), bool(words)) if found or words else None
    toks = doc.tokens_in(left.end, right.start)
    words = [t.start for t in toks if t.folded in conj] + _joiners(doc, toks)
    if toks and toks[-1].folded[:1] in prefixes and len(toks[-1].folded) <= 4:
        words.append(toks[-1].start)  # a preposition with the conjunction on it ("ועל")
    at = right.start
    while at > left.end and doc.text[at - 1] in _QUOTE_MARKS:
        at -= 1  # ו'הצהרת: the conjunction, then a quotation opening on the instrument's name
    if at > left.end and fold_str(doc.text[at - 1]) in prefixes:
        words.append(at - 1)  # the conjunction written on the instrument itself
    held = doc.tokens[doc.token_index(left.end) - 1] if doc.token_index(left.end) > 0 else None
    if held and held.start < left.end < held.end and fold_str(doc.text[left.end:held.end]) in conj:
        words.append(left.end)  # ... or on the end of the first item (ko 양해각서와 X 양해각서)
    if not found and not words:
        return None
    return max(found + words), bool(words)


def _separated(doc: Doc, left: Hit, right: Hit) -> tuple[int, bool] | None:
    """Where the list separates two instruments, if they are two items of one (and whether a
    word joins them): a comma or "and" between them, and a subject of their own (words after
    the first before the separator: "an agreement on X, a memorandum"; or, verb-final, a
    subject before the second: "enerji alanında bir anlaşma ve sağlık alanında bir mutabakat"),
    then at most a few words before the second."""
    sep = _separator(doc, left, right)
    if sep is None:
        return None
    at = sep[0]
    if not doc.pack.spaced:  # the subject comes before each instrument: "铁路合作协定、农业合作备忘录"
        near = right.start - at <= _UNSPACED_LEAD
        return sep if near and doc.hits_in(at, right.start, "subject_cue", "domain") else None
    conj = doc.pack.folded("language.yaml", "conjunctions")
    toks = doc.tokens_in(left.end, right.start)
    own = [t for t in toks if t.end <= at]  # the first item's subject
    lead = [t for t in toks if t.start >= at and t.folded not in conj]
    if own:
        return sep if len(lead) <= _LEAD_TOKENS else None
    subject = doc.hits_in(at, right.start, "subject_cue", "domain")
    return sep if subject and len(lead) <= 2 * _LEAD_TOKENS else None


def split_lists(doc: Doc, clauses: list[Clause]) -> list[Clause]:
    """Each clause that lists instruments one by one, as one clause per instrument: each names
    its own instrument and keeps the other items' spans out of its signatories, parties and
    subjects. An item runs from the separator before it to the one after it (the first from its
    instrument: what comes before, the verb and its subject, is the ceremony's)."""
    out: list[Clause] = []
    for c in clauses:
        insts = _instruments(doc, c) if not c.related and c.verb.kind != "announce" else []
        heads, cuts, joined = insts[:1], [], False
        for h in insts[1:]:
            sep = _separated(doc, heads[-1], h)
            if sep is not None:
                heads.append(h)
                cuts.append(sep[0])
                joined = joined or sep[1]
        # a list ends with "and" ("A, B and C"); "A, the first B of its kind" is A again, in apposition
        if not joined or not 2 <= len(heads) <= _MAX_ITEMS:
            out.append(c)
            continue
        stop = c.related_from if c.related_from is not None else c.end
        spans = list(zip([heads[0].start, *cuts], [*cuts, stop], strict=True))
        for i, h in enumerate(heads):
            others = tuple(s for j, s in enumerate(spans) if j != i)
            out.append(replace(c, instrument=h, elsewhere=others, listed=True))
    return out


# -- 2. clauses -> signings ---------------------------------------------------------------------
def _further(doc: Doc, c: Clause) -> bool:
    """The clause's instrument is called another or separate ("a separate memorandum",
    "Отдельный меморандум", "une autre convention", "مذكرة تفاهم أخرى")."""
    if c.instrument is None:
        return False
    words = [fold_str(w) for w in doc.pack.get("language.yaml", "further_words")]
    before = doc.tokens_in(max(c.start, c.instrument.start - _FURTHER_REACH), c.instrument.start)
    after = doc.tokens_in(c.instrument.end, c.end)[:2]  # an adjective after its noun (ar, fa, he)
    window = " " + " ".join(t.folded for t in before + after) + " "
    return any(f" {w} " in window for w in words)


def _apart(s: Signing, c: Clause, parties: set[str], further: bool, subject: bool) -> bool:
    """The clause cannot report signing `s`. Another specific instrument given with its own
    subject ("a protocol on customs") is another signing; one named alone ("the declaration
    was signed by ...") is the text naming the same one again, as reports often do."""
    inst, mine = _kind(c), s.instrument
    if c.listed and any(x.listed and x.sentence == c.sentence for x in s.clauses):
        return True  # two items of one list
    other_parties = bool(parties - s.parties) and bool(s.parties - parties)
    other_inst = inst is not None and mine is not None and inst != mine
    # another pair named (a round-up of signings); naming all of the signing's parties and more is the same one
    new_pair = len(parties) >= 2 and len(s.parties) >= 2 and bool(parties - s.parties) and not parties >= s.parties
    if (other_parties and other_inst) or new_pair:
        return True
    if other_inst and inst not in GENERIC and mine not in GENERIC and subject:
        return True  # "a protocol on Z" after "a memorandum": another instrument of the ceremony
    return further and inst is not None and (mine is None or inst == mine or inst not in GENERIC)


def _own_subject(doc: Doc, c: Clause) -> bool:
    """The clause's instrument is followed by its subject ("a protocol on customs")."""
    inst = c.instrument
    return inst is not None and any(h.kind == "subject_cue" and 0 <= h.start - inst.end <= _SUBJECT_GAP for h in c.hits)


def _subjects(c: Clause) -> set[str]:
    """The domains named right after a clause's instrument, in its own item ("a protocol on customs")."""
    inst = c.instrument
    if inst is None:
        return set()
    return {str(h.value) for h in c.hits if h.kind == "domain" and 0 <= h.start - inst.end <= _SUBJECT_REACH
            and not c.in_other_item(h.start)}


def _signing_for(doc: Doc, signings: list[Signing], c: Clause, parties: set[str]) -> Signing | None:
    """The signing a clause reports: one of its own instrument first, else the first it fits.
    Another instrument with a subject of its own is another signing, unless the subject is the
    signing's own ("a memorandum on AI ... the declaration on AI was signed by ...")."""
    further, subject = _further(doc, c), _own_subject(doc, c)
    mine = _subjects(c)
    fits = [s for s in signings
            if not _apart(s, c, parties, further, subject and not mine & {d for x in s.clauses for d in _subjects(x)})]
    same = [s for s in fits if _kind(c) is not None and s.instrument == _kind(c)]
    return (same or fits or [None])[0]


def _headline_signing(signings: list[Signing], c: Clause, parties: set[str]) -> Signing | None:
    """A headline or a subhead tells in the press's short words ("Kenya, Ghana sign pact",
    "sellan tratado") a signing the body tells: the one of its specific instrument, else the
    first between its parties ("a series of agreements signed" is the ceremony's first)."""
    fits = [s for s in signings if not (len(parties) >= 2 and len(s.parties) >= 2
                                        and parties - s.parties and not parties >= s.parties)]
    same = [s for s in fits if _kind(c) not in (None, *GENERIC) and s.instrument == _kind(c)]
    return (same or fits or [None])[0]


def _ceremony(signings: list[Signing], c: Clause) -> int | None:
    """The index of the signing holding another item of the list a clause was cut from."""
    if not c.listed:
        return None
    return next((i for i, s in enumerate(signings) if any(x.listed and x.sentence == c.sentence for x in s.clauses)),
                None)


def cut_signings(doc: Doc, clauses: list[Clause], parties_of: Callable[[Clause], set[str]],
                 earlier: Callable[[Clause, Signing | None], bool]) -> Cut:
    """The signings an article reports, in the order it first tells them.

    `parties_of(c)` gives the parties a clause names; `earlier(c, first)` says whether a clause
    tells of a signing before the article's first one (None: before the publication), by its
    date or year."""
    signings: list[Signing] = []
    related: list[Clause] = []
    cut = split_lists(doc, clauses)
    # Headlines last: the body tells the signings, a headline names one of them in short. When
    # the body tells none (every clause a headline or a deck), they are read as any clause.
    titles = [c for c in cut if _title_line(doc, c) and not c.listed]
    body = [c for c in cut if all(c is not t for t in titles)]
    told = False  # the body told a signing
    for i, c in enumerate(body + titles):
        told = told or (i == len(body) and bool(signings))
        if c.related or earlier(c, signings[0] if signings else None):
            related.append(c)
            continue
        parties = parties_of(c)
        short = told and i >= len(body)
        target = _headline_signing(signings, c, parties) if short else _signing_for(doc, signings, c, parties)
        if target is None:
            target = Signing(ceremony=_ceremony(signings, c))
            signings.append(target)
        target.clauses.append(c)
        target.parties |= parties
    for s in signings:
        s.clauses.sort(key=lambda c: c.start)  # each signing's clauses in the text's order again
    related.sort(key=lambda c: c.start)
    background_only = not signings and bool(related)
    if background_only:
        # The only signing told is an earlier one ("we recall that X and Y signed ..."): the
        # document still reports a signing, and that is its event.
        first = replace(related.pop(0), related=False, related_from=None)
        signings.append(Signing([first], parties_of(first)))
    return Cut(signings, related, background_only)


# -- 3. which instrument a signing is ------------------------------------------------------------
_STOP_MARKS = ".!?؟…。:;\"'”»)"
_TITLE_MAX = 200  # characters: a longer line without a full stop is a paragraph cut short, not a headline


def _title_line(doc: Doc, c: Clause) -> bool:
    """The clause is a line of its own with no full stop: a headline or a subhead, where the
    press names the instrument in its short words ("pact", "deal", "tratado")."""
    text, s = doc.text, c.sentence
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line_end = len(text) if line_end < 0 else line_end
    body = text[s.start:s.end].rstrip()
    return (not text[line_start:s.start].strip() and not text[s.end:line_end].strip()
            and bool(body) and body[-1] not in _STOP_MARKS and len(body) <= _TITLE_MAX)


def _named_for_documents(doc: Doc, clauses: list[Clause], related: list[Clause]) -> Hit | None:
    """A signing told only as "documents" ("the sides exchanged a package of documents",
    "imzalanan sənədlər arasında ... Yol Xəritəsi"): the first type the text names for them in
    the same sentence or the next one ("Among them: an agreement on X, ..."), outside quotes and
    earlier agreements."""
    def earlier(pos: int) -> bool:
        return any(r.start <= pos < r.end and pos >= (r.related_from or r.start) for r in related)

    for c in sorted(clauses, key=lambda c: _title_line(doc, c)):
        at = doc.sentences.index(c.sentence) if c.sentence in doc.sentences else -1
        window = [c.sentence] + doc.sentences[at + 1:at + 2] if at >= 0 else [c.sentence]
        for s in window:
            stop = c.related_from if s is c.sentence and c.related_from is not None else s.end
            for h in doc.hits_in(s.start, stop, "instrument"):
                if not doc.in_quote(h.start) and not earlier(h.start) and not c.in_other_item(h.start):
                    return h
    return None


def signing_instrument(doc: Doc, clauses: list[Clause], related: list[Clause],
                       another_time: Callable[[Clause], bool] = lambda c: False) -> tuple[Hit | None, str]:
    """The instrument one signing is, and the rule that chose it.

    The body's signing sentences name it over a headline's short word ("USTM signs pact" over
    "has signed a memorandum of understanding"; "sellan tratado" over "firmaron el acuerdo de
    asociación"). The first specific type named wins (an item of a list first, which names its
    own) over "agreement", which reports use for any instrument ("numerous agreements were signed ...
    a joint declaration of intent"). A signing named only as "documents" is the type the text
    lists for them, else a document of no named type (the events stage makes it `other`).
    A clause that `another_time` says may tell of another time (it names an earlier year: "ещё в
    2001 году: тогда ... подписали декларацию") names no specific type over the signing's."""
    typed = [c for c in clauses if _kind(c)]
    pool = [c for c in typed if not _title_line(doc, c)] or typed
    if pool:
        specific = [c for c in pool if _kind(c) not in GENERIC and (c is pool[0] or not another_time(c))]
        chosen = next((c for c in specific if c.listed), specific[0] if specific else pool[0])
        return chosen.instrument, "instrument-word"
    named = _named_for_documents(doc, clauses, related)
    if named is not None:
        return named, "instrument-listed"
    anaphora = next((c.instrument for c in clauses if c.instrument is not None), None)
    return anaphora, "instrument-documents"


# -- 4. what the signings of one ceremony share --------------------------------------------------
def keep_own_subjects(ev: EventMention, clauses: list[Clause]) -> None:
    """An item of a list is about its own subject: the domains and areas read in the other
    items ("a protocol on customs, a memorandum on health") are theirs."""
    def elsewhere(pos: int) -> bool:
        return any(c.in_other_item(pos) for c in clauses if c.listed)

    ev.domains = [d for d in ev.domains if not elsewhere(d.start)]
    ev.areas = [a for a in ev.areas if not elsewhere(a.start)]


def inherit_parties(ev: EventMention, host: EventMention) -> None:
    """An item of a list that names no party of its own ("Among the documents signed: ..., a
    memorandum on Y") is between the parties of the ceremony's first item; one that names one
    ("the peace treaty between X and Y and a declaration with Z") is between that one and the
    first item's first party, the side the report speaks of, not the first item's other party."""
    if len(ev.parties) >= 2:
        return
    mine = {p.value for p in ev.parties}
    others = [p for p in host.parties if p.value not in mine]
    ev.parties.extend(others[:1] if mine else others)


def share_ceremony(events: list[EventMention]) -> None:
    """Signings of one ceremony (the same parties, or some of them) share its date, place and the
    people present: a signing that names none of its own takes the first one's. A round-up of
    signings between other pairs shares nothing."""
    for ev in events[1:]:
        mine = {p.value for p in ev.parties}
        host = next((e for e in events if e is not ev and mine and mine <= {p.value for p in e.parties}
                     and e.index < ev.index), None)
        if host is None:
            continue
        if ev.date_signed is None and host.date_signed is not None:
            ev.date_signed, ev.date_support = host.date_signed, list(host.date_support)
        if ev.place is None:
            ev.place = host.place
        names = {p.name.value for p in ev.signatories + ev.present}
        ev.present.extend(p for p in host.present if p.name.value not in names)
