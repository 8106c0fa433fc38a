"""Bytes to published text: decoding, mojibake repair, line ends, NFC.

Every step is a pure function of its input and leaves clean text untouched
(no copy is made when nothing needs fixing), so a plain UTF-8/LF/NFC file is
published exactly as it is on disk.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
import ftfy
from ftfy.badness import BADNESS_RE

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
UTF16_32_BOMS = tuple(bom for bom, enc in _BOMS if enc != "utf-8-sig")

# The articles are English-language pages from Western sources. Left to itself,
# charset-normalizer prefers cp1250 for short Western text ("½" -> "˝",
# "è" -> "č"), so detection is confined to the Western single-byte families;
# cp1252 is a superset of Latin-1's printable range, so Latin-1 files land there too.
_DETECT_CANDIDATES = ["cp1252", "latin_1", "iso8859_15"]

# Pages that say "iso-8859-1" or "ascii" mean windows-1252 (the WHATWG rule browsers follow).
_DECLARED_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                     "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252"}

# C0 controls other than tab/newlines/form feed and the C1 block: real text has none, so
# finding them after a legacy decode means the bytes were not text in that encoding.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Only encoding repairs: quotes stay curly, ligatures and widths stay as written,
# line breaks and NFC are handled by our own steps so every change is accounted for.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


class Undecodable(ValueError):
    """The bytes are not text in any encoding this project accepts."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    detected: bool  # True when the encoding came from detection rather than a BOM/UTF-8/declaration


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (<meta charset> or http-equiv), if any."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", head, re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    name = _DECLARED_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode: BOM, then strict UTF-8, then a declared charset, then detection.

    Raises Undecodable when nothing plausible fits.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc, False)
            except UnicodeDecodeError as exc:
                raise Undecodable(f"{exc.reason} at byte {exc.start} after a {enc} byte-order mark") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if not _CONTROL_RE.search(text):
                return Decoded(text, declared, False)
    best = charset_normalizer.from_bytes(data, cp_isolation=_DETECT_CANDIDATES).best()
    if best is not None:
        text = str(best)
        if not _CONTROL_RE.search(text):
            return Decoded(text, best.encoding, True)
    # Mostly UTF-8 with a few Windows-1252 bytes pasted in defeats detection (the
    # UTF-8 parts look like chaos as cp1252); accept cp1252 when the mojibake it
    # produces is fully repairable, since repair runs next anyway.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _CONTROL_RE.search(text) and not is_bad(repair_mojibake(text)):
        return Decoded(text, "cp1252", True)
    raise Undecodable(f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no Western encoding fits")


# Every alternative of ftfy's badness pattern needs at least one non-ASCII character, and
# none matches more than 7 characters, so each match lies within 7 characters of a
# non-ASCII run. Scanning only those windows finds the same matches: the pattern costs
# ~0.5 µs per position tried, and most of an English page is ASCII between a few curly
# quotes and dashes (this was half of a cold scan). `search(text, pos, endpos)` keeps
# "^" at the real start of the text; the pattern has no lookarounds to see past a window.
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_BADNESS_REACH = 8


def is_bad(text: str) -> bool:
    """ftfy.badness.is_bad(text): does the text look like mojibake? Only searched near non-ASCII characters."""
    n = len(text)
    windows: list[list[int]] = []
    for run in _NON_ASCII_RE.finditer(text):
        lo, hi = max(0, run.start() - _BADNESS_REACH), min(n, run.end() + _BADNESS_REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return any(BADNESS_RE.search(text, lo, hi) for lo, hi in windows)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage ("Itâ€™s" -> "It’s"); text ftfy finds clean is returned as is."""
    # Mojibake needs non-ASCII characters; isascii() is a C scan, ftfy's badness regex was
    # most of the ingest time on large corpora.
    if text.isascii() or not is_bad(text):
        return text
    return ftfy.fix_text(text, _FTFY_CONFIG)


def normalize_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Mojibake repair, LF line ends, NFC; returns the text and a flag for each step that changed it."""
    flags: list[str] = []
    if text.startswith("\ufeff"):
        # A BOM that survived decoding (e.g. a UTF-8 BOM inside UTF-16) is not content.
        text = text[1:]
    fixed = normalize_newlines(text)
    if fixed is not text:
        flags.append("newlines_normalized")
    text = fixed
    fixed = repair_mojibake(text)
    if fixed != text:
        flags.append("mojibake_repaired")
    text = fixed
    fixed = nfc(text)
    if fixed is not text:
        flags.append("nfc_normalized")
    return fixed, tuple(flags)


def clean_field(value: object) -> str | None:
    """A metadata value as one clean line, or None when there is nothing."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    return nfc(repair_mojibake(text))
