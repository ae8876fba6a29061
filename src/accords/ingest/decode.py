"""Bytes to text: BOMs, UTF-8, UTF-16/32, and legacy encodings detected by charset-normalizer.

Binary data (NUL bytes, control characters) and input that fits no encoding is refused with a
reason, never stored. The encoding a text was read with is returned so that it is recorded
with the source.

charset-normalizer proposes code pages; on Turkish it often prefers windows-1252 or -1250,
which read ğ ı ş as ð ý þ (or đ ý ţ). So its proposals are re-ranked by how many of the
non-ASCII letters they produce belong to the alphabet the code page is made for. A letter of
another script inside a Latin word ('Cafй', 'Mьller': Latin-1 bytes read as windows-1251) does
not count as belonging, and when a Western code page reads the bytes to the same text as the
winner, the Western one is recorded: Latin-script text is read as UTF-8, then windows-1252 /
latin-1, and as a Cyrillic (Arabic, Hebrew) code page only when its words look like that script.

Bytes that are not UTF-8 in an otherwise UTF-8 text are replaced, and counted: the encoding
recorded says so ('utf-8 (3 invalid bytes replaced)'), never plain 'utf-8'.
"""

from __future__ import annotations

import codecs
import unicodedata

import regex
from charset_normalizer import from_bytes

from accords.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy code pages of the languages we read first: on short texts an unrestricted guess
# often picks a rarer code page of the same script (mac-cyrillic for windows-1251).
LEGACY = ["cp1256", "iso8859_6", "cp1255", "iso8859_8", "cp1251", "koi8_r", "cp1254", "iso8859_9",
          "cp1252", "iso8859_1", "cp1250", "iso8859_2"]

# The name recorded with a source: the WHATWG label, which browsers and users know.
LABELS = {"utf_8": "utf-8", "utf-8-sig": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32",
          "cp1256": "windows-1256", "iso8859_6": "iso-8859-6", "cp1255": "windows-1255",
          "iso8859_8": "iso-8859-8", "cp1251": "windows-1251", "koi8_r": "koi8-r", "cp1254": "windows-1254",
          "iso8859_9": "iso-8859-9", "cp1252": "windows-1252", "iso8859_1": "iso-8859-1",
          "cp1250": "windows-1250", "iso8859_2": "iso-8859-2"}

_WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüÿœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜŸŒŠŽß")
_TURKISH = set("çğıöşüâîûÇĞİÖŞÜÂÎÛ") | _WESTERN
_CENTRAL = set("ąćęłńóśźżčďěňřšťůžáéíóúýäöüôĺľŕăâîșțşţđ"
               "ĄĆĘŁŃÓŚŹŻČĎĚŇŘŠŤŮŽÁÉÍÓÚÝÄÖÜÔĹĽŔĂÂÎȘȚŞŢĐß")
_SCRIPT = {"ar": regex.compile(r"\p{Arabic}"), "he": regex.compile(r"\p{Hebrew}"),
           "ru": regex.compile(r"\p{Cyrillic}")}
_WORD = regex.compile(r"\p{L}+")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
# What `surrogateescape` makes of a byte that is not UTF-8: one lone surrogate per byte.
_ESCAPED = regex.compile(r"[\udc80-\udcff]")
# Which alphabet each code page is made for, and its rank when two fit equally well: the code
# pages of the languages we read come before the Western ones that decode the same bytes.
_MADE_FOR = {"cp1256": ("ar", 0), "iso8859_6": ("ar", 0), "cp1255": ("he", 0), "iso8859_8": ("he", 0),
             "cp1251": ("ru", 0), "koi8_r": ("ru", 0), "cp1254": ("tr", 0), "iso8859_9": ("tr", 0),
             "cp1252": ("west", 1), "iso8859_1": ("west", 1), "cp1250": ("central", 2),
             "iso8859_2": ("central", 2)}


# File signatures of formats that are never an article, whatever the file is called. Checked
# first: a PDF or a ZIP may well have no NUL byte in its first 4 KB.
MAGIC = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive"),
         (b"PK\x05\x06", "a ZIP archive"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
         (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "gzip data"), (b"\x7fELF", "an executable"),
         (b"\xd0\xcf\x11\xe0", "an Office file"), (b"Rar!\x1a\x07", "a RAR archive"),
         (b"7z\xbc\xaf\x27\x1c", "a 7z archive"), (b"SQLite format 3\x00", "an SQLite database"),
         (b"BZh", "bzip2 data"), (b"\xfd7zXZ\x00", "xz data"), (b"RIFF", "a RIFF (WAV/WebP) file"))


def _magic(data: bytes) -> str | None:
    for sig, what in MAGIC:
        if data.startswith(sig):
            # bzip2's and RIFF's signatures are short words; only binary after them counts.
            if sig in (b"BZh", b"RIFF") and not _looks_binary(data[len(sig):]):
                continue
            return what
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


def text_is_binary(text: str) -> bool:
    """A decoded text that is really binary data: NUL, or many control characters."""
    if "\x00" in text:
        return True
    sample = text[:4096]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return bool(sample) and controls / len(sample) > 0.05


def _fits(ch: str, alphabet: str) -> bool:
    if alphabet in _SCRIPT:
        return bool(_SCRIPT[alphabet].match(ch))
    return ch in {"tr": _TURKISH, "west": _WESTERN, "central": _CENTRAL}[alphabet]


def _plausibility(text: str, encoding: str) -> float:
    """The share of non-ASCII letters that belong to the code page's alphabet (C1 controls count
    against it: they are what an ISO page makes of the Windows page's quotes). A letter of a
    non-Latin script in a word with ASCII letters belongs to no alphabet: it is a Latin accent
    read through the wrong code page."""
    alphabet = _MADE_FOR.get(encoding, ("west", 3))[0]
    good, bad = 0, sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    for word in _WORD.findall(text):
        mixed = alphabet in _SCRIPT and bool(_ASCII_LETTER.search(word))
        for ch in word:
            if ch < "\x80":
                continue
            if _fits(ch, alphabet) and not mixed:
                good += 1
            else:
                bad += 1
    return good / (good + bad) if good + bad else 1.0


def _legacy(data: bytes) -> tuple[str, str]:
    matches = list(from_bytes(data, cp_isolation=LEGACY)) or list(from_bytes(data))
    ranked = []
    for order, m in enumerate(matches):
        if m.encoding is None:
            continue
        text = str(m)
        rank = _MADE_FOR.get(m.encoding, ("", 3))[1]
        ranked.append((-_plausibility(text, m.encoding), rank, order, text, m.encoding))
    if not ranked:
        raise InputError("undecodable: no text encoding fits", "E107")
    ranked.sort(key=lambda r: r[:3])
    *_, text, encoding = ranked[0]
    return text, LABELS.get(_western_twin(data, text, encoding), encoding)


def _western_twin(data: bytes, text: str, encoding: str) -> str:
    """windows-1252 when it reads `data` to the same `text` as `encoding` (a Turkish or Central
    European code page on French with no ğ ı ş ą ł): the bytes do not say the rarer code page, so
    the common one is named."""
    if _MADE_FOR.get(encoding, ("", 3))[0] == "west":
        return encoding
    try:
        return "cp1252" if data.decode("cp1252") == text else encoding
    except UnicodeDecodeError:
        return encoding


def replaced(encoding: str, count: int) -> str:
    """The encoding recorded for a text in which `count` invalid bytes were replaced by U+FFFD."""
    if not count:
        return encoding
    return f"{encoding} ({count} invalid {'byte' if count == 1 else 'bytes'} replaced)"


_TRUST = 3


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few broken bytes (a truncated copy, one bad character): the text with each
    broken byte as a lone surrogate (`surrogateescape`), and their count. A valid multi-byte
    sequence in a legacy text needs a capital letter followed by a symbol of the continuation
    range ('Ё', '»' after a Cyrillic capital), rare in prose, while nearly every non-ASCII byte
    of such text is broken; so `_TRUST` valid characters per broken byte say UTF-8. (Ten made an
    English UTF-8 text with five curly quotes and one bad byte windows-1252: 'â€™'.)"""
    marked = data.decode("utf-8", errors="surrogateescape")
    broken = len(_ESCAPED.findall(marked))
    multibyte = sum(1 for c in marked if c > "\x7f" and c != "\ufffd") - broken
    return (marked, broken) if multibyte >= _TRUST * broken > 0 else None


def decode(data: bytes, keep_invalid: bool = False) -> tuple[str, str]:
    """The text and the name of the encoding it was read with. Bytes that are not UTF-8 in a
    UTF-8 text become U+FFFD, or with `keep_invalid` lone surrogates (U+DC80-U+DCFF) so that a
    caller cutting the text into records can count each record's own (`replaced`)."""
    text, encoding = _decode(data)
    if not keep_invalid and encoding.startswith("utf-8 ("):
        text = _ESCAPED.sub("\ufffd", text)
    if not text.strip():  # a no-break space, say, in a single-byte code page
        raise InputError("empty", "E106")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise InputError("empty", "E106")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, name)
    what = _magic(data)
    if what:
        raise InputError(f"binary data, not text ({what})", "E108")
    if _looks_binary(data):
        raise InputError("binary data, not text", "E108")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return repaired[0], replaced("utf-8", repaired[1])
    return _legacy(data)


def _with_bom(data: bytes, name: str) -> tuple[str, str]:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        raise InputError(f"invalid {name} ({e.reason})", "E107") from e
    if not text.strip():
        raise InputError("empty", "E106")
    if text_is_binary(text):
        raise InputError("binary data, not text", "E108")
    return text, LABELS.get(name, name)
