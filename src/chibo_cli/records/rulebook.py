"""The versioned rulebook: default values with their sources, overridden by committee and cell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from ..base.i18n import _
from ..base.yamltext import load_plain


@dataclass(frozen=True)
class Rule:
    key: str
    value: Any
    source: str
    about: str
    origin: str = "rulebook"  # or the file that overrode it
    since: Optional[dt.date] = None  # in force from this day (None: always)
    before: Optional["Rule"] = None  # the rule in force until ``since``

    def on(self, day: dt.date) -> "Rule":
        """The version of this rule in force on ``day``: a record is judged by the rules of its
        own date, so a later override does not turn sealed records into errors. Before the
        oldest version's date, the oldest version stands (chibo keeps no older values)."""
        rule = self
        while rule.since is not None and day < rule.since and rule.before is not None:
            rule = rule.before
        return rule


@dataclass
class Rulebook:
    version: str
    rules: dict[str, Rule] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.rules[key].value

    def fraction(self, key: str) -> Fraction:
        return parse_fraction(self[key])

    def on(self, day: Optional[dt.date]) -> "Rulebook":
        """The rules in force on ``day`` (all the latest ones for None)."""
        if day is None:
            return self
        cache: dict[dt.date, Rulebook] = self.__dict__.setdefault("_on", {})
        if day not in cache:
            cache[day] = Rulebook(self.version, {k: r.on(day) for k, r in self.rules.items()})
        return cache[day]

    def overridden(self, overrides: dict[str, Any], origin: str) -> tuple["Rulebook", list[str]]:
        """A copy with ``overrides`` applied; returns the unknown keys too. An override is a
        value (in force always) or a ``Dated`` value (in force from its day on)."""
        rules = dict(self.rules)
        unknown = []
        for key, value in overrides.items():
            if key not in rules:
                unknown.append(key)
                continue
            base = rules[key]
            if isinstance(value, Dated):
                rules[key] = replace(base, value=value.value, origin=origin, since=value.since,
                                     before=base)
            else:
                rules[key] = replace(base, value=value, origin=origin, since=None, before=None)
        return Rulebook(self.version, rules), unknown


@dataclass(frozen=True)
class Dated:
    """An override that applies from a day on: ``{value: 120, from: 2026-01-01}``."""

    value: Any
    since: dt.date


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
        key: Rule(key, spec["value"], spec["source"], spec.get("about", ""),
                  since=spec.get("since"))
        for key, spec in data["rules"].items()
    }
    return Rulebook(str(data["version"]), rules)


DATED_KEYS = ("value", "from")


def is_dated(rule: Rule, value: Any) -> bool:
    """``{value: …, from: …}``, told apart from a rule whose value is itself a mapping (the
    page margins)."""
    return isinstance(value, dict) and (
        "from" in value or ("value" in value and not isinstance(rule.value, dict)))


def validate_override(rule: Rule, value: Any) -> str | None:
    """Return an error message when ``value`` cannot stand in for ``rule``'s default."""
    if is_dated(rule, value):
        return _dated_problem(rule, value)
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


def _dated_problem(rule: Rule, value: dict[str, Any]) -> str | None:
    extra = sorted(set(value) - set(DATED_KEYS))
    if extra or "value" not in value or "from" not in value:
        return _("a rule that applies from a date is written {form}, e.g. {example}",
                 form="{value: …, from: YYYY-MM-DD}", example="{value: 120, from: 2026-01-01}")
    try:
        dt.date.fromisoformat(str(value["from"]))
    except ValueError:
        return _("'{value}' is not a date such as 2026-01-01", value=value["from"])
    return validate_override(rule, value["value"])


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
    """Overrides arrive as strings from YAML; give them the default's type (a dated override
    becomes ``Dated``)."""
    if is_dated(rule, value):
        return Dated(coerce_override(rule, value["value"]), dt.date.fromisoformat(value["from"]))
    default = rule.value
    if isinstance(default, list) and all(isinstance(item, int) for item in default):
        return [int(str(item)) for item in value]
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        return value
    number = float(str(value))
    return int(number) if isinstance(default, int) and number.is_integer() else number
