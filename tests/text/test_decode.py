import codecs
import gzip
import random

import pytest

from rasid.errors import BinaryInput, EmptyInput, UnknownEncoding
from rasid.text.decode import decode_bytes

ARTICLE = "القاهرة - واس\r\nالتقى وزير الخارجية المصري نظيره العراقي في القاهرة اليوم لبحث العلاقات الثنائية.\r\n"
EXPECTED = ARTICLE.replace("\r\n", "\n")


@pytest.mark.parametrize("data", [
    ARTICLE.encode("utf-8"),
    codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    ARTICLE.encode("utf-16"),  # with BOM
    codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ARTICLE.encode("utf-16-le"),  # no BOM
    ARTICLE.encode("utf-16-be"),
    ARTICLE.encode("cp1256"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-be-bom", "utf16-le", "utf16-be", "windows-1256"])
def test_supported_encodings_decode_to_the_same_text(data):
    assert decode_bytes(data, "a.txt") == EXPECTED


def test_crlf_and_lone_cr_become_newlines():
    assert decode_bytes("سطر\r\nسطر\rسطر".encode(), "a.txt") == "سطر\nسطر\nسطر"


def test_a_few_broken_utf8_bytes_do_not_lose_the_article():
    data = ARTICLE.encode() * 20
    text = decode_bytes(data[:40] + b"\xff" + data[40:], "a.txt")
    assert text.count("\ufffd") == 1 and "الخارجية المصري" in text


@pytest.mark.parametrize("data, error", [
    (b"", EmptyInput),
    (b"  \n\t\r\n ", EmptyInput),
    (codecs.BOM_UTF8, EmptyInput),
    (gzip.compress(ARTICLE.encode() * 10), BinaryInput),
    (random.Random(1).randbytes(4000), BinaryInput),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), BinaryInput),
    ("Le ministre a rencontré son homologue à Paris pour évoquer la coopération.".encode("latin-1"),
     UnknownEncoding),
    ("東京で外相会談が行われ、両国の協力について協議した。".encode("shift_jis"), UnknownEncoding),
    ("Министр иностранных дел встретился с коллегой в Москве.".encode("koi8-r"), UnknownEncoding),
], ids=["empty", "whitespace", "bom-only", "gzip", "random", "png", "latin1", "shift-jis", "koi8-r"])
def test_bad_inputs_raise_a_specific_error_naming_the_source(data, error):
    with pytest.raises(error) as info:
        decode_bytes(data, "bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: ") and "\n" not in message


def test_many_broken_utf8_bytes_are_not_utf8():
    data = ARTICLE.encode() * 20
    with pytest.raises(UnknownEncoding):
        decode_bytes(b"\xff".join(data[k:k + 200] for k in range(0, len(data), 200)), "a.txt")


def test_a_stray_control_byte_is_dropped():
    assert decode_bytes(ARTICLE.encode() + b"\x00", "a.txt") == EXPECTED


def test_iso_8859_6_arabic():
    assert decode_bytes(ARTICLE.encode("iso8859_6"), "a.txt") == EXPECTED


def _windows_1252_reading(data: bytes) -> str:
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data)


@pytest.mark.parametrize("misread", [
    lambda data: data.decode("cp1256"),  # "ط§ظ„ظ‚ط§ظ‡ط±ط©"
    _windows_1252_reading,  # "Ø§Ù„Ù‚Ø§Ù‡Ø±Ø©"
    lambda data: data.decode("latin-1"),
], ids=["as-windows-1256", "as-windows-1252", "as-latin-1"])
def test_utf8_arabic_once_misread_and_saved_again_is_repaired(misread):
    mojibake = misread(EXPECTED.encode("utf-8"))
    assert mojibake != EXPECTED
    assert decode_bytes(mojibake.encode("utf-8"), "a.txt") == EXPECTED


def test_text_that_only_looks_odd_is_left_alone():
    for text in ("Le ministre Ø a rencontré son homologue.", EXPECTED, "ضبط ظبط طظطظطظطظ " + EXPECTED):
        assert decode_bytes(text.encode("utf-8"), "a.txt") == text
