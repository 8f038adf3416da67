"""The one translation function every user-facing string passes through.

Source strings are English. A catalog is a YAML mapping of source string to translation in
``data/locale/<lang>.yaml``; the language comes from ``CHIBO_LANG``, then the POSIX variables
``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` (``vi_VN.UTF-8`` → ``vi``), then on Windows the user's
display language, and is Vietnamese when none names one: chibo's users are Vietnamese, and a
fresh Linux or Docker shell says only ``C``/``POSIX``, which is no choice of language. A language
without a catalog (``en``, ``fr``) shows the English source, so adding a catalog never touches call
sites.

``tools/extract_messages.py --check vi`` lists messages that lack a translation.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "data" / "locale"

# The catalog's one canonical line: "source": "translation", both double-quoted. Lines of this
# shape are read without PyYAML, because the catalog loads while `chibo --help` starts (typer's
# help= strings are translated at import): measured, ~5 ms against ~33 ms CPU for importing yaml
# and parsing ~360 entries. Any other shape falls back to the full YAML loader.
_QUOTED = r'"((?:[^"\\]|\\.)*)"'
_ENTRY = re.compile(rf"{_QUOTED}[ \t]*:[ \t]+{_QUOTED}[ \t]*")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}


DEFAULT_LANGUAGE = "vi"
LANGUAGE_VARIABLES = ("CHIBO_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def language() -> str:
    """The two-letter language chibo speaks: ``CHIBO_LANG``, then the locale, then Vietnamese."""
    for name in LANGUAGE_VARIABLES:
        lang = normalise(os.environ.get(name, ""))
        if lang:
            return lang
    lang = normalise(_windows_ui_locale()) if os.name == "nt" else ""
    return lang or DEFAULT_LANGUAGE


def normalise(raw: str) -> str:
    """``vi_VN.UTF-8``, ``vi-VN`` or ``VI`` → ``vi``; the C locale, which names no language → ""."""
    lang = raw.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()
    return "" if lang in ("c", "posix") else lang


def _windows_ui_locale() -> str:
    """The Windows display language (``vi_VN``), since Windows sets no LANG."""
    import ctypes
    import locale

    try:
        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return ""
    return str(locale.windows_locale.get(int(lcid), ""))


def _unquote(body: str) -> str | None:
    """The text of a double-quoted scalar, or None when its escapes need the YAML loader."""
    if "\\" not in body:
        return body
    if any(match[1] not in _ESCAPED for match in _ESCAPE.finditer(body)):
        return None
    return _ESCAPE.sub(lambda match: _ESCAPED[match[1]], body)


def parse_flat(text: str) -> dict[str, str] | None:
    """Read a catalog written only in the canonical line form; None if any line is not."""
    catalog: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _ENTRY.fullmatch(line)
        if match is None:
            return None
        key, value = _unquote(match[1]), _unquote(match[2])
        if key is None or value is None:
            return None
        if value:  # an empty translation is a stub still to fill in: show the source
            catalog[key] = value
    return catalog


def parse_yaml(text: str) -> dict[str, str]:
    """Read a catalog in any YAML form; entries that are not string to string are skipped."""
    import yaml

    from .yamltext import load_plain

    try:
        data = load_plain(text)
    except yaml.YAMLError:
        return {}  # a broken catalog must not break the program: show the English source
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


@lru_cache(maxsize=4)
def catalog(lang: str) -> dict[str, str]:
    """The translations for ``lang``; empty for English or a language without a catalog."""
    if lang == "en" or not lang.isalpha():
        return {}
    try:
        text = (LOCALE / f"{lang}.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    flat = parse_flat(text)
    return flat if flat is not None else parse_yaml(text)


def shown_date(value: dt.date) -> str:
    """A date as a person reads it: ``01/12/2026`` in Vietnamese, ``2026-12-01`` in English."""
    return value.strftime("%d/%m/%Y") if language() == "vi" else value.isoformat()


def _(message: str, **params: object) -> str:
    """Translate ``message`` and fill ``{name}`` placeholders from ``params``; a ``date`` param
    is written as the language writes dates (an ISO string param stays as it is: the way a date
    is written in a record file)."""
    text = catalog(language()).get(message, message)
    if not params:
        return text
    params = {name: shown_date(value) if type(value) is dt.date else value
              for name, value in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation whose placeholders drifted from the source: the source still works.
        return message.format(**params)


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    """Every translation of every catalog → its English source."""
    sources: dict[str, str] = {}
    for path in sorted(LOCALE.glob("*.yaml")):
        for source, text in catalog(path.stem).items():
            sources.setdefault(text, source)
    return sources


def english(text: str) -> str:
    """The English source of ``text``, which may be a translation made earlier in another
    language (typer's ``help=`` strings are translated once, at import); else ``text``."""
    return _sources().get(text, text)


def retranslate(text: str) -> str:
    """``text`` in the language of this moment, whichever language it was translated in."""
    return _(english(text))
