"""Organisations named in a text: universities, companies, associations, municipalities, funds.

Such names are an open class, so no list can hold them; they are found by their organisation
words (`org_words` of parties.yaml: University, Université, جامعة, אוניברסיטת, Üniversitesi,
უნივერსიტეტი), company suffixes (`org_suffixes`: Ltd, GmbH, A.Ş.) and acronyms in parentheses,
then read out to the edges of the name: in a cased language the capitalised words around the
organisation word and the small words between them (`org_connectors`: of, de, für); in an
uncased script the words after the organisation word (جامعة القاسمية), or before it where the
language puts its genitive first (`org_name_before`: თელავის მუნიციპალიტეტი).

A name the text gives the acronym of ("Trends Research and Advisory (TRA)") is one too, in a
cased language, and so is a quoted name after its organisation word (компания «X», شركة "X").
A state said to hold the organisation (", Gabon", "في أوغندا", "שבאיחוד האמירויות") is where
it is, not a party beside it. No organisation is read from a name holding a state's own name or
body noun (a state body, lang/bodies.py), from the venue ("at the University of X",
באוניברסיטת), or from a remark in parentheses. Within a text one organisation keeps one slug:
a longer form (with a demonym) or a bare description (מכון מחקר) takes its name's slug.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from accords.lang.hosts import word_end
from accords.lang.pack import LangPack, load
from accords.names import base_form, org_slug
from accords.text.matcher import Hit
from accords.text.normalize import Folded, fold, fold_str

# A French or Italian elision (l'Université, d'Abidjan, dell'Università) is its own token, as in extract/annotate.
_WORD = regex.compile(r"\b(?:[dljDLJ]|[dDnNsS]ell|[aA]ll|[dD]all|[sS]ull|[cC]oll)['’](?=\p{L})"
                      r"|[\p{L}\p{M}\p{N}]+(?:['’\-‐&.][\p{L}\p{M}\p{N}]+)*\.?")
_ACRONYM = regex.compile(r"\s*\((\p{Lu}[\p{Lu}\p{N}\-&]{1,11})\)")
_PUNCT = regex.compile(r"[.,;:!?؟،؛()\"«»“”\n]")
_MAX_AFTER = 3  # words an uncased name takes after its organisation word
_PLACE_REACH = 3  # words after a name that may say where it is


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str
    folded: str


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation's name in a text: its span, its slug, and the places said to hold it."""

    start: int
    end: int
    name: str
    slug: str
    places: tuple[Hit, ...] = ()
    described: bool = False  # organisation words only ("a research institute"), no name of its own


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold_str(word)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The words of text[start:end], with offsets in text."""
    out = []
    for m in _WORD.finditer(text[start:end]):
        word = m.group()
        a, b = start + m.start(), start + m.end()
        if word.endswith(".") and not regex.fullmatch(r"(?:\p{Lu}\.)+|[A-Za-z]{1,4}\.", word):
            word, b = word[:-1], b - 1  # a sentence's full stop, not an abbreviation
        out.append(_Tok(a, b, word, _fold_word(word)))
    return out


def _strip_prefixes(pack: LangPack, folded: str) -> str:
    """A word without its clitics (وجامعة → جامعة), up to two of them."""
    return _stripped(pack, folded)[-1]


def _stripped(pack: LangPack, folded: str) -> list[str]:
    """A word and its forms with one and two clitics taken off (ומכון, מכון)."""
    forms = [folded]
    for _ in range(2):
        for p in sorted(pack.prefixes, key=len, reverse=True):
            if folded.startswith(p) and len(folded) - len(p) >= 3:
                folded = folded[len(p):]
                forms.append(folded)
                break
        else:
            break
    return forms


class _Words:
    """The organisation data of one pack, folded for matching tokens."""

    def __init__(self, pack: LangPack, heads: dict[str, str] | None = None) -> None:
        """`heads`: other head words than the pack's organisation words (a state's body nouns)."""
        self.pack = pack
        self._heads_of: dict[str, str | None] = {}
        self.heads = heads if heads is not None else \
            {fold_str(k): str(v) for k, v in pack.get("parties.yaml", "org_words").items()}
        self.terms = {fold_str(k): str(v) for k, v in pack.get("parties.yaml", "org_terms").items()}
        self.suffixes = {fold_str(s) for s in pack.get("parties.yaml", "org_suffixes")} if heads is None else set()
        self.connectors = {fold_str(s) for s in pack.get("parties.yaml", "org_connectors")}
        # a stop word that is an organisation term (az dövlət "state") may stand in a name
        self.stops = {fold_str(s) for s in pack.get("language.yaml", "stop_words")} - self.connectors - set(self.terms)
        self.locatives = {fold_str(s) for s in pack.get("places.yaml", "locatives")}
        self.loc_prefixes = tuple(fold_str(p) for p in pack.get("places.yaml", "locative_prefixes"))
        self.endings = set(pack.suffixes) | {fold_str(s) for s in pack.get("language.yaml", "name_case_endings")}
        self.conjunctions = {fold_str(c) for c in pack.get("language.yaml", "conjunctions")}
        self.bare_suffixes = {x.rstrip(".") for x in self.suffixes}
        # where a word may start: after clitics in a language that writes them joined (وجامعة)
        left = "" if pack.prefixes else r"(?<![\p{L}\p{M}\p{N}])"
        starts = [left + regex.escape(x) for x in sorted(self.heads, key=len, reverse=True) if x]
        starts += [r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(x) + r"(?![\p{L}\p{M}\p{N}])"
                   for x in sorted(self.bare_suffixes, key=len, reverse=True) if x]
        self.trigger = regex.compile("|".join(starts)) if starts else None
        self.before = bool(pack.get("parties.yaml", "org_name_before"))
        self.keep = bool(pack.get("parties.yaml", "org_keep_names"))
        self.articles = tuple(fold_str(p) for p in pack.get("language.yaml", "definite_prefixes"))

    def definite(self, prefix: str) -> bool:
        """The letters before a demonym inside its word are only the article (الأوغندية)."""
        return not prefix or fold_str(prefix) in self.articles

    def head(self, t: _Tok) -> str | None:
        """The English organisation word a token is a form of (Universitetinin → University)."""
        if t.folded not in self._heads_of:
            self._heads_of[t.folded] = self._head(t.folded)
        return self._heads_of[t.folded]

    def _head(self, folded: str) -> str | None:
        for stem in _stripped(self.pack, folded):
            for h, en in self.heads.items():
                if stem == h or (stem.startswith(h) and (stem[len(h):] in self.endings or len(stem) - len(h) <= 3
                                                         and bool(self.endings))):
                    return en
        return None

    def english(self, t: _Tok) -> str | None:
        return self.head(t) or next((self.terms[f] for f in _stripped(self.pack, t.folded) if f in self.terms), None)


# Lexicon hits that end an uncased name: a title, a verb, an instrument, a date, a cue.
_NAME_BREAKS = frozenset({"role", "rank", "honorific", "counterpart", "done", "nominal", "announce", "instrument",
                          "anaphora", "month", "weekday", "rel_day", "side_word", "side_cue", "presence_cue",
                          "presence_after", "quote_verb", "agent", "between", "between_after", "known_person"})
# English organisation words that describe rather than name ("компания Westinghouse"): left out
# of the slug when the name has words of its own.
_DESCRIPTORS = frozenset({"Company", "Group", "Consortium", "Holding", "Holdings", "Corporation"})


class _Context:
    """The lexicon hits a name's edges are read against, indexed by position (a long text has
    many hits: every look-up is a bisection, so finding names stays linear)."""

    def __init__(self, hits: Sequence[Hit]) -> None:
        self.breaks = sorted(h.start for h in hits if h.kind in _NAME_BREAKS)
        self.states = sorted((h for h in hits if h.kind == "party" and not str(h.value).startswith("org:")),
                             key=lambda h: h.start)
        self.places = sorted((h for h in hits if h.kind in ("party", "city")), key=lambda h: h.start)
        self.known = sorted((h for h in hits if h.kind == "party" and str(h.value).startswith("org:")),
                            key=lambda h: h.start)
        self._role_ends = sorted(h.end for h in hits if h.kind == "role")
        self._state_starts = [h.start for h in self.states]
        self._place_starts = [h.start for h in self.places]
        self._known_starts = [h.start for h in self.known]

    def role_before(self, pos: int, reach: int = 30) -> bool:
        """A title or office ends within `reach` characters before `pos`."""
        i = bisect_left(self._role_ends, pos)
        return i > 0 and pos - self._role_ends[i - 1] <= reach

    def stops_at(self, t: _Tok) -> bool:
        i = bisect_left(self.breaks, t.start)
        return i < len(self.breaks) and self.breaks[i] < t.end

    def state_in(self, t: _Tok) -> Hit | None:
        i = bisect_left(self._state_starts, t.end)
        return next((h for h in self.states[max(0, i - 3) : i] if h.end > t.start), None)

    def in_known(self, pos: int) -> bool:
        i = bisect_right(self._known_starts, pos)
        return any(h.end > pos for h in self.known[max(0, i - 3) : i])

    def places_from(self, start: int, end: int) -> list[Hit]:
        """Places that start within start..end."""
        i, j = bisect_left(self._place_starts, start), bisect_right(self._place_starts, end)
        return self.places[i:j]


def _capital(t: _Tok) -> bool:
    return t.text[:1].isupper() and not t.text.endswith(("'", "’"))


def _sentence_initial(text: str, t: _Tok) -> bool:
    before = text[max(0, t.start - 3) : t.start].strip()
    return not before or before[-1] in ".!?:\n\"«“"


def _cased_span(w: _Words, toks: Sequence[_Tok], i: int, text: str,
                ctx: _Context | None = None) -> tuple[int, int] | None:
    """The capitalised words around an organisation word, with connectors between them."""
    def joined(a: int, b: int) -> bool:  # a space, a hyphen or a broken line between two tokens
        gap = text[toks[a].end : toks[b].start]
        return gap.strip(" -\n") == "" and gap.count("\n") <= 1

    def name_word(t: _Tok, left: bool = True) -> bool:
        """A capitalised word of the name, not a date or a title; a stop word after the
        organisation word (the Ministry of Foreign Affairs) or inside a sentence (Dışişleri
        Bakanlığı), not at its start ("On Monday")."""
        if not _capital(t) or t.folded in w.connectors or w.head(t) or t.text.endswith("."):
            return False
        if ctx is not None and ctx.stops_at(t):
            return False
        return not left or t.folded not in w.stops or not _sentence_initial(text, t)

    lo = i
    # a genitive-first language describes a company after its name in small letters (X şirketi)
    described = w.before and w.head(toks[i]) in _DESCRIPTORS
    while (_capital(toks[i]) or described) and lo > 0 and joined(lo - 1, lo):
        if described and ctx is not None and ctx.state_in(toks[lo - 1]):
            break  # "Endonezyalı X şirketi": the company's country, not its name
        if name_word(toks[lo - 1]):
            lo -= 1
        elif toks[lo - 1].folded in w.connectors and lo >= 2 and name_word(toks[lo - 2]) and joined(lo - 2, lo - 1):
            lo -= 2
        else:
            break  # one organisation word a name; "Ltd." or "Group" ends the name before
    hi = i
    while not w.before and hi + 1 < len(toks) and joined(hi, hi + 1) and not toks[hi].text.endswith("."):
        # A name that ends in its organisation word ("Trabzon University") is whole: the
        # capitalised words right after it are someone's name ("... University Selim Kaya").
        if name_word(toks[hi + 1], left=False) and not lo < i:
            hi += 1
            continue
        j, conj = hi + 1, False
        while j < len(toks) and toks[j].folded in w.connectors and joined(j - 1, j):
            conj = conj or toks[j].folded in w.conjunctions
            if (lo < i or not _capital(toks[i])) and conj:
                break  # "X University and Y", "the company X and the French company Y": two names
            j += 1
        if j > hi + 1 and j < len(toks) and joined(j - 1, j) and w.head(toks[j]) and not conj:
            lo = hi = j  # "Faculty of X of the University of Y": the institution it belongs to
            continue
        if j > hi + 1 and j < len(toks) and joined(j - 1, j) and name_word(toks[j], left=False):
            hi = j
            continue
        break
    if hi == lo == i and not _capital(toks[i]) and not w.before:
        hi = _name_after_describers(w, toks, i, joined, name_word, ctx)
    while lo < hi and toks[lo].folded in w.connectors:
        lo += 1  # "The University of X": the article is not the name's
    while hi > lo and toks[hi].folded in w.connectors:
        hi -= 1
    if hi == lo:
        return None
    if ctx is not None and lo == i and not _capital(toks[i]) and hi - i >= 2 and ctx.role_before(toks[i].start):
        return None  # "el decano de la facultad Abel Ortiz Rivas": the dean's name, after a common noun
    return lo, hi


def _name_after_describers(w: _Words, toks: Sequence[_Tok], i: int, joined: Callable[[int, int], bool],
                           name_word: Callable[..., bool], ctx: _Context | None) -> int:
    """Where adjectives follow the noun ("la compagnia nazionale X", "la empresa argelina X"), the
    name after a small-letter organisation word and up to two describing words: organisation
    terms (nazionale) or demonyms (the company's country). The last token of the name, or i."""
    j = i + 1
    while j < len(toks) and j - i <= 2 and joined(j - 1, j) and not _capital(toks[j]) \
            and (toks[j].folded in w.terms or (ctx is not None and ctx.state_in(toks[j]))):
        j += 1
    if j == i + 1 or j >= len(toks) or not joined(j - 1, j) or not name_word(toks[j], left=False):
        return i
    while j + 1 < len(toks) and joined(j, j + 1) and name_word(toks[j + 1], left=False):
        j += 1
    return j


def _uncased_span(w: _Words, toks: Sequence[_Tok], i: int, text: str, ctx: _Context) -> tuple[int, int] | None:
    """The words after an organisation word (جامعة القاسمية, אוניברסיטת חיפה), up to a function
    word, a punctuation mark, a title, a verb or the next name; a demonym ends the name
    (جامعة ماكيريري الأوغندية). In a genitive-first language, the one word before it, and the
    organisation terms before that (თელავის მუნიციპალიტეტი); where names take no case ending and
    stand whole before the word (hi, ur: पीयूष विश्वविद्यालय, پیام نور یونیورسٹی), up to as many words
    as after one."""
    before = 1 if w.pack.get("language.yaml", "name_case_endings") else _MAX_AFTER
    step, limit = (-1, before) if w.before else (1, _MAX_AFTER)
    j, taken = i, 0
    definite_head = any(toks[i].folded.startswith(a) for a in w.articles)
    while taken < limit:
        k = j + step
        if not 0 <= k < len(toks):
            break
        if _PUNCT.search(text[min(toks[j].end, toks[k].end) : max(toks[j].start, toks[k].start)]):
            break
        t = toks[k]
        f = _strip_prefixes(w.pack, t.folded)
        if t.folded in w.stops or f in w.stops or t.folded in w.locatives or w.head(t) or ctx.stops_at(t):
            break
        if step > 0 and f != t.folded and t.folded[:1] in "وו" and (taken or definite_head):
            break  # "and ...": the next name begins, or the word was an adjective (الأكاديمية والبحثية)
        if step > 0 and definite_head and w.articles and not any(t.folded.startswith(a) for a in w.articles):
            break  # "للشركة سامي الحداد": after "the company" only its adjectives, then someone's name
        state = ctx.state_in(t)
        if state is not None:
            if step > 0 and not taken:
                return None  # "الشركة التركية": the Turkish company, a description, not a name
            if step < 0 or not w.definite(text[t.start : state.start]):
                break  # "שבאיחוד האמירויות", "in X": where it is, not its name
            j = k
            break
        j, taken = k, taken + 1
        if step > 0 and ctx.places_from(t.start, t.end - 1):
            break  # "جامعة القاهرة سامي حداد": a name after its city is someone else's
    while w.before and j > 0 and w.terms.get(toks[j - 1].folded) \
            and not _PUNCT.search(text[toks[j - 1].end : toks[j].start]):
        j -= 1
    if j == i:
        return None
    return (j, i) if w.before else (i, j)


def _name_start(w: _Words, t: _Tok) -> int:
    """Where a name starts in its first word: after a conjunction or preposition written onto it
    (ووزارة, ומכון), not after the article (الجامعة keeps its ال)."""
    for p in sorted(w.pack.prefixes, key=len, reverse=True):
        rest = t.folded[len(p) :]
        if t.folded.startswith(p) and p not in w.articles and w._head(rest):
            return t.start + len(p)
    return t.start


def _place_after(w: _Words, toks: Sequence[_Tok], hi: int, text: str, ctx: _Context) -> Hit | None:
    """The place in ", Gabon" / "in Uganda" / "(UIL), Gabon" right after a name, if one is there."""
    end = toks[hi].end
    m = regex.match(r"(?:\s*\([^()]{1,15}\))?\s*(?:,\s*)?", text[end : end + 80])
    pos = end + (m.end() if m else 0)
    k = next((n for n in range(hi + 1, min(len(toks), hi + 1 + _PLACE_REACH)) if toks[n].start >= pos), None)
    if k is None:
        return None
    if toks[k].folded in w.locatives:
        k += 1
    if k >= len(toks):
        return None
    for h in ctx.places_from(toks[k].start, toks[k].start + 3):
        if not regex.search(r"[.;:\n]", text[end : h.start]):
            after = text[h.end : h.end + 2]
            if not after or not after[:1].isalpha():
                return h
    return None


def _place_before(w: _Words, toks: Sequence[_Tok], lo: int, ctx: _Context) -> Hit | None:
    """The state a genitive-first name starts with (პოლონეთის რესპუბლიკის ქალაქ X): where it is."""
    for k in (lo - 1, lo - 2):
        if w.before and k >= 0 and (h := ctx.state_in(toks[k])):
            return h
    return None


def _demonym_before(toks: Sequence[_Tok], i: int, text: str, ctx: _Context) -> tuple[Hit, ...]:
    """The state right before a small-letter organisation word ("the French company X",
    "казахстанская компания «X»"): the company's country, where it is, not a party beside it."""
    if i == 0 or _capital(toks[i]) or text[toks[i - 1].end : toks[i].start] != " ":
        return ()
    state = ctx.state_in(toks[i - 1])
    return (state,) if state is not None else ()


def _slug_words(w: _Words, toks: Sequence[_Tok], lo: int, hi: int, ctx: _Context) -> list[str]:
    """The name's words for its slug: as written where the press keeps such names (`org_keep_names`:
    Universidad Nacional de Asunción), else English organisation words and romanised proper
    words; a demonym after an uncased name (جامعة ماكيريري الأوغندية: the Ugandan Makerere
    University) and a describing word (компания Westinghouse) are left out."""
    while not w.pack.cased and hi > lo and ctx.state_in(toks[hi]) and not w.head(toks[hi]):
        hi -= 1
    if w.keep:  # as written, less a small-letter describing word ("the company Westinghouse")
        own = [t for t in toks[lo : hi + 1] if _capital(t) or t.folded in w.connectors
               or (w.head(t) or "") not in _DESCRIPTORS and not (t.folded in w.terms or ctx.state_in(t))]
        return [t.text for t in (own or toks[lo : hi + 1])]
    kept = [t for t in toks[lo : hi + 1] if t.folded not in w.connectors]
    # a genitive-first name's own word is a genitive (თელავის მუნიციპალიტეტი): its base form, so
    # every case of the name gives one slug
    words = [w.english(t) or (base_form(t.text) if w.before and not w.pack.cased else t.text) for t in kept]
    if any(not w.english(t) for t in kept):
        return [x for x in words if x not in _DESCRIPTORS]
    return words


_QUOTED = regex.compile(r"[^\n.;:]{0,40}?[\"«“„]([^\"«»“”„\n]{2,40})[\"»”“]")


def _quoted_name(w: _Words, text: str, head: _Tok) -> tuple[int, int] | None:
    """A name in quotation marks after its organisation word (компания «X», شركة "X", the company
    "X"): the span of the quoted name, when at most three words lie between."""
    m = _QUOTED.match(text[head.end : head.end + 90])
    if not m or len(m.string[: m.start(1)].split()) > 3 or len(m.group(1).split()) > 5:
        return None
    return head.end + m.start(1), head.end + m.end(1)


def _known_acronym(ctx: _Context, start: int, end: int) -> str | None:
    """The slug of a known organisation named in a name's parentheses: "(UNIDO)" -> org:unido."""
    i = bisect_left(ctx._known_starts, start)
    return next((str(h.value) for h in ctx.known[i : i + 3] if h.end <= end), None)


_WINDOW = 160  # characters read on each side of an organisation word (a name is shorter)


@cache
def _words(code: str) -> _Words:
    return _Words(load(code))


def _candidates(w: _Words, folded: Folded) -> list[int]:
    """Positions of the words that may be organisation words or company suffixes: only the text
    around them is read, so a long text without any costs one scan."""
    if w.trigger is None:
        return []
    return [folded.index[m.start()] for m in w.trigger.finditer(folded.text)]


def find_orgs(text: str, pack: LangPack, hits: Sequence[Hit], folded: Folded | None = None) -> list[OrgName]:
    """Every organisation named in a text, by its organisation word or a company suffix."""
    w = _words(pack.code)
    ctx = _Context(hits)
    out: list[OrgName] = []
    last_end = -1
    for pos in _candidates(w, folded or fold(text)):
        if pos < last_end or ctx.in_known(pos):
            continue
        toks = _tokens(text, max(0, pos - _WINDOW), min(len(text), pos + _WINDOW))
        i = next((n for n, t in enumerate(toks) if t.start <= pos < t.end), None)
        if i is None or toks[i].start < last_end or ctx.state_in(toks[i]):
            continue  # "Russian Federation": a state's own name
        found = _org_at(w, toks, i, text, ctx)
        if found and not _in_aside(text, found.start):
            out.append(found)
            last_end = max([found.end] + [p.end for p in found.places])
    if pack.cased:
        out += [o for o in _acronym_orgs(w, text, ctx) if not any(x.start < o.end and o.start < x.end for x in out)]
        out += [o for o in _demonym_named(w, text, ctx) if not any(x.start < o.end and o.start < x.end for x in out)]
    return _shortest_slugs(sorted(out, key=lambda o: o.start))


_PAREN_ACRONYM = regex.compile(r"\((\p{Lu}[\p{Lu}\p{N}&\-]{1,9})\)")


def _acronym_orgs(w: _Words, text: str, ctx: _Context) -> list[OrgName]:
    """Names without an organisation word that the text gives an acronym of, in a cased language:
    "Hyundai Engineering & Construction (HDEC)", "Trends Research and Advisory (TRA)". The
    acronym must be the initials of the name; a name holding a state or a body noun is a state's
    body ("Japan International Cooperation Agency (JICA)"), not an organisation."""
    out = []
    for m in _PAREN_ACRONYM.finditer(text):
        toks = _tokens(text, max(0, m.start() - _WINDOW), m.start())
        if not toks or text[toks[-1].end : m.start()].strip() or ctx.in_known(toks[-1].start):
            continue
        span = _cased_span(w, toks, len(toks) - 1, text, ctx)
        if span is None or not _capital(toks[span[1]]):
            continue
        lo, hi = span
        words = [t for t in toks[lo : hi + 1] if t.folded not in w.connectors]
        if any(ctx.state_in(t) or _body_words_of(w.pack.code)(t) for t in toks[lo : hi + 1]) or _venue(w, toks, lo):
            continue
        if not _initials(m.group(1), [t.text for t in words]):
            continue
        start = _name_start(w, toks[lo])
        out.append(OrgName(start, m.end(), text[start : m.end()], org_slug(_slug_words(w, toks, lo, hi, ctx))))
    return out


def _demonym_named(w: _Words, text: str, ctx: _Context) -> list[OrgName]:
    """A company named by its country's adjective alone, as the Romance press does ("l'algerina
    X", "a francesa X", "la alemana X": the company, feminine, understood): an article (an elision
    or a short stop word), a small-letter demonym not in the masculine -o, then a capitalised name
    that is no state, known person, title or organisation word. The demonym says where it is."""
    out: list[OrgName] = []
    if not ctx.states or w.pack.script != "Latn":
        return out  # a Cyrillic preposition before a place's adjective ("в італійській Апулії") is no article
    articles = {f for f in (fold_str(s) for s in w.pack.get("language.yaml", "stop_words")) if len(f) <= 3}
    for h in ctx.states:
        if not text[h.start : h.start + 1].islower():
            continue
        toks = _tokens(text, max(0, h.start - 20), min(len(text), h.end + 80))
        k = next((n for n, x in enumerate(toks) if x.start <= h.start < x.end), None)
        if k is None or k == 0 or k + 1 >= len(toks) or toks[k].start != h.start or toks[k].end - h.end > 3:
            continue
        art = toks[k - 1]
        if not (art.text.endswith(("'", "’")) or art.folded in articles) or toks[k].folded.endswith(("o", "os")):
            continue  # a masculine demonym ("il russo X", "o chileno X") names a person, the company is feminine
        hi = k
        while hi + 1 < len(toks) and text[toks[hi].end : toks[hi + 1].start] == " " and _capital(toks[hi + 1]) \
                and not (ctx.state_in(toks[hi + 1]) or ctx.stops_at(toks[hi + 1]) or w.head(toks[hi + 1])
                         or toks[hi + 1].folded in w.stops or ctx.in_known(toks[hi + 1].start)):
            hi += 1
        if hi == k:
            continue
        name = toks[k + 1 : hi + 1]
        out.append(OrgName(name[0].start, name[-1].end, text[name[0].start : name[-1].end],
                           org_slug([x.text for x in name]), (h,)))
    return out


def _initials(acronym: str, words: list[str]) -> bool:
    """The acronym's letters are the words' initials, in order, with at most one word skipped."""
    letters = [c for c in fold_str(acronym) if c.isalpha()]
    inits = [fold_str(x[0])[:1] for x in words if x]  # É is E
    if len(letters) < 2 or not inits or letters[0] != inits[0] or len(inits) - len(letters) > 1:
        return False
    it = iter(inits)
    return all(any(c == i for i in it) for c in letters)


@cache
def _body_words_of(code: str) -> Callable[[_Tok], bool]:
    """Whether a word is one of the pack's body nouns (ministry, agency, directorate)."""
    nouns = tuple(fold_str(n) for n in load(code).get("parties.yaml", "body_nouns"))
    return lambda t: any(t.folded.startswith(n) for n in nouns if n)


def _shortest_slugs(orgs: list[OrgName]) -> list[OrgName]:
    """One organisation, one slug in a text: a name that is another name of the text with words
    added at an end (جامعة ماكيريري الأوغندية beside جامعة ماكيريري) takes the shorter one's slug,
    and a description (מכון מחקר, "a research institute") the name it describes (מכון המחקר TRENDS)."""
    words = {o.slug: o.slug[4:].split("-") for o in orgs}
    described = {o.slug for o in orgs if o.described}

    def extends(longer: list[str], shorter: list[str]) -> bool:
        return 2 <= len(shorter) < len(longer) and (longer[: len(shorter)] == shorter
                                                   or longer[-len(shorter) :] == shorter)

    out = []
    for o in orgs:
        mine = words[o.slug]
        if o.described:
            named = [s for s, w in words.items() if s not in described and extends(w, mine)]
            out.append(replace(o, slug=min(named, key=len)) if named else o)
            continue
        shorter = [s for s, w in words.items() if s not in described and extends(mine, w)]
        out.append(replace(o, slug=min(shorter, key=len)) if shorter else o)
    return out


def _venue(w: _Words, toks: Sequence[_Tok], lo: int) -> bool:
    """The name follows "in", "at", "في" (an article between), or carries a locative prefix
    (באוניברסיטת, بجامعة): the place of the ceremony, not a party to it."""
    k = lo - 1
    while k >= 0 and toks[k].folded in w.connectors:
        k -= 1
    if k >= 0 and toks[k].folded in w.locatives and toks[lo].start - toks[k].end <= 12:
        return True
    own = toks[lo].folded
    return any(own.startswith(p) and w._head(own[len(p) :]) for p in w.loc_prefixes if p)


def _in_aside(text: str, pos: int) -> bool:
    """Inside a parenthesis that is a remark ("(banned in X, owned by the Meta company)"), not an
    acronym or a place: an organisation named there is no party."""
    open_ = text.rfind("(", max(0, pos - 120), pos)
    if open_ < 0 or ")" in text[open_:pos]:
        return False
    inside = text[open_ + 1 : pos].lstrip()
    return bool(inside) and inside[:1].islower()


def _org_at(w: _Words, toks: Sequence[_Tok], i: int, text: str, ctx: _Context) -> OrgName | None:
    """The organisation whose organisation word or suffix is token i, if it has a name."""
    t = toks[i]
    is_head = w.head(t) is not None
    if not is_head and not (t.folded.rstrip(".") in w.bare_suffixes and i > 0 and _capital(toks[i - 1])):
        return None
    quoted = _quoted_name(w, text, t) if is_head else None
    if quoted:
        name = text[quoted[0] : quoted[1]]
        return OrgName(quoted[0], quoted[1], name, org_slug(name.split()), _demonym_before(toks, i, text, ctx))
    span = _uncased_span(w, toks, i, text, ctx) if is_head and not w.pack.cased else _cased_span(w, toks, i, text, ctx)
    if span is None:
        return None
    lo, hi = span
    if all(w.head(x) or x.folded in w.connectors for x in toks[lo : hi + 1]) or _venue(w, toks, lo):
        return None  # organisation words only: no name; or where the ceremony was
    # "מכון מחקר", "a research institute": in an uncased script, a description, named elsewhere
    described = not w.pack.cased and all(w.english(x) for x in toks[lo : hi + 1])
    name_end = toks[hi].end
    acronym = _ACRONYM.match(text[name_end : name_end + 20])
    if acronym:
        name_end += acronym.end()
    slug = _known_acronym(ctx, toks[hi].end, name_end) or org_slug(_slug_words(w, toks, lo, hi, ctx))
    places = [p for p in (_place_after(w, toks, hi, text, ctx), _place_before(w, toks, lo, ctx)) if p]
    if lo == i:
        places += _demonym_before(toks, i, text, ctx)
        # "la compagnia algerina X": the demonym after the organisation word says where it is
        places += [h for x in toks[i + 1 : hi] if not _capital(x) and (h := ctx.state_in(x)) is not None]
    start = _name_start(w, toks[lo])
    return OrgName(start, name_end, text[start:name_end], slug, tuple(places), described)


# A name in Latin letters: capitalised words, "&" and "-" between them ("Hyundai Engineering &
# Construction", "OpenAI").
_LATIN_NAME = regex.compile(r"(?<![\p{L}\p{N}])(?=\p{Lu})\p{Latin}[\p{Latin}\p{N}\-.]+"
                            r"(?:[ \t]+(?:&[ \t]+)?(?=\p{Lu})\p{Latin}[\p{Latin}\p{N}\-.]*){0,3}(?![\p{L}\p{N}])")


def foreign_names(folded: Folded, pack: LangPack, parties: Sequence[Hit]) -> list[Hit]:
    """Names in Latin letters in a text of another cased script (Cyrillic, Greek) joined by "and"
    to a party ("Мінцифри та Google", "консорциум Westinghouse и Hyundai Engineering &
    Construction"): the press writes companies so, by their own names; people it writes in its
    own letters. Each is an organisation party beside the one it is joined to."""
    if not pack.cased or pack.script == "Latn":
        return []
    text = folded.original
    ands = pack.folded("language.yaml", "conjunctions")
    out = []
    for m in _LATIN_NAME.finditer(text):
        name = m.group().rstrip(".-")
        a, b = m.start(), m.start() + len(name)
        if any(p.start < b and a < p.end for p in parties):
            continue  # already a party ("NATO", a company read by its suffix)
        beside = [text[word_end(text, p.end):a] for p in parties if 0 < a - word_end(text, p.end) <= 6] + \
            [text[b:p.start] for p in parties if 0 < p.start - b <= 6]
        if any(fold_str(g.strip()) in ands and g[:1].isspace() and g[-1:].isspace() for g in beside):
            slug = org_slug(name.replace("&", " ").split())
            out.append(Hit("party", slug, a, b, folded.folded_pos(a), folded.folded_pos(b), name))
    return out


def org_hits(folded: Folded, pack: LangPack, hits: Sequence[Hit]) -> list[Hit]:
    """The organisations of a text as party hits (value `org:<slug>`), and a `not_party` hit over
    each place that only says where one is (", Gabon", "في أوغندا"), which hides that state."""
    out = []
    for o in find_orgs(folded.original, pack, hits, folded):
        out.append(Hit("party", o.slug, o.start, o.end, folded.folded_pos(o.start), folded.folded_pos(o.end), o.name))
        out.extend(Hit("not_party", None, p.start, p.end, p.fstart, p.fend, p.phrase) for p in o.places
                   if p.kind == "party")
    heads = headed_companies(folded, pack, hits)
    out += [h for h in heads if not any(o.start < h.end and h.start < o.end for o in out)]
    hidden = {(h.start, h.end) for h in out if h.kind == "not_party"}
    parties = [h for h in [*hits, *out] if h.kind == "party" and (h.start, h.end) not in hidden]
    return out + foreign_names(folded, pack, parties)


# Offices that head a company: a name right after one ("the CEO of Acme Robotics Jane Miller",
# "l'amministratore delegato di Fiora Energia Marco Bellini") is the company's, then its head's.
_COMPANY_HEADS = {"CEO", "Chief Executive", "Managing Director"}


def headed_companies(folded: Folded, pack: LangPack, hits: Sequence[Hit]) -> list[Hit]:
    """Companies named only as what a chief executive heads, in a cased script: the office, a
    linking word, then a run of capitalised words of which the last two are the person's name
    (or, with a comma, the words before it). A run naming a state, a person or a place is left."""
    if not pack.cased:
        return []
    text = folded.original
    links = pack.folded("titles.yaml", "role_links")
    taken = [(h.start, h.end) for h in hits if h.kind in ("party", "known_person", "city", "role")]
    out = []
    for h in hits:
        if h.kind != "role" or h.value not in _COMPANY_HEADS:
            continue
        toks = _tokens(text, h.end, min(len(text), h.end + 80))
        if len(toks) < 3 or toks[0].folded not in links or text[h.end:toks[0].start].strip():
            continue
        run = [toks[1]]
        for t in toks[2:6]:
            if text[run[-1].end:t.start] not in (" ", ", ") or not t.text[:1].isupper():
                break
            run.append(t)
        comma = next((i for i in range(1, len(run)) if text[run[i - 1].end:run[i].start] == ", "), None)
        company = run[:comma] if comma else run[:-2]
        if not company or any(a < company[-1].end and company[0].start < b for a, b in taken) \
                or not all(t.text[:1].isupper() for t in company):
            continue
        start, end = company[0].start, company[-1].end
        out.append(Hit("party", org_slug([t.text for t in company]), start, end,
                       folded.folded_pos(start), folded.folded_pos(end), text[start:end]))
    return out

