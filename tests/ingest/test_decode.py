import pytest

from accords.errors import InputError
from accords.ingest.decode import decode


@pytest.mark.parametrize("text, encoding", [
    ("وقعت إسرائيل وأذربيجان مذكرة تفاهم في مجال الذكاء الاصطناعي", "windows-1256"),
    ("Азербайджан и Соединенные Штаты подписали хартию о стратегическом партнерстве", "windows-1251"),
])
def test_legacy_encodings_are_detected(text, encoding):
    got, _ = decode(text.encode(encoding))
    assert got == text


def test_utf16_with_bom():
    assert decode("שלום עולם".encode("utf-16"))[0] == "שלום עולם"


def test_utf8_bom_is_dropped():
    assert decode("\ufeffhello".encode("utf-8"))[0] == "hello"


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"  \n", "empty"), (b"ab\x00cd", "binary data, not text")])
def test_refusals(data, reason):
    with pytest.raises(InputError) as e:
        decode(data)
    assert e.value.reason == reason
