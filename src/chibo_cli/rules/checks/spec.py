"""What a check is: its code, name, severity and tier, and the ``@check`` mark that declares one.

The family modules import only this; the package's ``registry()`` collects the marked functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Callable, Iterator, Optional

from ...base.diagnostics import Diagnostic, Location, Severity
from ...records.loader import Cell


class Tier(str, Enum):
    DEFAULT = "default"   # always runs
    STRICT = "strict"     # runs with --strict
    OPT_IN = "opt-in"     # runs only when selected by code


_OWN_SEVERITY = "*"  # the code a finding carries until stamped, when it chose its own severity


def finding(location: Location, message: str, hint: str = "",
            severity: Optional[Severity] = None) -> Diagnostic:
    """What a check yields: the problem at a place. The runner stamps the check's code and name
    on it, and the check's severity unless ``severity`` is given for this one finding."""
    if severity is None:
        return Diagnostic("", Severity.ERROR, message, location, hint)
    return Diagnostic(_OWN_SEVERITY, severity, message, location, hint)


def stamped(spec: "CheckSpec", found: Diagnostic) -> Diagnostic:
    """``found`` as the check ``spec`` reports it."""
    severity = found.severity if found.code == _OWN_SEVERITY else spec.severity
    return replace(found, code=spec.code, severity=severity, check=spec.name)


CheckFunc = Callable[[Cell], Iterator[Diagnostic]]


@dataclass(frozen=True)
class CheckSpec:
    code: str
    name: str
    severity: Severity
    tier: Tier
    func: CheckFunc
    needs_roster: bool = False  # skipped when members.yaml cannot be read (one error, not 50)
    counts_roster: bool = False  # skipped when any member failed to load: counts would be short
    holds_back: bool = True  # its errors hold back documents and seals (rules/gate.py)

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name


def check(code: str, name: str, severity: Severity = Severity.ERROR,
          tier: Tier = Tier.DEFAULT, needs_roster: bool = False, counts_roster: bool = False,
          holds_back: bool = True) -> Callable[[CheckFunc], CheckFunc]:
    """Mark a function as a check; ``registry()`` collects the marked functions of each module.

    ``needs_roster``: the check looks members up by id, so it waits while members.yaml cannot be
    read at all. ``counts_roster``: it counts the members (attendance, vote denominators), so it
    also waits while any entry of members.yaml fails to load; a member missing from the count
    would turn a correct vote into a false error. The entry's own schema error says what to fix.
    ``holds_back=False``: the check reports at a record something that is not about the record's
    text (a meeting missing before it), so ``chibo seal`` still seals the record.
    """
    def mark(func: CheckFunc) -> CheckFunc:
        spec = CheckSpec(code, name, severity, tier, func, needs_roster or counts_roster,
                         counts_roster, holds_back)
        func.chibo_check = spec  # type: ignore[attr-defined]
        return func
    return mark
