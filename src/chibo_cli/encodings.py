"""Say what a file that is not UTF-8 probably is, so the secretary knows how to re-save it."""

from __future__ import annotations

from .i18n import _

# Byte values that TCVN3 (the "ABC" fonts .VnTime etc.) uses for Vietnamese letters with marks and
# that Windows-1258 leaves to rarely used Latin-1 punctuation: seeing several points to TCVN3.
_TCVN3_MARKERS = frozenset(b"\xb5\xb8\xb6\xb7\xb9\xa8\xbb\xbe\xbc\xbd\xc6\xa9\xc7\xca\xc8\xc9\xcb"
                           b"\xcc\xd0\xce\xcf\xd1\xaa\xd2\xd5\xd3\xd4\xd6\xd7\xdd\xd8\xdc\xde\xae"
                           b"\xac\xad\xab\xa6\xa7\xa2\xa1\xa5\xa4\xa3")
_CP1258_COMBINING = frozenset(b"\xcc\xec\xd2\xde\xf2")  # combining tone marks in Windows-1258


def describe_undecodable(raw: bytes) -> tuple[str, str, str]:
    """Return (code, message, hint) for bytes that failed to decode as UTF-8."""
    resave = _("open it in a text editor and save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return "Y005", _("file is UTF-16, not UTF-8"), resave
    if b"\x00" in raw[:4096]:
        return "Y007", _("file is binary, not a YAML text file"), _("is this the right file?")
    high = [b for b in raw if b >= 0x80]
    tcvn3 = sum(b in _TCVN3_MARKERS for b in high)
    cp1258 = sum(b in _CP1258_COMBINING for b in high)
    if high and cp1258 * 4 >= len(high):
        return "Y005", _("file looks like Vietnamese in Windows-1258, not UTF-8"), resave
    if high and tcvn3 * 2 >= len(high):
        return "Y005", _("file looks like Vietnamese in TCVN3 (ABC fonts), not UTF-8"), _(
            "convert it to Unicode (e.g. with Unikey's converter), then save as UTF-8")
    return "Y005", _("file is not valid UTF-8 text"), resave


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:200]
    return len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4
