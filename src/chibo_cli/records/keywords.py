"""Vietnamese words for the keywords records take (``kind: thường kỳ``, ``status: hoàn thành``).

The models keep the English values (every other module compares against them); a ``Keyword`` enum
also accepts, when a record is read, each Vietnamese word listed here, with or without diacritics,
in any case, with spaces, '-' or '_' between words. ``chibo schema`` offers both in completion.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

# enum class name → English value → the Vietnamese words for it (written with diacritics).
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "Gender": {"nữ": ("nu",)},  # the values are Vietnamese already: "nu" is "nữ" untyped
    "MeetingKind": {
        "regular": ("thường kỳ", "định kỳ"),
        "thematic": ("chuyên đề",),
        "extraordinary": ("bất thường",),
    },
    "ResolutionStatus": {"draft": ("dự thảo",), "adopted": ("thông qua", "đã thông qua")},
    "TaskStatus": {
        "done": ("hoàn thành", "đã hoàn thành", "xong"),
        "in_progress": ("đang thực hiện", "đang làm"),
        "not_done": ("chưa thực hiện", "chưa hoàn thành", "chưa làm"),
    },
    "Category": {"full": ("chính thức",), "probationary": ("dự bị",)},
    "MemberVoteKind": {
        "admission": ("kết nạp",),
        "confirmation": ("chuyển chính thức", "công nhận chính thức"),
        "exemption": ("miễn sinh hoạt", "miễn công tác và sinh hoạt"),
    },
    "Role": {"secretary": ("bí thư",), "deputy": ("phó bí thư",)},  # member add --role
    "EventKind": {
        "admitted": ("kết nạp",),
        "confirmed": ("chuyển chính thức", "công nhận chính thức"),
        "transferred_in": ("chuyển đến", "chuyển sinh hoạt đến"),
        "transferred_out": ("chuyển đi", "chuyển sinh hoạt đi"),
        "exempted": ("miễn sinh hoạt", "miễn công tác và sinh hoạt"),
        "resumed": ("thôi miễn", "sinh hoạt lại"),
        "away": ("đi sinh hoạt tạm thời", "sinh hoạt tạm thời nơi khác"),
        "back": ("trở về", "trở về sinh hoạt"),
        "attached": ("sinh hoạt tạm thời tại chi bộ", "đến sinh hoạt tạm thời"),
        "detached": ("kết thúc sinh hoạt tạm thời",),
        "suspended": ("đình chỉ", "đình chỉ sinh hoạt"),
        "reinstated": ("hết đình chỉ",),
        "removed": ("xóa tên", "khai trừ"),
        "died": ("từ trần", "qua đời"),
    },
}

_SEPARATORS = re.compile(r"[\s_\-]+")


def fold(text: str) -> str:
    """``Thường Kỳ``, ``thuong-ky``, ``THUONG_KY`` → ``thuong ky``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare).strip().lower()


def spellings(enum_name: str, value: str) -> list[str]:
    """The Vietnamese words for one value, each with and without diacritics."""
    words = ALIASES.get(enum_name, {}).get(value, ())
    found: list[str] = []
    for word in words:
        for form in (word, fold(word)):
            if form not in found and form != value:
                found.append(form)
    return found


def english(table: str, value: str) -> str:
    """The English value ``value`` names in ``table`` (``"Bí thư"`` → ``secretary``); ``value``
    itself when it names none."""
    key = fold(value)
    for canonical in ALIASES.get(table, {}):
        if key == fold(canonical) or key in map(fold, ALIASES[table][canonical]):
            return canonical
    return value


def with_words(expected: str) -> str:
    """pydantic's list of allowed values (``'regular', 'thematic' or 'extraordinary'``), each
    with its first Vietnamese word: ``regular (thường kỳ), thematic (chuyên đề), …``."""
    values = re.findall(r"'([^']*)'", expected)
    shown = []
    for value in values:
        words = [w for table in ALIASES.values() for w in table.get(value, ())[:1]]
        shown.append(f"{value} ({words[0]})" if words else value)
    return ", ".join(shown) if shown else expected


class Keyword(str, Enum):
    """A str enum that also accepts its Vietnamese words; its schema lists them all."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        key = fold(value)
        for member in cls:
            if key == fold(member.value) or key in map(fold, spellings(cls.__name__,
                                                                        member.value)):
                return member
        return None

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        target["enum"] = [form for member in cls
                          for form in (member.value, *spellings(cls.__name__, member.value))]
        return json_schema
