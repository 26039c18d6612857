"""Decode: an input file's bytes into clean text, or the reason it is not text.

UTF-8 (with or without a byte-order mark) is read directly. Anything else goes to
charset-normalizer, limited to the encodings an Arabic news article plausibly comes in
(UTF-16/32, Windows-1256, ISO-8859-6, and Windows-1252 for Latin text): limiting the
candidates keeps short Windows-1256 texts from being read as Chinese, and makes binary
files fail to decode instead of becoming noise.

Decoded text is then made safe to carry through the site: control characters (which YAML,
and so MkDocs, refuses) and bidi embeddings/overrides (which would reorder the text around
them on a page) are removed; line ends become `\\n`. Marks that belong to writing (RLM, LRM,
ALM, ZWJ, ZWNJ) stay.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# What charset-normalizer may choose from (Python codec names).
ENCODINGS = (
    "utf_8",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "cp1256",  # Windows-1256, common on Arabic sites
    "iso8859_6",
    "cp1252",  # Latin text from Western European systems
)
_NAMES = {
    "utf_8": "UTF-8",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
    "utf_32": "UTF-32",
    "cp1256": "Windows-1256",
    "iso8859_6": "ISO-8859-6",
    "cp1252": "Windows-1252",
}
_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, odt, epub
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
)
# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# a BOM inside the text, and the two noncharacters YAML refuses.
_UNSAFE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SAMPLE = 100_000
_MAX_UNSAFE_SHARE = 0.1  # more control characters than this: binary, not text


@dataclass(frozen=True)
class Decoded:
    """A file's text, or why it has none (`text` is None, `reason` says why)."""

    text: str | None
    encoding: str | None = None  # a readable name: UTF-8, UTF-16, Windows-1256, …
    reason: str | None = None


def decode(raw: bytes, declared: str | None = None) -> Decoded:
    """The text of a file's bytes, line ends normalised and unsafe characters removed.

    `declared` is the encoding the file names itself (a web page's `<meta charset>`): used
    when the bytes are not UTF-8 and decode with it, before any detection.
    """
    if not raw:
        return Decoded("", "UTF-8")
    if raw.startswith(_BINARY_SIGNATURES):
        return Decoded(None, reason="is a binary file, not text")
    text, encoding = _detect(raw, declared)
    if text is None:
        return Decoded(None, reason="is not text in a known encoding (binary or undecodable)")
    text = _LINE_BREAKS.sub("\n", text)
    if _mostly_unsafe(text):
        removed = len(_UNSAFE.findall(text))
        return Decoded(None, encoding, f"is not text ({removed} control characters)")
    return Decoded(_UNSAFE.sub("", text), encoding)


def _mostly_unsafe(text: str) -> bool:
    sample = text[:_SAMPLE]  # binary shows from the start; a 20 MB text is not scanned twice
    return len(_UNSAFE.findall(sample)) > max(8, _MAX_UNSAFE_SHARE * len(sample))


def clean_text(text: str) -> str:
    """Normalise line ends and remove unsafe characters from an already decoded text."""
    return _UNSAFE.sub("", _LINE_BREAKS.sub("\n", text))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _detect(raw: bytes, declared: str | None) -> tuple[str | None, str | None]:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), name
            except UnicodeDecodeError:
                break
    try:
        text = raw.decode("utf-8-sig")
        if not _mostly_unsafe(text):  # UTF-16 without a BOM can be valid UTF-8 noise
            return text, "UTF-8"
    except UnicodeDecodeError:
        pass
    if declared and b"\x00" not in raw:
        try:
            codec = codecs.lookup(declared).name
            return raw.decode(codec), _NAMES.get(codec.replace("-", "_"), declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(raw, cp_isolation=list(ENCODINGS)).best()
    if best is None:
        return None, None
    return str(best), _NAMES.get(best.encoding, best.encoding)
