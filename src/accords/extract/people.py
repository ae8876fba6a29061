"""People named with a title: who they are, what office they hold, which side they act for.

A person is found from an office title, not from a list of names:
    [party] ROLE [of COMPLEMENT] [,] [RANK|HONORIFIC]* NAME       "Kenya's Minister of ... Amina Wanjiru"
    NAME , [party] ROLE ...                                         "Luc Moreau, ministre de la Culture ..."
In cased scripts a name is a run of capitalised words; in caseless scripts (Arabic, Hebrew) it
is what follows the role's complement (the complement being definite words, office nouns and
demonyms) up to a stop word, a known word or punctuation. A name found once is then found
again by itself ("Aliyev", "Netanyahu") anywhere in the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from accords.extract.annotate import Doc, Token
from accords.knowledge import lookup
from accords.text.matcher import Hit
from accords.text.normalize import fold_str, light_fold

# Layers whose words are never part of a personal name.
_NOT_NAME_KINDS = {
    "party", "role", "portfolio", "body_noun", "month", "weekday", "rel_day", "rel_month",
    "instrument", "anaphora", "done", "nominal", "announce", "pair_subject", "not_done", "presence_cue",
    "presence_after", "side_word", "agent",
    "city", "landmark", "counterpart", "honorific", "rank", "quote_verb", "capital_word", "domain",
}  # (known_person hits are names: never in this set)
_MAX_NAME_TOKENS = 5


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    start: int
    end: int
    role_start: int | None
    role_end: int | None
    role_en: str | None
    party: str | None
    party_span: tuple[int, int] | None
    rule: str
    kb: str | None = None  # a leader of data/leaders.yaml this name refers to

    @property
    def key(self) -> str:
        return fold_str(self.name)


class _Reader:
    """Token-level reading of one document for names."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        pack = doc.pack
        self.cased = pack.cased
        self.particles = {fold_str(p) for p in pack.get("language.yaml", "name_particles")}
        self.stops = {light_fold(s) for s in pack.get("language.yaml", "stop_words")}
        # compared on the light fold: إلهام is a name, not ال + هام
        self.definite = tuple(light_fold(p) for p in pack.get("language.yaml", "definite_prefixes"))
        self.links = {fold_str(w) for w in pack.get("titles.yaml", "role_links")}
        self.venues = {fold_str(w) for w in pack.get("titles.yaml", "venue_nouns")}
        self.conjunctions = {fold_str(w) for w in pack.get("language.yaml", "conjunctions")}
        # ko: "박서연 장관은", a name written right before its office, as well as after it
        self.name_first = bool(pack.get("language.yaml", "name_before_title"))
        self.title_states = [(fold_str(k), [str(s) for s in v])
                             for k, v in pack.get("titles.yaml", "title_states").items()]
        self.prefixes = pack.prefixes
        # letters' names written with a full stop in a caseless script: initials (एस. के. राव)
        abbreviations = pack.get("language.yaml", "abbreviations")
        self.initials = set() if self.cased else {light_fold(str(a)).rstrip(".") for a in abbreviations}
        # case endings a caseless script writes on a name's last word only (ka ზელენსკიმ)
        self.case_endings = () if self.cased else tuple(
            sorted((str(e) for e in pack.get("language.yaml", "name_case_endings")), key=len, reverse=True))
        # token index -> kinds of the hits covering it
        self.kinds: list[set[str]] = [set() for _ in doc.tokens]
        self.hit_at: list[list[Hit]] = [[] for _ in doc.tokens]
        for h in doc.hits:
            first = max(0, doc.token_index(h.start + 1) - 1)  # the token holding the hit's first letter
            for i in range(first, len(doc.tokens)):
                t = doc.tokens[i]
                if t.start >= h.end:
                    break
                if t.end <= h.start:
                    continue
                self.kinds[i].add(h.kind)
                self.hit_at[i].append(h)

    # -- token classes -------------------------------------------------------------------
    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        toks = self.doc.tokens
        if i <= 0 or i >= len(toks):
            return ""
        return self.doc.text[toks[i - 1].end : toks[i].start]

    def is_particle(self, tok: Token) -> bool:
        f = tok.folded
        return f in self.particles or any(f.startswith(p + "-") for p in self.particles)

    def _prefixed_article(self, tok: Token) -> bool:
        bare = min(self.definite, key=len)
        return any(tok.light.startswith(p) for p in self.definite if p != bare)

    def is_definite(self, tok: Token) -> bool:
        return bool(self.definite) and tok.light.startswith(self.definite) and len(tok.light) > 3

    def blocked(self, i: int) -> bool:
        """Token i cannot be part of a name."""
        tok = self.doc.tokens[i]
        kinds = self.kinds[i] & _NOT_NAME_KINDS
        if kinds == {"month"} and self.cased and not self._by_digit(i):
            kinds = set()  # "Jun Sato", "Theresa May": a month's name with no day or year by it
        return (bool(kinds) or tok.light in self.stops
                or tok.text[:1].isdigit() or self.doc.in_quote(tok.start))  # 10일, 2025년: no name word

    def _by_digit(self, i: int) -> bool:
        toks = self.doc.tokens
        return any(0 <= j < len(toks) and any(c.isdigit() for c in toks[j].text) for j in (i - 1, i + 1))

    # -- names ---------------------------------------------------------------------------
    def name_at(self, i: int) -> int:
        """How many tokens from i form a name (0 when none)."""
        toks = self.doc.tokens
        n = 0
        while i + n < len(toks) and n < _MAX_NAME_TOKENS:
            j = i + n
            if n and not self._joinable(self.gap(j)) and not (self._initial(j - 1) and self.gap(j).strip() == "."):
                break
            tok = toks[j]
            if self.blocked(j) and not (n and (self.is_particle(tok) or self._surname_word(j))) \
                    and not self._initial(j):
                break
            if self.cased:
                if not (tok.capitalised or (n and self.is_particle(tok))):
                    break
            elif self.is_definite(tok) and (n == 0 or self._prefixed_article(tok)):
                break  # a name may carry the article (الكعبي), not a preposition on it (للصحفيين)
            n += 1
            if self._case_marked(tok, n):
                break  # the word that carries the case ends the name ("ფუმიო კიშიდამ | იტალიაში")
        while n and self.is_particle(toks[i + n - 1]):
            n -= 1
        if not self.cased and n > 3:
            n = 3 if not any(self.is_particle(toks[i + k]) for k in range(1, n)) else n
        return n

    def _initial(self, j: int) -> bool:
        """Token j is an initial of a caseless script ("एस." in "एस. जयशंकर"): a listed letter's
        name with its full stop, then more of the name; never an office or a rank."""
        toks = self.doc.tokens
        return bool(self.initials) and toks[j].light in self.initials and j + 1 < len(toks) \
            and self.gap(j + 1).strip() == "." and not self.kinds[j] & {"role", "rank", "honorific"}

    def _surname_word(self, j: int) -> bool:
        """A capitalised topic word after a given name is a surname ("Rosa Paz", "Ana Seguridad")."""
        tok = self.doc.tokens[j]
        return self.cased and tok.capitalised and bool(self.kinds[j]) and self.kinds[j] <= {"domain", "area"} \
            and tok.light not in self.stops and not self.doc.in_quote(tok.start)

    def _case_marked(self, tok: Token, n: int) -> bool:
        """A word after the first ends in a case ending (the first may be a given name that looks
        inflected: ილჰამ, ტაკეში)."""
        return n > 1 and any(tok.text.endswith(e) and len(tok.text) > len(e) + 2 for e in self.case_endings)

    @staticmethod
    def _joinable(gap: str) -> bool:
        return gap in (" ", "\u00a0", "") or gap.strip() in ("", "-")

    def role_end(self, head: Hit) -> tuple[int, str | None, tuple[int, int] | None]:
        """The token index after a role's complement, and a party named in it."""
        doc = self.doc
        first = i = doc.token_index(head.end)
        party: str | None = None
        span: tuple[int, int] | None = None
        toks = doc.tokens
        listed = False  # the complement lists portfolios: "of Foreign Affairs, African Cooperation and ..."
        while i < len(toks):
            gap = self.gap(i)
            if "," in gap and i > first and self._listed_portfolio(i):
                listed = True
            elif "," in gap or "،" in gap or any(c in gap for c in ".:;()\"«»“”\n"):
                break
            kinds = self.kinds[i]
            tok = toks[i]
            if kinds & {"city", "landmark"}:
                if not (i > first and self._of_place(i)):
                    break
                i += 1  # "Mayor of Haifa X", "נשיא אוניברסיטת חיפה": the place is the office's
                continue
            if "party" in kinds:
                h = next(h for h in self.hit_at[i] if h.kind == "party")
                party, span = party or str(h.value), span or (h.start, h.end)
            elif not self._in_complement(tok, kinds):
                linked = i > first and (toks[i - 1].folded in self.links or listed)
                more = self._office_words(i) if self.cased and linked else 0
                if not more:
                    break
                i += more
                continue
            i += 1
        return i, party, span

    def _of_place(self, i: int) -> bool:
        """A place named right after a link or a body noun inside an office's name."""
        prev = self.doc.tokens[i - 1]
        return (prev.folded in self.links or bool(self.kinds[i - 1] & {"body_noun", "portfolio"})) \
            and not self.gap(i).strip()

    def _cap_run(self, i: int) -> int:
        """How many capitalised words run from token i, within one phrase."""
        toks = self.doc.tokens
        n = 0
        while i + n < len(toks) and (n == 0 or self._joinable(self.gap(i + n))) and toks[i + n].capitalised \
                and toks[i + n].light not in self.stops and not self.doc.in_quote(toks[i + n].start):
            n += 1
        return n

    def _office_words(self, i: int) -> int:
        """Capitalised words after a link inside an office's name that are not in the lexicon
        ("Minister of Economy and Sustainable Development X", "Rector of Erzincan University X"):
        up to the last office word of the run, or, when the run has none, all but the two
        words of the name that ends it ("and Moroccan Expatriates X Y")."""
        n = self._cap_run(i)
        office = [k for k in range(n) if self.kinds[i + k] & {"portfolio", "body_noun", "role"}]
        if office:
            return office[-1] + 1
        return n - 2 if n >= 3 else 0

    def _listed_portfolio(self, i: int) -> bool:
        """After a comma inside an office's name, the next words list more of it, up to an "and":
        "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates X"."""
        toks = self.doc.tokens
        k = i
        office = False
        while k < len(toks) and k - i <= 4:
            if k > i and not self._joinable(self.gap(k)):
                return False
            tok = toks[k]
            if tok.folded in self.conjunctions:
                return office and k > i
            if not (tok.capitalised or tok.folded in self.links) or self.blocked(k) and not (
                    self.kinds[k] & {"portfolio", "body_noun", "party"}):
                return False
            office = office or bool(self.kinds[k] & {"portfolio", "body_noun"})
            k += 1
        return False

    def _in_complement(self, tok: Token, kinds: set[str]) -> bool:
        """A word of an office's name after its head: a portfolio or body word, a link ("of",
        "the", "and"), initials ("Secretary-General of the CC CPV"), or in a caseless script a
        definite word (وزير الدفاع)."""
        if kinds & {"portfolio", "body_noun", "domain", "area"} or tok.folded in self.links:
            return True
        if self.cased:
            return _acronym(tok.text)
        return self.is_definite(tok) or self._and_definite(tok)

    def _and_definite(self, tok: Token) -> bool:
        for p in self.prefixes:
            if tok.light.startswith(p) and len(tok.light) > len(p) + 3:
                rest = tok.light[len(p):]
                if self.definite and rest.startswith(self.definite):
                    return True
        return False

    def skip_titles(self, i: int) -> int:
        """Skip ranks, honorifics and one comma before a name."""
        toks = self.doc.tokens
        commas = 0
        while i < len(toks):
            gap = self.gap(i)
            if "," in gap or "،" in gap:
                commas += 1
                if commas > 1:
                    break
            if any(c in gap for c in ".:;\n!?؟") and not self._rank_gap(i):
                return len(toks)  # a name never starts past the end of a sentence
            if self.kinds[i] & {"rank", "honorific"}:
                i += 1
                continue
            break
        return i

    def _rank_gap(self, i: int) -> bool:
        """Gaps inside "Brig. Gen. (Res.)" belong to the rank, not to a sentence."""
        return bool(i and self.kinds[i - 1] & {"rank", "honorific"})

    def title_state(self, head: Hit) -> tuple[str | None, tuple[int, int] | None]:
        """A title that names its state ("Bundeswirtschaftsministerin": Germany's), unless the
        text names one of the other states that use the same title (Austria, Switzerland)."""
        title = fold_str(self.doc.text[head.start:head.end])
        for prefix, states in self.title_states:
            if title.startswith(prefix) and states:
                if not any(h.kind == "party" and h.value in states[1:] for h in self.doc.hits):
                    return states[0], (head.start, head.end)
                return None, None
        return None, None

    def _link(self, tok: Token) -> bool:
        return tok.folded in self.links or tok.folded in self.conjunctions

    def party_before(self, head: Hit) -> tuple[str | None, tuple[int, int] | None]:
        """A party right before a role head: "Azerbaijan's Minister", "US Vice President"."""
        i = self.doc.token_index(head.start) - 1
        for back in range(6):  # "İranın rabitə və informasiya texnologiyaları naziri": over the portfolio
            j = i - back
            if j < 0:
                break
            if "party" in self.kinds[j]:
                h = next(h for h in self.hit_at[j] if h.kind == "party")
                if not any(c in self.doc.text[h.end : head.start] for c in ",.;:\n"):
                    return str(h.value), (h.start, h.end)
            tok = self.doc.tokens[j]
            joins = self._link(tok) and j > 0 and "portfolio" in self.kinds[j - 1]
            # a possessive link, not "and", between the party and its office: "भारत के विदेश मंत्री"
            owner = tok.folded in self.links and tok.folded not in self.conjunctions and j > 0 \
                and "party" in self.kinds[j - 1]
            if not (self.kinds[j] & {"portfolio", "role"} or joins or owner):  # "rabitə və informasiya"
                break
        return None, None


def _acronym(word: str) -> bool:
    """An organisation's initials ("CPV", "ЦК"): part of an office's name, never of a person's."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def _party_in_brackets(r: _Reader, i: int) -> tuple[str | None, tuple[int, int] | None]:
    """A party in brackets right after a name: "Ana Ruiz (Uruguay)"."""
    toks = r.doc.tokens
    if i < len(toks) and "(" in r.gap(i) and "party" in r.kinds[i]:
        h = next(h for h in r.hit_at[i] if h.kind == "party")
        after = r.doc.text[h.end : h.end + 2]
        if after.startswith(")"):
            return str(h.value), (h.start, h.end)
    return None, None


def _bracket_list(r: _Reader, first: PersonMention) -> list[PersonMention]:
    """Names listed after a titled one, each with its party in brackets: "the foreign ministers
    Ana Ruiz (Uruguay), Juan Gil (Peru) and Rosa Paz (Chile)" — same office, each their party."""
    toks = r.doc.tokens
    j = r.doc.token_index(first.end)
    if _party_in_brackets(r, j)[0] is None:
        return []
    out: list[PersonMention] = []
    head = None
    while True:
        j += 1  # past the bracketed party
        if j >= len(toks):
            break
        gap = r.gap(j)
        if toks[j].folded in r.conjunctions and gap.strip() in ("", ")", "),"):
            j += 1
        elif "," not in gap:
            break
        n = r.name_at(j) if j < len(toks) else 0
        party, pspan = _party_in_brackets(r, j + n) if n else (None, None)
        if party is None:
            break
        m = _mention(r, j, n, head, j, party, pspan, "bracket-list")
        out.append(PersonMention(m.name, m.start, m.end, first.role_start, first.role_end, first.role_en,
                                 party, pspan, m.rule, m.kb))
        j += n
    return out


def _party_list(r: _Reader, first: PersonMention) -> list[PersonMention]:
    """Offices listed by party after a plural title: "the presidents of Argentina, X; of Uruguay,
    Y, and of the host Paraguay, Z" — each name the office of the party named before it."""
    toks = r.doc.tokens
    out: list[PersonMention] = []
    j = r.doc.token_index(first.end)
    while j < len(toks) and any(c in r.gap(j) for c in ";,"):
        k, party = j, None
        while k < len(toks) and k - j < 4 and party is None:
            if "party" in r.kinds[k]:
                party = next(h for h in r.hit_at[k] if h.kind == "party")
            elif not (toks[k].folded in r.links or toks[k].folded in r.conjunctions or not toks[k].capitalised):
                break
            k += 1
        if party is None or "," not in r.gap(k):
            break
        n = r.name_at(k) if k < len(toks) else 0
        if n < 2:
            break
        m = _mention(r, k, n, None, k, str(party.value), (party.start, party.end), "party-list")
        out.append(PersonMention(m.name, m.start, m.end, first.role_start, first.role_end, first.role_en,
                                 m.party, m.party_span, m.rule, m.kb))
        j = k + n
    return out


def _mention(r: _Reader, start_tok: int, n: int, head: Hit | None, role_end_tok: int,
             party: str | None, pspan: tuple[int, int] | None, rule: str) -> PersonMention:
    toks = r.doc.tokens
    s, e = toks[start_tok].start, toks[start_tok + n - 1].end
    role_start = head.start if head else None
    role_end = toks[role_end_tok - 1].end if head and role_end_tok > 0 else (head.end if head else None)
    if role_end is not None and role_start is not None and role_end < role_start:
        role_end = head.end if head else None
    name = " ".join(t.text for t in toks[start_tok : start_tok + n])
    bracketed, bspan = _party_in_brackets(r, start_tok + n)
    if bracketed is not None:  # "Ana Ruiz (Uruguay)": the name's own pairing wins
        party, pspan = bracketed, bspan
    role_en = None if head is None else str(head.value) if head.value is not None else "Counterpart"
    return PersonMention(name, s, e, role_start, role_end, role_en, party, pspan, rule, _leader(name, r.doc.lang))


def _leader(name: str, lang: str) -> str | None:
    """The leader a name refers to: as written, less a first word the name may carry before it
    ("سید عباس عراقچی", Seyed), or by the surname after initials ("С. Лавров")."""
    found = lookup(name, lang)
    words = name.split()
    if found is None and len(words) >= 3:
        found = lookup(" ".join(words[1:]), lang)
    if found is None and len(words) >= 2 and all(len(w) == 2 and w.endswith(".") for w in words[:-1]):
        found = lookup(words[-1], lang)
    return found


def _names_the_body(r: _Reader, k: int) -> bool:
    """Token k, the last of an office's complement, asks for a name of what the office is of:
    "of" ("Presidents of X") or, in a caseless script, a body noun in construct ("جامعة X")."""
    tok = r.doc.tokens[k]
    if r.cased:
        return tok.folded in r.links
    return bool(r.kinds[k] & {"portfolio", "body_noun"}) and not r.is_definite(tok)


def _case_agrees(r: _Reader, head: Hit, last: Token) -> bool:
    """Where names take case endings (ka), a name after an inflected title carries a case too:
    "ელჩმა X-მა" — "ელჩმა მადლიერება გამოხატა" (the ambassador expressed thanks) names no one."""
    if not r.case_endings:
        return True
    title = r.doc.tokens[max(0, r.doc.token_index(head.end) - 1)].text  # the whole word, ending and all
    if not any(title.endswith(e) and len(title) > len(e) + 2 for e in r.case_endings):
        return True
    return any(last.text.endswith(e) and len(last.text) > len(e) + 1 for e in r.case_endings)


def _after_role(r: _Reader, head: Hit) -> list[PersonMention]:
    if r.name_first and _particle_on(r, head):
        return []  # "X 장관은 ...": a title with a particle ends its phrase; its name stood before it
    end, party, pspan = r.role_end(head)
    if party is None:
        party, pspan = r.party_before(head)
    if party is None:
        party, pspan = r.title_state(head)
    i = r.skip_titles(end)
    n = r.name_at(i) if i < len(r.doc.tokens) else 0
    if not n or n == 1 and i == end and _names_the_body(r, i - 1):
        return []  # "Presidents of Mercosur", "رئيس جامعة X": one word there names what the office is of
    if not _case_agrees(r, head, r.doc.tokens[i + n - 1]) or _names_a_venue(r, head, i, n):
        return []
    out = [_mention(r, i, n, head, end, party, pspan, "title-name")]
    # Caseless coordination: "الرئيسان الروسي X والإيراني Y" gives a second person of the same office.
    j = i + n
    if not r.cased and j < len(r.doc.tokens) and "party" in r.kinds[j] and "counterpart" not in r.kinds[j]:
        h = next(h for h in r.hit_at[j] if h.kind == "party")
        k = r.skip_titles(j + 1)
        m = r.name_at(k) if k < len(r.doc.tokens) else 0
        if m:
            out.append(_mention(r, k, m, head, j + 1, str(h.value), (h.start, h.end), "title-name-coordinated"))
    return out


def _particle_on(r: _Reader, head: Hit) -> bool:
    """The word that holds a title goes on past it: a case ending or particle is written on it."""
    i = r.doc.token_index(head.end) - 1
    return 0 <= i < len(r.doc.tokens) and r.doc.tokens[i].end > head.end


def _name_then_title(r: _Reader, head: Hit) -> PersonMention | None:
    """NAME [party] [office words] TITLE, with no comma ("박서연 산업통상자원부 장관은", "레예스
    마르코 필리핀 국방장관과"), where a language writes a name before its office (`name_before_title`).
    The name is the bare words right before the office's complement: none of them carries a case
    ending (a word that does ends the phrase before), up to a stop word or a known word."""
    doc, toks = r.doc, r.doc.tokens
    k = doc.token_index(head.start + 1) - 1  # the token holding the title's first letter
    while k > 0 and r.kinds[k - 1] & {"party", "portfolio", "body_noun", "role"} and r._joinable(r.gap(k)):
        k -= 1  # back over "베트남 산업무역부" to the first word of the office
    end = k
    start = end
    while start > 0 and end - start < 3 and r._joinable(r.gap(start)) and not r.blocked(start - 1) \
            and not _carries_ending(r, toks[start - 1]):
        start -= 1
    if start == end or len(toks[end - 1].text) < 2:
        return None  # a surname alone ("윤 대통령"): too short to tell from a word
    party, pspan = r.party_before(head)
    rend = doc.token_index(head.end)
    return _mention(r, start, end - start, head, rend, party, pspan, "name-title")


def _carries_ending(r: _Reader, tok: Token) -> bool:
    return any(tok.text.endswith(e) and len(tok.text) > len(e) + 2 for e in r.case_endings)


def _names_a_venue(r: _Reader, head: Hit, i: int, n: int) -> bool:
    """A title and a name that make a venue's name, not a person: after a venue noun ("מלון
    המלך דוד", "فندق الملك داود", "Hotel König David") or, in a cased script, before one ("the King
    David Hotel", "King Fahd Stadium"): the name read at tokens i..i+n, or the word after it."""
    toks = r.doc.tokens
    k = r.doc.token_index(head.start + 1) - 2  # the token before the one holding the title ("למלון המלך")
    if k >= 0 and {toks[k].folded, _strip_prefix(r, toks[k].folded)} & r.venues:
        return True
    return r.cased and any(t.folded in r.venues for t in toks[i : i + n + 1])


def _coordinated(r: _Reader, first: PersonMention) -> PersonMention | None:
    """"the ambassadors, X and Y", "Minister X and Y": a full name right after "and" that follows
    a titled name is a person too. Its office is not known (the title may be singular)."""
    toks = r.doc.tokens
    j = r.doc.token_index(first.end)
    if j + 1 >= len(toks) or toks[j].folded not in r.conjunctions or r.gap(j).strip():
        return None
    k = j + 1
    if r.kinds[k] & {"role", "counterpart", "party", "rank", "honorific"}:
        return None  # "X and the Minister Y", "X and Germany": read by other rules
    n = r.name_at(k)
    return _mention(r, k, n, None, k, None, None, "coordinated-name") if n >= 2 else None


def _comma_list(r: _Reader, first: PersonMention) -> list[PersonMention]:
    """"Ministers X, Y and Z attended", "השרים X, Y ו-Z": full names after a titled one, each after
    a comma, are people too when the list closes with "and" and a last full name (without that
    close a comma may open anything: "Minister X, Berlin's partner, ..."). Their offices are not
    known (the title may be singular)."""
    toks, items = r.doc.tokens, []
    j = r.doc.token_index(first.end)
    while j < len(toks) and len(items) < 6 and r.gap(j).strip() == ",":
        if toks[j].folded in r.conjunctions or _conjoined(r, j):
            break
        n = _name_before_and(r, j)
        if r.kinds[j] & {"role", "counterpart", "party", "rank", "honorific"} or n < 2:
            return []
        items.append(_mention(r, j, n, None, j, None, None, "listed-name"))
        j += n
    last = _last_item(r, j) if items and j < len(toks) else None
    return items + [last] if last is not None else []


def _conjoined(r: _Reader, j: int) -> bool:
    """Token j carries "and" as a one-letter prefix (he ו, ar و) before a name."""
    tok = r.doc.tokens[j]
    return tok.folded[:1] in r.conjunctions and tok.folded[:1] in r.prefixes and len(tok.folded) > 2


def _name_before_and(r: _Reader, j: int) -> int:
    """The name at token j, ending before a word with "and" written on it ("משה כץ ורות")."""
    n = r.name_at(j)
    return next((k for k in range(1, n) if _conjoined(r, j + k)), n)


def _last_item(r: _Reader, j: int) -> PersonMention | None:
    """A list's last item at token j: "and" and a full name, or a full name with "and" written on it."""
    toks = r.doc.tokens
    if toks[j].folded in r.conjunctions:
        n = r.name_at(j + 1) if j + 1 < len(toks) else 0
        return _mention(r, j + 1, n, None, j + 1, None, None, "listed-name") if n >= 2 else None
    if not _conjoined(r, j) or r.name_at(j) < 2:
        return None
    m = _mention(r, j, r.name_at(j), None, j, None, None, "listed-name")
    return replace(m, name=m.name[1:], start=m.start + 1, kb=_leader(m.name[1:], r.doc.lang))


def _before_role(r: _Reader, head: Hit) -> PersonMention | None:
    """NAME, ROLE: "Luc Moreau, ministre de la Culture", "ناصر الكعبي، وزير الخارجية"."""
    doc = r.doc
    i = doc.token_index(head.start)
    # allow a party or a link word ("the", "le") between the comma and the head
    j = i
    while r.cased and j > 0 and (r.kinds[j - 1] & {"party", "portfolio"} or doc.tokens[j - 1].folded in r.links):
        j -= 1
    gap = r.gap(j)
    if not any(c in gap for c in ",،("):
        return None
    k = j - 1
    start = _name_start_before(r, k) if r.cased else _caseless_name_start_before(r, k)
    n = r.name_at(start) if start >= 0 else 0
    if n < 2 or start + n != k + 1:
        return None
    end, party, pspan = r.role_end(head)
    if party is None:
        party, pspan = r.party_before(head)
    return _mention(r, start, n, head, end, party, pspan, "name-comma-title")


def _name_start_before(r: _Reader, k: int) -> int:
    """The first word of a capitalised name that ends at token k."""
    start = k
    while start > 0 and not r.blocked(start - 1) and r._joinable(r.gap(start)) and (
            r.doc.tokens[start - 1].capitalised or r.is_particle(r.doc.tokens[start - 1])) and k - start < 4:
        start -= 1
    return start


def _caseless_name_start_before(r: _Reader, k: int) -> int:
    """The first word of a name that ends at token k in a caseless script: up to three words
    back to a stop word, a known word or a definite word ("وجمعت المباحثات | ناصر الكعبي،")."""
    toks = r.doc.tokens
    if k < 1 or r.blocked(k):
        return -1
    start = k
    while start > 0 and k - start < 2 and r._joinable(r.gap(start)) and not r.blocked(start - 1) \
            and not r.is_definite(toks[start - 1]):
        start -= 1
    # a surname may be definite (الكعبي), a given name is not
    return -1 if r.is_definite(toks[start]) else start


def _after_honorific(r: _Reader, h: Hit) -> PersonMention | None:
    """HONORIFIC NAME [OFFICE]: "سعادة X رئيس الجامعة", "Mr X", "Prof X, Vice Chancellor": a
    courtesy title or rank names a person even where no office comes before the name; an office
    right after the name is theirs."""
    doc = r.doc
    i = r.skip_titles(doc.token_index(h.start))
    n = r.name_at(i) if i < len(doc.tokens) else 0
    if n < 2:
        return None
    j = i + n
    head = next((x for x in r.hit_at[j] if x.kind == "role"), None) if j < len(doc.tokens) else None
    if head is None or any(c in r.gap(j) for c in ".:;()\n") or doc.in_quote(head.start):
        return _mention(r, i, n, None, i, None, None, "honorific-name")
    end, party, pspan = r.role_end(head)
    if party is None:
        party, pspan = r.party_before(head)
    return _mention(r, i, n, head, end, party, pspan, "honorific-name-title")


def _initial_names(r: _Reader) -> list[PersonMention]:
    """An initial and a surname ("Б. Соколов", "J. Smith") name a person in a cased script."""
    toks = r.doc.tokens
    out = []
    for i, tok in enumerate(toks[:-1]):
        t = tok.text
        if not (len(t) == 2 and t[0].isupper() and t[1] == "." and t[0].isalpha()) or r.doc.in_quote(tok.start) \
                or r.kinds[i] & {"honorific", "rank"}:
            continue  # "M. Macron" is Monsieur, not an initial
        if i and len(toks[i - 1].text) == 2 and toks[i - 1].text.endswith(".") and r._joinable(r.gap(i)):
            continue  # the second of two initials: read from the first
        n = 1
        while i + n < len(toks) and n < 3 and len(toks[i + n].text) == 2 and toks[i + n].text.endswith("."):
            n += 1
        k = i + n
        if k < len(toks) and r._joinable(r.gap(k)) and toks[k].capitalised and not r.blocked(k) \
                and toks[k].text.isalpha() and len(toks[k].text) > 2:
            out.append(_mention(r, i, n + 1, None, i, None, None, "initial-name"))
    return out


def name_by_verb(doc: Doc, verb: Hit) -> PersonMention | None:
    """The name right before or right after a quote verb ("Okoro said", "dijo Peña", "قال X"),
    for a speaker whom no title introduced."""
    r = _reader(doc)
    first = doc.token_index(verb.start)
    after = doc.token_index(verb.end)
    toks = doc.tokens
    if after < len(toks) and r._joinable(r.gap(after)):
        k = r.skip_titles(after)
        n = r.name_at(k) if k < len(toks) else 0
        if n and (r.cased or n >= 2):
            # caseless: two words, a third is often whom it was said to (לכתבים, "to reporters")
            return _mention(r, k, n if r.cased else 2, None, k, None, None, "quote-verb-name")
    if r.cased and first > 0 and r._joinable(r.gap(first)):
        start = _name_start_before(r, first - 1)
        n = r.name_at(start)
        if n and start + n == first:
            return _mention(r, start, n, None, start, None, None, "quote-verb-name")
    return None


def _untitled_pairs(r: _Reader) -> list[PersonMention]:
    """Two full names joined by "and" in a sentence that reports a signing ("Sənədi Ali Məmmədov
    və Pavel Orlov imzalayıblar", "signed by Ana Ruiz and Juan Gil"): the signers, though no title
    names them (cased scripts, two or three capitalised words each)."""
    doc = r.doc
    toks = doc.tokens
    out: list[PersonMention] = []
    signing = [(s.start, s.end) for s in doc.sentences if doc.hits_in(s.start, s.end, "done")]
    for j, tok in enumerate(toks):
        if tok.folded not in r.conjunctions or not 2 <= j < len(toks) - 2 or doc.in_quote(tok.start):
            continue
        if not any(a <= tok.start < b for a, b in signing):
            continue
        start = _name_start_before(r, j - 1)
        left, right = r.name_at(start), r.name_at(j + 1)
        if start + left != j or not (2 <= left <= 3 and 2 <= right <= 3):
            continue
        pair = [(start, left), (j + 1, right)]
        if all(all(toks[k].text.isalpha() for k in range(a, a + n)) for a, n in pair):
            out += [_mention(r, a, n, None, a, None, None, "untitled-pair") for a, n in pair]
    return out


def find_people(doc: Doc) -> list[PersonMention]:
    """Every titled person in the text, then their later bare mentions, in text order (computed
    once per document: events and quote speakers both read it)."""
    cached = doc.cache.get("people")
    if cached is None:
        cached = doc.cache["people"] = _find_people(doc)
    return list(cached)


def _reader(doc: Doc) -> _Reader:
    """One reading of the document's tokens, shared by the people and the quote speakers."""
    r = doc.cache.get("reader")
    if r is None:
        r = doc.cache["reader"] = _Reader(doc)
    return r


def _find_people(doc: Doc) -> list[PersonMention]:
    if not doc.pack.spaced:
        return _unspaced_people(doc)
    r = _reader(doc)
    found: dict[tuple[int, int], PersonMention] = {}
    coordinated: dict[tuple[int, int], PersonMention] = {}
    for h in doc.hits:
        if h.kind not in ("role", "counterpart") or doc.in_quote(h.start):
            continue
        for m in _after_role(r, h):
            found.setdefault((m.start, m.end), m)
            for listed in _bracket_list(r, m) + (_party_list(r, m) if r.cased and m.party else []):
                found.setdefault((listed.start, listed.end), listed)
            if r.conjunctions and (co := _coordinated(r, m)) is not None:
                coordinated.setdefault((co.start, co.end), co)
            for listed in _comma_list(r, m):
                coordinated.setdefault((listed.start, listed.end), listed)
        before = _before_role(r, h) or (_name_then_title(r, h) if r.name_first else None)
        if before:
            found.setdefault((before.start, before.end), before)
    for span, co in coordinated.items():  # a name read with its own title keeps it
        found.setdefault(span, co)
    for h in doc.hits:
        if h.kind in ("honorific", "rank") and not doc.in_quote(h.start):
            hon = _after_honorific(r, h)
            if hon is not None and not _overlaps(hon, found):
                found[(hon.start, hon.end)] = hon
    if r.cased:
        for m in _initial_names(r) + _untitled_pairs(r):
            if not _overlaps(m, found):
                found[(m.start, m.end)] = m
    people = _full_names(sorted(found.values(), key=lambda m: m.start))
    people += _known_people(doc, people)
    people.sort(key=lambda m: m.start)
    bare = _bare_mentions(r, people)
    return _drop_nested(people + bare + _coordinated_with_known(r, people + bare))


def _unspaced_people(doc: Doc) -> list[PersonMention]:
    """Chinese, Japanese: names read around titles by characters, not words (people_unspaced)."""
    from accords.extract.people_unspaced import bare_mentions, titled_names

    people = _unspaced_full_names(sorted(_drop_nested(titled_names(doc)), key=lambda m: m.start))
    people += _known_people(doc, people)
    people.sort(key=lambda m: m.start)
    return _drop_nested(people + bare_mentions(doc, people))


def _unspaced_full_names(people: list[PersonMention]) -> list[PersonMention]:
    """A short form (上川 of 上川大臣, ゼレンスキー) takes the full name the text gives elsewhere
    (上川陽子, ヴォロディミル・ゼレンスキー): the longer name it begins or ends."""
    out = []
    for p in people:
        longer = [q.name for q in people if len(q.name) > len(p.name) and
                  (q.name.startswith(p.name) or q.name.endswith(p.name))]
        out.append(replace(p, name=longer[0], rule=p.rule + "+full-name") if longer else p)
    return out


def _coordinated_with_known(r: _Reader, people: list[PersonMention]) -> list[PersonMention]:
    """"Mwangi and Kofi Mensah signed": a full name after "and" next to a person already known
    (by title earlier in the text, or from the knowledge file) is a person too."""
    if not r.conjunctions:
        return []
    out = []
    for p in people:
        if p.rule in ("known-name", "known-person"):
            co = _coordinated(r, p)
            if co is not None and not any(q.start < co.end and co.start < q.end for q in people + out):
                out.append(co)
    return out


def _overlaps(m: PersonMention, found: dict[tuple[int, int], PersonMention]) -> bool:
    return any(a < m.end and m.start < b for a, b in found)


def _known_people(doc: Doc, found: list[PersonMention]) -> list[PersonMention]:
    """Leaders named without a title ("Erdoğan ve Aliyev imza attı"), from the knowledge file."""
    taken = [(p.start, p.end) for p in found]
    # a leader's surname inside a place's or state's name is not the leader ("Costa Rica")
    taken += [(h.start, h.end) for h in doc.hits if h.kind in ("party", "city", "landmark", "not_party")]
    out = []
    for h in doc.hits:
        if h.kind not in ("known_person", "known_surname") or doc.in_quote(h.start):
            continue
        if any(a < h.end and h.start < b for a, b in taken):
            continue
        name = doc.text[h.start : h.end]
        if doc.pack.cased and not name[:1].isupper():
            continue
        out.append(PersonMention(name, h.start, h.end, None, None, None, None, None, "known-person", str(h.value)))
        taken.append((h.start, h.end))
    return out


def _full_names(people: list[PersonMention]) -> list[PersonMention]:
    """A short form ("Abu Salem") takes the full name the same text gives elsewhere ("Karim Abu Salem")."""
    out = []
    for p in people:
        words = p.name.split()
        longer = [q for q in people if len(q.name.split()) > len(words)
                  and [fold_str(w) for w in q.name.split()[-len(words):]] == [fold_str(w) for w in words]]
        if longer:
            q = longer[0]
            p = PersonMention(q.name, p.start, p.end, p.role_start, p.role_end, p.role_en or q.role_en,
                              p.party or q.party, p.party_span or q.party_span, p.rule + "+full-name", p.kb or q.kb)
        out.append(p)
    return out


def _bare_mentions(r: _Reader, people: list[PersonMention]) -> list[PersonMention]:
    """Later mentions of a known person by full name or surname alone."""
    doc = r.doc
    taken = sorted((p.start, p.end) for p in people)
    taken_starts = [a for a, _ in taken]
    out: list[PersonMention] = []
    surnames: dict[str, PersonMention] = {}
    for p in people:
        parts = p.name.split()
        if len(parts) >= 2:
            surnames.setdefault(fold_str(parts[-1]), p)
        surnames.setdefault(fold_str(p.name), p)
    for tok in doc.tokens:
        k = bisect_right(taken_starts, tok.start) - 1
        if doc.in_quote(tok.start) or (k >= 0 and taken[k][0] <= tok.start < taken[k][1]):
            continue
        p = surnames.get(tok.folded) or surnames.get(_strip_prefix(r, tok.folded))
        if p is None or (r.cased and not tok.capitalised):
            continue
        out.append(PersonMention(p.name, tok.start, tok.end, None, None, p.role_en, p.party, p.party_span,
                                 "known-name", p.kb))
    return out


def _strip_prefix(r: _Reader, word: str) -> str:
    for p in r.prefixes:
        if word.startswith(p) and len(word) > len(p) + 2:
            return word[len(p):]
    return word


def _drop_nested(people: list[PersonMention]) -> list[PersonMention]:
    out: list[PersonMention] = []
    for p in sorted(people, key=lambda m: (m.start, -(m.end - m.start))):
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out
