"""The one place chibo asks PyYAML to read text: node trees with marks for records (with the line
of every value), and plain data for chibo's own files (the rulebook, the catalogue, agendas).

Both use libyaml's C loader, and only the safe tags: a file never builds Python objects.
"""

from __future__ import annotations

from typing import Any, Iterator

import yaml

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STR_TAG = "tag:yaml.org,2002:str"
# Plain scalars whose resolved tag the record walker acts on (null → None; merge and value → Y003);
# every other plain scalar stays text, so resolving int/float/bool/timestamp would be wasted work.
_TAGGED_PLAIN = frozenset({"", "~", "null", "Null", "NULL", "<<", "="})


class _NodeLoader(_BASE_LOADER):  # type: ignore[misc]
    """The C loader with tag resolution cut to what the walker uses: it halves composing time.

    The C composer calls these Python hooks once per node; SafeLoader has no path resolvers, so
    descending and ascending do nothing, and only the plain scalars above need the regexes.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and not (implicit[0] and value in _TAGGED_PLAIN):
            return STR_TAG
        return str(super().resolve(kind, value, implicit))


def compose(text: str) -> Any:
    """The node tree of one YAML document, every node with its start and end marks; plain
    scalars keep their text (tagged str) except null and the merge and value keys."""
    return yaml.compose(text, Loader=_NodeLoader)


def events(text: str) -> Iterator[Any]:
    """The parser's event stream, to measure nesting before composing anything."""
    return iter(yaml.parse(text, Loader=_NodeLoader))


def load_plain(text: str) -> Any:
    """Plain Python data (dicts, lists, str, int, dates) of chibo's own YAML files."""
    return yaml.load(text, Loader=_BASE_LOADER)
