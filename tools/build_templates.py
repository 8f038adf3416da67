"""Build the built-in Word templates in templates/: ``python tools/build_templates.py``.

Each template is a real Word document: named paragraph styles (restyle them in Word), Jinja tags
(docxtpl) for the values. Books loop over records in one template. Layout numbers are taken from
the rulebook; the renderer applies them again, so a committee's overrides win.
"""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path
from typing import Callable

from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_kit import (  # noqa: E402
    add_style,
    border,
    cell_lines,
    indents,
    page_break_before,
    page_field,
    plain_table,
)

from chibo_cli.documents.docx_layout import PARTY_STYLE, TITLE_STYLE, apply_layout  # noqa: E402
from chibo_cli.records.rulebook import default_rulebook  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "templates"
HEADER_WIDTHS = [7.5, 9.0]
SIGN_WIDTHS = [8.25, 8.25]
INDEX_WIDTHS = [3.0, 2.8, 10.7]  # "01-NQ/CB" on one line at 13 pt
SIGN_SPACE_PT = 64  # room for a hand signature
FIXED_TIME = dt.datetime(2026, 1, 1)  # stable metadata, so a rebuild changes nothing
# A line to fill by hand: 30 ellipses stay on one line of the text width up to 15 pt.
DOTS = "…" * 30
DOT_LINES = 3
SEAL_GREY = RGBColor(0x59, 0x59, 0x59)


# ------------------------------------------------------------------ document and styles


def new_document() -> DocumentObject:
    rules = default_rulebook()
    doc = Document()
    normal = doc.styles["Normal"]
    fmt = normal.paragraph_format
    fmt.alignment, fmt.space_before, fmt.space_after = 3, Pt(0), Pt(6)  # 3 = justify
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    _styles(doc)
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance, section.footer_distance = Cm(1.0), Cm(0.8)
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    header.paragraph_format.alignment = 1  # centre
    header.paragraph_format.first_line_indent = Cm(0)  # Normal's indent would shift the number
    page_field(header)
    section.first_page_header.is_linked_to_previous = False
    apply_layout(doc, rules)
    doc.core_properties.author = "chibo"
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    doc.core_properties.revision = 1
    doc.core_properties.language = "vi-VN"
    return doc


def _styles(doc: DocumentObject) -> None:
    add_style(doc, "Chibo Header", size=14)
    add_style(doc, "Chibo Header Cell", size=14, bold=True)
    party = add_style(doc, PARTY_STYLE, size=15, bold=True)
    border(party, ("bottom",), size=8, space=1)
    indents(party, 0.45, 0.45)
    add_style(doc, "Chibo Place Date", size=14, italic=True, before=6)
    draft = add_style(doc, "Chibo Draft", size=14, bold=True, after=6)
    border(draft, ("top", "left", "bottom", "right"), size=6, space=2)
    indents(draft, 13.2, 0.1)
    add_style(doc, TITLE_STYLE, size=15, bold=True, before=18, keep_next=True)
    add_style(doc, "Chibo Summary", size=14, bold=True, keep_next=True)
    add_style(doc, "Chibo Rule", size=14, after=12, keep_next=True)
    add_style(doc, "Chibo Heading", bold=True, align="j", indent=True, before=6, keep_next=True)
    add_style(doc, "Chibo Subheading", bold=True, italic=True, align="j", indent=True,
              keep_next=True)
    add_style(doc, "Chibo Body", align="j", indent=True, after=6)
    add_style(doc, "Chibo Center Bold", bold=True, align="c", before=6, after=6, keep_next=True)
    add_style(doc, "Chibo Sign Title", bold=True, before=12, keep_next=True)
    add_style(doc, "Chibo Closing", align="j", indent=True, after=6, keep_next=True)
    add_style(doc, "Chibo Sign Role", keep_next=True)
    add_style(doc, "Chibo Sign Name", bold=True, before=SIGN_SPACE_PT)
    add_style(doc, "Chibo Recipients Head", size=14, underline=True, align="l")
    add_style(doc, "Chibo Recipients", size=12, align="l")
    seal_style = add_style(doc, "Chibo Seal", size=9, italic=True, align="r", before=6)
    seal_style.font.color.rgb = SEAL_GREY
    add_style(doc, "Chibo Dots", align="l", after=6)
    add_style(doc, "Chibo Index", size=13, align="l")
    add_style(doc, "Chibo Index Center", size=13)
    add_style(doc, "Chibo Index Head", size=13, bold=True)
    add_style(doc, "Chibo Chart", align="c", before=6, after=6)
    add_style(doc, "Chibo Table", size=11, align="l")
    add_style(doc, "Chibo Table Center", size=11)
    add_style(doc, "Chibo Table Head", size=11, bold=True)
    add_style(doc, "Chibo Cover", size=14)
    add_style(doc, "Chibo Cover Bold", size=14, bold=True)
    add_style(doc, "Chibo Cover Title", size=28, bold=True, before=150, after=6)
    add_style(doc, "Chibo Cover Subtitle", size=18, bold=True, after=30)
    add_style(doc, "Chibo Cover Line", size=15, after=6)
    blank = add_style(doc, "Chibo Page Break", size=1)
    page_break_before(blank)


# ------------------------------------------------------------------ pieces


def para(doc: DocumentObject, text: str, style: str = "Chibo Body") -> None:
    doc.add_paragraph(text, style=style)


def tag(doc: DocumentObject, jinja: str) -> None:
    """A paragraph that holds only a ``{%p ... %}`` tag: docxtpl removes it when rendering."""
    doc.add_paragraph(f"{{%p {jinja} %}}", style="Chibo Body")


def header_table(doc: DocumentObject, v: str, number: bool) -> None:
    table = plain_table(doc, HEADER_WIDTHS)
    left, right = table.rows[0].cells
    lines = [("Chibo Header", f"{{{{ {v}.header.superior }}}}"),
             ("Chibo Header Cell", f"{{{{ {v}.header.cell }}}}"), ("Chibo Header", "*")]
    if number:
        lines.append(("Chibo Header", f"{{{{ {v}.header.number }}}}"))
    cell_lines(left, lines)
    cell_lines(right, [(PARTY_STYLE, "ĐẢNG CỘNG SẢN VIỆT NAM"),
                       ("Chibo Place Date", f"{{{{ {v}.header.place_date }}}}")])


def signatures(doc: DocumentObject, left: list[tuple[str, str]],
               right: list[tuple[str, str]]) -> None:
    table = plain_table(doc, SIGN_WIDTHS)
    cell_lines(table.rows[0].cells[0], left)
    cell_lines(table.rows[0].cells[1], right)


def seal(doc: DocumentObject, v: str) -> None:
    tag(doc, f"if {v}.seal")
    para(doc, f"Mã niêm phong: {{{{ {v}.seal }}}}", "Chibo Seal")
    tag(doc, "endif")


def loop(doc: DocumentObject, head: str, line: str, style: str = "Chibo Body") -> None:
    tag(doc, head)
    para(doc, line, style)
    tag(doc, "endfor")


def loop_or_dots(doc: DocumentObject, items: str, var: str, line: str) -> None:
    """Each of ``items``, or dotted lines where the record has none (filled in by hand)."""
    tag(doc, f"for {var} in {items}")
    para(doc, line)
    tag(doc, "else")
    for _ in range(DOT_LINES):
        para(doc, DOTS, "Chibo Dots")
    tag(doc, "endfor")


# ------------------------------------------------------------------ minutes


def minutes_body(doc: DocumentObject, kind: str, v: str = "m") -> None:
    """One meeting's minutes; ``kind`` is regular, thematic, or any (the book: both kinds)."""
    header_table(doc, v, number=False)
    para(doc, "BIÊN BẢN", TITLE_STYLE)
    para(doc, f"{{{{ {v}.summary }}}}", "Chibo Summary")
    tag(doc, f"if {v}.topic")
    para(doc, f"Chuyên đề: {{{{ {v}.topic }}}}", "Chibo Summary")
    tag(doc, "endif")
    para(doc, "-----", "Chibo Rule")
    _opening(doc, v)
    _attendance(doc, v)
    para(doc, "II. NỘI DUNG SINH HOẠT", "Chibo Heading")
    _content(doc, kind, v)
    _votes(doc, v)
    para(doc, f"Hội nghị kết thúc lúc {{{{ {v}.end }}}} cùng ngày.{{% if {v}.read_back %}} "
              "Biên bản đã được đọc lại cho hội nghị nghe và hội nghị nhất trí thông qua."
              "{% endif %}", "Chibo Closing")
    signatures(doc,
               [("Chibo Sign Title", "NGƯỜI GHI BIÊN BẢN"),
                ("Chibo Sign Name", f"{{{{ {v}.recorder.signature }}}}")],
               [("Chibo Sign Title", "CHỦ TRÌ HỘI NGHỊ"),
                ("Chibo Sign Name", f"{{{{ {v}.chair.signature }}}}")])
    seal(doc, v)


def _opening(doc: DocumentObject, v: str) -> None:
    para(doc, "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "Chibo Heading")
    para(doc, f"- Thời gian: bắt đầu lúc {{{{ {v}.start }}}}, {{{{ {v}.date }}}}.")
    para(doc, f"- Địa điểm: {{{{ {v}.place }}}}.")
    tag(doc, f"if {v}.guests")
    para(doc, "- Khách mời:")
    loop(doc, f"for g in {v}.guests",
         "+ Đồng chí {{ g.name }}{% if g.title %}, {{ g.title }}{% endif %}"
         "{% if g.superior %} (đại diện cấp ủy cấp trên){% endif %}"
         "{% if loop.last %}.{% else %};{% endif %}")
    tag(doc, "endif")
    para(doc, f"- Chủ trì: đồng chí {{{{ {v}.chair.name }}}}, {{{{ {v}.chair.role }}}}.")
    para(doc, f"- Thư ký (người ghi biên bản): đồng chí {{{{ {v}.recorder.name }}}}.")


def _attendance(doc: DocumentObject, v: str) -> None:
    c = f"{v}.counts"
    para(doc, f"- Tổng số đảng viên của chi bộ: {{{{ {c}.total }}}} đồng chí, trong đó đảng viên "
              f"chính thức: {{{{ {c}.full }}}}, đảng viên dự bị: {{{{ {c}.probationary }}}}.")
    para(doc, f"- Miễn công tác và sinh hoạt đảng: {{{{ {c}.exempted }}}} đồng chí; sinh hoạt "
              f"tạm thời nơi khác: {{{{ {c}.away }}}} đồng chí{{% if {c}.suspended %}}; đình chỉ "
              f"sinh hoạt: {{{{ {c}.suspended }}}} đồng chí{{% endif %}}{{% if {c}.attached %}}; "
              f"đảng viên nơi khác sinh hoạt tạm thời tại chi bộ: {{{{ {c}.attached }}}} đồng chí"
              "{% endif %}.")
    # Present counts only those who had to attend, so required = present + absent; members
    # who came without having to are named on their own line.
    para(doc, f"- Số đảng viên phải dự sinh hoạt: {{{{ {c}.required }}}} đồng chí; có mặt: "
              f"{{{{ {c}.required_present }}}} đồng chí; vắng mặt: {{{{ {c}.absent }}}} đồng chí "
              f"(có lý do: {{{{ {c}.absent_excused }}}}, không có lý do: "
              f"{{{{ {c}.absent_unexcused }}}}).")
    loop(doc, f"for a in {v}.absentees",
         "+ Đồng chí {{ a.name }}: {% if a.reason %}vắng có lý do ({{ a.reason }})"
         "{% else %}vắng không có lý do{% endif %}{% if loop.last %}.{% else %};{% endif %}")
    tag(doc, f"if {v}.visitors")
    para(doc, f"- {{% for x in {v}.visitors %}}{{% if loop.first %}}Đồng chí{{% else %}}, đồng chí"
              "{% endif %} {{ x.name }}{% if x.status %} ({{ x.status }}){% endif %}{% endfor %}"
              " không thuộc diện phải dự nhưng có dự sinh hoạt.")
    tag(doc, "endif")
    # Dues are reported at the opening, with the attendance (domain: order of a regular meeting).
    tag(doc, f"if {v}.dues_line")
    para(doc, f"- {{{{ {v}.dues_line }}}}")
    tag(doc, "endif")


def _content(doc: DocumentObject, kind: str, v: str) -> None:
    heads = {"regular": "1. Chương trình sinh hoạt", "thematic": "1. Trình bày chuyên đề",
             "any": f"1. {{% if {v}.kind == \"thematic\" %}}Trình bày chuyên đề{{% else %}}"
                    "Chương trình sinh hoạt{% endif %}"}
    para(doc, heads[kind], "Chibo Subheading")
    loop(doc, f"for a in {v}.agenda",
         "- {{ a.content }} (đồng chí {{ a.presenter }} trình bày).")
    tag(doc, f"if {v}.review")
    para(doc, "2. Kiểm điểm việc thực hiện nhiệm vụ được phân công kỳ trước", "Chibo Subheading")
    loop(doc, f"for t in {v}.review",
         "- {{ t.task }}{% if t.owner %} (đồng chí {{ t.owner }}){% endif %}: {{ t.outcome }}")
    tag(doc, "endif")
    para(doc, f"{{% if {v}.review %}}3{{% else %}}2{{% endif %}}. Ý kiến thảo luận",
         "Chibo Subheading")
    loop(doc, f"for s in {v}.discussion", "- Đồng chí {{ s.speaker }}: {{ s.gist }}")
    tag(doc, f"if not {v}.discussion")
    para(doc, "Không có ý kiến phát biểu.")
    tag(doc, "endif")
    para(doc, f"{{% if {v}.review %}}4{{% else %}}3{{% endif %}}. Kết luận của đồng chí chủ trì",
         "Chibo Subheading")
    loop(doc, f"for c in {v}.conclusion", "{{ c }}")
    tag(doc, f"if {v}.tasks")
    para(doc, "Phân công nhiệm vụ:", "Chibo Body")
    loop(doc, f"for t in {v}.tasks",
         "- {% if t.owner %}Đồng chí {{ t.owner }}: {% endif %}{{ t.what }}"
         "{% if t.due %}; thời hạn hoàn thành: {{ t.due }}{% endif %}"
         "{% if loop.last %}.{% else %};{% endif %}")
    tag(doc, "endif")


def _votes(doc: DocumentObject, v: str) -> None:
    tag(doc, f"if {v}.vote or {v}.member_votes")
    para(doc, "III. BIỂU QUYẾT", "Chibo Heading")
    tag(doc, f"if {v}.vote")
    para(doc, f"Hội nghị biểu quyết thông qua {{{{ {v}.adopts }}}}. Số đảng viên có quyền biểu "
              f"quyết: {{{{ {v}.vote.denominator }}}} đồng chí{{% if {v}.vote.note %}} (gồm "
              f"{{{{ {v}.vote.note }}}}){{% endif %}}; tán thành: "
              f"{{{{ {v}.vote.in_favour }}}}/{{{{ {v}.vote.denominator }}}} đồng chí (đạt "
              f"{{{{ {v}.vote.percent }}}}); không tán thành: {{{{ {v}.vote.against }}}} đồng chí; "
              f"ý kiến khác: {{{{ {v}.vote.other }}}} đồng chí.")
    tag(doc, "endif")
    loop(doc, f"for x in {v}.member_votes",
         "- {{ x.subject }}: tán thành {{ x.vote.in_favour }}/{{ x.vote.denominator }} đồng chí "
         "(đạt {{ x.vote.percent }}){% if x.vote.note %}, trên tổng số {{ x.vote.denominator }}"
         " đồng chí gồm {{ x.vote.note }}{% endif %}; không tán thành: {{ x.vote.against }} đồng "
         "chí; ý kiến khác: {{ x.vote.other }} đồng chí.")
    tag(doc, "endif")


# ------------------------------------------------------------------ resolutions


# Each type a cell issues (documents.resolution_types) has its own title and wording; a book
# of several types picks them by the record's type ("any").
WORDING = {
    "NQ": {"title": "NGHỊ QUYẾT", "noun": "nghị quyết", "Noun": "Nghị quyết",
           "second": "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP"},
    "KL": {"title": "KẾT LUẬN", "noun": "kết luận", "Noun": "Kết luận",
           "second": "II. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI"},
}


def word(kind: str, key: str, v: str) -> str:
    """The wording ``key`` of ``kind``; for "any", a choice on ``{v}.type``."""
    if kind != "any":
        return WORDING[kind][key]
    others = [(symbol, text) for symbol, text in WORDING.items() if symbol != "NQ"]
    choices = "".join(f"{{% {'if' if i == 0 else 'elif'} {v}.type == \"{symbol}\" %}}{text[key]}"
                      for i, (symbol, text) in enumerate(others))
    return f"{choices}{{% else %}}{WORDING['NQ'][key]}{{% endif %}}"


def _preamble(doc: DocumentObject, kind: str, v: str) -> None:
    """What the document rests on: "căn cứ … CHI BỘ QUYẾT NGHỊ" or "chi bộ kết luận như sau"."""
    if kind == "any":
        tag(doc, f'if {v}.type == "KL"')
        _preamble(doc, "KL", v)
        tag(doc, "else")
        _preamble(doc, "NQ", v)
        tag(doc, "endif")
    elif kind == "KL":
        para(doc, f"Tại hội nghị chi bộ {{{{ {v}.meeting_date }}}}, sau khi nghe báo cáo và ý kiến "
                  "thảo luận của đảng viên, chi bộ kết luận như sau:")
    else:
        para(doc, "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")
        para(doc, f"- Căn cứ kết quả sinh hoạt của chi bộ {{{{ {v}.meeting_date }}}},")
        para(doc, "CHI BỘ QUYẾT NGHỊ:", "Chibo Center Bold")


def resolution_body(doc: DocumentObject, kind: str = "NQ", v: str = "r") -> None:
    """One resolution (NQ) or conclusion (KL); ``kind`` "any" for the notebook, which holds both."""
    tag(doc, f"if {v}.draft")
    para(doc, "DỰ THẢO", "Chibo Draft")
    tag(doc, "endif")
    header_table(doc, v, number=True)
    para(doc, word(kind, "title", v), TITLE_STYLE)
    para(doc, f"{{{{ {v}.summary }}}}", "Chibo Summary")
    para(doc, "-----", "Chibo Rule")
    _preamble(doc, kind, v)
    # The three sections stay even when empty: a draft is filled in by hand on the dotted lines.
    para(doc, "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "Chibo Heading")
    loop_or_dots(doc, f"{v}.assessment", "c", "{{ c }}")
    para(doc, word(kind, "second", v), "Chibo Heading")
    loop_or_dots(doc, f"{v}.targets", "t", "{{ loop.index }}. {{ t }}")
    para(doc, "III. TỔ CHỨC THỰC HIỆN", "Chibo Heading")
    # Every task ends with ";": the closing item below is the list's last.
    loop_or_dots(doc, f"{v}.tasks", "t",
                 "- {% if t.owner %}Đồng chí {{ t.owner }}: {% endif %}{{ t.what }}"
                 "{% if t.due %}; thời hạn hoàn thành: {{ t.due }}{% endif %};")
    noun = word(kind, "noun", v)
    para(doc, f"- {{{{ {v}.executive }}}} tổ chức triển khai, theo dõi, kiểm tra việc thực hiện "
              f"{noun}; đảng viên trong chi bộ có trách nhiệm thực hiện nghiêm túc {noun} này.",
         "Chibo Closing")
    tag(doc, f"if {v}.vote and not {v}.draft")
    vote = f"{v}.vote"
    para(doc, f"{word(kind, 'Noun', v)} được chi bộ biểu quyết thông qua với "
              f"{{{{ {vote}.in_favour }}}}/{{{{ {vote}.denominator }}}} đồng chí tán thành (đạt "
              f"{{{{ {vote}.percent }}}}).", "Chibo Closing")
    tag(doc, "endif")
    table = plain_table(doc, SIGN_WIDTHS)
    left, right = table.rows[0].cells
    cell_lines(left, [("Chibo Recipients Head", "Nơi nhận:"),
                      ("Chibo Recipients", f"{{%p for x in {v}.recipients %}}"),
                      ("Chibo Recipients",
                       "- {{ x }}{% if loop.last %}.{% else %};{% endif %}"),
                      ("Chibo Recipients", "{%p endfor %}")])
    cell_lines(right, [("Chibo Sign Title", "T/M CHI BỘ"),
                       ("Chibo Sign Role", f"{{{{ {v}.signer.role }}}}"),
                       ("Chibo Sign Name", f"{{{{ {v}.signer.signature }}}}")])
    seal(doc, v)


# ------------------------------------------------------------------ year-end rating

RATING_WIDTHS = [1.1, 3.7, 1.7, 2.8, 2.8, 1.6, 2.8]
RATING_COLUMNS = [
    ("TT", "Chibo Index Center", "{{ x.index }}"),
    ("Họ và tên", "Chibo Index", "{{ x.name }}"),
    ("Đảng viên", "Chibo Index Center", "{{ x.category }}"),
    ("Tự xếp loại", "Chibo Index", "{{ x.self_level }}"),
    ("Chi bộ đề nghị", "Chibo Index", "{{ x.proposed_level }}"),
    ("Biểu quyết", "Chibo Index Center", "{{ x.vote }}"),
    ("Ghi chú", "Chibo Index", "{{ x.note }}"),
]


def rating_table(doc: DocumentObject) -> None:
    """One row per member rated: their own level, the cell's proposal, the vote."""
    table = plain_table(doc, RATING_WIDTHS, rows=4, grid=True)
    for cell, (head, _style, _text) in zip(table.rows[0].cells, RATING_COLUMNS, strict=False):
        cell_lines(cell, [("Chibo Index Head", head)])
    cell_lines(table.rows[1].cells[0], [("Chibo Index", "{%tr for x in l.rows %}")])
    for cell, (_head, style, text) in zip(table.rows[2].cells, RATING_COLUMNS, strict=False):
        cell_lines(cell, [(style, text)])
    cell_lines(table.rows[3].cells[0], [("Chibo Index", "{%tr endfor %}")])


def rating_totals(doc: DocumentObject) -> None:
    para(doc, "Tổng hợp: chi bộ đề nghị xếp loại {{ l.rated }} đảng viên, trong đó:")
    loop(doc, "for t in l.totals",
         "- {{ t.name }}: {{ t.count }} đồng chí ({{ t.percent }}){% if loop.last %}.{% else %};"
         "{% endif %}")
    tag(doc, "if l.collective")
    para(doc, "Tập thể chi bộ tự đánh giá, xếp loại: {{ l.collective }}.")
    tag(doc, "endif")


def rating_list_body(doc: DocumentObject) -> None:
    header_table(doc, "l", number=False)
    para(doc, "DANH SÁCH", TITLE_STYLE)
    para(doc, "đề nghị xếp loại chất lượng đảng viên năm {{ l.year }}", "Chibo Summary")
    para(doc, "-----", "Chibo Rule")
    para(doc, "Căn cứ Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị và Hướng dẫn "
              "43-HD/BTCTW của Ban Tổ chức Trung ương; căn cứ kết quả kiểm điểm, đánh giá"
              "{% if l.meeting_date %} tại hội nghị chi bộ {{ l.meeting_date }}{% endif %}, chi "
              "bộ đề nghị xếp loại chất lượng đảng viên năm {{ l.year }} như sau:")
    rating_table(doc)
    rating_totals(doc)
    table = plain_table(doc, SIGN_WIDTHS)
    left, right = table.rows[0].cells
    cell_lines(left, [("Chibo Recipients Head", "Nơi nhận:"),
                      ("Chibo Recipients", "{%p for x in l.recipients %}"),
                      ("Chibo Recipients", "- {{ x }}{% if loop.last %}.{% else %};{% endif %}"),
                      ("Chibo Recipients", "{%p endfor %}")])
    cell_lines(right, [("Chibo Sign Title", "T/M CHI BỘ"),
                       ("Chibo Sign Role", "{{ l.signer.role }}"),
                       ("Chibo Sign Name", "{{ l.signer.signature }}")])


def rating_minutes_body(doc: DocumentObject) -> None:
    """The review meeting: opening and attendance as any minutes, then the review itself."""
    header_table(doc, "m", number=False)
    para(doc, "BIÊN BẢN", TITLE_STYLE)
    para(doc, "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ và đảng viên "
              "năm {{ l.year }}", "Chibo Summary")
    para(doc, "-----", "Chibo Rule")
    _opening(doc, "m")
    _attendance(doc, "m")
    para(doc, "II. NỘI DUNG KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI", "Chibo Heading")
    para(doc, "1. Tập thể chi bộ tự kiểm điểm", "Chibo Subheading")
    loop_or_dots(doc, "l.collective_note", "c", "{{ c }}")
    para(doc, "2. Ý kiến thảo luận, góp ý", "Chibo Subheading")
    loop(doc, "for s in m.discussion", "- Đồng chí {{ s.speaker }}: {{ s.gist }}")
    tag(doc, "if not m.discussion")
    para(doc, "Không có ý kiến phát biểu.")
    tag(doc, "endif")
    para(doc, "3. Kết quả biểu quyết đề nghị xếp loại đảng viên", "Chibo Subheading")
    rating_table(doc)
    rating_totals(doc)
    para(doc, "4. Kết luận của đồng chí chủ trì", "Chibo Subheading")
    loop_or_dots(doc, "m.conclusion", "c", "{{ c }}")
    para(doc, "Hội nghị kết thúc lúc {{ m.end }} cùng ngày.{% if m.read_back %} Biên bản đã được "
              "đọc lại cho hội nghị nghe và hội nghị nhất trí thông qua.{% endif %}",
         "Chibo Closing")
    signatures(doc,
               [("Chibo Sign Title", "NGƯỜI GHI BIÊN BẢN"),
                ("Chibo Sign Name", "{{ m.recorder.signature }}")],
               [("Chibo Sign Title", "CHỦ TRÌ HỘI NGHỊ"),
                ("Chibo Sign Name", "{{ m.chair.signature }}")])


# ------------------------------------------------------------------ books


def cover(doc: DocumentObject, index: bool) -> None:
    """The book's cover; ``index`` makes it the resolution notebook's, with its index."""
    para(doc, "{{ book.superior }}", "Chibo Cover")
    para(doc, "{{ book.cell }}", "Chibo Cover Bold")
    para(doc, "*", "Chibo Cover")
    para(doc, "{{ book.title }}", "Chibo Cover Title")
    para(doc, "{{ book.subtitle }}", "Chibo Cover Subtitle")
    para(doc, "{{ book.period }}", "Chibo Cover Line")
    para(doc, "Quyển số: {{ book.volume }}", "Chibo Cover Line")
    tag(doc, "if book.first")
    para(doc, "Từ {{ book.first }} đến {{ book.last }}", "Chibo Cover Line")
    tag(doc, "endif")
    if index:  # each type counted: "2 nghị quyết, 1 kết luận"
        para(doc, "Số văn bản trong sổ: {{ book.tally }}", "Chibo Cover Line")
    else:
        para(doc, "Số biên bản trong sổ: {{ book.count }}", "Chibo Cover Line")
    if index:
        para(doc, "", "Chibo Page Break")
        para(doc, "DANH MỤC NGHỊ QUYẾT", TITLE_STYLE)
        para(doc, "{{ book.period }}", "Chibo Summary")
        para(doc, "-----", "Chibo Rule")
        table = plain_table(doc, INDEX_WIDTHS, rows=4, grid=True)
        for cell, text in zip(table.rows[0].cells, ("Số", "Ngày", "Trích yếu"), strict=False):
            cell_lines(cell, [("Chibo Index Head", text)])
        cell_lines(table.rows[1].cells[0], [("Chibo Index", "{%tr for r in resolutions %}")])
        styles = ("Chibo Index Center", "Chibo Index Center", "Chibo Index")
        row = zip(table.rows[2].cells, styles,
                  ("{{ r.symbol }}", "{{ r.short_date }}", "{{ r.title }}"), strict=False)
        for cell, style, text in row:
            cell_lines(cell, [(style, text)])
        cell_lines(table.rows[3].cells[0], [("Chibo Index", "{%tr endfor %}")])


def book(doc: DocumentObject, records: str, var: str,
         body: Callable[[DocumentObject], None]) -> None:
    tag(doc, f"for {var} in {records}")
    para(doc, "", "Chibo Page Break")
    body(doc)
    tag(doc, "endfor")


# ------------------------------------------------------------------ report

REPORT_WIDTHS = [3.8, 1.9, 1.9, 1.7, 1.7, 1.4, 1.9, 2.2]
REPORT_HEADS = ("Chi bộ", "Thường kỳ", "Chuyên đề", "Dự họp", "Phát biểu", "Cấp trên dự",
                "Nhiệm vụ xong/ giao", "Chưa đạt")
REPORT_FIELDS = ("name", "regular", "thematic", "attendance", "spoke", "superior", "tasks",
                 "short")


def report_body(doc: DocumentObject, v: str = "r") -> None:
    """BÁO CÁO tình hình sinh hoạt chi bộ: sections of figures, the cells' table (committee),
    the charts, the signature."""
    header_table(doc, v, number=False)
    para(doc, "BÁO CÁO", TITLE_STYLE)
    para(doc, f"{{{{ {v}.summary }}}}", "Chibo Summary")
    para(doc, "-----", "Chibo Rule")
    tag(doc, f"for s in {v}.sections")
    para(doc, "{{ s.heading }}", "Chibo Heading")
    loop(doc, "for x in s.lines", "{{ x }}")
    tag(doc, "endfor")
    tag(doc, f"if {v}.committee")
    para(doc, "Kết quả từng chi bộ (chi bộ chưa đạt yêu cầu xếp trước):", "Chibo Subheading")
    table = plain_table(doc, REPORT_WIDTHS, rows=4, grid=True)
    for cell, text in zip(table.rows[0].cells, REPORT_HEADS, strict=False):
        cell_lines(cell, [("Chibo Table Head", text)])
    cell_lines(table.rows[1].cells[0], [("Chibo Table", f"{{%tr for c in {v}.rows %}}")])
    for index, (cell, name) in enumerate(zip(table.rows[2].cells, REPORT_FIELDS, strict=False)):
        style = "Chibo Table" if index in (0, 7) else "Chibo Table Center"
        cell_lines(cell, [(style, f"{{{{ c.{name} }}}}")])
    cell_lines(table.rows[3].cells[0], [("Chibo Table", "{%tr endfor %}")])
    tag(doc, "endif")
    for chart in ("chart_months", "chart_ranking"):
        tag(doc, f"if {v}.{chart}")
        para(doc, f"{{{{ {v}.{chart} }}}}", "Chibo Chart")
        tag(doc, "endif")
    table = plain_table(doc, SIGN_WIDTHS)
    left, right = table.rows[0].cells
    cell_lines(left, [("Chibo Recipients Head", "Nơi nhận:"),
                      ("Chibo Recipients", f"{{%p for x in {v}.recipients %}}"),
                      ("Chibo Recipients",
                       "- {{ x }}{% if loop.last %}.{% else %};{% endif %}"),
                      ("Chibo Recipients", "{%p endfor %}")])
    cell_lines(right, [("Chibo Sign Title", f"{{{{ {v}.sign_title }}}}"),
                       ("Chibo Sign Role", f"{{{{ {v}.sign_role }}}}"),
                       ("Chibo Sign Name", f"{{{{ {v}.sign_name }}}}")])


# ------------------------------------------------------------------ main


def build() -> list[Path]:
    OUT.mkdir(exist_ok=True)
    made: dict[str, Callable[[DocumentObject], object]] = {
        "minutes-regular.docx": lambda d: minutes_body(d, "regular"),
        "minutes-thematic.docx": lambda d: minutes_body(d, "thematic"),
        "resolution.docx": lambda d: resolution_body(d, "NQ"),
        "conclusion.docx": lambda d: resolution_body(d, "KL"),
        "minutes-book.docx": lambda d: (cover(d, False), book(
            d, "meetings", "m", lambda x: minutes_body(x, "any"))),
        "resolution-book.docx": lambda d: (cover(d, True), book(
            d, "resolutions", "r", lambda x: resolution_body(x, "any"))),
        "rating-list.docx": rating_list_body,
        "rating-minutes.docx": rating_minutes_body,
        "report.docx": report_body,
    }
    written = []
    for name, fill in made.items():
        doc = new_document()
        fill(doc)
        _drop_leading_empty(doc)
        doc.core_properties.title = name.removesuffix(".docx")
        doc.save(str(OUT / name))
        _stable_zip(OUT / name)
        written.append(OUT / name)
    return written


def _stable_zip(path: Path) -> None:
    """python-docx stamps every zip entry with the time of saving: stamp FIXED_TIME instead, so a
    rebuild gives the same bytes and git sees only real changes."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            stamped = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(stamped, data)


def _drop_leading_empty(doc: DocumentObject) -> None:
    """python-docx's blank document starts with nothing; keep it that way (no stray paragraph)."""
    body = doc.element.body
    first = body[0]
    if first.tag.endswith("}p") and not "".join(first.itertext()):
        style = first.find(".//{*}pStyle")
        if style is None:
            body.remove(first)


if __name__ == "__main__":
    for path in build():
        print(path)
