"""The versioned rulebook: default values with their sources, overridden by committee and cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import Any

from ..base.i18n import _
from ..base.yamltext import load_plain


@dataclass(frozen=True)
class Rule:
    key: str
    value: Any
    source: str
    about: str
    origin: str = "rulebook"  # or the file that overrode it


@dataclass
class Rulebook:
    version: str
    rules: dict[str, Rule] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.rules[key].value

    def fraction(self, key: str) -> Fraction:
        return parse_fraction(self[key])

    def overridden(self, overrides: dict[str, Any], origin: str) -> tuple["Rulebook", list[str]]:
        """A copy with ``overrides`` applied; returns the unknown keys too."""
        rules = dict(self.rules)
        unknown = []
        for key, value in overrides.items():
            if key not in rules:
                unknown.append(key)
                continue
            base = rules[key]
            rules[key] = Rule(key, value, base.source, base.about, origin)
        return Rulebook(self.version, rules), unknown


def parse_fraction(value: Any) -> Fraction:
    """Accept 2/3, "2/3", 0.6667 or "0.5"; fractions stay exact so 2/3 of 9 is exactly 6."""
    try:
        return Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise ValueError(_("'{value}' is not a fraction such as 2/3", value=value)) from exc


@lru_cache(maxsize=1)
def default_rulebook() -> Rulebook:
    text = resources.files("chibo_cli").joinpath("data/rulebook.yaml").read_text("utf-8")
    data = load_plain(text)
    rules = {
        key: Rule(key, spec["value"], spec["source"], spec.get("about", ""))
        for key, spec in data["rules"].items()
    }
    return Rulebook(str(data["version"]), rules)


def validate_override(rule: Rule, value: Any) -> str | None:
    """Return an error message when ``value`` cannot stand in for ``rule``'s default."""
    default = rule.value
    if isinstance(default, (dict, list)):
        return _shape_problem(default, value)
    if isinstance(default, str) and "/" in default:
        try:
            parse_fraction(value)
        except ValueError as exc:
            return str(exc)
        return None
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        try:
            float(str(value))
        except ValueError:
            return _("'{value}' is not a number", value=value)
    return None


def _shape_problem(default: dict[str, Any] | list[Any], value: Any) -> str | None:
    """A map stands in for a map, a list for a list; a list of numbers holds numbers only."""
    if isinstance(default, dict):
        return None if isinstance(value, dict) and value else _(
            "'{value}' is not a map of key: value lines", value=value)
    if not isinstance(value, list) or not value:
        return _("'{value}' is not a list", value=value)
    if all(isinstance(item, int) for item in default):
        for item in value:
            if not str(item).strip().isdigit():
                return _("'{value}' is not a number", value=item)
    return None


def coerce_override(rule: Rule, value: Any) -> Any:
    """Overrides arrive as strings from YAML; give them the default's type."""
    default = rule.value
    if isinstance(default, list) and all(isinstance(item, int) for item in default):
        return [int(str(item)) for item in value]
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        return value
    number = float(str(value))
    return int(number) if isinstance(default, int) and number.is_integer() else number
