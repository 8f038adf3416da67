"""The repeating rows of the form: one widget per absentee, guest, agenda item, speech, task,
review and member vote. Each row gives back its part of the record as plain data (``data()``),
or None while it is still empty."""

from __future__ import annotations

from typing import Any, Optional

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from ..base.i18n import _

Options = list[tuple[str, str]]


def reasons() -> list[str]:
    """The usual reasons for missing a meeting, offered as the recorder types."""
    return [_("Sick"), _("Away on business"), _("Family matters"), _("On duty at work"),
            _("Old age, poor health")]


def pick(options: Options, value: Any, prompt: str, id: Optional[str] = None) -> Select[str]:
    """A compact drop-down; a value that is not among the options is kept as an option."""
    known = list(options)
    if isinstance(value, str) and value and value not in {v for _label, v in known}:
        known.append((value, value))
    chosen = value if isinstance(value, str) and value else Select.NULL
    return Select([(label, v) for label, v in known], value=chosen, prompt=prompt,
                  compact=True, id=id)


def remove_button() -> Button:
    """The ✕ that takes a row out of the list (and so out of the record)."""
    return Button("✕", classes="remove", compact=True)


def text(widget: Input | TextArea) -> str:
    raw = widget.text if isinstance(widget, TextArea) else widget.value
    return raw.strip()


def chosen(select: Select[str]) -> str:
    return select.value if isinstance(select.value, str) else ""


def _put(data: dict[str, Any], key: str, value: str) -> None:
    if value:
        data[key] = value


def absence_hint() -> str:
    return _("reason for absence (empty: no reason)")


class AttendanceRow(Horizontal):
    """A member who had to attend: present (ticked), or absent with a reason or none."""

    def __init__(self, member_id: str, name: str, absent: bool, reason: str) -> None:
        super().__init__(classes="row attendance")
        self.member_id, self.label, self._absent, self._reason = member_id, name, absent, reason

    def compose(self) -> ComposeResult:
        yield Checkbox(self.label, value=not self._absent, classes="present")
        yield Input(self._reason, placeholder=absence_hint() if self._absent else "",
                    suggester=SuggestFromList(reasons(), case_sensitive=False), compact=True,
                    classes="reason", disabled=not self._absent)

    def data(self) -> Optional[dict[str, Any]]:
        if self.query_one(Checkbox).value:
            return None
        absence: dict[str, Any] = {"member": self.member_id}
        _put(absence, "reason", text(self.query_one(Input)))
        return absence


class ExcusedRow(Horizontal):
    """An exempted, away or suspended member: not counted, but may come anyway."""

    def __init__(self, member_id: str, name: str, why: str, came: bool) -> None:
        super().__init__(classes="row excused")
        self.member_id, self.label, self._why, self._came = member_id, name, why, came

    def compose(self) -> ComposeResult:
        yield Checkbox(_("{name} ({why}) came anyway", name=self.label, why=self._why),
                       value=self._came)

    def data(self) -> Optional[str]:
        return self.member_id if self.query_one(Checkbox).value else None


class GuestRow(Horizontal):
    def __init__(self, guest: Optional[dict[str, Any]] = None) -> None:
        super().__init__(classes="row guest")
        self._rec = guest or {}

    def compose(self) -> ComposeResult:
        yield Input(self._rec.get("name") or "", placeholder=_("guest's full name"),
                    compact=True, classes="wide")
        yield Input(self._rec.get("title") or "", placeholder=_("title"), compact=True,
                    classes="wide")
        yield Checkbox(_("superior committee"), value=self._rec.get("superior") == "true")
        yield remove_button()

    def data(self) -> Optional[dict[str, Any]]:
        name, title = (text(i) for i in self.query(Input))
        if not name and not title:
            return None
        guest: dict[str, Any] = {}
        _put(guest, "name", name)
        _put(guest, "title", title)
        if self.query_one(Checkbox).value:
            guest["superior"] = "true"
        return guest


class AgendaRow(Horizontal):
    def __init__(self, people: Options, item: Optional[dict[str, Any]] = None) -> None:
        super().__init__(classes="row agenda")
        self._people, self._rec = people, item or {}

    def compose(self) -> ComposeResult:
        yield pick(self._people, self._rec.get("presenter"), _("presenter"))
        yield Input(self._rec.get("content") or "", placeholder=_("content"), compact=True,
                    classes="wide")
        yield remove_button()

    def data(self) -> Optional[dict[str, Any]]:
        presenter, content = chosen(self.query_one(Select)), text(self.query_one(Input))
        if not presenter and not content:
            return None
        item: dict[str, Any] = {}
        _put(item, "presenter", presenter)
        _put(item, "content", content)
        return item


class SpeechRow(Vertical):
    def __init__(self, people: Options, speech: Optional[dict[str, Any]] = None) -> None:
        super().__init__(classes="row speech")
        self._people, self._rec = people, speech or {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="line"):
            yield pick(self._people, self._rec.get("speaker"), _("speaker"))
            yield remove_button()
        yield TextArea(self._rec.get("gist") or "", classes="gist")

    def data(self) -> Optional[dict[str, Any]]:
        speaker, gist = chosen(self.query_one(Select)), text(self.query_one(TextArea))
        if not speaker and not gist:
            return None
        speech: dict[str, Any] = {}
        _put(speech, "speaker", speaker)
        _put(speech, "gist", gist)
        return speech


class TaskRow(Horizontal):
    def __init__(self, people: Options, task: Optional[dict[str, Any]] = None) -> None:
        super().__init__(classes="row task")
        self._people, self._rec = people, task or {}

    def compose(self) -> ComposeResult:
        yield Input(self._rec.get("what") or "", placeholder=_("task"), compact=True,
                    classes="wide")
        yield pick(self._people, self._rec.get("owner"), _("owner"))
        yield Input(self._rec.get("due") or "", placeholder=_("due YYYY-MM-DD"), compact=True,
                    classes="due")
        yield remove_button()

    def data(self) -> Optional[dict[str, Any]]:
        what, due = (text(i) for i in self.query(Input))
        owner = chosen(self.query_one(Select))
        if not (what or owner or due):
            return None
        task: dict[str, Any] = {}
        _put(task, "owner", owner)
        _put(task, "what", what)
        _put(task, "due", due)
        return task


def statuses() -> Options:
    return [(_("done"), "done"), (_("in progress"), "in_progress"),
            (_("not done"), "not_done")]


class ReviewRow(Vertical):
    """A task of an earlier meeting, pre-filled by new-meeting: its status and a note."""

    def __init__(self, review: dict[str, Any], title: str) -> None:
        super().__init__(classes="row review")
        self._rec, self._caption = review, title

    def compose(self) -> ComposeResult:
        yield Label(f"{self._rec.get('task')}: {self._caption}", classes="ref")
        with Horizontal(classes="line"):
            yield pick(statuses(), self._rec.get("status"), _("status"))
            yield Input(self._rec.get("note") or "", placeholder=_("note on the result"),
                        compact=True, classes="wide")

    def data(self) -> dict[str, Any]:
        review: dict[str, Any] = {"task": self._rec.get("task")}
        _put(review, "status", chosen(self.query_one(Select)))
        _put(review, "note", text(self.query_one(Input)))
        return review


def subjects() -> Options:
    return [(_("admission"), "admission"), (_("confirmation"), "confirmation"),
            (_("exemption"), "exemption")]


class CountInputs(Horizontal):
    """for / against / other, as typed."""

    def __init__(self, counts: Optional[dict[str, Any]] = None) -> None:
        super().__init__(classes="counts")
        self._rec = counts or {}

    def compose(self) -> ComposeResult:
        for key, label in (("for", _("for")), ("against", _("against")),
                           ("other", _("other"))):
            yield Label(label)
            yield Input(self._rec.get(key) or "", placeholder="0", compact=True,
                        type="integer", classes=f"count {key}")

    def data(self) -> Optional[dict[str, Any]]:
        values = {key: text(self.query_one(f".{key}", Input))
                  for key in ("for", "against", "other")}
        if not any(values.values()):
            return None
        return {key: value for key, value in values.items() if value}


class MemberVoteRow(Vertical):
    def __init__(self, members: Options, vote: Optional[dict[str, Any]] = None) -> None:
        super().__init__(classes="row member-vote")
        self._members, self._rec = members, vote or {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="line"):
            yield pick(subjects(), self._rec.get("subject"), _("vote on"))
            yield pick(self._members, self._rec.get("member"), _("member"))
            yield remove_button()
        yield CountInputs(self._rec)
        yield Static("", classes="verdict")

    def data(self) -> Optional[dict[str, Any]]:
        subject, member = (chosen(s) for s in self.query(Select))
        counts = self.query_one(CountInputs).data() or {}
        if not (subject or member or counts):
            return None
        vote: dict[str, Any] = {}
        _put(vote, "subject", subject)
        _put(vote, "member", member)
        return {**vote, **counts}
