"""Make real legacy-encoded Vietnamese bytes for the tests: Windows-1258 and TCVN3 (ABC fonts)."""

from __future__ import annotations

import unicodedata

from chibo_cli.records.encodings import TCVN3_TABLE

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TO_TCVN3 = {char: code for code, char in TCVN3_TABLE.items()}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps base letters precomposed (â, ơ, đ) and tones as separate marks."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        tones = "".join(p for p in parts if p in _TONES)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def to_tcvn3(text: str) -> bytes:
    """One byte per letter; toned capitals use the lower-case codes, as the ...H caps fonts do."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(ord(char))
        elif char in _TO_TCVN3:
            out.append(_TO_TCVN3[char])
        else:
            out.append(_TO_TCVN3[char.lower()])
    return bytes(out)
