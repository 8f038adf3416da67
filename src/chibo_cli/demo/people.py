"""The members of a ``chibo demo`` cell and their dated histories.

Every change inside the generated years (admission, confirmation, exemption, away and back,
transfer in and out, death) is tied to the meeting calendar: admissions, confirmations and
exemptions are voted at a regular meeting, and nobody has more than one kind of change, so the
roles (secretary, deputy, thematic leads) stay with members who are always in the cell.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, Optional

from ..records.models import Category, EventKind, Gender, HistoryEvent, Member
from ..records.rulebook import default_rulebook
from ..rules.roster import Standing, standing
from . import text as tx
from .emit import Flow


@dataclass
class Slot:
    """A meeting on the calendar, before its content is drawn."""

    date: dt.date
    kind: str  # regular | thematic
    start: str
    minutes: int
    topic: str = ""
    lead: str = ""

    @property
    def id(self) -> str:
        return f"{self.date.isoformat()}-{self.kind}"


@dataclass
class Person:
    id: str
    name: str
    gender: str
    born: dt.date
    title: str
    card: str
    citizen_id: str
    events: list[tuple[dt.date, str, Optional[str], Optional[str]]] = field(default_factory=list)
    busy: bool = False  # has a change inside the generated years

    def record(self) -> dict[str, Any]:
        history = []
        for date, event, category, note in self.events:
            item = Flow({"date": date, "event": event})
            if category:
                item["category"] = category
            if note:
                item["note"] = note
            history.append(item)
        return {"id": self.id, "name": self.name, "gender": self.gender, "born": self.born,
                "card_number": self.card, "citizen_id": self.citizen_id, "title": self.title,
                "history": history}

    def model(self) -> Member:
        history = [HistoryEvent.model_construct(date=d, event=EventKind(e),
                                                category=Category(c) if c else None, note=n)
                   for d, e, c, n in self.events]
        return Member.model_construct(id=self.id, name=self.name, gender=Gender(self.gender),
                                      born=self.born, history=history)


@dataclass
class Roster:
    people: list[Person]
    secretary: str
    deputy: str
    committee: list[str]
    stable: list[str]
    votes_at: dict[dt.date, list[tuple[str, str]]]
    models: list[Member] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.models = [p.model() for p in self.people]
        self._by_id = {m.id: m for m in self.models}

    def standings(self, date: dt.date) -> dict[str, Standing]:
        return {m.id: standing(m, date) for m in self.models}

    def is_full(self, pid: str, date: dt.date) -> bool:
        return standing(self._by_id[pid], date).full

    def is_member(self, pid: str, date: dt.date) -> bool:
        return standing(self._by_id[pid], date).in_cell

    def stays(self, pid: str, date: dt.date, days: int) -> bool:
        """Still required to attend ``days`` later (so a task given now can be reviewed)."""
        member = self._by_id[pid]
        later = date + dt.timedelta(days=days)
        return all(standing(member, d).required for d in (date, later))


def _card_and_id(rng: random.Random, gender: str, born: dt.date) -> tuple[str, str]:
    card = f"{rng.randint(10, 99)}{rng.randint(0, 999999):06d}"
    century = 0 if born.year < 2000 else 2
    code = century + (1 if gender == "nữ" else 0)
    return card, f"0{rng.randint(1, 96):02d}{code}{born.year % 100:02d}{rng.randint(0, 999999):06d}"


class _People:
    """Draws people with unique ids."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.ids: set[str] = set()

    def new(self, born_from: int, born_to: int) -> Person:
        rng = self.rng
        gender = rng.choice(("nam", "nữ"))
        name = tx.person_name(rng, gender)
        base = tx.slugify(name)
        pid, n = base, 2
        while pid in self.ids:
            pid, n = f"{base}-{n}", n + 1
        self.ids.add(pid)
        born = dt.date(rng.randint(born_from, born_to), rng.randint(1, 12), rng.randint(1, 28))
        card, citizen = _card_and_id(rng, gender, born)
        return Person(pid, name, gender, born, rng.choice(tx.TITLES), card, citizen)


def _min_admission_age() -> int:
    """The rulebook's minimum age on the day of admission (Điều lệ Đảng, Điều 1)."""
    return int(default_rulebook()["members.min_admission_age"])


def _shift(date: dt.date, months: int, day: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day)


def make_roster(rng: random.Random, slots: list["Slot"], first: int, last: int) -> Roster:
    """10–60 members with histories before ``first`` and a few changes during the years."""
    factory = _People(rng)
    window = dt.date(first, 1, 1)
    people = [_old_member(rng, factory, window) for _ in range(rng.randint(12, 52))]
    people.sort(key=lambda p: (p.born, p.id))
    candidates = [p for p in people if first - 63 <= p.born.year <= first - 36]
    leaders = rng.sample(candidates if len(candidates) >= 3 else people[-3:], 3)
    for p in leaders:
        p.busy = True  # roles never change in the demo
    secretary, deputy = leaders[0], leaders[1]
    committee = [leaders[2].id] if len(people) >= 15 else []
    regular = {(s.date.year, s.date.month): s.date for s in slots if s.kind == "regular"}
    months = sorted(regular)
    votes: dict[dt.date, list[tuple[str, str]]] = {}
    plan = _Changes(rng, factory, people, regular, months, votes)
    plan.draw(first, last)
    stable = [p.id for p in people if not p.busy] + [secretary.id, deputy.id]
    stable.sort()
    everyone = sorted(people + plan.newcomers, key=lambda p: p.id)
    return Roster(everyone, secretary.id, deputy.id, committee, stable, votes)


def _old_member(rng: random.Random, factory: _People, window: dt.date) -> Person:
    person = factory.new(window.year - 81, window.year - 25)
    earliest = dt.date(person.born.year + 19, 1, 1)
    latest = window - dt.timedelta(days=800)
    span = max(1, (latest - earliest).days)
    admitted = earliest + dt.timedelta(days=rng.randint(0, span))
    admitted = admitted.replace(day=min(admitted.day, 28))
    confirmed = admitted.replace(year=admitted.year + 1)
    if rng.random() < 0.2:
        moved = confirmed + dt.timedelta(days=rng.randint(30, max(31, (latest - confirmed).days)))
        person.events = [(moved, "transferred_in", "full", "Chuyển sinh hoạt đến")]
    else:
        person.events = [(admitted, "admitted", None, None), (confirmed, "confirmed", None, None)]
    return person


class _Changes:
    """The changes inside the generated years, each tied to the regular meeting of a month."""

    def __init__(self, rng: random.Random, factory: _People, people: list[Person],
                 regular: dict[tuple[int, int], dt.date], months: list[tuple[int, int]],
                 votes: dict[dt.date, list[tuple[str, str]]]) -> None:
        self.rng, self.factory, self.people = rng, factory, people
        self.regular, self.months, self.votes = regular, months, votes
        self.newcomers: list[Person] = []

    def draw(self, first: int, last: int) -> None:
        rng, count = self.rng, len(self.months)
        for _ in range(rng.choice((0, 1, 2))):
            self._already_probationary(rng.randint(1, 11))
        for _ in range(last - first + 1):
            for _ in range(rng.choice((0, 1, 1, 2))):
                if count > 15:  # a month left after probation for the confirmation vote
                    self._admission(rng.randint(0, count - 15))
            if rng.random() < 0.3:
                self._exemption(rng.randint(0, count - 1))
            if rng.random() < 0.5:
                self._away(rng.randint(0, count - 1))
            if rng.random() < 0.35:
                self._leave(rng.randint(0, count - 1), "transferred_out",
                            "Chuyển sinh hoạt đi nơi cư trú mới")
            if rng.random() < 0.35:
                self._arrival(rng.randint(0, count - 1))
            if rng.random() < 0.1:
                self._leave(rng.randint(0, count - 1), "died", "Từ trần", oldest=True)

    def _pick(self, oldest: bool = False) -> Optional[Person]:
        free = [p for p in self.people if not p.busy and p.events[-1][1] != "admitted"]
        if oldest:
            free = [p for p in free if p.born.year <= self.months[0][0] - 70]
        if len(free) < 8:  # keep the cell at ten members or more
            return None
        person = free[0] if oldest else self.rng.choice(free)
        person.busy = True
        return person

    def _vote(self, index: int, subject: str, pid: str) -> dt.date:
        date = self.regular[self.months[index]]
        self.votes.setdefault(date, []).append((subject, pid))
        return date

    def _confirm(self, person: Person, admitted: dt.date) -> None:
        anniversary = admitted.replace(year=admitted.year + 1)
        # the cell votes at the first regular meeting after probation ends (V054), and the
        # decision is dated that day
        after = [i for i, month in enumerate(self.months)
                 if month in self.regular and self.regular[month] >= anniversary]
        if not after or (self.regular[self.months[after[0]]] - anniversary).days > 62:
            return
        voted = self._vote(after[0], "confirmation", person.id)
        person.events.append((voted, "confirmed", None, "Chi bộ đề nghị công nhận"))

    def _newcomer(self, admitted: dt.date) -> Person:
        """A person of age on ``admitted`` (members.min_admission_age), and at most 36: born no
        later than the year before the one they turn the minimum age in."""
        youngest = admitted.year - _min_admission_age() - 1
        return self.factory.new(youngest - 17, youngest)

    def _already_probationary(self, months_before: int) -> None:
        year, month = self.months[0]
        admitted = _shift(dt.date(year, month, 1), -months_before, self.rng.randint(15, 25))
        person = self._newcomer(admitted)
        person.events = [(admitted, "admitted", None, "Lễ kết nạp")]
        person.busy = True
        self.newcomers.append(person)
        self._confirm(person, admitted)

    def _admission(self, index: int) -> None:
        year, month = self.months[index]
        admitted = _shift(dt.date(year, month, 1), 1, self.rng.randint(15, 25))
        # of age on the day the cell votes (V055), a month before the ceremony
        person = self._newcomer(dt.date(year, month, 1))
        person.busy = True
        self._vote(index, "admission", person.id)
        person.events = [(admitted, "admitted", None, "Lễ kết nạp")]
        self.newcomers.append(person)
        self._confirm(person, admitted)

    def _exemption(self, index: int) -> None:
        person = self._pick(oldest=True)
        if person is None:
            return
        date = self._vote(index, "exemption", person.id)
        person.events.append((date + dt.timedelta(days=1), "exempted", None,
                              "Tuổi cao, sức yếu; nghị quyết chi bộ"))

    def _away(self, index: int) -> None:
        person = self._pick()
        if person is None:
            return
        year, month = self.months[index]
        person.events.append((dt.date(year, month, 12), "away", None, "Đi làm việc ở tỉnh khác"))
        back = index + self.rng.randint(3, 8)
        if back < len(self.months):
            year, month = self.months[back]
            person.events.append((dt.date(year, month, 12), "back", None, None))

    def _leave(self, index: int, event: str, note: str, oldest: bool = False) -> None:
        person = self._pick(oldest)
        if person is None:
            return
        year, month = self.months[index]
        person.events.append((dt.date(year, month, 26), event, None, note))

    def _arrival(self, index: int) -> None:
        person = self.factory.new(self.months[0][0] - 61, self.months[0][0] - 23)
        person.busy = True
        year, month = self.months[index]
        person.events = [(dt.date(year, month, 26), "transferred_in", "full",
                          "Chuyển sinh hoạt đến")]
        self.newcomers.append(person)
