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
