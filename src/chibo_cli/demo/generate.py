"""``chibo demo``: a committee folder of realistic cells, for trying chibo out and for benchmarks.

Each cell is drawn from its own random stream (seeded by the seed and the cell's number), so the
same seed gives the same bytes, cells can be generated in parallel, and the data stays consistent:
the attendance counts and votes are computed with :mod:`roster` from the dated member histories.
A few known rule violations are planted; ``planted.json`` lists each (cell, file, code).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import multiprocessing
import os
import random
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterable, Optional, cast

from ..base.atomic import cannot_write_in
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.models import Meeting, MemberVoteKind
from ..records.schema import SCHEMA_DIR as SCHEMA_PATH
from ..records.schema import SCHEMAS, schema_text
from ..rules.roster import Attendance, attendance
from . import text as tx
from .emit import Flow, document
from .people import Roster, Slot, make_roster

MANIFEST = "planted.json"
COMMITTEE = "committee.yaml"
DEMO_MARK = "'chibo demo generate'"  # in the committee file's comment: --force may replace it
CELL_NOTE = "dữ liệu mẫu, tên người là hư cấu"  # in every cell's branch.yaml
LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})  # what file browsers leave behind
SCHEMA_DIR = SCHEMA_PATH.as_posix()  # in $schema lines, which take forward slashes
CONGRESS_YEARS = (2010, 2012, 2015, 2017, 2020, 2022, 2025, 2030, 2035, 2040, 2045, 2050)
STARTS = ("19:30", "19:30", "19:00", "14:00", "08:00")


@dataclass(frozen=True)
class Options:
    cells: int = 77
    years: int = 5
    seed: int = 0
    start_year: int = 2021


@dataclass(frozen=True)
class Plant:
    """One violation written on purpose: the cell folder, the file inside it, the check code."""

    cell: str
    file: str
    code: str


@dataclass
class CellOut:
    folder: str
    files: dict[str, str] = field(default_factory=dict)
    plants: list[Plant] = field(default_factory=list)


# ------------------------------------------------------------------ the whole committee


def generate(root: Path, options: Options, force: bool = False) -> list[Plant]:
    """Write the committee folder at ``root`` and return the planted violations.

    The tree is built in a temporary sibling folder and swapped in at the end (an old folder is
    renamed aside, the new one renamed into place, the old one deleted), so ``root`` holds either
    the old tree or the whole new one, never a mix.
    """
    root = root.resolve()  # '.' has no name and no sibling
    _check_target(root, force)
    ward = random.Random(f"chibo-demo/{options.seed}").choice(tx.WARDS)
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{root.name}.", dir=root.parent))
    except OSError as exc:
        raise cannot_write_in(root.parent, exc) from None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; the folder is meant to be shared
        plants = _write_all(tmp, ward, options)
        _swap(tmp, root)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise cannot_write_in(root.parent, exc) from None
        raise
    return plants


def _check_target(root: Path, force: bool) -> None:
    """Refuse, touching nothing, unless ``root`` is absent, empty, or (with ``force``) a folder
    this command wrote: replacing anything else would delete somebody's files."""
    if root.exists() and not root.is_dir():
        raise ChiboError(_("{path} is a file", path=root))
    if root.is_dir() and any(p.name not in LITTER for p in root.iterdir()):
        _refuse_unless_demo(root)
        if not force:
            raise ChiboError(_("{path} exists and is not empty; not overwritten", path=root),
                             _("use --force to replace it"))
    cwd = Path.cwd().resolve()
    if root == cwd or root in cwd.parents:
        raise ChiboError(_("{path} is the current folder or holds it; not replaced", path=root),
                         _("run the command from another folder, e.g. its parent"))


def _refuse_unless_demo(root: Path) -> None:
    """Raise unless the top of ``root`` holds only what this command writes: its manifest, the
    committee file naming the command, and cell folders carrying the demo's note."""
    try:
        read_manifest(root)
        ours = DEMO_MARK in (root / COMMITTEE).read_text(encoding="utf-8")
    except (OSError, ValueError, TypeError):
        ours = False
    if not ours:
        raise ChiboError(
            _("{path} was not written by 'chibo demo generate'; not replaced", path=root),
            _("--force replaces only an empty folder or an earlier demo; choose another folder"))
    for entry in sorted(root.iterdir()):
        if not _written_here(entry):
            raise ChiboError(_("{path} holds {entry}, which 'chibo demo generate' did not write; "
                               "not replaced", path=root, entry=entry.name),
                             _("move it out first, or choose another folder"))


def _written_here(entry: Path) -> bool:
    if entry.name in (MANIFEST, COMMITTEE) or entry.name in LITTER:
        return True
    try:
        return entry.is_dir() and CELL_NOTE in (entry / "branch.yaml").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False


def _swap(new: Path, root: Path) -> None:
    """Rename ``new`` to ``root``; an existing ``root`` is renamed aside first and deleted last."""
    if not root.exists():
        os.rename(new, root)
        return
    old = new.with_name(new.name + ".old")
    os.rename(root, old)
    try:
        os.rename(new, root)
    except BaseException:
        os.rename(old, root)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_all(tmp: Path, ward: str, options: Options) -> list[Plant]:
    build = functools.partial(build_cell, ward=ward, options=options)
    cores = os.cpu_count() or 1
    if options.cells < 8 or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        outputs: Iterable[CellOut] = map(build, range(options.cells))
        return _write_cells(tmp, outputs, ward, options)
    with multiprocessing.get_context("fork").Pool(cores) as pool:  # cells are independent
        return _write_cells(tmp, pool.imap(build, range(options.cells), chunksize=4), ward,
                            options)


@functools.cache
def committee_members(options: Options) -> list[tuple[str, str]]:
    """The ward committee's members who follow cells (name, title): one for about every six
    cells, as a ward assigns its committee members; cell ``i`` is followed by member
    ``i % len(...)``, who is the superior guest at its meetings."""
    rng = random.Random(f"chibo-demo/{options.seed}/committee")
    count = max(1, min(15, (options.cells + 5) // 6))
    names: list[str] = []
    while len(names) < count:
        name = tx.person_name(rng, rng.choice(("nam", "nữ")))
        if name not in names:
            names.append(name)
    return [(name, rng.choice(tx.GUEST_TITLES)) for name in names]


def _write_cells(tmp: Path, outputs: Iterable[CellOut], ward: str,
                 options: Options) -> list[Plant]:
    plants: list[Plant] = []
    followers = committee_members(options)
    follows: list[list[str]] = [[] for _ in followers]
    for index, out in enumerate(outputs):
        for rel, text in out.files.items():
            _write(tmp / out.folder / rel, text)
        plants.extend(out.plants)
        follows[index % len(followers)].append(out.folder)
    committee = {"name": f"Đảng bộ phường {ward}", "members": [
        {"name": name, "title": title, "cells": cells}
        for (name, title), cells in zip(followers, follows, strict=True)]}
    _write(tmp / COMMITTEE, document(committee, [
        f"Đảng bộ phường — dữ liệu mẫu do {DEMO_MARK} tạo, tên người là hư cấu"]))
    manifest = [{"cell": p.cell, "file": p.file, "code": p.code} for p in plants]
    _write(tmp / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return plants


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def read_manifest(root: Path) -> list[Plant]:
    """The planted violations of a generated folder."""
    with open(root / MANIFEST, encoding="utf-8") as handle:
        return [Plant(**item) for item in json.load(handle)]


# ------------------------------------------------------------------ one cell


def build_cell(index: int, ward: str, options: Options) -> CellOut:
    """Every file of cell number ``index`` (0-based), as text."""
    rng = random.Random(f"chibo-demo/{options.seed}/{index}")
    number = index + 1
    unit = rng.choice(tx.CELL_KINDS).format(n=number)
    folder = tx.slugify(f"chi bo {unit}")
    first, last = options.start_year, options.start_year + options.years - 1
    slots = _calendar(rng, first, last)
    roster = make_roster(rng, slots, first, last)
    members = committee_members(options)
    writer = _CellWriter(rng, unit, ward, roster, slots, options, members[index % len(members)])
    files = writer.files()
    plants = _plant(rng, folder, files, index)
    return CellOut(folder, files, plants)


def _calendar(rng: random.Random, first: int, last: int) -> list[Slot]:
    """12 regular meetings a year (days 3–10) and one thematic per quarter (days 14–24)."""
    slots: list[Slot] = []
    for year in range(first, last + 1):
        thematic_months = {rng.randint(q * 3 + 1, q * 3 + 3) for q in range(4)}
        for month in range(1, 13):
            slots.append(Slot(dt.date(year, month, rng.randint(3, 10)), "regular",
                              rng.choice(STARTS), rng.randint(100, 150)))
            if month in thematic_months:
                slots.append(Slot(dt.date(year, month, rng.randint(14, 24)), "thematic",
                                  rng.choice(STARTS), rng.randint(95, 130)))
    return slots


@functools.cache
def _schemas() -> dict[str, str]:
    """The JSON Schemas every cell carries where its files' ``$schema`` lines point."""
    return {f"{SCHEMA_DIR}/{name}.schema.json": schema_text(model)
            for name, model in SCHEMAS.items()}


def _clock(start: str, minutes: int) -> str:
    hours, mins = map(int, start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


class _CellWriter:
    """Draws the content of every record of one cell, consistent with its roster."""

    def __init__(self, rng: random.Random, unit: str, ward: str, roster: Roster,
                 slots: list[Slot], options: Options, follower: tuple[str, str]) -> None:
        self.rng, self.unit, self.ward, self.roster = rng, unit, ward, roster
        self.slots, self.options = slots, options
        self.place = rng.choice(tx.PLACES).format(unit=unit.replace("Tổ", "tổ").replace(
            "Khu", "khu"))
        # drawn even though replaced, so every other draw of the cell stays as it was
        self.guest = tx.person_name(rng, rng.choice(("nam", "nữ")))
        self.guest_title = rng.choice(tx.GUEST_TITLES)
        self.guest, self.guest_title = follower
        self.unexcused: dict[tuple[str, int], int] = {}
        self.terms = _terms(rng, options.start_year, options.start_year + options.years - 1)

    # ---------------------------------------------------------------- files

    def files(self) -> dict[str, str]:
        files = {"branch.yaml": self._branch(), "members.yaml": self._members()}
        plans = self._plan_topics()
        for year, topics in plans.items():
            files[f"plans/{year}.yaml"] = document(
                {"year": year, "thematic": topics},
                [f"yaml-language-server: $schema=../{SCHEMA_DIR}/plan.schema.json",
                 f"Kế hoạch sinh hoạt chuyên đề năm {year} của chi bộ {self.unit}"])
        previous: Optional[tuple[str, list[dict[str, Any]]]] = None
        number = self.terms[0]["first_resolution_number"]
        term = 0
        for slot in self.slots:
            if slot.kind == "thematic":
                files[f"meetings/{slot.id}.yaml"] = self._thematic(slot)
                continue
            while term + 1 < len(self.terms) and slot.date >= self.terms[term + 1]["start"]:
                term, number = term + 1, 1
            text, tasks = self._regular(slot, previous)
            files[f"meetings/{slot.id}.yaml"] = text
            files[f"resolutions/{slot.date.isoformat()}.yaml"] = self._resolution(
                slot, number, tasks)
            number += 1
            previous = (slot.id, tasks)
        return {**files, **_schemas()}

    def _branch(self) -> str:
        roster = self.roster
        committee: dict[str, Any] = {"secretary": roster.secretary, "deputy": roster.deputy}
        if roster.committee:
            committee["members"] = list(roster.committee)
        terms = [{"label": t["label"], "start": t["start"],
                  **({"first_resolution_number": t["first_resolution_number"]}
                     if t["first_resolution_number"] > 1 else {})} for t in self.terms]
        data = {"name": f"Chi bộ {self.unit}", "superior": f"Đảng bộ phường {self.ward}",
                "place": self.ward, "terms": terms, "committee": committee}
        return document(data, [f"yaml-language-server: $schema={SCHEMA_DIR}/branch.schema.json",
                               f"Chi bộ {self.unit} — {CELL_NOTE}"])

    def _members(self) -> str:
        items = [person.record() for person in self.roster.people]
        return document({"members": items}, [
            f"yaml-language-server: $schema={SCHEMA_DIR}/members.schema.json",
            "Danh sách đảng viên; số thẻ và CCCD là số giả"])

    def _plan_topics(self) -> dict[int, list[dict[str, Any]]]:
        plans: dict[int, list[dict[str, Any]]] = {}
        used: set[str] = set()
        for slot in self.slots:
            if slot.kind != "thematic":
                continue
            topic = ""
            while not topic or topic in used:
                topic = tx.fill(self.rng, self.rng.choice(tx.THEMATIC_FRAMES),
                                unit=self.unit.lower().replace("khu vực", "khu vực"),
                                year=slot.date.year)
            used.add(topic)
            slot.topic = topic
            slot.lead = self.rng.choice(self.roster.stable)
            plans.setdefault(slot.date.year, []).append({
                "quarter": (slot.date.month - 1) // 3 + 1, "month": slot.date.month,
                "topic": topic, "lead": slot.lead})
        return plans

    # ---------------------------------------------------------------- meetings

    def _people_at(self, slot: Slot, keep: set[str]) -> tuple[dict[str, Any], Attendance,
                                                               list[str]]:
        """Absences and the present list for one meeting, plus the roster's counts."""
        rng, date = self.rng, slot.date
        states = self.roster.standings(date)
        required = [pid for pid, s in states.items() if s.required]
        cap = max(0, int(len(required) * 0.12))
        absent: list[dict[str, Any]] = []
        for pid in required:
            if pid in keep or len(absent) >= cap or rng.random() > 0.05:
                continue
            key = (pid, date.year)
            if rng.random() < 0.15 and self.unexcused.get(key, 0) == 0:
                self.unexcused[key] = 1
                absent.append({"member": pid})
            else:
                absent.append({"member": pid, "reason": rng.choice(tx.EXCUSED)})
        also = [pid for pid, s in states.items()
                if s.in_cell and s.exempted and not s.away and rng.random() < 0.3]
        # attendance() reads only these fields; a plain namespace is 50× cheaper to build
        stub = cast(Meeting, SimpleNamespace(
            date=date, also_present=also,
            member_votes=[SimpleNamespace(subject=MemberVoteKind(subject), member=pid)
                          for subject, pid in self.roster.votes_at.get(date, [])],
            absent=[SimpleNamespace(member=a["member"], reason=a.get("reason")) for a in absent]))
        counts = attendance(stub, self.roster.models)
        gone = {a["member"] for a in absent}
        present = [pid for pid in required if pid not in gone] + also
        return {"absent": absent, "also_present": also}, counts, present

    def _head(self, slot: Slot, keep: set[str]) -> tuple[dict[str, Any], Attendance, list[str]]:
        roster = self.roster
        people, counts, present = self._people_at(slot, keep)
        chair = roster.secretary
        others = [p for p in present if p != chair and roster.is_full(p, slot.date)]
        recorder = roster.deputy if roster.deputy in present else self.rng.choice(others)
        data: dict[str, Any] = {
            "kind": slot.kind, "date": slot.date, "start": slot.start,
            "end": _clock(slot.start, slot.minutes), "place": self.place,
            "chair": chair, "recorder": recorder}
        if slot.kind == "thematic":
            data["topic"] = slot.topic
        if self.rng.random() < 0.25:
            data["guests"] = [{"name": self.guest, "title": self.guest_title, "superior": True}]
        for key in ("absent", "also_present"):
            if people[key]:
                data[key] = people[key]
        return data, counts, present

    def _discussion(self, data: dict[str, Any], present: list[str]) -> list[dict[str, Any]]:
        rng = self.rng
        pool = [p for p in present if p not in (data["chair"], data["recorder"])]
        count = min(len(pool), rng.randint(5, 20))
        speakers: list[str] = rng.sample(pool, count)
        if "guests" in data and rng.random() < 0.5:
            speakers.append(self.guest)
        return [{"speaker": s, "gist": tx.speech(rng)} for s in speakers]

    def _vote(self, counts: Attendance) -> Flow:
        against = 1 if counts.present_full >= 8 and self.rng.random() < 0.05 else 0
        votes_for = counts.present_full - against
        if 2 * votes_for <= counts.vote_denominator:  # never by construction; kept honest
            raise AssertionError("generated vote does not pass")
        return Flow({"for": votes_for, "against": against})

    def _member_votes(self, slot: Slot, counts: Attendance) -> list[Flow]:
        votes = []
        for subject, pid in self.roster.votes_at.get(slot.date, []):
            if 3 * counts.present_full < 2 * counts.admission_denominator:
                raise AssertionError("generated member vote lacks two thirds")
            votes.append(Flow({"subject": subject, "member": pid,
                               "for": counts.present_full, "against": 0}))
        return votes

    def _regular(self, slot: Slot,
                 previous: Optional[tuple[str, list[dict[str, Any]]]]) -> tuple[str, list[Any]]:
        rng, roster, month, year = self.rng, self.roster, slot.date.month, slot.date.year
        keep = {roster.secretary, roster.deputy} | {p for _s, p in roster.votes_at.get(
            slot.date, []) if roster.is_member(p, slot.date)}
        data, counts, present = self._head(slot, keep)
        amount = f"{counts.present * rng.choice((20, 30, 50)) * 1000:,}".replace(",", ".")
        data["dues"] = (f"Thu đảng phí tháng {month}/{year}: {counts.present} đồng chí có mặt "
                        f"đã nộp đủ, tổng số {amount} đồng; số còn lại chi ủy thu bổ sung "
                        "trong tháng.")
        data["agenda"] = [
            {"presenter": roster.secretary,
             "content": rng.choice(tx.NEWS).format(superior=f"Đảng ủy phường {self.ward}")},
            {"presenter": roster.secretary,
             "content": f"Đánh giá kết quả thực hiện nghị quyết tháng {_prev_month(slot.date)}"},
            {"presenter": roster.deputy,
             "content": f"Phương hướng, nhiệm vụ tháng {month}/{year}; dự thảo nghị quyết"},
            {"presenter": roster.secretary, "content": "Thảo luận, tự phê bình và phê bình"}]
        if previous:
            data["review"] = _reviews(rng, *previous)
        data["discussion"] = self._discussion(data, present)
        data["conclusion"] = tx.fill(rng, rng.choice(tx.CONCLUSIONS))
        owners = [p for p in present if roster.stays(p, slot.date, 40)]
        due = dt.date(year, month, calendar.monthrange(year, month)[1])
        tasks = [{"owner": o, "what": tx.task_text(rng), "due": due}
                 for o in rng.sample(owners, min(len(owners), rng.randint(3, 6)))]
        data["tasks"] = tasks
        data["vote"] = self._vote(counts)
        member_votes = self._member_votes(slot, counts)
        if member_votes:
            data["member_votes"] = member_votes
        data["read_back"] = True
        text = document(data, [
            f"yaml-language-server: $schema=../{SCHEMA_DIR}/meeting.schema.json",
            f"Biên bản sinh hoạt chi bộ thường kỳ tháng {month}/{year}"])
        return text, tasks

    def _thematic(self, slot: Slot) -> str:
        rng = self.rng
        data, counts, present = self._head(slot, {self.roster.secretary, slot.lead})
        data["agenda"] = [
            {"presenter": slot.lead, "content": f"Trình bày chuyên đề: {slot.topic}"},
            {"presenter": self.roster.secretary,
             "content": "Thảo luận, liên hệ trách nhiệm của đảng viên và chi bộ"}]
        data["discussion"] = self._discussion(data, present)
        data["conclusion"] = rng.choice(tx.THEMATIC_CONCLUSIONS)
        data["vote"] = self._vote(counts)
        data["read_back"] = True
        return document(data, [
            f"yaml-language-server: $schema=../{SCHEMA_DIR}/meeting.schema.json",
            f"Biên bản sinh hoạt chuyên đề quý {(slot.date.month - 1) // 3 + 1}/{slot.date.year}"])

    def _resolution(self, slot: Slot, number: int, tasks: list[dict[str, Any]]) -> str:
        rng, month, year = self.rng, slot.date.month, slot.date.year
        data: dict[str, Any] = {
            "meeting": slot.id, "status": "adopted", "number": number,
            "title": f"Nghị quyết sinh hoạt chi bộ tháng {month} năm {year}",
            "assessment": tx.fill(rng, rng.choice(tx.ASSESSMENTS), month=_prev_month(slot.date)),
            "targets": [tx.fill(rng, t) for t in rng.sample(tx.TARGETS, rng.randint(3, 5))],
            "tasks": tasks}
        return document(data, [
            f"yaml-language-server: $schema=../{SCHEMA_DIR}/resolution.schema.json",
            f"Nghị quyết số {number:02d}-NQ/CB, tháng {month}/{year}"])


def _prev_month(date: dt.date) -> str:
    return f"{12}/{date.year - 1}" if date.month == 1 else f"{date.month - 1}/{date.year}"


def _reviews(rng: random.Random, meeting_id: str,
             tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reviews = []
    for number, _task in enumerate(tasks, start=1):
        done = rng.random() < 0.85
        reviews.append({"task": f"{meeting_id}#{number}",
                        "status": "done" if done else "in_progress",
                        "note": rng.choice(tx.REVIEW_DONE if done else tx.REVIEW_OPEN)})
    return reviews


def _terms(rng: random.Random, first: int, last: int) -> list[dict[str, Any]]:
    """The cell's terms over the years: congresses in spring, resolutions numbered per term.

    The first term began before the data does, so its first recorded number counts the monthly
    resolutions issued between its congress and January of the first year.
    """
    opening = max(y for y in CONGRESS_YEARS if y < first)
    terms = []
    for year in [opening] + [y for y in CONGRESS_YEARS if first <= y <= last]:
        start = dt.date(year, rng.randint(3, 5), rng.randint(14, 24))
        following = next((y for y in CONGRESS_YEARS if y > year), year + 5)
        before = (first - year) * 12 - start.month if year < first else 0
        terms.append({"label": f"{year}–{following}", "start": start,
                      "first_resolution_number": before + 1})
    return terms


# ------------------------------------------------------------------ planted violations
# Each kind edits one generated file so that exactly one check reports exactly one finding; the
# edits are mistakes a secretary makes (a typo in an id or a count, a wrong time, a stray field).


def _plant(rng: random.Random, folder: str, files: dict[str, str], index: int) -> list[Plant]:
    """Plant three violations in every seventh cell (cells 2, 9, 16, …)."""
    if index % 7 != 1:
        return []
    plants: list[Plant] = []
    used: set[str] = set()
    for kind in rng.sample(PLANTS, 3):
        prefix, suffix, code = (getattr(kind, a) for a in ("prefix", "suffix", "code"))
        name = rng.choice(sorted(f for f in files if f.startswith(prefix)
                                 and f.endswith(suffix) and f not in used))
        used.add(name)
        files[name] = kind(rng, files[name])
        plants.append(Plant(folder, name, code))
    return plants


PlantFn = Callable[[random.Random, str], str]


def _planter(code: str, prefix: str, suffix: str = ".yaml") -> Callable[[PlantFn], PlantFn]:
    def mark(func: PlantFn) -> PlantFn:
        func.code, func.prefix, func.suffix = code, prefix, suffix  # type: ignore[attr-defined]
        return func
    return mark


def _replace_line(text: str, key: str, make: Any) -> str:
    """Replace the first top-level ``key: value`` line with ``make(value)``."""
    match = re.search(rf"^{key}: (.*)$", text, re.M)
    if match is None:
        raise AssertionError(f"no {key} line to plant into")
    return text[:match.start()] + f"{key}: {make(match.group(1))}" + text[match.end():]


def _vote_for(text: str) -> int:
    match = re.search(r"^vote: \{for: (\d+)", text, re.M)
    if match is None:
        raise AssertionError("no vote to plant into")
    return int(match.group(1))


@_planter("V001", "meetings/")
def _unknown_speaker(rng: random.Random, text: str) -> str:
    """A speaker's id mistyped: no such member."""
    return re.sub(r"^  - speaker: [a-z0-9-]+$", "  - speaker: nguoi-la-khong-co-ten", text,
                  count=1, flags=re.M)


@_planter("S001", "plans/")
def _unknown_field(rng: random.Random, text: str) -> str:
    """A field the format does not know."""
    return text.replace("\nthematic:", "\nghi_chu: \"kế hoạch bổ sung\"\nthematic:", 1)


@_planter("V013", "meetings/", "-regular.yaml")
def _too_short(rng: random.Random, text: str) -> str:
    """A regular meeting shorter than the minimum."""
    start = re.search(r'^start: "(\d\d:\d\d)"', text, re.M)
    assert start is not None
    return _replace_line(text, "end", lambda _v: f'"{_clock(start.group(1), rng.randint(50, 85))}"')


@_planter("V012", "meetings/")
def _end_before_start(rng: random.Random, text: str) -> str:
    """The end typed before the start (20:15 written as 08:15)."""
    return _replace_line(text, "end", lambda v: f'"{int(v[1:3]) - 12:02d}{v[3:6]}"'
                         if int(v[1:3]) >= 13 else '"' + _clock(v[1:6], -180) + '"')


@_planter("V010", "meetings/")
def _chair_not_leader(rng: random.Random, text: str) -> str:
    """A member who is neither secretary nor deputy chairs (the committee was never updated)."""
    speaker = re.search(r"^  - speaker: ([a-z0-9-]+)$", text, re.M)
    assert speaker is not None
    return _replace_line(text, "chair", lambda _v: speaker.group(1))


@_planter("V021", "meetings/")
def _votes_exceed_present(rng: random.Random, text: str) -> str:
    """A count with an extra digit: more votes than people in the room."""
    votes = _vote_for(text)
    return text.replace(f"vote: {{for: {votes},", f"vote: {{for: {votes * 10 + 1},", 1)


@_planter("V022", "meetings/")
def _no_majority(rng: random.Random, text: str) -> str:
    """Half of the full members present (or fewer) approve: no majority of the denominator."""
    votes = _vote_for(text)
    return text.replace(f"vote: {{for: {votes},", f"vote: {{for: {votes // 2},", 1)


@_planter("V033", "resolutions/")
def _dated_before_meeting(rng: random.Random, text: str) -> str:
    """The resolution dated two days before the meeting that adopted it."""
    meeting = re.search(r'^meeting: "?(\d{4}-\d\d-\d\d)', text, re.M)
    assert meeting is not None
    day = dt.date.fromisoformat(meeting.group(1)) - dt.timedelta(days=2)
    return text.replace("\ntitle:", f"\ndate: {day.isoformat()}\ntitle:", 1)


PLANTS = (_unknown_speaker, _unknown_field, _too_short, _end_before_start, _chair_not_leader,
          _votes_exceed_present, _no_majority, _dated_before_meeting)
