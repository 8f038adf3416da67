"""``chibo record``: the minutes as a full-screen form, filled in while the meeting runs.

Every change is saved into the meeting file within a second (and every few seconds anyway),
atomically; then ``chibo validate``'s own checks run on the cell in a worker thread, and their
findings appear under the field they concern. The form computes no rule itself: the vote's
verdict comes from ``rules.checks.votes`` through the live check.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Optional

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from ..base.diagnostics import Diagnostic, Severity
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.yamlio import Plain
from ..rules.checks.votes import Verdict
from .rows import (
    AgendaRow,
    AttendanceRow,
    CountInputs,
    ExcusedRow,
    GuestRow,
    MemberVoteRow,
    Options,
    ReviewRow,
    SpeechRow,
    TaskRow,
    absence_hint,
    chosen,
    pick,
    text,
)
from .session import Check, Session
from .yamledit import SpliceError

SAVE_DELAY = 0.4      # seconds after the last keystroke
AUTOSAVE_EVERY = 3.0  # seconds, whatever happens
ROWS = {"guests": GuestRow, "agenda": AgendaRow, "discussion": SpeechRow, "tasks": TaskRow,
        "member_votes": MemberVoteRow}


class RecordApp(App[None]):
    """The form for one meeting file (``Session``)."""

    CSS = """
    #title { background: $primary; color: $text; padding: 0 1; }
    #sealed { background: $warning; color: $text; padding: 0 1; }
    #status { height: 1; color: $text-muted; padding: 0 1; }
    .head { margin-top: 1; text-style: bold; }
    .note { color: $text-muted; }
    .row, .line, .counts, .list, #review-list { height: auto; }
    .attendance Checkbox { width: 34; }
    Checkbox { border: none; padding: 0; height: 1; background: transparent; }
    .reason, .wide { width: 1fr; }
    .field { width: 12; }
    .time { width: 8; }
    .due { width: 14; }
    .guest Checkbox { width: auto; }
    Select { width: 30; }
    .counts Label { width: auto; margin: 0 1; }
    .count { width: 7; }
    .speech { margin-bottom: 1; }
    .gist { height: 5; }
    #conclusion { height: 6; }
    .ref { color: $text-muted; }
    .findings { color: $error; padding-left: 2; }
    .verdict { color: $success; padding-left: 2; }
    .add { margin: 0 0 0 2; }
    .remove { width: 3; min-width: 3; margin-left: 1; }
    #tabs, ContentSwitcher, TabPane { height: 1fr; }
    TabPane { padding: 0 1; }
    """
    TITLE = "chibo"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, session: Session, clock: Callable[[], dt.datetime] = dt.datetime.now
                 ) -> None:
        super().__init__()
        self.session, self.clock = session, clock
        self.baseline: dict[str, Plain] = {}
        self.problem = ""       # why saving stopped, if it did
        self.saves = 0
        self._save_timer: Any = None
        self.save_delay, self.autosave_every = SAVE_DELAY, AUTOSAVE_EVERY

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        data = self.session.data
        yield Static(self._title(), id="title")
        if self.session.sealed:
            yield Static(_("This meeting is sealed: the form only shows it. To correct it, edit "
                           "the file, then run 'chibo seal --amend {id} --reason \"…\"'.",
                           id=self.session.meeting_id), id="sealed")
        with TabbedContent(id="tabs"):
            with TabPane(_("Attendance"), id="tab-attendance"):
                yield from self._attendance(data)
            with TabPane(_("Time"), id="tab-time"):
                yield from self._time(data)
            with TabPane(_("Discussion"), id="tab-content"):
                yield from self._content(data)
            with TabPane(_("Tasks"), id="tab-tasks"):
                yield from self._tasks(data)
            with TabPane(_("Vote"), id="tab-vote"):
                yield from self._vote(data)
            with TabPane(_("Close"), id="tab-close"):
                yield from self._close(data)
        yield Static("", id="status")
        yield Footer()

    def _title(self) -> str:
        return _("Minutes {id} — {count} required to attend", id=self.session.meeting_id,
                 count=len(self.session.people.required))

    def _attendance(self, data: dict[str, Plain]) -> ComposeResult:
        absent = {a["member"]: a.get("reason") or "" for a in _dicts(data.get("absent"))}
        came = set(_strings(data.get("also_present")))
        with VerticalScroll():
            yield Label(_("Present (untick the absent; a reason, or none):"), classes="head")
            for member_id, name in self.session.people.required:
                yield AttendanceRow(member_id, name, member_id in absent,
                                    str(absent.get(member_id, "")))
            yield _findings("absent")
            if self.session.people.excused:
                yield Label(_("Not required to attend (exempted, away):"), classes="head")
                for member_id, name, why in self.session.people.excused:
                    yield ExcusedRow(member_id, name, why, member_id in came)
            yield _findings("also_present")
            yield Label(_("Guests:"), classes="head")
            yield from self._list("guests", data, _("+ guest"))

    def _time(self, data: dict[str, Plain]) -> ComposeResult:
        everyone = self.session.people.everyone
        with VerticalScroll():
            with Horizontal(classes="line"):
                yield Label(_("Start"), classes="field")
                yield Input(_str(data.get("start")), placeholder="19:30", id="start",
                            compact=True, classes="time")
                yield Label(_("End"), classes="field")
                yield Input(_str(data.get("end")), placeholder="21:15", id="end",
                            compact=True, classes="time")
            yield Label(_("F2 writes the time now into the time field in focus (else the end)."),
                        classes="note")
            yield _findings("start")
            yield _findings("end")
            yield from _field(_("Place"), Input(_str(data.get("place")), id="place",
                                                compact=True, classes="wide"), "place")
            yield from _field(_("Chair"), pick(_named(everyone), data.get("chair"), _("chair"),
                                               id="chair"), "chair")
            yield from _field(_("Recorder"), pick(_named(everyone), data.get("recorder"),
                                                  _("recorder"), id="recorder"), "recorder")
            if self.session.kind == "thematic" or data.get("topic"):
                yield from _field(_("Topic"), Input(_str(data.get("topic")), id="topic",
                                                    compact=True, classes="wide"), "topic")
            yield from _field(_("Dues"), Input(_str(data.get("dues")), id="dues", compact=True,
                                               classes="wide"), "dues")

    def _content(self, data: dict[str, Plain]) -> ComposeResult:
        with VerticalScroll():
            yield Label(_("Agenda (presenter, content):"), classes="head")
            yield from self._list("agenda", data, _("+ agenda item"))
            yield Label(_("Discussion, speaker by speaker:"), classes="head")
            yield from self._list("discussion", data, _("+ speaker"))
            yield Label(_("The chair's conclusion:"), classes="head")
            yield TextArea(_str(data.get("conclusion")), id="conclusion")
            yield _findings("conclusion")

    def _tasks(self, data: dict[str, Plain]) -> ComposeResult:
        with VerticalScroll():
            reviews = _dicts(data.get("review"))
            if reviews:
                yield Label(_("Review of earlier tasks:"), classes="head")
                with Vertical(id="review-list"):
                    for review in reviews:
                        title = self.session.review_titles.get(str(review.get("task")), "")
                        yield ReviewRow(review, title)
                yield _findings("review")
            yield Label(_("Tasks for next month (what, owner, due):"), classes="head")
            yield from self._list("tasks", data, _("+ task"))

    def _vote(self, data: dict[str, Plain]) -> ComposeResult:
        vote = data.get("vote")
        with VerticalScroll():
            yield Label(_("Vote on the conclusion / resolution:"), classes="head")
            yield CountInputs(vote if isinstance(vote, dict) else None)
            yield Static("", id="vote-verdict", classes="verdict")
            yield _findings("vote")
            yield Label(_("Admission, confirmation, exemption votes:"), classes="head")
            yield from self._list("member_votes", data, _("+ member vote"))

    def _close(self, data: dict[str, Plain]) -> ComposeResult:
        with VerticalScroll():
            yield Checkbox(_("The minutes were read back and the meeting agreed them"),
                           value=data.get("read_back") == "true", id="read_back")
            yield _findings("read_back")
            yield Label(_("Final check (the same checks as 'chibo validate'):"), classes="head")
            yield Static("", id="summary")
            yield Button(_("Save and close"), id="done", variant="primary")

    def _list(self, key: str, data: dict[str, Plain], add: str) -> ComposeResult:
        with Vertical(id=f"{key}-list", classes="list"):
            for item in _dicts(data.get(key)):
                yield self._row(key, item)
        yield Button(add, id=f"add-{key}", classes="add", compact=True)
        yield _findings(key)

    def _row(self, key: str, item: Optional[dict[str, Any]] = None) -> Any:
        if key == "guests":
            return GuestRow(item)
        if key == "member_votes":
            return MemberVoteRow(_named(self.session.people.everyone), item)
        return ROWS[key](self._speakers(), item)

    def _speakers(self) -> Options:
        """Who may present or speak: the members present, then the guests by name."""
        if self.query(AttendanceRow):  # the form is up: as ticked now
            present = [(row.member_id, row.label) for row in self.query(AttendanceRow)
                       if row.data() is None]
            present += [(row.member_id, row.label) for row in self.query(ExcusedRow)
                        if row.data() is not None]
            guests = [str((row.data() or {}).get("name") or "") for row in self.query(GuestRow)]
        else:  # composing: as the file says
            absent = {a.get("member") for a in _dicts(self.session.data.get("absent"))}
            came = set(_strings(self.session.data.get("also_present")))
            present = [(mid, name) for mid, name in self.session.people.required
                       if mid not in absent]
            present += [(mid, name) for mid, name, _why in self.session.people.excused
                        if mid in came]
            guests = [str(g.get("name")) for g in _dicts(self.session.data.get("guests"))]
        return _named(present) + [(name, name) for name in guests if name]

    def _refresh_speakers(self) -> None:
        """After a change of attendance or guests, the pickers offer who is there now (a name
        already chosen stays, and validate says if that person was absent)."""
        options = self._speakers()
        for select in self.query("AgendaRow Select, SpeechRow Select").results(Select):
            chosen_now = chosen(select)
            offered = options + ([(chosen_now, chosen_now)] if chosen_now and chosen_now not in
                                 {value for _label, value in options} else [])
            if offered == getattr(select, "offered", None):
                continue
            select.set_options(offered)
            select.offered = offered  # type: ignore[attr-defined]
            if chosen_now:
                select.value = chosen_now

    # ------------------------------------------------------------ life cycle

    def on_mount(self) -> None:
        self.baseline = self.collect()
        if self.session.sealed:
            for widget in self.query("Input, TextArea, Checkbox, Select, Button"):
                widget.disabled = True
        else:
            self.set_interval(self.autosave_every, self.save_now)
        self.run_check()

    def collect(self) -> dict[str, Plain]:
        """The record's fields as the form shows them now, as plain data."""
        values: dict[str, Plain] = {
            "absent": _rows(self.query(AttendanceRow)) + self._unlisted("absent"),
            "also_present": _rows(self.query(ExcusedRow)) + self._unlisted("also_present"),
            "start": self._input("start"), "end": self._input("end"),
            "place": self._input("place"), "dues": self._input("dues"),
            "chair": chosen(self.query_one("#chair", Select)) or None,
            "recorder": chosen(self.query_one("#recorder", Select)) or None,
            "conclusion": text(self.query_one("#conclusion", TextArea)) or None,
            "review": [row.data() for row in self.query(ReviewRow)],
            "vote": self.query_one("#tab-vote CountInputs", CountInputs).data(),
            "read_back": "true" if self.query_one("#read_back", Checkbox).value else "false",
        }
        if self.query("#topic"):
            values["topic"] = self._input("topic")
        for key in ROWS:
            values[key] = _rows(self.query_one(f"#{key}-list").children)
        return values

    def _unlisted(self, key: str) -> list[Any]:
        """Entries of ``absent`` / ``also_present`` naming someone the form has no row for (a
        member not required that day listed as absent: V015 says so); kept as they are."""
        people = self.session.people
        shown = {mid for mid, _name in people.required} if key == "absent" else {
            mid for mid, *_ in people.excused}
        items = self.session.data.get(key)
        entries = items if isinstance(items, list) else []
        return [item for item in entries
                if (item.get("member") if isinstance(item, dict) else item) not in shown]

    def _input(self, name: str) -> Optional[str]:
        return text(self.query_one(f"#{name}", Input)) or None

    # ------------------------------------------------------------ saving and checking

    def changed(self) -> dict[str, Plain]:
        """The fields that differ from the file as last saved (or opened)."""
        now = self.collect()
        return {key: value for key, value in now.items() if self.baseline.get(key) != value}

    def save_now(self) -> bool:
        """Write what changed; False when nothing did or saving has stopped."""
        if self.session.sealed or self.problem:
            return False
        try:
            values = self.changed()
        except NoMatches:  # a timer firing while the app closes: its widgets are going
            return False
        if not values:
            return False
        try:
            wrote = self.session.save(values)
        except (ChiboError, SpliceError) as exc:
            self.problem = exc.message if isinstance(exc, ChiboError) else str(exc)
            self._status(_("not saved: {problem}", problem=self.problem))
            return False
        self.baseline.update(values)
        if wrote:
            self.saves += 1
            self._status(_("saved {time}", time=self.clock().strftime("%H:%M:%S")))
            self.run_check()
        return wrote

    def run_check(self) -> None:
        self.run_worker(self._check_in_thread, thread=True, exclusive=True, group="check")

    def _check_in_thread(self) -> None:
        try:
            result = self.session.check()
        except ChiboError as exc:
            self.call_from_thread(self._status, exc.message)
            return
        self.call_from_thread(self.show_check, result)

    def show_check(self, result: Check) -> None:
        for widget in self.query(".findings").results(Static):
            key = (widget.id or "").removeprefix("find-")
            found = result.by_field.get(key, [])
            widget.update("\n".join(_finding_line(d) for d in found))
            widget.display = bool(found)
        self.query_one("#vote-verdict", Static).update(_verdict_text(result.vote))
        # the file holds the rows that are not empty, in order: verdict i is the i-th of those
        filled = [row for row in self.query(MemberVoteRow) if row.data() is not None]
        for row, verdict in zip(filled, result.member_votes, strict=False):
            row.query_one(".verdict", Static).update(_verdict_text(verdict))
        self.query_one("#summary", Static).update(_summary(result))

    def _status(self, message: str) -> None:
        self.query_one("#status", Static).update(message)

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.save_delay, self.save_now)

    # ------------------------------------------------------------ events and keys

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input.parent, GuestRow):
            self._refresh_speakers()
        self._schedule_save()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._schedule_save()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._schedule_save()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        row = event.checkbox.parent
        if isinstance(row, AttendanceRow):
            reason = row.query_one(Input)
            reason.disabled = event.value
            reason.placeholder = "" if event.value else absence_hint()
        if isinstance(row, (AttendanceRow, ExcusedRow)):
            self._refresh_speakers()
        self._schedule_save()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if event.button.has_class("remove"):
            row = next(a for a in event.button.ancestors_with_self
                       if isinstance(a, Widget) and a.has_class("row"))
            await row.remove()
            self._schedule_save()
        elif button == "done":
            await self.action_quit()
        elif button.startswith("add-"):
            key = button.removeprefix("add-")
            row = self._row(key)
            await self.query_one(f"#{key}-list").mount(row)
            row.query("Input, Select, TextArea").first().focus()

    def action_save(self) -> None:
        self.save_now()

    def action_turn(self, step: int) -> None:
        """Another tab, from wherever the cursor is (← → move only inside the tab bar)."""
        tabs = self.query_one("#tabs", TabbedContent)
        names = [pane.id for pane in self.query(TabPane) if pane.id]
        at = names.index(tabs.active) if tabs.active in names else 0
        tabs.active = names[(at + step) % len(names)]

    def action_now(self) -> None:
        focused = self.focused
        target = focused if isinstance(focused, Input) and focused.id in ("start", "end") \
            else self.query_one("#end", Input)
        target.value = self.clock().strftime("%H:%M")

    async def action_quit(self) -> None:
        self.save_now()
        self.exit()


def open_form(session: Session, clock: Callable[[], dt.datetime] = dt.datetime.now
              ) -> RecordApp:
    """The form for ``session``, its keys labelled in the language in force now (Textual reads
    key bindings from the class, so the labels are set on a subclass made here)."""
    keys = [Binding("ctrl+s", "save", _("Save")), Binding("f2", "now", _("Time now")),
            Binding("f3", "turn(-1)", _("Previous tab")), Binding("f4", "turn(1)", _("Next tab")),
            Binding("ctrl+q", "quit", _("Save and quit"), priority=True)]
    form = type("RecordForm", (RecordApp,), {"BINDINGS": keys})
    return form(session, clock)  # type: ignore[no-any-return]


# ------------------------------------------------------------------ helpers


def _findings(key: str) -> Static:
    widget = Static("", id=f"find-{key}", classes="findings")
    widget.display = False
    return widget


def _field(label: str, widget: Any, key: str) -> ComposeResult:
    with Horizontal(classes="line"):
        yield Label(label, classes="field")
        yield widget
    yield _findings(key)


def _rows(rows: Any) -> list[Any]:
    return [data for data in (row.data() for row in rows if hasattr(row, "data"))
            if data is not None]


def _dicts(value: Plain) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _strings(value: Plain) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _str(value: Plain) -> str:
    return value if isinstance(value, str) else ""


def _named(people: list[tuple[str, str]]) -> Options:
    return [(name, member_id) for member_id, name in people]


def _finding_line(diag: Diagnostic) -> str:
    mark = "✗" if diag.severity is Severity.ERROR else "!"
    return f"{mark} {diag.code} {diag.message}"


def _verdict_text(verdict: Optional[Verdict]) -> str:
    if verdict is None:
        return ""
    result = _("carried") if verdict.passed else _("not carried")
    return _("{count} for, denominator {denominator} ({needs}): {result}", count=verdict.count,
             denominator=verdict.denominator, needs=verdict.needs, result=result)


def _summary(result: Check) -> str:
    here = result.all_here()
    errors = sum(d.severity is Severity.ERROR for d in here)
    if not here:
        lines = [_("No findings in this meeting's file.")]
    else:
        lines = [_("{errors} error(s), {warnings} warning(s) in this meeting's file:",
                   errors=errors, warnings=len(here) - errors)]
        lines += [_finding_line(d) for d in here]
    if result.elsewhere:
        lines.append(_("{count} finding(s) in other files of the cell ('chibo validate' shows "
                       "them)", count=len(result.elsewhere)))
    return "\n".join(lines)
