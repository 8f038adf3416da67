"""Property tests: the YAML reader turns any text or bytes into data or diagnostics."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_cli.base.diagnostics import Severity
from chibo_cli.records.yamlio import YamlDoc, parse_yaml_text, read_yaml

# Text rich in the characters that matter to YAML, plus anything Unicode.
_YAMLISH = st.text(alphabet=st.sampled_from(list("-:?,[]{}&*!|>'\"#%@` \t\n\r\\") +
                                            ["a", "b", "7", "~", "<", "ễ", "\ufeff", "\x85"]),
                   max_size=200)
_ANY_TEXT = st.text(max_size=300)
_LINES = st.lists(st.sampled_from(["a: 1", "- x", "  - y", "b:", "  c: &k [1, 2]", "d: *k",
                                   "e: !!python/name:os.system", "f: 'unclosed", "? g", "  h: {",
                                   "---", "i: |", "    block", "\tj: tab", "k: 19:30"]),
                  max_size=25).map("\n".join)

_FAST = settings(max_examples=300, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _assert_well_formed(doc: YamlDoc) -> None:
    for diag in doc.diagnostics:
        assert diag.severity is Severity.ERROR
        assert diag.code.startswith("Y") and diag.message
        assert diag.location.line >= 1
    if not doc.diagnostics:
        assert doc.data is not None


@_FAST
@given(st.one_of(_YAMLISH, _ANY_TEXT, _LINES))
def test_parse_yaml_text_never_raises(text: str) -> None:
    _assert_well_formed(parse_yaml_text(text, YamlDoc("x.yaml")))


@_FAST
@given(st.binary(max_size=400) | _LINES.map(lambda t: t.encode("utf-16")) |
       _YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_read_yaml_never_raises_on_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    _assert_well_formed(read_yaml(path, "x.yaml"))


@_FAST
@given(st.recursive(st.none() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=4) |
                    st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
                    max_leaves=20))
def test_dumped_plain_data_reads_back_as_strings(value: object) -> None:
    import yaml

    text = yaml.safe_dump({"root": value}, allow_unicode=True)
    doc = parse_yaml_text(text, YamlDoc("x.yaml"))
    if doc.diagnostics:  # only text no YAML writer could make readable is allowed to fail
        assert all(d.code in {"Y001", "Y002"} for d in doc.diagnostics), doc.diagnostics
        return
    assert isinstance(doc.data, dict) and set(doc.data) == {"root"}
