import pytest

from accords.errors import LanguageDataError
from accords.lang.pack import validate
from accords.pipeline import SUPPORTED
from accords.lang.lexicon import matcher
from accords.lang.pack import load, read_files


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_language_loads_and_compiles(code):
    pack = load(code)
    assert pack.code == code
    assert matcher(code).find is not None


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_language_has_examples(code):
    files = read_files(code)
    assert "examples.yaml" in files


def test_unknown_key_is_an_error():
    files = read_files("en")
    files["instruments.yaml"] = {**files["instruments.yaml"], "typos": []}
    with pytest.raises(LanguageDataError, match="unknown key 'typos'"):
        validate("en", files)


def test_yaml_boolean_is_an_error():
    files = read_files("en")
    files["language.yaml"] = {**files["language.yaml"], "stop_words": ["the", True]}
    with pytest.raises(LanguageDataError, match="not a string"):
        validate("en", files)


def test_duplicate_after_folding_is_an_error():
    files = read_files("ar")
    files["instruments.yaml"] = {**files["instruments.yaml"], "anaphora": ["الوثيقة", "الوثيقه"]}
    with pytest.raises(LanguageDataError, match="listed twice"):
        validate("ar", files)
