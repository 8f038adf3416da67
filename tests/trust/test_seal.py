"""The seal log: chained entries, and validate reporting every change, removal and log edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ADOPTED_RESOLUTION, MEETING, make_cell

from chibo_cli.records.loader import load_cell
from chibo_cli.trust.seal import GENESIS, entry_hash, short_seals

RESOLUTION = ADOPTED_RESOLUTION
SEPTEMBER = MEETING.replace("2025-08-05", "2025-09-02").replace("2025-08-31", "2025-09-30")
MEETING_FILE = "meetings/2025-08-05-regular.yaml"


@pytest.fixture
def cell(tmp_path: Path) -> Path:
    return make_cell(tmp_path / "cell", {"resolutions/2025-08-05.yaml": RESOLUTION,
                                         "meetings/2025-09-02-regular.yaml": SEPTEMBER})


def _log(cell: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (cell / "seal.log").read_text("utf-8").splitlines()]


def _write_log(cell: Path, entries: list[dict[str, object]]) -> None:
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    (cell / "seal.log").write_text(text, encoding="utf-8")


def _codes(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = []
    for line in result.out.splitlines():
        if ": V07" in line:
            place, rest = line.split(": ", 1)
            found.append((place.split("/")[-1], rest.split(" ")[0]))
    return found


def test_seal_chains_agreed_meetings_and_adopted_resolutions(cli, cell: Path) -> None:
    result = cli("seal", cell)
    assert result.code == 0, result.err
    entries = _log(cell)
    assert [(e["seq"], e["kind"], e["id"]) for e in entries] == [
        (1, "meeting", "2025-08-05-regular"), (2, "resolution", "2025-08-05"),
        (3, "meeting", "2025-09-02-regular")]
    assert entries[0]["prev"] == GENESIS
    assert [e["prev"] for e in entries[1:]] == [e["hash"] for e in entries[:-1]]
    assert all(e["hash"] == entry_hash(e) for e in entries)
    assert entries[0]["file"] == MEETING_FILE
    assert "log head #3" in result.out
    assert cli("validate", cell).code == 0
    seals = short_seals(load_cell(cell))
    assert seals == {(e["kind"], e["id"]): str(e["hash"])[:10] for e in entries}


def test_draft_and_unagreed_records_are_not_sealed(cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "c", {
        MEETING_FILE: MEETING.replace("read_back: true", "read_back: false"),
        "resolutions/2025-08-05.yaml": RESOLUTION.replace("status: adopted", "status: draft")})
    assert cli("seal", cell).code == 0
    assert not (cell / "seal.log").exists()
    assert short_seals(load_cell(cell)) == {}


def test_sealing_twice_adds_nothing_and_keeps_the_log(cli, cell: Path) -> None:
    cli("seal", cell)
    before = (cell / "seal.log").read_bytes()
    assert cli("seal", cell).code == 0
    assert (cell / "seal.log").read_bytes() == before


def test_changed_record_is_an_error_at_its_log_line(cli, cell: Path) -> None:
    cli("seal", cell)
    path = cell / MEETING_FILE
    path.write_text(path.read_text("utf-8").replace("Đi công tác", "Ốm"), encoding="utf-8")
    result = cli("validate", cell)
    assert result.code == 1
    assert _codes(result) == [("seal.log:1:1", "V072")]
    assert "2025-08-05-regular" in result.out
    assert ("meeting", "2025-08-05-regular") not in short_seals(load_cell(cell))
    refused = cli("seal", cell)
    assert refused.code == 2 and "changed after sealing" in refused.err


def test_line_endings_alone_count_as_a_change(cli, cell: Path) -> None:
    cli("seal", cell)
    path = cell / MEETING_FILE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert _codes(cli("validate", cell)) == [("seal.log:1:1", "V072")]


def test_removed_record_is_an_error(cli, cell: Path) -> None:
    cli("seal", cell)
    (cell / "resolutions/2025-08-05.yaml").unlink()
    result = cli("validate", cell)
    assert ("seal.log:2:1", "V073") in _codes(result)


def test_edited_entry_breaks_the_chain(cli, cell: Path) -> None:
    cli("seal", cell)
    entries = _log(cell)
    entries[1]["sealed"] = "2020-01-01"
    _write_log(cell, entries)
    result = cli("validate", cell)
    assert _codes(result) == [("seal.log:2:1", "V071")]
    assert "was edited" in result.out
    assert set(short_seals(load_cell(cell))) == {("meeting", "2025-08-05-regular")}


def test_rehashed_entry_still_breaks_the_chain(cli, cell: Path) -> None:
    cli("seal", cell)
    entries = _log(cell)
    entries[0]["sha256"] = "0" * 64
    entries[0]["hash"] = entry_hash(entries[0])  # a careful forger fixes the entry's own hash
    _write_log(cell, entries)
    assert _codes(cli("validate", cell))[:2] == [("seal.log:1:1", "V072"),
                                                 ("seal.log:2:1", "V071")]


def test_reordered_lines_break_the_chain(cli, cell: Path) -> None:
    cli("seal", cell)
    entries = _log(cell)
    _write_log(cell, [entries[1], entries[0], entries[2]])
    result = cli("validate", cell)
    assert _codes(result) == [("seal.log:1:1", "V071")]


def test_deleted_middle_line_breaks_the_chain(cli, cell: Path) -> None:
    cli("seal", cell)
    entries = _log(cell)
    _write_log(cell, [entries[0], entries[2]])
    result = cli("validate", cell)
    assert ("seal.log:2:1", "V071") in _codes(result)
    assert "#3 where #2" in result.out


def test_cut_off_tail_goes_unnoticed_by_the_log_alone(cli, cell: Path) -> None:
    """The honest limit documented in docs/seal.md: only the printed seals or the log head sent
    to the committee reveal a log whose last lines were removed."""
    cli("seal", cell)
    entries = _log(cell)
    _write_log(cell, entries[:2])
    assert _codes(cli("validate", cell, "--strict")) == []
    assert cli("seal", cell).code == 0  # the cut entry is sealed again, with the same file hash
    assert _log(cell)[2]["sha256"] == entries[2]["sha256"]


def test_half_written_line_is_malformed(cli, cell: Path) -> None:
    cli("seal", cell)
    raw = (cell / "seal.log").read_bytes()
    (cell / "seal.log").write_bytes(raw[: len(raw) - 40])
    result = cli("validate", cell)
    assert ("seal.log:3:1", "V070") in _codes(result)
    assert "Traceback" not in result.out + result.err


def test_gap_warning_when_an_older_record_is_unsealed(cli, cell: Path) -> None:
    cli("seal", cell)
    entries = _log(cell)
    first, third = dict(entries[0]), dict(entries[2])
    third["seq"], third["prev"] = 2, first["hash"]
    third["hash"] = entry_hash(third)
    _write_log(cell, [first, third])  # a forger who rebuilt the chain without the resolution
    result = cli("validate", cell, "--strict")
    assert ("seal.log:2:1", "V074") in _codes(result)
    assert "'2025-08-05' of 2025-08-05 is agreed but not sealed" in result.out


def test_amend_reseals_a_corrected_record_with_its_reason(cli, cell: Path) -> None:
    cli("seal", cell)
    path = cell / MEETING_FILE
    path.write_text(path.read_text("utf-8").replace("Đi công tác", "Ốm"), encoding="utf-8")
    assert cli("seal", cell, "--amend", "2025-08-05-regular").code == 2  # a reason is required
    result = cli("seal", cell, "--amend", "2025-08-05-regular", "--reason",
                 "Sửa lý do vắng mặt theo ý kiến chi bộ")
    assert result.code == 0, result.err
    last = _log(cell)[-1]
    assert (last["seq"], last["amends"], last["reason"]) == (
        4, 1, "Sửa lý do vắng mặt theo ý kiến chi bộ")
    assert cli("validate", cell).code == 0
    assert short_seals(load_cell(cell))[("meeting", "2025-08-05-regular")] == str(last["hash"])[:10]


def test_amending_an_unsealed_record_is_refused(cli, cell: Path) -> None:
    result = cli("seal", cell, "--amend", "2025-08-05-regular", "--reason", "Sửa")
    assert result.code == 2 and "not a sealed record" in result.err


def test_amend_picks_the_changed_record_when_a_meeting_and_resolution_share_an_id(
        cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cell = make_cell(tmp_path / "c", {"resolutions/2025-08-05-regular.yaml": RESOLUTION})
    assert cli("seal", cell).code == 0
    path = cell / "resolutions/2025-08-05-regular.yaml"
    path.write_text(path.read_text("utf-8") + "\n", encoding="utf-8")
    validate = cli("validate", cell)
    assert "--amend resolution:2025-08-05-regular" in validate.out
    assert cli("seal", cell, "--amend", "meeting:2025-08-05-regular", "--reason", "x").code == 2
    result = cli("seal", cell, "--amend", "2025-08-05-regular", "--reason", "Sửa chỉ tiêu")
    assert result.code == 0, result.err
    last = _log(cell)[-1]
    assert (last["kind"], last["id"], last["reason"]) == (
        "resolution", "2025-08-05-regular", "Sửa chỉ tiêu")
    assert cli("validate", cell).code == 0
    seals = short_seals(load_cell(cell))
    assert seals[("meeting", "2025-08-05-regular")] != seals[("resolution", "2025-08-05-regular")]
    again = cli("seal", cell, "--amend", "2025-08-05-regular", "--reason", "again")
    assert again.code == 2 and "nothing to amend" in again.err


# ------------------------------------------------------------------ records with errors


def _sealed(cell: Path) -> list[tuple[str, str]]:
    if not (cell / "seal.log").exists():
        return []
    return [(str(e["kind"]), str(e["id"])) for e in _log(cell)]


def test_a_record_with_an_error_is_not_sealed_and_the_others_are(cli, cell: Path) -> None:
    path = cell / "meetings/2025-09-02-regular.yaml"
    path.write_text(path.read_text("utf-8").replace("speaker: pham-van-duc",
                                                    "speaker: pham-van-duk"), encoding="utf-8")
    result = cli("seal", cell)
    assert result.code == 1
    assert _sealed(cell) == [("meeting", "2025-08-05-regular"), ("resolution", "2025-08-05")]
    assert "not sealed: meeting '2025-09-02-regular': it has errors" in result.out
    assert "V001 error: unknown member 'pham-van-duk'" in result.out
    assert "1 record(s) not sealed because of errors" in result.err
    path.write_text(path.read_text("utf-8").replace("pham-van-duk", "pham-van-duc"),
                    encoding="utf-8")
    again = cli("seal", cell)
    assert again.code == 0, again.out
    assert _sealed(cell)[-1] == ("meeting", "2025-09-02-regular")


def test_a_resolution_waits_for_its_meeting(cli, cell: Path) -> None:
    # the resolution carries no vote of its own: V022 judges the meeting's, and reports it there
    path = cell / MEETING_FILE
    path.write_text(path.read_text("utf-8").replace("vote: {for: 3, against: 0}",
                                                    "vote: {for: 1, against: 2}"),
                    encoding="utf-8")
    result = cli("seal", cell)
    assert result.code == 1
    assert _sealed(cell) == [("meeting", "2025-09-02-regular")]
    assert "not sealed: resolution '2025-08-05': its meeting '2025-08-05-regular' has errors" \
        in result.out
    assert result.out.count("V022 error") == 1  # printed once, under the meeting


def test_a_resolution_dated_before_its_meeting_is_not_sealed(cli, cell: Path) -> None:
    path = cell / "resolutions/2025-08-05.yaml"
    path.write_text(RESOLUTION + "date: 2025-08-04\n", encoding="utf-8")
    result = cli("seal", cell)
    assert result.code == 1 and "V033 error" in result.out
    assert ("resolution", "2025-08-05") not in _sealed(cell)


def test_nothing_is_sealed_while_a_member_entry_is_broken(cli, cell: Path) -> None:
    path = cell / "members.yaml"
    path.write_text(path.read_text("utf-8").replace("born: 1968-09-10", "born: 1968-02-31"),
                    encoding="utf-8")
    result = cli("seal", cell)
    assert result.code == 1
    assert not (cell / "seal.log").exists()
    assert "members.yaml has errors, so the records could not be fully checked" in result.out
    assert result.out.count("S003 error") == 1


def test_a_missing_month_does_not_keep_the_next_meeting_unsealed(cli, tmp_path: Path) -> None:
    october = MEETING.replace("2025-08-05", "2025-10-07").replace("2025-08-31", "2025-10-31")
    cell = make_cell(tmp_path / "c", {"meetings/2025-10-07-regular.yaml": october})
    assert "V040 error" in cli("validate", cell).out  # no September meeting
    assert cli("seal", cell).code == 0
    assert ("meeting", "2025-10-07-regular") in _sealed(cell)


def test_an_amendment_with_an_error_is_refused(cli, cell: Path) -> None:
    cli("seal", cell)
    before = (cell / "seal.log").read_bytes()
    path = cell / MEETING_FILE
    path.write_text(path.read_text("utf-8").replace("recorder: le-thi-hoa",
                                                    "recorder: le-thi-hoaa"), encoding="utf-8")
    result = cli("seal", cell, "--amend", "2025-08-05-regular", "--reason", "Sửa thư ký")
    assert result.code == 1 and "V001 error" in result.out
    assert (cell / "seal.log").read_bytes() == before


def test_a_library_user_seals_through_the_gate(cell: Path) -> None:
    import datetime as dt

    from chibo_cli.records.loader import load_workspace
    from chibo_cli.rules.checks import run_checks
    from chibo_cli.rules.gate import Gate
    from chibo_cli.trust.seal import seal_cell

    path = cell / "meetings/2025-09-02-regular.yaml"
    path.write_text(path.read_text("utf-8").replace("read_back: true\n", "read_back: true\n"
                                                    "end: \"20:00\"\n").replace(
        'end: "21:15"\n', ""), encoding="utf-8")
    workspace = load_workspace(cell)
    loaded = workspace.cells[0]
    held = Gate(loaded, run_checks(workspace)).why_held
    result = seal_cell(loaded, dt.date(2025, 10, 1), held=held)
    assert [(s.kind, s.id) for s in result.skipped] == [("meeting", "2025-09-02-regular")]
    assert [d.code for d in result.skipped[0].errors] == ["V013"]
    assert [e["id"] for e in result.added] == ["2025-08-05-regular", "2025-08-05"]
