"""Organisations in scripts written without spaces (Chinese, Japanese): 清华大学, 東京大学, トヨタ株式会社.

The name stands right before its organisation word (`org_words`: 大学, 研究所, 公司, 株式会社)
with nothing to mark where it starts, so it is read back from the organisation word over name
characters (Han, katakana, Latin letters) up to punctuation, hiragana, a `stop_words` word or a
lexicon hit that is not part of a name (a verb, an instrument, a title). A state's name may open
the name (新加坡国立大学), and is then no party of its own; a state's name right before the word,
with no name of its own between, is no organisation; a city's name may stand in one (北京大学).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from accords.lang.pack import LangPack
from accords.names import latin, org_slug
from accords.text.matcher import Hit
from accords.text.normalize import Folded, fold_str

_NAME_CHAR = regex.compile(r"[\p{Han}\p{Katakana}ー・A-Za-z]")
_NAME_KINDS = {"city", "landmark", "domain", "area", "portfolio", "known_person", "known_surname",
               "content_cue", "subject_cue"}
_MAX_NAME = 10  # characters before the organisation word


def _blocked(text: str, pack: LangPack, hits: Sequence[Hit]) -> bytearray:
    out = bytearray(len(text))
    for h in hits:
        if h.kind not in _NAME_KINDS:
            out[h.start : h.end] = b"\x01" * (h.end - h.start)
    folded = fold_str(text)
    if len(folded) == len(text):  # CJK text folds character for character
        for s in {fold_str(str(w)) for w in pack.get("language.yaml", "stop_words")} - {""}:
            for m in regex.finditer(regex.escape(s), folded):
                out[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return out


def unspaced_org_hits(folded: Folded, pack: LangPack, hits: Sequence[Hit]) -> list[Hit]:
    """Party hits (`org:<slug>`) for the organisations named before an organisation word."""
    words = {fold_str(str(k)): str(v) for k, v in pack.get("parties.yaml", "org_words").items()}
    if not words:
        return []
    text = folded.original
    blocked = _blocked(text, pack, hits)
    out: list[Hit] = []
    pattern = regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))
    for m in pattern.finditer(folded.text):
        end, _ = folded.span(m.start(), m.end())
        start = end
        while start > 0 and end - start < _MAX_NAME and not blocked[start - 1] and _NAME_CHAR.match(text[start - 1]):
            start -= 1
        state = next((h for h in hits if h.kind == "party" and h.end == start), None)
        if state is not None and end - start >= 2:  # 新加坡国立大学: the state names the organisation
            out.append(Hit("not_party", None, state.start, state.end, state.fstart, state.fend, state.phrase))
            start, state = state.start, None
        name = text[start:end].strip("・")
        if len(name) < 2 or state is not None:
            continue  # no name, or a state's own body (中国大学: none of its own)
        o_end = folded.span(m.start(), m.end())[1]
        slug = org_slug([latin(name), words[m.group()]])
        out.append(Hit("party", slug, start, o_end, folded.folded_pos(start), folded.folded_pos(o_end),
                       text[start:o_end]))
    return out
