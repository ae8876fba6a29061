"""Personal names across scripts: a Latin form for display and a consonant skeleton for matching.

anyascii (ISC) transliterates any script to ASCII; the skeleton then drops vowels, glides and
signs and folds consonants that transliterations write differently (sh/ch/ş/ш → s, p/b, v/f,
q/k/c, j/g, z/s), so Samir Haddad, Самир Хаддад and سمير حداد share one skeleton, while
Tamar Kesler (`tmr kslr`) and تامار شلر (`tmr slr`) do not. The skeleton is hand-written because no
library folds transliteration variants across Arabic, Hebrew, Cyrillic and Latin this way.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from accords.romanize import devanagari_name, hebrew_name, is_devanagari, is_hebrew

# English spellings read otherwise: "chr" is k (Chris, Christopher), "ght" is t (Wright, Knight).
_DIGRAPHS = (("chr", "kr"), ("ght", "t"), ("dzh", "g"), ("dsh", "g"), ("dj", "g"), ("ce", "se"), ("ci", "si"),
             ("cy", "sy"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("kh", ""), ("gh", "g"), ("th", "t"),
             ("ph", "f"), ("dh", "d"), ("ts", "s"), ("tz", "s"), ("ck", "k"))
# b, v, f and p are one letter here: Arabic writes v and p as ف and ب, Hebrew ב is b or v.
_FOLD = str.maketrans({"q": "k", "c": "k", "x": "k", "v": "b", "f": "b", "w": "", "y": "", "h": "", "j": "g",
                       "z": "s", "p": "b", "a": "", "e": "", "i": "", "o": "", "u": ""})


# Arabic-script consonants in a common English-press romanisation. Hand-written: anyascii drops
# long vowels' roles ("bnymyn ntnyhw"), and the permissive libraries offer no readable Arabic
# romanisation of names.
_AR_CONS = {"ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
            "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
            "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "", "ئ": "",
            "ؤ": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ة": "a", "ى": "a"}
_AR_LONG = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "و": "u", "ي": "i", "ی": "i"}


@lru_cache(maxsize=1)
def _ar_words() -> dict[str, str]:
    """Name particles and frequent names as the English press writes them (ar pack data)."""
    from accords.lang.pack import load

    return {str(k): str(v) for k, v in load("ar").get("language.yaml", "name_romanizations").items()}


def _arabic_name(name: str) -> str:
    _AR_WORDS = _ar_words()
    words = name.split()
    out, i = [], 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in _AR_WORDS:
            out.append(_AR_WORDS[pair])
            i += 2
            continue
        out.append(_AR_WORDS.get(words[i]) or _arabic_word(words[i]))
        i += 1
    return " ".join(w for w in out if w)


def _arabic_word(word: str) -> str:
    if word in ("الله", "لله"):
        return "Allah"
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    out: list[str] = []
    letters = [c for c in word if c.isalpha()]
    for i, c in enumerate(letters):
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        if c in ("و", "ي", "ی") and (i == 0 or nxt in _AR_LONG):
            out.append("w" if c == "و" else "y")  # a glide before a vowel or at the start
        elif c in _AR_LONG:
            out.append(_AR_LONG[c] if i else {"إ": "i", "و": "w"}.get(c, "a"))
        elif c == "ع" and i == 0:
            out.append("a" if nxt not in _AR_LONG else "")  # an initial ain carries a vowel: عبد Abd
        else:
            cons = _AR_CONS.get(c, "")
            # two consonants in a row at the start of a word take a short vowel between them
            if out and i == 1 and out[-1] not in "aiu" and cons:
                out.append("a")
            out.append(cons)
    text = re.sub(r"([aiu])\1+", r"\1", "".join(out))
    return prefix + text[:1].upper() + text[1:] if text else ""


def latin(name: str, lang: str | None = None) -> str:
    """A readable Latin-script form of a name written in any script (`lang`, where known, the
    language of the text it was read in)."""
    if any("\u0600" <= c <= "\u06ff" for c in name):
        return _arabic_name(name)
    if is_hebrew(name):
        return hebrew_name(name)
    if is_devanagari(name):
        return devanagari_name(name)
    if lang == "zh" and _CHINESE_NAME.fullmatch(name):
        return _pinyin_name(name)
    out = anyascii(name).replace("`", "").replace("'", "")
    out = re.sub(r"\s+", " ", out).strip()
    return " ".join(w[:1].upper() + w[1:] for w in out.split())


# A personal name read in a Chinese text: two to four Han characters. (A Japanese one is read in
# Japanese, which pinyin would not give; no library under a permissive licence reads kanji names
# offline. Names of organisations keep anyascii's reading for their slugs.)
_CHINESE_NAME = regex.compile(r"\p{Han}{2,4}")
# Two-character surnames: the rest of a name of three or four characters is the given name.
_COMPOUND_SURNAMES = frozenset({
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "令狐", "慕容",
    "夏侯", "公孙", "公孫", "尉迟", "尉遲", "长孙", "長孫", "宇文", "司徒", "端木"})


def _pinyin_name(name: str) -> str:
    """Surname, then the given name's syllables as one word, as the press writes Chinese names
    ("Wang Yi", "Xi Jinping", "Ouyang Nana"); each character's pinyin from anyascii."""
    cut = 2 if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES else 1
    surname = "".join(anyascii(c) for c in name[:cut]).lower().capitalize()
    given = "".join(anyascii(c) for c in name[cut:]).lower().capitalize()
    return f"{surname} {given}"


# ISO 15924 codes of the packs -> Unicode script names for `regex`.
_SCRIPTS = {"Geor": "Georgian", "Cyrl": "Cyrillic", "Arab": "Arabic", "Hebr": "Hebrew", "Latn": "Latin"}


@lru_cache(maxsize=1)
def _case_endings() -> list[tuple[regex.Pattern[str], tuple[str, ...], tuple[str, ...]]]:
    """Per script, the case endings names take and the final letter their stem drops, from the
    packs that declare them (ka: როსიმ, როსის and როსი are one name)."""
    from accords.lang.pack import available, load

    out = []
    for code in available():
        pack = load(code)
        endings = tuple(sorted(pack.get("language.yaml", "name_case_endings"), key=len, reverse=True))
        if endings and pack.script in _SCRIPTS:
            drops = tuple(pack.get("language.yaml", "name_stem_drop"))
            out.append((regex.compile(rf"^\p{{{_SCRIPTS[pack.script]}}}+$"), endings, drops))
    return out


def _uninflected(token: str) -> str:
    """A name word without its case ending and stem vowel, in a language whose names inflect."""
    for script, endings, drops in _case_endings():
        if not script.match(token):
            continue
        for end in endings:
            if token.endswith(end) and len(token) - len(end) >= 3:
                token = token[: -len(end)]
                break
        for end in drops:
            if token.endswith(end) and len(token) - len(end) >= 3:
                return token[: -len(end)]
    return token


def base_form(token: str) -> str:
    """A word in the form its language names it by: without its case ending, and with the stem
    vowel back after a consonant (ka თელავის, თელავმა → თელავი; ბათუმის → ბათუმი)."""
    base = _uninflected(token)
    if base == token:
        return token
    for script, _endings, drops in _case_endings():
        if script.match(token) and drops and anyascii(base)[-1:].lower() not in "aeiou":
            return base + drops[0]
    return base


@lru_cache(maxsize=65536)
def token_skeleton(token: str) -> str:
    t = anyascii(_uninflected(token)).lower()
    t = re.sub(r"[^a-z]", "", t)
    t = re.sub(r"^kn", "n", t)  # English silent k (Knight, Knox)
    for a, b in _DIGRAPHS:
        t = t.replace(a, b)
    t = t.translate(_FOLD)
    return re.sub(r"(.)\1+", r"\1", t)


_PARTICLES = {"al", "el", "bin", "ibn", "ben", "abu", "bn", "b", "bw", "abw", "l", "", "ld"}


def skeleton(name: str) -> tuple[str, ...]:
    """The consonant skeletons of a name's words, particles left out."""
    parts = [token_skeleton(w) for w in re.split(r"[\s\-]+", name) if w]
    return tuple(p for p in parts if p not in _PARTICLES and p)


# A regnal number after a monarch's name (Faisal II, Harald V., Карл III).
_REGNAL = re.compile(r"^[IVXL]{1,6}\.?$")


def _regnal(name: str) -> str | None:
    last = name.split()[-1:] or [""]
    return last[0].rstrip(".") if _REGNAL.match(last[0]) and len(name.split()) >= 2 else None


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: surnames agree, and given names agree where both have one.
    A monarch's regnal number is no surname: "Faisal II" is not a one-word name whose surname
    could be any other person's (Омар Фейсал, skeleton bsl), and is only the same name as another
    with the same number."""
    ra, rb = _regnal(a), _regnal(b)
    if ra or rb:
        return ra == rb and same_name(a.rsplit(None, 1)[0], b.rsplit(None, 1)[0])
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return False
    if not _close(sa[-1], sb[-1]):
        return False
    if len(sa[-1]) < 3 and not _same_initial(a, b):
        return False  # a skeleton of two consonants says little: "Jun-ho" and "Gunawan" are both "gn"
    if len(sa) >= 2 and len(sb) >= 2:
        return _close(sa[0], sb[0]) or sa[0][:1] == sb[0][:1]
    return True


def _same_initial(a: str, b: str) -> bool:
    """The last words begin with the same letter, where both are written in Latin letters (across
    scripts the skeleton alone compares them)."""
    la, lb = a.split()[-1:] or [""], b.split()[-1:] or [""]
    x, y = la[0][:1].casefold(), lb[0][:1].casefold()
    if not (x.isascii() and y.isascii() and x.isalpha() and y.isalpha()):
        return True
    return x == y


def _close(x: str, y: str) -> bool:
    if x == y:
        return True
    if min(len(x), len(y)) < 3:
        return False
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short) and len(long_) - len(short) <= 2:
        return True  # an inflected form: Котовым / Котов, Səfərovun / Səfərov
    return Levenshtein.distance(x, y) <= (1 if max(len(x), len(y)) >= 5 else 0)


def surname_key(name: str) -> str:
    """The skeleton of the last word, for blocking."""
    sk = skeleton(name)
    return sk[-1] if sk else ""


def org_slug(words: list[str]) -> str:
    """The `org:` slug of an organisation from the words of its name (English organisation words
    or the name as written), romanised: one name gives one slug on every run."""
    out = [latin(w) for w in words if w]
    text = " ".join(out)
    slug = regex.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    return "org:" + (slug or "unnamed")


_NAME_WORD = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_SMALL_WORD = regex.compile(r"\p{Ll}{1,4}")


def _title_cased_line(text: str, pos: int) -> bool:
    """A headline in title case ("Iran, Iraq Sign Security Agreement"), where capitals name nothing."""
    a, b = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)].strip()
    long_words = regex.findall(r"\p{L}{4,}", line)
    return not line.endswith((".", "!", "?")) and len(long_words) >= 4 \
        and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.6


def proper_name_around(text: str, start: int, end: int, connectors: frozenset[str]) -> str | None:
    """The capitalised name an instrument word is the head of, as the text writes it ("the
    Comprehensive Migration and Mobility Partnership Agreement", "Tratado de Amistad y
    Cooperación"): capitalised words on both sides, small words (`connectors`) between them.
    None when the word is not capitalised or stands alone."""
    if not text[start:end][:1].isupper() or _title_cased_line(text, start):
        return None
    words = [(m.start(), m.end()) for m in regex.finditer(r"[\p{L}\p{M}\p{N}'’\-]+", text)
             if m.end() > start - 120 and m.start() < end + 120]
    idx = [i for i, (a, b) in enumerate(words) if a <= start < b or start <= a < end]
    if not idx:
        return None

    def gap_ok(i: int, j: int) -> bool:  # only spaces between two neighbouring words
        return text[words[i][1] : words[j][0]] in (" ", "\u00a0")

    def capital(i: int) -> bool:
        return bool(_NAME_WORD.fullmatch(text[words[i][0] : words[i][1]]))

    def small(i: int) -> bool:
        w = text[words[i][0] : words[i][1]]
        return w.lower() in connectors and bool(_SMALL_WORD.fullmatch(w))

    lo, hi = idx[0], idx[-1]
    while lo > 0 and gap_ok(lo - 1, lo):
        j = lo - 1
        while j > 0 and small(j) and gap_ok(j - 1, j):
            j -= 1
        if capital(j):
            lo = j
        else:
            break
    while hi + 1 < len(words) and gap_ok(hi, hi + 1):
        j = hi + 1
        while j < len(words) and small(j) and gap_ok(j - 1, j):
            j += 1
        if j < len(words) and capital(j) and gap_ok(j - 1, j):
            hi = j
        else:
            break
    while lo < idx[0] and text[words[lo][0] : words[lo][1]].lower() in connectors:
        lo += 1  # "The Paris Agreement": the article is not the name's
    if lo == idx[0] and hi == idx[-1]:
        return None
    return text[words[lo][0] : words[hi][1]]
