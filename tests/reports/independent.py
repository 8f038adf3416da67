"""An independent count of a cell's figures straight from its YAML files (PyYAML, no chibo
code), to check the report against: status replay, attendance, speakers, visits, tasks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

LEAVE = {"transferred_out", "removed", "died"}
ON = {"exempted": ("exempted", True), "resumed": ("exempted", False),
      "away": ("away", True), "back": ("away", False),
      "suspended": ("suspended", True), "reinstated": ("suspended", False)}


def read(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def status(member: dict[str, Any], day: dt.date) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for event in member["history"]:
        if event["date"] > day:
            break
        kind = event["event"]
        if kind == "admitted":
            state.update(inside=True, category="probationary")
        elif kind == "confirmed":
            state["category"] = "full"
        elif kind == "transferred_in":
            state.update(inside=True, category=event.get("category", "full"))
        elif kind in LEAVE:
            state = {}
        elif kind in ON:
            name, value = ON[kind]
            state[name] = value
    return state


def required(state: dict[str, Any]) -> bool:
    return bool(state.get("inside")) and not any(
        state.get(k) for k in ("exempted", "away", "suspended"))


def count(cell: Path, first: dt.date, last: dt.date) -> dict[str, Any]:
    members = read(cell / "members.yaml")["members"]
    ids = {m["id"] for m in members}
    figures: dict[str, Any] = dict(regular=0, thematic=0, extraordinary=0, required=0,
                                   present=0, excused=0, unexcused=0, came=0, spoke=0,
                                   visited=0, tasks=0, months=set())
    unexcused_months: dict[tuple[str, int], set[int]] = {}
    for path in sorted((cell / "meetings").glob("*.yaml")):
        meeting = read(path)
        day = meeting["date"]
        if not first <= day <= last:
            continue
        figures[meeting["kind"]] += 1
        if meeting["kind"] == "regular":
            figures["months"].add(f"{day.year}-{day.month:02d}")
        must = {m["id"] for m in members if required(status(m, day))}
        absent = {a["member"]: bool(a.get("reason")) for a in meeting.get("absent") or []
                  if a["member"] in must}
        figures["required"] += len(must)
        figures["present"] += len(must) - len(absent)
        figures["excused"] += sum(absent.values())
        figures["unexcused"] += sum(not r for r in absent.values())
        for mid, excused in absent.items():
            if not excused:
                unexcused_months.setdefault((mid, day.year), set()).add(day.month)
        came = (must - set(absent)) | {
            m["id"] for m in members if m["id"] in (meeting.get("also_present") or [])
            and status(m, day).get("inside")}
        speakers = {s["speaker"] for s in meeting.get("discussion") or []} & ids & came
        figures["came"] += len(came)
        figures["spoke"] += len(speakers)
        figures["visited"] += any(g.get("superior") for g in meeting.get("guests") or [])
        figures["tasks"] += len(meeting.get("tasks") or [])
    end_states = {m["id"]: status(m, last) for m in members}
    figures["members"] = sum(bool(s.get("inside")) for s in end_states.values())
    figures["full"] = sum(s.get("inside", False) and s.get("category") == "full"
                          for s in end_states.values())
    figures["admitted"] = sum(first <= e["date"] <= last for m in members
                              for e in m["history"] if e["event"] == "admitted")
    figures["over_limit"] = sorted({next(m["name"] for m in members if m["id"] == mid)
                                    for (mid, _y), months in unexcused_months.items()
                                    if len(months) >= 3})
    return figures
