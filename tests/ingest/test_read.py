import json

from accords.ingest.read import RawInput, Refused, read_inputs


def test_folder_json_jsonl_and_refusals(tmp_path):
    (tmp_path / "a.txt").write_text("Israel and Japan signed a treaty.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": "Body", "url": "https://x.test/2025/01/02/a",
                                                 "published": "2025-01-02"}), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "one"}\nnot json\n{"url": "no text"}\n', encoding="utf-8")
    (tmp_path / "d.bin").write_bytes(b"\x00\x01")
    (tmp_path / "e.txt").write_bytes(b"\x00\x01\x02binary")
    got = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    ok = {g.origin.split("/")[-1]: g for g in got if isinstance(g, RawInput)}
    refused = {g.origin.split("/")[-1]: g.reason for g in got if isinstance(g, Refused)}
    assert set(ok) == {"a.txt", "b.json", "c.jsonl#1"}
    assert ok["b.json"].meta == {"url": "https://x.test/2025/01/02/a", "published": "2025-01-02"}
    assert refused["c.jsonl#2"].startswith("line 2 is not JSON")
    assert refused["c.jsonl#3"] == "the JSON record has no 'text'"
    assert refused["d.bin"].startswith("unsupported file type")
    assert refused["e.txt"] == "binary data, not text"
    assert refused["missing.txt"] == "no such file or folder"


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 100, encoding="utf-8")
    got = list(read_inputs([str(tmp_path)], max_bytes=10))
    assert isinstance(got[0], Refused) and "larger than the limit" in got[0].reason


def test_refusals_carry_codes_and_the_run_goes_on(tmp_path):
    import gzip

    from accords.limits import Limits

    (tmp_path / "deep.html").write_text("<div>" * 600 + "text", encoding="utf-8")
    (tmp_path / "nested.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    (tmp_path / "ok.txt.gz").write_bytes(gzip.compress(b"Japan and Kenya signed a treaty."))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 300_000))
    got = {g.origin.split("/")[-1]: g for g in read_inputs([str(tmp_path)], limits=Limits(max_bytes=150_000))}
    assert got["deep.html"].code == "E110"
    assert got["nested.json"].code == "E104" and "nested too deeply" in got["nested.json"].reason
    assert isinstance(got["ok.txt.gz"], RawInput) and got["ok.txt.gz"].text == "Japan and Kenya signed a treaty."
    assert got["bomb.txt.gz"].code == "E109"


def test_lone_surrogates_in_json_are_replaced_not_stored(tmp_path):
    (tmp_path / "a.json").write_bytes(b'{"text": "A \\ud800 B", "title": "\\udc00"}')
    (got,) = read_inputs([str(tmp_path)])
    assert got.text == "A \ufffd B" and got.meta["title"] == "\ufffd"


RU_LINE = "Россия и Казахстан подписали меморандум о сотрудничестве в области энергетики в Москве."


def test_jsonl_line_with_an_invalid_byte_records_the_replacement(tmp_path):
    from accords.pipeline import process

    good = json.dumps({"text": RU_LINE}, ensure_ascii=False).encode()
    broken = json.dumps({"text": RU_LINE + " XY"}, ensure_ascii=False).encode().replace(b"XY", b"X\xffY")
    other = good.replace("Москве".encode(), b"Baku")
    (tmp_path / "feed.jsonl").write_bytes(good + b"\n" + broken + b"\n" + other + b"\n")
    got = {g.origin.rsplit("#", 1)[1]: g for g in read_inputs([str(tmp_path / "feed.jsonl")])}
    assert all(isinstance(g, RawInput) for g in got.values())
    assert got["2"].text.endswith("X\ufffdY") and got["2"].encoding == "utf-8 (1 invalid byte replaced)"
    assert got["1"].encoding == got["3"].encoding == "utf-8"
    stored = process(got["2"]).source  # what the store records for the line
    assert stored.encoding == "utf-8 (1 invalid byte replaced)" and "\ufffd" in stored.text


def test_json_in_a_legacy_encoding_records_that_encoding(tmp_path):
    (tmp_path / "a.json").write_bytes(json.dumps({"text": RU_LINE}, ensure_ascii=False).encode("cp1251"))
    (tmp_path / "b.json").write_bytes(json.dumps([{"text": "Le traité a été signé à Paris."}],
                                                 ensure_ascii=False).encode("latin-1"))
    got = {g.origin.rsplit("/", 1)[1]: g for g in read_inputs([str(tmp_path)])}
    assert got["a.json"].text == RU_LINE and got["a.json"].encoding == "windows-1251"
    assert got["b.json#1"].text == "Le traité a été signé à Paris." and got["b.json#1"].encoding == "windows-1252"
