"""A source's text cannot act on the analyst's terminal: `visible`, and `show` / `entity` views."""

from __future__ import annotations

import copy
import io
import json
import re
import unicodedata

import pytest
from rich.console import Console

from accords.service import ingest
from accords.show import render, render_entity
from accords.store.sqlite import Store
from accords.terminal import visible, visible_json, visible_multiline

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
CSI8 = "\x9b2J"
RLO = "\u202e"

PAYLOADS = [  # (raw, as shown)
    (CLEAR, "\\x1b[2J"),
    (TITLE, "\\x1b]0;pwned\\x07"),
    (LINK, "\\x1b]8;;http://evil.example\\x1b\\click\\x1b]8;;\\x1b\\"),
    (CSI8, "\\x9b2J"),
    ("\x9d0;pwned\x9c", "\\x9d0;pwned\\x9c"),
    (RLO + "gnp.exe", "\\u202egnp.exe"),
    ("\u2066a\u2069", "\\u2066a\\u2069"),
    ("a\u2028b", "a\\u2028b"),
    ("a\tb\nc\rd", "a\\tb\\nc\\rd"),
    ("x\x7fy\x00", "x\\x7fy\\x00"),
    ("file\udcff.txt", "file\\udcff.txt"),
    ("hidden\U000e0041", "hidden\\U000e0041"),
]
# What a terminal acts on, or what reorders a line: none of it may be printed raw.
ACTING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(("raw", "shown"), PAYLOADS, ids=[repr(p[0])[:24] for p in PAYLOADS])
def test_visible_shows_each_control_as_its_escape(raw, shown):
    assert visible(raw) == shown
    assert not ACTING.search(visible(raw))


@pytest.mark.parametrize("name", [
    "رشاد نبييف",  # Arabic
    "بنيامين نتنياهو",
    "אֶרֶז אַשְׁכֶּנָזִי",  # Hebrew with points
    "习近平",  # Chinese
    "می\u200cخواهد",  # Persian with ZWNJ, which its spelling needs
    "\u200fשר החוץ\u200f 2025",  # Hebrew with right-to-left marks, kept (see accords.terminal)
    "Đặng Thị Ngọc Thịnh",
    "C:\\data\\a.txt",
])
def test_visible_leaves_names_of_every_script_alone(name):
    assert visible(name) == name


def test_every_control_character_and_bidi_override_is_shown():
    shown = [chr(cp) for cp in range(0x3000) if unicodedata.category(chr(cp)) == "Cc" or 0x202A <= cp <= 0x202E
             or 0x2066 <= cp <= 0x2069]
    assert len(shown) == 65 + 9
    for ch in shown:
        assert visible(ch) != ch and visible(ch).isprintable(), repr(ch)


def test_visible_multiline_keeps_line_breaks_and_shows_the_rest():
    assert visible_multiline(f"one\n\ttwo{CLEAR}{RLO}\r") == "one\n\ttwo\\x1b[2J\\u202e\\r"


@pytest.mark.parametrize("indent", [None, 2])
def test_visible_json_spells_controls_as_escapes_and_parses_to_the_same_value(indent):
    value = {"name": f"Lars{CLEAR}{CSI8}{RLO}\x7f", "origin": "feed\udcff\u2028.jsonl",
             "hidden": "a\U000e0041", "he": "\u200fשר החוץ", "lines": ["one\ntwo"]}
    text = visible_json(json.dumps(value, ensure_ascii=False, indent=indent))
    assert json.loads(text) == value
    assert not ACTING.search(text.replace("\n", "")) and "\udcff" not in text and "\U000e0041" not in text
    assert "\\u009b2J\\u202e" in text and "\\udb40\\udc41" in text and "שר החוץ" in text


# --- the views -------------------------------------------------------------------------------

ARTICLE = (
    "Norway and Chile sign a memorandum of understanding on renewable energy\n\n"
    "OSLO, March 12, 2025 - Norwegian Minister of Energy Lars Hovland and Chilean Minister of Energy "
    "Carla Fuentes signed a memorandum of understanding on renewable energy cooperation in Oslo on "
    "Wednesday, in the presence of Prime Minister Jonas Gahr Store.\n\n"
    f'"This memorandum {CLEAR}opens a new {RLO}chapter{CSI8} in our {TITLE}partnership," Hovland said.\n\n'
    "The agreement covers green hydrogen, offshore wind and joint research.\n"
)


@pytest.fixture
def hostile(tmp_path):
    """A store holding one feed record whose file name, URL, outlet, title and quote carry payloads."""
    folder = tmp_path / "in"
    folder.mkdir()
    feed = folder / f"feed{CLEAR}{RLO}.jsonl"
    feed.write_text(json.dumps({"text": ARTICLE, "url": f"https://news.example/a{LINK}",
                                "outlet": f"{CLEAR}Daily{CSI8}", "title": f"{RLO}Title{TITLE}"}) + "\n",
                    encoding="utf-8")
    store = Store(tmp_path / "s.db")
    ingest([str(folder)], store)
    yield store
    store.close()


def _rendered(view, obj, color_system):
    console = Console(file=io.StringIO(), force_terminal=True, color_system=color_system, width=200)
    view(obj, console)
    text = console.file.getvalue()
    # rich's own styling (SGR, `ESC [ ... m`) is allowed; nothing else that starts with ESC is.
    return re.sub(r"\x1b\[[0-9;]*m", "", text) if color_system else text


def _assert_inert(text, *shown):
    for raw in ("\x1b", "\x9b", "\x07", "\x9d", RLO):
        assert raw not in text, f"{raw!r} reached the terminal"
    for s in shown:
        assert s in text, s


@pytest.mark.parametrize("color_system", [None, "truecolor"])
def test_show_of_an_ingested_hostile_source_prints_its_payloads_inert(hostile, color_system):
    (rec,) = list(hostile.records())
    assert CLEAR in rec["quotes"][0]["text"] and RLO in rec["sources"][0]["origin"]  # the payloads got in
    text = _rendered(render, rec, color_system)
    _assert_inert(text, "\\x1b[2J", "\\x9b2J", "\\u202e", "\\x1b]0;pwned\\x07",
                  "feed\\x1b[2J\\u202e.jsonl#1", "Daily\\x9b2J", "Title\\x1b]0;pwned\\x07",
                  "\\x1b]8;;http://evil.example\\x1b\\click")


def _poisoned(rec):
    """The record with every field a source can fill carrying a payload."""
    rec = copy.deepcopy(rec)
    rec["title"] = f"{RLO}Memorandum{CLEAR}"
    rec["parties"][0]["name"] = f"Norway{TITLE}"
    rec["parties"][1]["name"] = "Chile :cross_mark:"  # a rich emoji code, shown as written
    signatory = rec["signatories"][0]
    signatory["name"], signatory["role"] = f"Lars{CLEAR}Hovland", f"Minister{CSI8}"
    signatory["names"]["en"] = f"Lars {LINK}"
    rec["present"][0]["name"] = f"{RLO}erotS"
    rec["areas"][0]["text"] = f"joint{CSI8}research"
    rec["evidence"]["place"][0]["text"] = f"Oslo{TITLE}"
    rec["sources"][0]["outlet"] = "[link=http://evil.example]Daily[/link]"  # rich markup, not a control
    rec["sources"][0]["published"] = "[link=http://evil.example]2025[/link]"
    rec["discrepancies"] = [{"field": "signatories[0].name", "note": f"spellings{CLEAR}",
                             "values": [{"value": f"Lars{RLO}", "sources": [rec["sources"][0]["id"]]}]}]
    return rec


@pytest.mark.parametrize("color_system", [None, "truecolor"])
def test_show_prints_names_roles_places_and_discrepancies_inert(hostile, color_system):
    (rec,) = list(hostile.records())
    text = _rendered(render, _poisoned(rec), color_system)
    _assert_inert(text, "\\u202eMemorandum\\x1b[2J", "Norway\\x1b]0;pwned\\x07", "Lars\\x1b[2JHovland",
                  "Minister\\x9b2J", "Lars \\x1b]8;;http://evil.example", "\\u202eerotS", "joint\\x9b2Jresearch",
                  "Oslo\\x1b]0;pwned\\x07", "spellings\\x1b[2J", "Lars\\u202e",
                  "[link=http://evil.example]Daily[/link]", "[link=http://evil.example]2025[/link]",
                  "Chile :cross_mark:")
    assert "\u274c" not in text


@pytest.mark.parametrize("color_system", [None, "truecolor"])
def test_entity_view_prints_forms_roles_and_reasons_inert(hostile, color_system):
    (person,) = [e for e in hostile.find_entities("Hovland") if e["type"] == "person"]
    person = copy.deepcopy(person)
    person["name"] = f"Lars{CLEAR}"
    person["forms"][0]["name"] = f"{RLO}dnalvoH"
    person["roles"] = [{"role": f"Minister{TITLE}", "role_en": None, "party": f"NO{CSI8}",
                        "reported": "2025-03-12", "source": person["forms"][0]["source"]}]
    person["reasons"] = [f"same name {LINK}", "seen :thumbs_up:"]
    text = _rendered(render_entity, person, color_system)
    _assert_inert(text, "Lars\\x1b[2J", "\\u202ednalvoH", "Minister\\x1b]0;pwned\\x07", "NO\\x9b2J",
                  "same name \\x1b]8;;http://evil.example", "seen :thumbs_up:")
