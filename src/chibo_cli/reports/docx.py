"""The report as a Word document in the Party layout ("BÁO CÁO tình hình sinh hoạt chi bộ …"),
rendered through the same template machinery as the minutes; charts are images."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Optional

from ..base.dates import place_date
from ..documents import shapes
from ..documents.api import render_bytes
from ..documents.templates import find
from ..records.rulebook import default_rulebook
from .charts import months_chart, ranking_chart
from .figures import CellReport
from .tables import month_totals, ranking
from .ward import Report

CHART_MM = 160.0


def document_bytes(report: Report, folder: Path, templates: Optional[Path] = None,
                   today: Optional[dt.date] = None) -> bytes:
    """The report rendered with the ``report`` template (``folder``'s own one if it has it)."""
    context = {"r": report_context(report, today or dt.date.today())}
    images: dict[str, tuple[bytes, float]] = {}
    months = month_totals(report)
    if months.rows:
        images["r.chart_months"] = (months_chart(months, "Tỷ lệ đảng viên dự sinh hoạt theo "
                                                         "tháng (%)"), CHART_MM)
    ranked = ranking(report)
    if report.committee and ranked.rows:
        images["r.chart_ranking"] = (ranking_chart(ranked, "Xếp hạng chi bộ theo tỷ lệ dự "
                                                           "sinh hoạt (%)"), CHART_MM)
    # a committee folder's templates/ is looked in as a cell's is
    return render_bytes(find("report", folder, templates).path, dict(context),
                        default_rulebook(), images)


def report_context(report: Report, today: dt.date) -> shapes.Report:
    header: shapes.Header = {
        "superior": "" if report.committee else report.superior.upper(),
        "cell": report.title.upper(), "number": "",
        "place_date": place_date(report.place, today) if report.place else ""}
    sections = [_overview(report)]
    if report.committee:
        sections.append(_assignments(report))
    else:
        sections += _cell_sections(report.cells[0]) if report.cells else []
    return {
        "header": header, "summary": f"Tình hình sinh hoạt chi bộ {report.period}",
        "committee": report.committee, "sections": sections,
        "rows": [_row(c) for c in report.cells], "chart_months": "", "chart_ranking": "",
        "sign_title": "T/M ĐẢNG ỦY" if report.committee else "T/M CHI BỘ", "sign_role": "BÍ THƯ",
        "sign_name": "",
        "recipients": ["Cấp ủy cấp trên (để báo cáo)", "Lưu văn phòng"] if report.committee
        else [f"{report.superior} (để báo cáo)", "Lưu chi bộ"]}


def vi_percent(value: Optional[float]) -> str:
    """0.9104 → ``91,0%`` (Vietnamese decimal comma)."""
    return "–" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def vi_number(value: Optional[float]) -> str:
    """97.5 → ``97,5``; whole numbers without a decimal part."""
    return "–" if value is None else f"{value:g}".replace(".", ",")


def _overview(report: Report) -> shapes.ReportSection:
    t = report.totals
    lines = []
    if report.committee:
        lines.append(f"- Số chi bộ: {t.cells}; chi bộ chưa đạt yêu cầu về sinh hoạt: "
                     f"{t.cells_short}.")
    lines += [
        f"- Sinh hoạt thường kỳ: {t.regular_held}/{t.regular_required} cuộc theo quy định; "
        f"sinh hoạt chuyên đề: {t.thematic_held}/{t.thematic_required} cuộc.",
        f"- Tỷ lệ đảng viên dự sinh hoạt: {t.attendance_present}/{t.attendance_required} lượt "
        f"({vi_percent(t.attendance_rate)}).",
        f"- Đảng viên dự họp có phát biểu: {t.speakers}/{t.present} lượt "
        f"({vi_percent(t.speakers_share)}).",
        _visited_line(report),
        f"- Nhiệm vụ được phân công: {t.tasks_given}, đã hoàn thành: {t.tasks_done}.",
        f"- Tổng số đảng viên: {t.members}; kết nạp mới trong kỳ: {t.admitted}."]
    return {"heading": "I. TÌNH HÌNH CHUNG", "lines": lines}


def _visited_line(report: Report) -> str:
    t = report.totals
    if report.committee or not report.cells:
        return f"- Cấp ủy viên cấp trên dự sinh hoạt tại {t.cells_visited}/{t.cells} chi bộ."
    visited = report.cells[0].superior.meetings_visited
    return (f"- Số cuộc sinh hoạt có cấp ủy viên cấp trên dự: {visited}/"
            f"{len(report.cells[0].rows)}.")


def _assignments(report: Report) -> shapes.ReportSection:
    lines = []
    names = {c.folder: c.cell for c in report.cells}
    for a in report.assignments:
        title = f" ({a.title})" if a.title else ""
        done = ", ".join(names.get(f, f) for f in a.visited)
        missed = ", ".join(names.get(f, f) for f in a.not_visited)
        parts = ([f"đã dự sinh hoạt tại {done}"] if done else []) + (
            [f"chưa dự sinh hoạt tại {missed}"] if missed else [])
        lines.append(f"- Đồng chí {a.name}{title} theo dõi {len(a.cells)} chi bộ: "
                     f"{'; '.join(parts) or 'không có chi bộ nào trong thư mục'}.")
    if not lines:
        lines.append("- committee.yaml chưa ghi phân công cấp ủy viên theo dõi chi bộ.")
    return {"heading": "II. CẤP ỦY VIÊN ĐƯỢC PHÂN CÔNG THEO DÕI CHI BỘ", "lines": lines}


def _cell_sections(r: CellReport) -> list[shapes.ReportSection]:
    m, a, d, s, t, p = r.meetings, r.attendance, r.discussion, r.superior, r.tasks, r.members
    meetings = [f"- Thời lượng: ngắn nhất {m.shortest or '–'} phút, trung vị "
                f"{vi_number(m.median)} phút; chuyên đề theo kế "
                f"hoạch đã sinh hoạt: {m.planned_held}/{m.planned_topics}."]
    if m.months_short or m.quarters_short:
        meetings.append(f"- Chưa sinh hoạt đủ: {', '.join(m.months_short + m.quarters_short)}.")
    meetings.append(f"- Vắng có lý do: {a.absent_excused} lượt; vắng không lý do: "
                    f"{a.absent_unexcused} lượt; mức dự họp: {a.band}.")
    if a.over_limit:
        meetings.append(f"- Vắng không lý do từ {len(a.over_limit)} đồng chí đến mức phải xem "
                        f"xét: {', '.join(a.over_limit)}.")
    if d.silent:
        meetings.append(f"- Đảng viên chưa phát biểu trong kỳ: {', '.join(d.silent)}.")
    visits = "; ".join(f"{v.guest} ({v.date})" for v in s.visits) or "chưa có"
    meetings.append(f"- Cấp ủy viên cấp trên dự sinh hoạt: {visits}.")
    if s.assigned_absent:
        meetings.append(f"- Cấp ủy viên được phân công chưa dự: {', '.join(s.assigned_absent)}.")
    scored = [row.quality for row in r.rows if row.quality]
    if scored:
        bands = Counter(q.band for q in scored)
        average = sum(q.total for q in scored) / len(scored)
        meetings.append(f"- Chấm điểm theo phiếu: bình quân {vi_number(round(average, 1))} điểm; "
                        + ", ".join(
            f"{label} {bands[label]}" for label in ("Tốt", "Khá", "Trung bình", "Yếu")
            if bands[label]) + " cuộc.")
    tasks = [f"- Nhiệm vụ phân công: {t.given}; hoàn thành: {t.done}; đang thực hiện: "
             f"{t.in_progress}; chưa thực hiện: {t.not_done}; chưa kiểm điểm: {t.not_reviewed};"
             f" quá hạn: {t.overdue}.",
             "- Nghị quyết, kết luận đã thông qua: " + (", ".join(
                 f"{k} {v}" for k, v in t.resolutions.items()) or "chưa có") + "."]
    members = [f"- Đến ngày {p.on}: {p.total} đảng viên ({p.full} chính thức, {p.probationary} "
               f"dự bị); miễn sinh hoạt: {p.exempted}; sinh hoạt tạm thời nơi khác: {p.away}; "
               f"nơi khác đến sinh hoạt tạm thời: {p.attached}; nam {p.male}, nữ {p.female}.",
               "- Độ tuổi: " + "; ".join(f"{k}: {v}" for k, v in p.ages.items()) + ".",
               f"- Trong kỳ: kết nạp {p.events['admitted']}, công nhận chính thức "
               f"{p.events['confirmed']}, chuyển đến {p.events['transferred_in']}, chuyển đi "
               f"{p.events['transferred_out']}, xóa tên {p.events['removed']}, từ trần "
               f"{p.events['died']}."]
    return [{"heading": "II. CHẤT LƯỢNG SINH HOẠT", "lines": meetings},
            {"heading": "III. NHIỆM VỤ VÀ NGHỊ QUYẾT", "lines": tasks},
            {"heading": "IV. ĐẢNG VIÊN", "lines": members}]


def _row(r: CellReport) -> shapes.ReportRow:
    names = {"regular": "thường kỳ", "thematic": "chuyên đề", "attendance": "dự họp",
             "superior": "cấp trên chưa dự"}
    return {"name": r.cell, "regular": f"{r.meetings.regular_held}/{r.meetings.regular_required}",
            "thematic": f"{r.meetings.thematic_held}/{r.meetings.thematic_required}",
            "attendance": vi_percent(r.attendance.rate), "spoke": vi_percent(r.discussion.share),
            "superior": str(r.superior.meetings_visited),
            "tasks": f"{r.tasks.done}/{r.tasks.given}",
            "short": ", ".join(names[s] for s in r.short)}
