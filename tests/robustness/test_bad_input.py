"""Bad and hostile inputs, each with its expected outcome: stored with exactly the right text,
or refused with a named code while the run goes on."""

from __future__ import annotations

import gzip
import json
import os
import zlib
from dataclasses import dataclass

import pytest

from accords.limits import Limits
from accords.service import ingest
from accords.store.sqlite import Store

AR = "وقعت مصر والأردن مذكرة تفاهم للتعاون في مجال الطاقة المتجددة، بحضور رئيس الوزراء في عمّان اليوم."
HE = "ישראל ויפן חתמו היום על מזכר הבנות לשיתוף פעולה בתחום האנרגיה המתחדשת והמחקר המדעי בירושלים."
RU = "Россия и Казахстан подписали меморандум о взаимопонимании в области энергетики и науки в Москве."
TR = "Türkiye ve Azerbaycan, enerji alanında işbirliği için bir mutabakat zaptı imzaladı; görüşme İstanbul'da yapıldı."
EN = "Japan and Kenya signed a memorandum of understanding on energy on 3 March 2025."


@dataclass(frozen=True)
class Ok:
    text: str | None = None  # the stored text, exactly
    encoding: str | None = None
    contains: str | None = None


def _jsonl(*lines: str) -> bytes:
    return "\n".join(lines).encode()


def _html(body: str) -> bytes:
    return f"<html><head><title>t</title></head><body>{body}</body></html>".encode()


# name -> (files, expected outcome per file name: Ok or a refusal code)
CASES: dict[str, tuple[dict[str, bytes], dict[str, Ok | str]]] = {
    "empty": ({"a.txt": b""}, {"a.txt": "E106"}),
    "whitespace-only": ({"a.txt": b"  \n\t \r\n  "}, {"a.txt": "E106"}),
    "bom-only": ({"a.txt": b"\xef\xbb\xbf"}, {"a.txt": "E106"}),
    "utf16-whitespace": ({"a.txt": " \n ".encode("utf-16")}, {"a.txt": "E106"}),
    "invisible-only": ({"a.txt": "\u200b\u200f\u202e ...".encode()}, {"a.txt": "E106"}),
    "nul-bytes": ({"a.txt": EN.encode() + b"\x00\x00" + EN.encode()}, {"a.txt": "E108"}),
    "control-bytes": ({"a.txt": bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + EN.encode()}, {"a.txt": "E108"}),
    "png-as-txt": ({"a.txt": b"\x89PNG\r\n\x1a\n" + b"IHDR" + bytes(range(1, 200))}, {"a.txt": "E108"}),
    "pdf-as-txt": ({"a.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"}, {"a.txt": "E108"}),
    "zip-as-txt": ({"a.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"doc.xml"}, {"a.txt": "E108"}),
    "jpeg-as-html": ({"a.html": b"\xff\xd8\xff\xe0\x00\x10JFIF"}, {"a.html": "E108"}),
    "gzip-as-txt": ({"a.txt": gzip.compress(EN.encode())}, {"a.txt": "E108"}),
    "windows-1256": ({"a.txt": AR.encode("cp1256")}, {"a.txt": Ok(AR, "windows-1256")}),
    "iso-8859-6": ({"a.txt": AR.replace("،", ",").replace("ّ", "").encode("iso8859_6")},
                   {"a.txt": Ok(AR.replace("،", ",").replace("ّ", ""))}),
    "windows-1255": ({"a.txt": HE.encode("cp1255")}, {"a.txt": Ok(HE)}),
    "iso-8859-8": ({"a.txt": HE.encode("iso8859_8")}, {"a.txt": Ok(HE)}),
    "windows-1251": ({"a.txt": RU.encode("cp1251")}, {"a.txt": Ok(RU, "windows-1251")}),
    "koi8-r": ({"a.txt": RU.encode("koi8_r")}, {"a.txt": Ok(RU, "koi8-r")}),
    "windows-1254": ({"a.txt": TR.encode("cp1254")}, {"a.txt": Ok(TR)}),
    "utf-16-le-bom": ({"a.txt": b"\xff\xfe" + HE.encode("utf-16-le")}, {"a.txt": Ok(HE, "utf-16")}),
    "utf-16-be-bom": ({"a.txt": b"\xfe\xff" + AR.encode("utf-16-be")}, {"a.txt": Ok(AR, "utf-16")}),
    "utf-32-bom": ({"a.txt": RU.encode("utf-32")}, {"a.txt": Ok(RU, "utf-32")}),
    "utf-16-odd-length": ({"a.txt": b"\xff\xfe" + EN.encode("utf-16-le") + b"x"}, {"a.txt": "E107"}),
    "utf-8-bom": ({"a.txt": b"\xef\xbb\xbf" + EN.encode()}, {"a.txt": Ok(EN, "utf-8")}),
    "utf-8-few-bad-bytes": ({"a.txt": RU.encode() + b"\xff" + RU.encode()},
                            {"a.txt": Ok(RU + "\ufffd" + RU, "utf-8 (1 invalid byte replaced)")}),
    "mixed-line-endings": ({"a.txt": b"Japan and Kenya\r\nsigned a treaty.\rIn Nairobi.\nEnd."},
                           # (the break inside the first sentence is a wrap: it is read as the space it stood for)
                           {"a.txt": Ok("Japan and Kenya signed a treaty.\nIn Nairobi.\nEnd.")}),
    "rtl-override-in-name": ({"a.txt": "Ja\u202epan and Ke\u200dnya signed a treaty.".encode()},
                             {"a.txt": Ok("Ja\u202epan and Ke\u200dnya signed a treaty.")}),
    "zero-width-in-arabic": ({"a.txt": "وقعت مص\u200cر والأر\u200bدن مذكرة تفاهم.".encode()},
                             {"a.txt": Ok("وقعت مص\u200cر والأر\u200bدن مذكرة تفاهم.")}),
    "long-line": ({"a.txt": (EN[:-1] + ", ") .encode() * 200 + b"end."}, {"a.txt": Ok(contains="end.")}),
    "long-word": ({"a.txt": b"x" * 200_000}, {"a.txt": Ok("x" * 200_000)}),
    "markdown": ({"a.md": f"# Title\n\n{EN}\n".encode()}, {"a.md": Ok(f"# Title\n\n{EN}")}),
    "html-article": ({"a.html": _html(f"<article><p>{EN}</p></article>")}, {"a.html": Ok(contains="Kenya")}),
    "html-deeply-nested": ({"a.html": _html("<div>" * 2000 + EN + "</div>" * 2000)}, {"a.html": "E110"}),
    "html-only-scripts": ({"a.html": _html("<script>var x = 'Japan and Kenya signed';</script><style>p{}</style>")},
                          {"a.html": "E111"}),
    "html-almost-all-markup": ({"a.html": _html('<span class="x"></span>' * 20000 + "<p>Hi.</p>")}, {"a.html": "E111"}),
    "json-not-object": ({"a.json": b'"just a string"'}, {"a.json": "E105"}),
    "json-list-of-numbers": ({"a.json": b"[1, 2]"}, {"a.json#1": "E105", "a.json#2": "E105"}),
    "json-without-text": ({"a.json": json.dumps({"url": "https://x.test/a"}).encode()}, {"a.json": "E105"}),
    "json-text-null": ({"a.json": b'{"text": null}'}, {"a.json": "E105"}),
    "json-text-number": ({"a.json": b'{"text": 42}'}, {"a.json": "E105"}),
    "json-broken": ({"a.json": b'{"text": "unterminated'}, {"a.json": "E104"}),
    "json-deeply-nested": ({"a.json": b"[" * 100_000 + b"]" * 100_000}, {"a.json": "E104"}),
    "json-huge-number": ({"a.json": b"1" * 5000}, {"a.json": "E104"}),
    "json-nul-in-text": ({"a.json": json.dumps({"text": EN + "\u0000"}).encode()}, {"a.json": "E108"}),
    "json-lone-surrogate": ({"a.json": b'{"text": "Japan \\ud800and Kenya signed a treaty.", "title": "\\udfff"}'},
                            {"a.json": Ok("Japan \ufffdand Kenya signed a treaty.")}),
    "json-surrogate-pair": ({"a.json": b'{"text": "Japan and Kenya signed a treaty \\ud83e\\udd1d."}'},
                            {"a.json": Ok("Japan and Kenya signed a treaty \U0001f91d.")}),
    "json-html-too-deep": ({"a.json": json.dumps({"html": "<b>" * 1000 + "x"}).encode()}, {"a.json": "E110"}),
    "jsonl-bad-line": ({"a.jsonl": _jsonl(json.dumps({"text": EN}), "{not json", "[]", "",
                                          json.dumps({"text": RU}))},
                       {"a.jsonl#1": Ok(EN), "a.jsonl#2": "E104", "a.jsonl#3": "E105", "a.jsonl#5": Ok(RU)}),
    "unsupported-suffix": ({"a.pdf": b"%PDF-1.4", "README": b"hello"}, {"a.pdf": "E102", "README": "E102"}),
    "gzip-text": ({"a.txt.gz": gzip.compress(EN.encode())}, {"a.txt.gz": Ok(EN)}),
    "gzip-bomb": ({"a.txt.gz": gzip.compress(b"a" * (6 * 1024 * 1024), 9)}, {"a.txt.gz": "E109"}),
    "gzip-corrupt": ({"a.txt.gz": b"\x1f\x8b\x08\x00" + b"garbage" * 10}, {"a.txt.gz": "E109"}),
    "gzip-truncated": ({"a.txt.gz": gzip.compress(EN.encode() * 50)[:-30]}, {"a.txt.gz": "E109"}),
}


def _stored(store: Store, origin: str) -> tuple[str, str] | None:
    row = store.db.execute("SELECT s.text, s.encoding FROM origins o JOIN sources s ON s.id = o.source_id"
                           " WHERE o.origin = ?", (origin,)).fetchone()
    return (row[0], row[1]) if row else None


def _assert_outcome(store: Store, summary, origin: str, want: Ok | str) -> None:
    refused = {o: code for o, code, _ in summary.refused}
    if isinstance(want, str):
        assert refused.get(origin) == want, (origin, summary.refused)
        assert _stored(store, origin) is None
        assert store.db.execute("SELECT code FROM refusals WHERE origin = ?", (origin,)).fetchone()[0] == want
        return
    assert origin not in refused, summary.refused
    text, encoding = _stored(store, origin)
    assert want.text is None or text == want.text
    assert want.contains is None or want.contains in text
    assert want.encoding is None or encoding == want.encoding


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name, tmp_path):
    files, expected = CASES[name]
    folder = tmp_path / "in"
    folder.mkdir()
    for fname, data in files.items():
        (folder / fname).write_bytes(data)
    store = Store(tmp_path / "a.db")
    summary = ingest([str(folder)], store)
    for origin, want in expected.items():
        _assert_outcome(store, summary, str(folder / origin), want)
    store.close()


def test_over_the_size_limit_is_refused_and_the_run_goes_on(tmp_path):
    (tmp_path / "big.txt").write_bytes(EN.encode() * (10 * 1024 * 1024 // len(EN)))
    (tmp_path / "good.txt").write_text(EN, encoding="utf-8")
    store = Store(tmp_path / "a.db")
    summary = ingest([str(tmp_path / "big.txt"), str(tmp_path / "good.txt")], store)
    assert [(o.split("/")[-1], c) for o, c, _ in summary.refused] == [("big.txt", "E103")]
    assert summary.stored == 1 and summary.refused_by_code() == {"E103": 1}


def test_a_file_name_that_is_not_utf8_is_refused_by_name(tmp_path):
    (tmp_path / "in").mkdir()
    name = os.path.join(os.fsencode(tmp_path / "in"), b"bad\xff.txt")
    with open(name, "wb") as f:
        f.write(EN.encode())
    store = Store(tmp_path / "a.db")
    summary = ingest([str(tmp_path / "in")], store)
    assert [(c, r) for _, c, r in summary.refused] == [("E101", "the file name is not valid UTF-8")]
    assert "bad\ufffd.txt" in summary.refused[0][0]


def test_a_slow_document_is_refused_with_the_time_limit_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "slow.txt").write_text((EN + " ") * 1000, encoding="utf-8")
    (folder / "z.txt").write_text(EN, encoding="utf-8")
    store = Store(tmp_path / "a.db")
    summary = ingest([str(folder)], store, limits=Limits(max_seconds=0.5))
    assert [(o.split("/")[-1], c) for o, c, _ in summary.refused] == [("slow.txt", "E112")]
    assert "longer than the limit (0.5 s)" in summary.refused[0][2]
    assert summary.stored == 1 and store.counts()["agreements"] == 1


def test_gzip_input_is_refused_when_not_gzip_or_too_large_unpacked(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(zlib.compress(b"x"))  # zlib, not gzip framing
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"y" * 2000))
    store = Store(tmp_path / "a.db")
    summary = ingest([str(tmp_path / "a.txt.gz"), str(tmp_path / "b.txt.gz")], store, limits=Limits(max_bytes=1000))
    assert [(o.split("/")[-1], c) for o, c, _ in summary.refused] == [("a.txt.gz", "E109"), ("b.txt.gz", "E109")]
