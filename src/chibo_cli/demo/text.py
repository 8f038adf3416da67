"""Phrase banks for ``chibo demo``: names and the wording of a residential cell's records.

The wording follows the practice described in the seed articles (monthly meetings of street and
village cells: sanitation, urban order, security, administrative reform, digital transformation,
admitting members). Sentences are assembled from these parts so every meeting reads differently.
"""

from __future__ import annotations

import random
import unicodedata

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai", "Tạ",
            "Lò", "Quàng", "Cà", "Hà", "Tòng")
MIDDLE = {"nam": ("Văn", "Đức", "Quang", "Minh", "Hữu", "Công", "Xuân", "Ngọc", "Thanh", "Đình"),
          "nữ": ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Mai", "Bích")}
GIVEN = {"nam": ("An", "Bình", "Chung", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Long",
                 "Minh", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Toàn", "Trung", "Tuấn",
                 "Việt", "Vinh", "Hưng", "Lâm", "Phúc", "Thành", "Kiên", "Hòa", "Thiện", "Lợi"),
         "nữ": ("Anh", "Chi", "Dung", "Duyên", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan",
                "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên",
                "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Xuân", "Huyền", "Thơ", "Lý")}

TITLES = ("Tổ trưởng tổ dân phố", "Trưởng ban công tác Mặt trận", "Chi hội trưởng Chi hội Phụ nữ",
          "Chi hội trưởng Chi hội Cựu chiến binh", "Bí thư Chi đoàn", "Tổ trưởng tổ an ninh",
          "Giáo viên nghỉ hưu", "Cán bộ hưu trí", "Công chức phường", "Kinh doanh tự do",
          "Công nhân", "Giáo viên", "Bác sĩ trạm y tế", "Cựu chiến binh", "Nhân viên văn phòng")

WARDS = ("Tân Phong", "Bình Thạnh", "Kim Trà", "Hóa Châu", "Kim Long", "An Bình", "Hòa Bình",
         "Sen Thượng", "Thanh Quân", "Đông Sơn", "Quảng Thắng", "Nam Ngạn")
CELL_KINDS = ("Tổ dân phố số {n}", "Khu phố {n}", "Khu vực {n}", "Tổ dân phố số {n}")
PLACES = ("Nhà văn hóa {unit}", "Hội trường {unit}", "Nhà sinh hoạt cộng đồng {unit}")

ISSUES = (
    "giữ gìn vệ sinh môi trường, thu gom rác thải đúng giờ",
    "chỉnh trang đô thị, xử lý lấn chiếm vỉa hè",
    "bảo đảm an ninh trật tự, phòng chống tội phạm và tệ nạn xã hội",
    "cải cách thủ tục hành chính, thái độ phục vụ Nhân dân",
    "chuyển đổi số ở cơ sở, sử dụng dịch vụ công trực tuyến",
    "cài đặt và sử dụng ứng dụng Sổ tay đảng viên điện tử",
    "phát triển đảng viên, bồi dưỡng quần chúng ưu tú",
    "phòng cháy, chữa cháy trong khu dân cư",
    "phòng chống sốt xuất huyết, vệ sinh phòng dịch",
    "vận động Nhân dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
    "phòng chống lừa đảo qua mạng, bảo vệ thông tin cá nhân",
    "xây dựng gia đình văn hóa, tổ dân phố văn hóa",
    "bảo đảm trật tự an toàn giao thông, nhất là giờ tan học",
    "khuyến học, khuyến tài, hỗ trợ học sinh có hoàn cảnh khó khăn",
    "chăm lo gia đình chính sách, người có công",
    "giảm nghèo bền vững, hỗ trợ hộ cận nghèo",
    "quản lý cư trú, đăng ký tạm trú cho người lao động thuê trọ",
    "thực hiện nếp sống văn minh trong việc cưới, việc tang",
    "phân loại rác tại nguồn, giảm rác thải nhựa",
    "vận động đóng góp Quỹ vì người nghèo, quỹ đền ơn đáp nghĩa",
)

THEMATIC_FRAMES = (
    "Vai trò của đảng viên trong {issue} tại {unit}",
    "Nâng cao trách nhiệm của chi bộ trong {issue} trên địa bàn {unit}",
    "Giải pháp {issue} ở {unit} năm {year}",
    "Đảng viên nêu gương trong {issue} ở {unit}",
    "Những khó khăn, vướng mắc trong {issue} tại {unit} và cách khắc phục",
)

NEWS = (
    "Thông tin thời sự trong nước, quốc tế và chủ trương, chính sách mới của Đảng, pháp luật "
    "của Nhà nước; văn bản chỉ đạo của {superior} trong tháng",
    "Quán triệt các văn bản mới của cấp trên; thông tin tình hình kinh tế - xã hội của phường "
    "và những vấn đề Nhân dân quan tâm",
)

OPENINGS = ("Nhất trí với báo cáo của chi ủy", "Đồng tình với dự thảo nghị quyết tháng này",
            "Thống nhất với đánh giá kết quả tháng trước", "Cơ bản nhất trí với phương hướng "
            "nhiệm vụ tháng tới", "Báo cáo đã phản ánh đúng tình hình của tổ dân phố")
PROPOSALS = ("đề nghị chi bộ tăng cường lãnh đạo việc {issue}",
             "đề nghị phân công đảng viên phụ trách từng cụm dân cư để vận động {issue}",
             "kiến nghị phối hợp với Ban công tác Mặt trận và các chi hội trong việc {issue}",
             "đề nghị bổ sung chỉ tiêu cụ thể về {issue} vào nghị quyết tháng",
             "đề xuất đưa nội dung {issue} vào buổi họp tổ dân phố gần nhất")
REFLECTIONS = ("Bản thân tôi tháng qua còn chưa thường xuyên đến từng hộ để nắm tình hình.",
               "Một số đảng viên còn ngại va chạm, chưa thẳng thắn góp ý khi phát hiện sai phạm.",
               "Việc thực hiện nhiệm vụ được phân công tháng trước có nơi còn chậm so với "
               "kế hoạch.",
               "Tôi xin nhận khuyết điểm vì chưa hoàn thành đúng hạn phần việc được giao và sẽ "
               "khắc phục ngay trong tháng tới.",
               "Đảng viên cao tuổi vẫn gương mẫu, nhưng đảng viên trẻ cần tham gia nhiều hơn.",
               "Cần biểu dương các hộ đã thực hiện tốt để nhân rộng trong khu dân cư.",
               "Có hộ vẫn để vật liệu xây dựng trên vỉa hè quá thời gian cho phép, cần nhắc nhở.")
DETAILS = ("Qua nắm tình hình, khu vực {area} còn {count} hộ chưa thực hiện tốt.",
           "Trong tháng đã vận động được {count} hộ ký cam kết tại khu vực {area}.",
           "Khu vực {area} có {count} trường hợp cần chi bộ quan tâm, theo dõi thêm.",
           "Tổ an ninh đã phối hợp công an phường tuần tra {count} lượt tại khu vực {area}.")
AREAS = ("đầu ngõ {n}", "cuối ngõ {n}", "dãy nhà trọ ngõ {n}", "quanh chợ", "gần trường tiểu học",
         "ven kênh", "khu tái định cư", "tuyến đường chính")

TASK_VERBS = ("Vận động các hộ", "Phối hợp các đoàn thể trong công tác",
              "Tuyên truyền đến Nhân dân về", "Nắm tình hình và báo cáo chi bộ về",
              "Hướng dẫn các hộ", "Kiểm tra, đôn đốc việc", "Chủ trì, phối hợp các chi hội về")
REVIEW_DONE = ("Đã hoàn thành, báo cáo tại cuộc họp.", "Hoàn thành đúng thời hạn.",
               "Đã thực hiện, kết quả tốt, được Nhân dân đồng tình.")
REVIEW_OPEN = ("Đang thực hiện, dự kiến hoàn thành trong tháng tới.",
               "Còn một số hộ chưa đồng thuận, tiếp tục vận động.")

ASSESSMENTS = (
    "Trong tháng {month}, chi bộ đã lãnh đạo thực hiện cơ bản các nhiệm vụ đề ra; đảng viên "
    "chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước. Công tác {issue} "
    "có chuyển biến rõ nét. Tuy nhiên, việc {issue2} còn chậm, một số đảng viên chưa sâu sát "
    "địa bàn được phân công.",
    "Chi bộ duy trì nền nếp sinh hoạt, nội dung sinh hoạt gắn với những vấn đề Nhân dân quan "
    "tâm. Tháng {month}, tổ dân phố làm tốt công tác {issue}; tình hình an ninh trật tự ổn định. "
    "Hạn chế: công tác {issue2} chưa đạt chỉ tiêu đề ra.",
)
TARGETS = ("Tiếp tục lãnh đạo thực hiện tốt công tác {issue}.",
           "Phấn đấu 100% đảng viên thực hiện nghiêm việc nộp đảng phí đúng hạn.",
           "Mỗi đảng viên phụ trách từ 5 đến 10 hộ gia đình để tuyên truyền, vận động.",
           "Hoàn thành chỉ tiêu về {issue} trước ngày cuối tháng.",
           "Duy trì chế độ cấp ủy viên dự họp tổ dân phố và nắm tình hình dư luận.",
           "Tăng cường công tác kiểm tra, giám sát việc thực hiện nhiệm vụ được phân công.")
CONCLUSIONS = (
    "Đồng chí chủ trì tiếp thu các ý kiến phát biểu, kết luận: chi bộ thống nhất đánh giá kết "
    "quả tháng qua và phương hướng tháng tới; yêu cầu từng đảng viên thực hiện nghiêm nhiệm vụ "
    "được phân công, nhất là công tác {issue}; chi ủy hoàn chỉnh nghị quyết theo ý kiến đóng góp.",
    "Chủ trì kết luận: các ý kiến thảo luận thẳng thắn, sát thực tế. Chi bộ tập trung lãnh đạo "
    "{issue}; phân công đảng viên phụ trách từng khu vực, báo cáo kết quả tại kỳ sinh hoạt sau.",
)
THEMATIC_CONCLUSIONS = (
    "Đồng chí chủ trì kết luận chuyên đề: mỗi đảng viên liên hệ bản thân, đăng ký việc làm cụ "
    "thể; chi ủy theo dõi, đánh giá kết quả thực hiện trong kỳ kiểm điểm cuối năm.",
    "Chi bộ thống nhất các giải pháp đã thảo luận; giao chi ủy cụ thể hóa thành nhiệm vụ trong "
    "nghị quyết các tháng tiếp theo, báo cáo Đảng ủy phường kết quả thực hiện.",
)
EXCUSED = ("Đi công tác", "Ốm, có báo cáo chi ủy", "Đi khám bệnh", "Việc gia đình, có xin phép",
           "Trực cơ quan", "Đi học lớp bồi dưỡng", "Đưa người nhà đi viện")
GUEST_TITLES = ("Đảng ủy viên, phụ trách chi bộ", "Ủy viên Ban Thường vụ Đảng ủy phường",
                "Phó Bí thư Thường trực Đảng ủy phường")


def slugify(name: str) -> str:
    """``Trần Thị Lan`` → ``tran-thi-lan``: ASCII, lowercase, hyphens."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in text if not unicodedata.combining(c))
    return "-".join(plain.lower().split())


def person_name(rng: random.Random, gender: str) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"


def fill(rng: random.Random, template: str, **given: object) -> str:
    """Fill ``template``; ``{issue}``/``{issue2}``/``{area}``/``{count}`` are drawn if not given."""
    values: dict[str, object] = {
        "issue": rng.choice(ISSUES), "issue2": rng.choice(ISSUES),
        "area": rng.choice(AREAS).format(n=rng.randint(2, 40)), "count": rng.randint(2, 15)}
    values.update(given)
    return template.format(**values)


def speech(rng: random.Random) -> str:
    """The gist of one speaker's contribution: one to three sentences."""
    parts = [f"{rng.choice(OPENINGS)}; {fill(rng, rng.choice(PROPOSALS))}."]
    if rng.random() < 0.6:
        parts.append(fill(rng, rng.choice(DETAILS)))
    if rng.random() < 0.4:
        parts.append(rng.choice(REFLECTIONS))
    return " ".join(parts)


def task_text(rng: random.Random) -> str:
    return f"{rng.choice(TASK_VERBS)} {rng.choice(ISSUES)} ở khu vực " \
           f"{rng.choice(AREAS).format(n=rng.randint(2, 40))}"
