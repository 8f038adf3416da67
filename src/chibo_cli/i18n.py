"""The one translation function every user-facing string passes through.

Source strings are English. A catalog is a YAML mapping of source string to translation in
``data/locale/<lang>.yaml``; the language comes from ``CHIBO_LANG`` (then ``LANG``). When no catalog
matches, the English source is shown, so adding a catalog never touches call sites.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources


def _language() -> str:
    raw = os.environ.get("CHIBO_LANG") or os.environ.get("LANG") or "en"
    return raw.split(".")[0].split("_")[0].lower()


@lru_cache(maxsize=4)
def _catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    try:
        text = resources.files("chibo_cli").joinpath(f"data/locale/{lang}.yaml").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    import yaml

    data = yaml.load(text, Loader=yaml.CSafeLoader)
    return {str(k): str(v) for k, v in (data or {}).items()}


def _(message: str, **params: object) -> str:
    """Translate ``message`` and fill ``{name}`` placeholders from ``params``."""
    text = _catalog(_language()).get(message, message)
    return text.format(**params) if params else text
