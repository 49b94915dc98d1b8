"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM or detected), Windows-1256 or
ISO-8859-6; CRLF to LF; Arabic mojibake (UTF-8 once misread as Windows-1256/1252) repaired."""
from __future__ import annotations

import codecs
import re

from rasid.errors import BinaryInput, EmptyInput, UnknownEncoding

CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
ARABIC_RE = re.compile(r"[\u0621-\u064A]")
# Bytes that never appear in text: C0 controls other than tab, newlines, form feed.
CONTROL_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
CP1256_ARABIC_MIN_SHARE = 0.3
# Text files from archives may carry a stray NUL or control byte; binary files carry many.
BINARY_CONTROL_SHARE = 0.01
ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A]{2,}")
ARTICLE_MIN_SHARE = 0.05
UTF8_MAX_BROKEN_SHARE = 0.001  # one broken sequence per thousand characters
SINGLE_BYTE_ARABIC = ("cp1256", "iso8859_6")
PLAUSIBILITY_SAMPLE = 20_000
# UTF-8 lead bytes of Arabic (0xD8-0xDB) as Windows-1256 (ط ظ ع غ) or Windows-1252 (Ø Ù Ú Û) letters,
# each followed by the continuation byte's character: the signature of Arabic mojibake.
MOJIBAKE_RE = re.compile(
    r"(?:[طظ][\u0600-\u06FF\u0080-\u00FF\u2000-\u203A\u0152-\u02DC]"
    r"|[ØÙÚÛ][\u0080-\u00FF\u0152-\u2122]){4}"
)


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    # ASCII in UTF-16-LE puts zeros on odd bytes; Arabic (U+06xx) puts 0x06 there.
    odd_06 = sample[1::2].count(6)
    even_06 = sample[0::2].count(6)
    if (odd_zeros + odd_06) > 0.8 * half and even_zeros < 0.1 * half:
        return "utf-16-le"
    if (even_zeros + even_06) > 0.8 * half and odd_zeros < 0.1 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str = "<input>") -> str:
    """Decode one article file; raise a specific InputError when it is not text."""
    if not data.strip():
        raise EmptyInput(source, "empty input")
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", source)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", source)
    else:
        utf16 = _looks_utf16(data)
        if utf16:
            text = _strict(data, utf16, source)
        elif _control_share(data) > BINARY_CONTROL_SHARE:
            raise BinaryInput(source, "binary file, not text")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _utf8_with_rare_errors(data) or _windows_1256(data, source)
    text = repair_mojibake(CONTROL_CHARS_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    if not text.strip():
        raise EmptyInput(source, "empty input")
    return text


def _utf8_with_rare_errors(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut archive, one bad sector) is still UTF-8: each broken
    sequence becomes U+FFFD. Windows-1256 Arabic read as UTF-8 breaks on nearly every letter."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    return text if broken <= len(text) * UTF8_MAX_BROKEN_SHARE else None


def _control_share(data: bytes) -> float:
    sample = data[:8000]
    return len(CONTROL_RE.findall(sample)) / len(sample)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnknownEncoding(source, f"invalid {encoding} at byte {exc.start}") from exc


def _windows_1256(data: bytes, source: str) -> str:
    """Windows-1256, or ISO-8859-6: the single-byte Arabic encodings of older archives."""
    for encoding in SINGLE_BYTE_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_arabic(text):
            return text
    raise UnknownEncoding(source, "unknown encoding: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 Arabic")


def repair_mojibake(text: str) -> str:
    """UTF-8 Arabic that was once read as Windows-1256 or Windows-1252 and saved again
    ("ظ…طµط±", "Ù…ØµØ±" for مصر) is turned back into Arabic; other text is returned as is."""
    sample = text[:PLAUSIBILITY_SAMPLE]
    if not MOJIBAKE_RE.search(sample) or _plausible_arabic(sample):
        return text
    for encode in (lambda t: t.encode("cp1256"), _encode_windows_1252):
        try:
            repaired = encode(text).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _plausible_arabic(repaired[:PLAUSIBILITY_SAMPLE]):
            return repaired
    return text


def _encode_windows_1252(text: str) -> bytes:
    """Windows-1252, a character it lacks (a C1 control left by a Latin-1 reading) as Latin-1."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return b"".join(_one_byte(ch) for ch in text)


def _one_byte(ch: str) -> bytes:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return ch.encode("latin-1")


def _plausible_arabic(text: str) -> bool:
    """Any high byte decodes to an Arabic letter in cp1256; real Arabic also shows its article."""
    text = text[:PLAUSIBILITY_SAMPLE]
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if ARABIC_RE.match(ch))
    if not letters or arabic / len(letters) < CP1256_ARABIC_MIN_SHARE:
        return False
    words = ARABIC_WORD_RE.findall(text)
    with_article = sum(1 for w in words if w.startswith(("ال", "وال", "بال", "لل")))
    return with_article > 0 and with_article / len(words) >= ARTICLE_MIN_SHARE
