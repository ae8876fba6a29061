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


AR_LONG = ("وقعت جمهورية مصر العربية والمملكة الأردنية الهاشمية اليوم مذكرة تفاهم للتعاون في مجالات الطاقة "
           "المتجددة والربط الكهربائي، وذلك خلال زيارة رسمية أجراها وزير الخارجية إلى العاصمة عمّان.")
HE_LONG = "ישראל ויפן חתמו היום על מזכר הבנות לשיתוף פעולה בתחום האנרגיה המתחדשת, כך נמסר ממשרד החוץ בירושלים."
RU_LONG = ("Россия и Казахстан подписали меморандум о взаимопонимании в области энергетики. Документ "
           "подписали министры иностранных дел двух стран в ходе визита в Москву.")
TR_LONG = ("Türkiye ile Azerbaycan arasında enerji alanında işbirliğini öngören mutabakat zaptı bugün "
           "İstanbul'da imzalandı. Dışişleri Bakanı, anlaşmanın iki ülke ilişkilerinde yeni bir dönem "
           "başlattığını söyledi; törene Ş. Yılmaz ve Ğ. Işık da katıldı.")


@pytest.mark.parametrize("text, codec, label", [
    (AR_LONG, "cp1256", "windows-1256"), (AR_LONG.replace("،", ",").replace("ّ", ""), "iso8859_6", "iso-8859-6"),
    (HE_LONG, "cp1255", None), (HE_LONG, "iso8859_8", None),
    (RU_LONG, "cp1251", "windows-1251"), (RU_LONG, "koi8_r", "koi8-r"),
    (TR_LONG, "cp1254", None),
])
def test_article_length_legacy_texts_decode_exactly(text, codec, label):
    got, encoding = decode(text.encode(codec))
    assert got == text
    assert label is None or encoding == label


def test_turkish_is_not_read_as_western_or_central_european():
    # windows-1252 would read ğ ı ş as ð ý þ, windows-1250 as đ ý ţ: the text must come back exact.
    got, encoding = decode(TR_LONG.encode("cp1254"))
    assert got == TR_LONG and encoding in ("windows-1254", "iso-8859-9")


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n1 0 obj", "a PDF file"), (b"\x89PNG\r\n\x1a\nIHDR", "a PNG image"),
    (b"PK\x03\x04rest", "a ZIP archive"), (b"SQLite format 3\x00", "an SQLite database"),
])
def test_file_signatures_are_refused_as_binary(data, what):
    with pytest.raises(InputError) as e:
        decode(data)
    assert e.value.code == "E108" and e.value.reason == f"binary data, not text ({what})"


def test_utf8_with_a_broken_byte_keeps_the_article():
    text, encoding = decode(RU_LONG.encode() + b"\xff")
    assert text == RU_LONG + "\ufffd" and encoding == "utf-8 (1 invalid byte replaced)"


def test_utf16_bom_with_binary_inside_is_refused():
    with pytest.raises(InputError) as e:
        decode("abc\x00\x01\x02".encode("utf-16"))
    assert e.value.code == "E108"


@pytest.mark.parametrize("text", [
    "Café", "Müller", "Le traité a été signé à Paris.",
    "Das Abkommen über die Zusammenarbeit wurde gestern in München unterzeichnet.",
    "España y México firmaron el acuerdo en Cádiz.",
])
def test_latin1_text_is_read_as_western_not_cyrillic(text):
    # windows-1251 would read é ü à ñ as й ь а с inside Latin words ('Cafй', 'Mьller').
    got, encoding = decode(text.encode("latin-1"))
    assert got == text and encoding in ("windows-1252", "iso-8859-1")


@pytest.mark.parametrize("text", [
    "Москва и Баку подписали соглашение.", "Вес", "Привет",
    "Компании Gazprom и SOCAR подписали в Баку меморандум о поставках газа.",
    # capitals before Ё and » form a few valid UTF-8 sequences ('ВСЁ', 'О»'): still windows-1251
    "Министр заявил: «ВСЁ ГОТОВО». Документ «О ПАРТНЁРСТВЕ» подписан, сообщает «ТАСС».",
])
def test_cp1251_russian_is_still_windows_1251(text):
    assert decode(text.encode("cp1251")) == (text, "windows-1251")


def test_invalid_utf8_bytes_are_counted_in_the_encoding():
    text, encoding = decode(RU_LONG.encode() + b" \xff\xfe " + "Москва".encode() + b"\xc3")
    assert text.count("\ufffd") == 3 and encoding == "utf-8 (3 invalid bytes replaced)"
    marked, _ = decode(RU_LONG.encode() + b"\xff", keep_invalid=True)
    assert marked == RU_LONG + "\udcff"  # for a caller that counts per record


def test_mostly_ascii_utf8_with_one_bad_byte_stays_utf8():
    text = ("The treaty’s text was published on Monday. “We signed it,” the minister said; "
            "the parliament’s vote follows in May – the opposition’s leader agreed.")
    got, encoding = decode(text.encode() + b" \xe9")
    assert got == text + " \ufffd" and encoding == "utf-8 (1 invalid byte replaced)"
