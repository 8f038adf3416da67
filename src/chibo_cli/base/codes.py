"""The problems found before any check runs: reading a file (Y), its fields (S), the rule
overrides (R) and the Word templates (T). Named checks (V) are declared where they run
(``rules/checks``); these are raised by the reader, the schema, the rulebook and the template
linter, and listed here once so that ``chibo checks`` and docs/checks.md show every code.

Each entry's text follows the checks' docstrings: a summary line, then a passing and a failing
example.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity


@dataclass(frozen=True)
class ProblemCode:
    code: str
    name: str
    severity: Severity
    doc: str

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0]

    @property
    def stage(self) -> str:
        """When it is found: always, before the checks (load), or by ``templates lint``."""
        return "lint" if self.code.startswith("T") else "load"


def _code(code: str, name: str, doc: str, severity: Severity = Severity.ERROR) -> ProblemCode:
    return ProblemCode(code, name, severity, doc)


PROBLEM_CODES: tuple[ProblemCode, ...] = (
    _code("Y001", "yaml-syntax", """A record file is well-formed YAML.
Passes: `agenda: [Báo cáo, Thảo luận]`.
Fails: `agenda: [Báo cáo, Thảo luận` (no closing bracket) → `Y001 error: YAML syntax error: a
list in [ ] is not closed`, at the line and column where reading stopped, with a hint; PyYAML's
own words (`did not find expected ',' or ']'`) are in the JSON output's `extra`."""),
    _code("Y002", "duplicate-key", """A key appears once in each mapping.
Passes: one `start:` line.
Fails: `start: "19:30"` and later `start: "20:00"` → `Y002 error: duplicate key 'start' (first on
line 3)`; YAML would silently keep only one of them."""),
    _code("Y003", "yaml-tag", """Record files hold plain values: no YAML tags and no merge keys.
Passes: `date: 2025-08-05`.
Fails: `date: !!python/object:datetime.date {}` or `<<: *common` → `Y003 error`."""),
    _code("Y004", "too-large", """A record file stays within sane limits of size, nesting and count.
Passes: any record a secretary writes.
Fails: a 20 MB file, lists nested 100 deep, or aliases that expand to millions of values →
`Y004 error: nesting is too deep`."""),
    _code("Y005", "not-utf8", """A record file is saved as UTF-8 text.
Passes: a file saved as UTF-8 (Notepad: "UTF-8").
Fails: the same text saved as UTF-16, Windows-1258 or TCVN3 (.VnTime) → `Y005 error: file looks
like Vietnamese in TCVN3 (ABC fonts, .VnTime), not UTF-8`, with how to convert it."""),
    _code("Y006", "empty-file", """A record file holds a record.
Passes: a meeting file with its fields.
Fails: an empty file, or one with only comments → `Y006 error: file is empty`."""),
    _code("Y007", "binary-file", """A record file is text, not a document or a picture.
Passes: a .yaml text file.
Fails: a Word document or a PNG renamed to .yaml → `Y007 error: file is binary (a ZIP archive,
e.g. a Word .docx), not a YAML text file`."""),
    _code("Y008", "unreadable-file", """A record file can be opened and read.
Passes: a file the user may read.
Fails: a file the operating system refuses to open (permissions, a disk error) → `Y008 error:
cannot read file: Permission denied`."""),
    _code("Y009", "missing-file",
          """A cell folder holds its own files: branch.yaml and members.yaml.
Passes: a folder made by `chibo init`.
Fails: members.yaml deleted → `Y009 error: missing file members.yaml`, with how to start it
again."""),
    _code("Y010", "misnamed-record",
          """A meeting or resolution file is named after its meeting: date, then lowercase words.
Passes: `meetings/2025-11-10-regular.yaml`; `meetings/_ghi-chu.yaml` (a note: not read).
Fails: a Windows copy `meetings/2025-11-10-regular - Copy.yaml` or `Biên bản tháng 11.yaml` →
`Y010 error: … is not named like a record`; the file is not read (no second meeting), and
nothing of the cell is sealed or put in a book until it is renamed or made a note."""),
    _code("S001", "unknown-field", """Every field is one the format knows (docs/format.md).
Passes: `recorder: le-thi-hoa`.
Fails: `recoder: le-thi-hoa` → `S001 error: unknown field 'recoder'`, hint `did you mean
'recorder'?`."""),
    _code("S002", "missing-field", """Every required field is present.
Passes: a meeting with `date`, `kind`, `start`, `chair` and `recorder`.
Fails: no `date:` → `S002 error: missing field 'date'`."""),
    _code("S003", "bad-value",
          """Every value has the form its field takes: a date, a time, an id, a number, a keyword.
Passes: `date: 2025-08-05`, `start: "19:30"`.
Fails: `date: 2025-02-30` → `S003 error: date: not a real date (got 2025-02-30)`; personal numbers
are never echoed."""),
    _code("S004", "bad-shape",
          """A file has the shape of its record: fields at the top, lists where lists belong.
Passes: members.yaml with a list under `members:`.
Fails: a meeting file that is a list → `S004 error: expected fields (key: value), found a
list`."""),
    _code("R001", "bad-rule-override",
          """A rule override under `rules:` names a rule of the rulebook and gives a fitting value.
Passes: `rules: {meetings.min_minutes_regular: 90}` in committee.yaml.
Fails: `rules: {meetings.min_minute: 90}` → `R001 error: unknown rule 'meetings.min_minute'`."""),
    _code("T001", "not-a-document", """A template is a Word document (.docx) whose XML is whole.
Passes: a template saved by Word or LibreOffice as .docx.
Fails: a .doc, or a .docx cut short → `T001 error: not a Word document (.docx)`."""),
    _code("T002", "broken-tag", """A template tag opens and closes in one paragraph.
Passes: `{{ m.place }}` typed in one paragraph.
Fails: `{{ m.place` with `}}` in the next paragraph → `T002 error: broken tag`."""),
    _code("T003", "curly-quotes", """Template tags use straight quotes.
Passes: `{% if m.kind == "thematic" %}`.
Fails: Word's smart quotes `“thematic”` inside a tag → `T003 error: curly quotes in tag`."""),
    _code("T004", "split-tag", """A tag is typed in one go, not split over formatting runs.
Passes: a tag typed whole.
Fails: half of a tag made bold → `T004 warning: tag '{{ m.place }}' is split over 2 runs`.""",
          Severity.WARNING),
    _code("T005", "paragraph-tag-text",
          """A paragraph tag (`{%p … %}`) stands alone in its paragraph.
Passes: `{%p if m.guests %}` alone on its line.
Fails: `Khách mời: {%p if m.guests %}` → `T005 warning: removes its whole paragraph`.""",
          Severity.WARNING),
    _code("T006", "template-syntax", """A template is valid Jinja.
Passes: `{% for t in m.tasks %}…{% endfor %}`.
Fails: `{% for t in m.tasks %}` never closed → `T006 error: template syntax`."""),
    _code("T007", "unknown-variable", """A template uses only the names its document provides.
Passes: `{{ m.place }}` in a minutes template.
Fails: `{{ m.card_number }}` → `T007 error: unknown variable 'm.card_number'`."""),
    _code("T008", "unsafe-tag", """A template reads no other file and reaches no internal attribute.
Passes: the built-in templates.
Fails: `{% include "x" %}` or `{{ m.__class__ }}` → `T008 error`."""),
)

BY_CODE = {p.code: p for p in PROBLEM_CODES}
