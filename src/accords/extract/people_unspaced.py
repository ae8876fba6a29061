"""Names in scripts written without spaces or capitals (Chinese, Japanese), read from titles.

No capital starts a name and no space ends it, so a name is the run of name characters (Han,
katakana and the middle dot of foreign names) that touches an office title:
    TITLE [link] NAME       国务院总理李强, 外交部长王毅, 外務大臣の岩屋毅氏
    NAME TITLE              岩屋毅外相, 李强总理, ロバート外務大臣
The run stops at punctuation, hiragana (Japanese particles and verb endings: は が と の を に で),
a word of the pack's `stop_words` (zh 与 和 在 表示 ...), and any lexicon hit that is not a name
(a state, a verb, another title). It is a name only if its length is within the pack's
`name_length` ("2-4"); a longer run has no boundary we can trust. A title followed by a name
takes that name; only a title followed by none takes the name before it (交通部长陆兆福 is not
"交通" before 部长).
"""

from __future__ import annotations

import regex

from accords.extract.annotate import Doc
from accords.extract.people import PersonMention, _leader
from accords.text.matcher import Hit
from accords.text.normalize import fold_str

_NAME_CHAR = regex.compile(r"[\p{Han}\p{Katakana}ー・·]")
_NOT_NAME_KINDS = {
    "party", "role", "portfolio", "body_noun", "month", "weekday", "rel_day", "rel_month", "instrument",
    "anaphora", "done", "nominal", "announce", "not_done", "presence_cue", "presence_after", "side_word",
    "side_cue", "agent", "city", "landmark", "counterpart", "honorific", "rank", "quote_verb", "capital_word",
    "between", "between_after", "pair_subject", "completion", "represent", "after_cue",
}
# What may stand between a state and its office (中国驻马大使: 驻 "in"; ウクライナ・大統領).
_PARTY_GAP = 6


class _Text:
    """The characters of a document that cannot be part of a name, and the pack's limits."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc.text)
        self.blocked = bytearray(n)
        for h in doc.hits:
            if h.kind in _NOT_NAME_KINDS:
                self.blocked[h.start : h.end] = b"\x01" * (h.end - h.start)
        for s in {fold_str(str(s)) for s in doc.pack.get("language.yaml", "stop_words")} - {""}:
            for m in regex.finditer(regex.escape(s), doc.folded.text):
                a, b = doc.folded.span(m.start(), m.end())
                self.blocked[a:b] = b"\x01" * (b - a)
        low, _, high = str(doc.pack.get("language.yaml", "name_length") or "2-4").partition("-")
        self.low, self.high = int(low), int(high or low)
        self.links = tuple(fold_str(str(w)) for w in doc.pack.get("titles.yaml", "role_links"))

    def name_char(self, i: int) -> bool:
        return 0 <= i < len(self.doc.text) and not self.blocked[i] and bool(_NAME_CHAR.match(self.doc.text[i]))

    def run_after(self, i: int) -> tuple[int, int] | None:
        for link in self.links:  # 外務大臣の岩屋毅: the link between office and name
            if link and self.doc.text.startswith(link, i):
                i += len(link)
                break
        j = i
        while self.name_char(j) and j - i <= self.high:
            j += 1
        return (i, j) if self._fits(i, j) else None

    def run_before(self, i: int) -> tuple[int, int] | None:
        j = i
        while self.name_char(j - 1) and i - j <= self.high:
            j -= 1
        return (j, i) if self._fits(j, i) else None

    def _fits(self, a: int, b: int) -> bool:
        name = self.doc.text[a:b].strip("・·")
        return self.low <= len(name) <= self.high and not name.startswith("ー")


def _party_of(doc: Doc, head: Hit) -> tuple[str | None, tuple[int, int] | None]:
    """The state named right before an office (日本外务大臣, 中国驻马大使), within a few characters."""
    for h in reversed(doc.hits_in(max(0, head.start - _PARTY_GAP - 20), head.start, "party")):
        gap = doc.text[h.end : head.start]
        if len(gap) <= _PARTY_GAP and not regex.search(r"[\s\p{P}]", gap.replace("・", "").replace("、", "")):
            return str(h.value), (h.start, h.end)
        break
    return None, None


def _mention(doc: Doc, span: tuple[int, int], head: Hit, party: str | None,
             pspan: tuple[int, int] | None, rule: str) -> PersonMention:
    name = doc.text[span[0] : span[1]].strip("・·")
    role_en = str(head.value) if head.value is not None else "Counterpart"
    return PersonMention(name, span[0], span[1], head.start, head.end, role_en, party, pspan, rule,
                         _leader(name, doc.lang))


def _before_party(t: _Text, head: Hit, run: tuple[int, int] | None) -> tuple[int, int] | None:
    """ヴォロディミル・ゼレンスキー・ウクライナ大統領: the name before the state of the office."""
    if run is not None:
        return run
    doc = t.doc
    party = next((h for h in doc.hits_in(max(0, head.start - 30), head.start, "party") if h.end == head.start), None)
    if party is None:
        return None
    end = party.start - 1 if doc.text[party.start - 1 : party.start] == "・" else party.start
    return t.run_before(end)


def _past_ranks(doc: Doc, pos: int) -> int:
    """Past the ranks and honorifics written between an office and a name (首相拿督斯里X)."""
    while True:
        nxt = [h.end for h in doc.hits_in(pos, pos + 12, "rank", "honorific") if h.start == pos]
        if not nxt:
            return pos
        pos = max(nxt)


def titled_names(doc: Doc) -> list[PersonMention]:
    """Every person named next to an office title in an unspaced script."""
    t = _Text(doc)
    out: list[PersonMention] = []
    for head in doc.hits:
        if head.kind not in ("role", "counterpart") or doc.in_quote(head.start):
            continue
        party, pspan = _party_of(doc, head)
        after = t.run_after(_past_ranks(doc, head.end))
        if after is not None:
            out.append(_mention(doc, after, head, party, pspan, "title-name"))
            continue
        if t.name_char(head.end) and head.kind == "role":
            continue  # a longer run after the office: no boundary to trust, and no name before
        before = _before_party(t, head, t.run_before(head.start))
        if before is not None:
            out.append(_mention(doc, before, head, party, pspan, "name-title"))
    return out


def bare_mentions(doc: Doc, people: list[PersonMention]) -> list[PersonMention]:
    """Later mentions of a titled person by the same name, or by the surname before a title
    (上川大臣 after 上川陽子外務大臣): the first two characters of a name of four."""
    taken = [(p.start, p.end) for p in people]
    forms: dict[str, PersonMention] = {}
    for p in people:
        forms.setdefault(p.name, p)
        if len(p.name) == 4 and not regex.search("[・ー\\p{Katakana}]", p.name):
            forms.setdefault(p.name[:2], p)
    out = []
    for form, p in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        for m in regex.finditer(regex.escape(form), doc.text):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken) or doc.in_quote(a):
                continue
            out.append(PersonMention(p.name, a, b, None, None, p.role_en, p.party, p.party_span, "known-name", p.kb))
            taken.append((a, b))
    return out
