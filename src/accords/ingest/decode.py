"""Bytes to text: BOMs, UTF-8, UTF-16, and legacy encodings detected by charset-normalizer.

Binary data (NUL bytes, control characters) and input that decodes to nonsense is refused
with a reason, never stored.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from accords.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


LEGACY = ["cp1256", "iso8859_6", "cp1255", "iso8859_8", "cp1251", "koi8_r", "cp1254", "iso8859_9",
          "cp1252", "iso8859_1", "cp1250", "iso8859_2"]


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    if not data.strip():
        raise InputError("empty", "E106")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise InputError(f"invalid {name} ({e.reason})", "E107") from e
    if _looks_binary(data):
        raise InputError("binary data, not text", "E108")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy code pages of the languages we read first: on short texts an unrestricted guess
    # often picks a rarer code page of the same script (mac-cyrillic for windows-1251).
    best = from_bytes(data, cp_isolation=LEGACY).best() or from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("undecodable: no text encoding fits", "E107")
    return str(best), best.encoding
