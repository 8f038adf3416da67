"""Say what a file that is not UTF-8 probably is, so the secretary knows how to re-save it.

Vietnamese text from before Unicode arrives in two legacy encodings: Windows-1258 (precomposed base
letters plus separate tone-mark bytes) and TCVN3, the encoding of the "ABC" fonts (.VnTime …) with
one byte per toned lower-case letter. Each candidate decoding is scored by how many of its words
are well-formed Vietnamese (letters of the Vietnamese alphabet, at most one tone mark): the right
encoding gives real words, the wrong one gives letters like ``Ç`` or two tones in one syllable.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from ..base.i18n import _

# TCVN3 (TCVN 5712:1993, VN3): lower-case toned letters; capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7.
TCVN3_TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_WORD = re.compile(r"[^\W\d_]+")
# A Vietnamese syllable without its tone: onset, one to three vowels, coda.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
                       r"[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?")
_TONED = re.compile(r".?[aeiouyAEIOUY][\u0302\u0306\u031b]?[\u0300\u0301\u0303\u0309\u0323]$")
_SYMBOLS = re.compile(r"[\u00a1-\u00bf\u00d7\u00f7]")  # ¡…¿ × ÷: never in Vietnamese words
_SAMPLE = 64 * 1024
_MIN_SCORE = 0.6


def describe_undecodable(raw: bytes) -> tuple[str, str, str]:
    """Return (code, message, hint) for bytes that failed to decode as UTF-8."""
    resave = _("open it in a text editor and save it as UTF-8")
    utf16 = utf16_kind(raw)
    if utf16:
        return "Y005", _("file is {kind}, not UTF-8", kind=utf16), resave
    binary = _binary_kind(raw)
    if binary:
        return "Y007", _("file is binary ({kind}), not a YAML text file", kind=binary), _(
            "is this the right file?")
    legacy = legacy_vietnamese(raw)
    if legacy == "cp1258":
        return "Y005", _("file looks like Vietnamese in Windows-1258, not UTF-8"), resave
    if legacy == "tcvn3":
        return "Y005", _("file looks like Vietnamese in TCVN3 (ABC fonts, .VnTime), not UTF-8"), _(
            "convert it to Unicode (e.g. with Unikey's converter), then save it as UTF-8")
    if legacy == "either":
        return "Y005", _("file looks like Vietnamese in an old encoding (Windows-1258 or TCVN3), "
                         "not UTF-8"), _("convert it to Unicode (e.g. with Unikey's converter), "
                                         "then save it as UTF-8")
    return "Y005", _("file is not valid UTF-8 text"), resave


def utf16_kind(raw: bytes) -> str:
    """"UTF-16 …" when the bytes look like UTF-16 (with or without a byte-order mark), else ""."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith(b"\xff\xfe"):
        return "UTF-16 (little-endian, with BOM)"
    if raw.startswith(b"\xfe\xff"):
        return "UTF-16 (big-endian, with BOM)"
    sample = raw[:400]
    if len(sample) < 4:
        return ""
    half = len(sample) // 2
    # ASCII-heavy text in UTF-16 has a zero in every other byte; binary files do not line up so.
    if sample[1::2].count(0) >= half * 0.6 and sample[0::2].count(0) <= half * 0.1:
        return "UTF-16 (little-endian, no BOM)"
    if sample[0::2].count(0) >= half * 0.6 and sample[1::2].count(0) <= half * 0.1:
        return "UTF-16 (big-endian, no BOM)"
    return ""


_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive, e.g. a Word .docx"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc or Excel .xls"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)


def _binary_kind(raw: bytes) -> str:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return _(kind)
    head = raw[:4096]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls * 20 > len(head):
        return _("unknown content")
    return ""


def legacy_vietnamese(raw: bytes) -> Optional[str]:
    """"cp1258" or "tcvn3" when ``raw`` reads as Vietnamese in that encoding, "either" when it
    reads as Vietnamese in both (short texts can), else None."""
    sample = raw[:_SAMPLE]
    scores = sorted(((_vietnamese_score(decode(sample)), name)
                     for name, decode in _DECODERS.items()), reverse=True)
    (best, name), (second, _other) = scores
    if best < _MIN_SCORE:
        return None
    return name if best > second else "either"


def decode_tcvn3(raw: bytes) -> str:
    """Decode TCVN3 bytes; bytes outside the table are read as Latin-1."""
    return "".join(TCVN3_TABLE.get(b, chr(b)) for b in raw)


def _decode_cp1258(raw: bytes) -> str:
    return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))


_DECODERS = {"cp1258": _decode_cp1258, "tcvn3": decode_tcvn3}


def _vietnamese_score(text: str) -> float:
    """Share of well-formed Vietnamese among the non-ASCII words and stray symbols of ``text``."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    noise = len(_SYMBOLS.findall(text))
    if not words:
        return 0.0
    return sum(_is_vietnamese_word(w) for w in words) / (len(words) + noise)


def _is_vietnamese_word(word: str) -> bool:
    if not _plausible_case(word):
        return False
    marks = unicodedata.normalize("NFD", word)
    tones = [i for i, char in enumerate(marks) if char in _TONES]
    if len(tones) > 1 or (tones and not _TONED.match(marks[:tones[0] + 1][-3:])):
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONES)).lower()
    return _SYLLABLE.fullmatch(bare) is not None


def _plausible_case(word: str) -> bool:
    """Lower, Title or UPPER; or capitals typed in a TCVN3 caps font (ASCII upper, marks lower)."""
    if word.islower() or word.istitle() or word.isupper():
        return True
    return all(c.isupper() if c.isascii() else c.islower() for c in word)
