import ReportModel

/// The fixed text of the report pages in Vietnamese and English, by the key a template names it with (`{{t.key}}`).
///
/// A text may mark file names as `**bold**`: `parts(_:)` splits it into runs the template writes escaped, bold or
/// not, so that no text reaches a page unescaped.
enum PageText {
    /// The day page's (`report.mustache`) texts.
    static let day: [String: (vi: String, en: String)] = [
        "lang": ("vi", "en"),
        "committee": ("Ban Chỉ đạo Trung ương", "Central Steering Committee"),
        "org": ("Ban Chỉ đạo Trung ương — Báo cáo tình hình giải quyết thủ tục hành chính",
                "Central Steering Committee — Administrative procedures: daily situation report"),
        "dailyReport": ("Báo cáo ngày", "Daily report"),
        "run": ("Lần chạy số", "Run"),
        "madeAt": ("lập lúc", "made at"),
        "headline": ("Chỉ tiêu chính", "Headline figures"),
        "noPrevious": ("Chưa có số liệu ngày báo cáo trước để so sánh.", "No earlier report day to compare with yet."),
        "byProvince": ("Tỷ lệ báo cáo theo tỉnh, thành phố", "Reporting rate by province"),
        "atOrAbove": ("Bằng hoặc cao hơn cả nước", "At or above the national rate"),
        "below": ("Thấp hơn cả nước", "Below the national rate"),
        "nationalRate": ("Tỷ lệ cả nước", "National rate"),
        "noProvinces": ("Không có số liệu tỉnh, thành phố.", "No figures by province."),
        "trend": ("Xu hướng cả nước", "National trend"),
        "trendNote": ("(tối đa 30 ngày báo cáo gần nhất)", "(up to the last 30 report days)"),
        "clipped": ("Giá trị ghi “↑” vượt thang đo của biểu đồ (vẽ ở mép trên) để các ngày khác vẫn đọc được.",
                    "A value marked “↑” is beyond the scale of the chart (drawn at its top edge) so that the other days stay readable."),
        "provinceTable": ("Số liệu theo tỉnh, thành phố", "Figures by province"),
        "province": ("Tỉnh, thành phố", "Province"),
        "expected": ("Phải báo cáo", "Expected"),
        "received": ("Đã báo cáo", "Received"),
        "late": ("Muộn", "Late"),
        "missing": ("Chưa báo cáo", "Missing"),
        "completeness": ("Tỷ lệ báo cáo", "Reporting rate"),
        "timeliness": ("Đúng hạn", "On time"),
        "onTimeResolution": ("Giải quyết đúng hạn", "Resolved on time"),
        "online": ("Trực tuyến", "Online"),
        "mostMissing": ("Tỉnh, thành phố có nhiều đơn vị chưa báo cáo nhất", "Provinces with the most missing reports"),
        "missingNote": ("Danh sách đơn vị chưa báo cáo và đầu mối liên hệ: tệp **report.xlsx** (trang “Chưa báo cáo”) "
                            + "hoặc **missing_reports.csv**; mỗi tỉnh có tệp riêng trong thư mục **provinces/**.",
                        "The units missing and their contacts: **report.xlsx** (sheet “Missing”) or **missing_reports.csv**; "
                            + "each province has its own file in the folder **provinces/**."),
        "allReported": ("Tất cả đơn vị đã báo cáo.", "Every unit has reported."),
        "lateUnits": ("Đơn vị báo cáo muộn", "Late reports"),
        "unit": ("Đơn vị", "Unit"),
        "firstSent": ("Gửi lần đầu lúc", "First sent at"),
        "lateBy": ("Muộn", "Late by"),
        "noLate": ("Không có đơn vị báo cáo muộn.", "No unit reported late."),
        "findings": ("Bất thường", "Findings"),
        "rule": ("Loại", "Kind"),
        "procedure": ("Thủ tục", "Procedure"),
        "metric": ("Chỉ số", "Metric"),
        "value": ("Giá trị", "Value"),
        "expectedValue": ("Kỳ vọng", "Expected"),
        "score": ("Mức độ", "Score"),
        "detail": ("Chi tiết", "Detail"),
        "noFindings": ("Không phát hiện bất thường.", "No findings."),
        "rejected": ("Dữ liệu bị từ chối", "Rejected data"),
        "byProvinceReason": ("Theo tỉnh, thành phố và lý do", "By province and reason"),
        "reason": ("Lý do", "Reason"),
        "count": ("Số lượng", "Count"),
        "fileLine": ("Tệp:dòng", "File:line"),
        "rejectsNote": ("Danh sách đầy đủ: **report.xlsx** (trang “Bị từ chối”) hoặc **rejects.csv**.",
                        "The full list: **report.xlsx** (sheet “Rejects”) or **rejects.csv**."),
        "noRejects": ("Không có dữ liệu bị từ chối.", "No rejected data."),
    ]

    /// The period page's (`period.mustache`) texts.
    static let period: [String: (vi: String, en: String)] = [
        "lang": ("vi", "en"),
        "committee": day["committee"]!,
        "org": day["org"]!,
        "headline": ("Chỉ tiêu chính của kỳ", "Headline figures of the period"),
        "byDay": ("Tỷ lệ báo cáo và báo cáo đúng hạn theo ngày", "Reporting rate and reports on time by day"),
        "byDayNote": ("(cả nước và từng tỉnh, thành phố; trục dọc 0–100%)", "(the nation and each province; vertical axis 0–100%)"),
        "completeness": ("Tỷ lệ báo cáo", "Reporting rate"),
        "timeliness": ("Tỷ lệ đúng hạn", "On-time rate"),
        "onTime": ("đúng hạn", "on time"),
        "ranking": ("Xếp hạng tỉnh, thành phố", "Provinces ranked"),
        "rankingNote": ("(theo tỷ lệ báo cáo; 1 là cao nhất, bằng nhau cùng hạng)",
                        "(by reporting rate; 1 is the highest, equal rates share a rank)"),
        "rank": ("Hạng", "Rank"),
        "rankLower": ("hạng", "rank"),
        "province": day["province"]!,
        "onTimeResolution": ("Giải quyết đúng hạn", "Resolved on time"),
        "online": ("Tiếp nhận trực tuyến", "Received online"),
        "everyDay": ("Đơn vị báo cáo đủ mọi ngày", "Units reporting every day"),
        "chronic": ("Đơn vị thường xuyên không báo cáo", "Units that often do not report"),
        "unit": day["unit"]!,
        "missing": day["missing"]!,
        "longestRun": ("Liên tiếp dài nhất", "Longest run"),
        "contact": ("Đầu mối liên hệ", "Contact"),
        "phone": ("Điện thoại", "Phone"),
        "procedures": ("Hồ sơ theo thủ tục", "Dossiers by procedure"),
        "code": ("Mã", "Code"),
        "procedure": day["procedure"]!,
        "receivedOnline": ("Tiếp nhận trực tuyến", "Received online"),
        "receivedOffline": ("Tiếp nhận trực tiếp", "Received in person"),
        "resolvedOnTime": ("Giải quyết đúng hạn", "Resolved on time"),
        "resolvedLate": ("Giải quyết quá hạn", "Resolved late"),
        "returned": ("Trả lại / rút", "Returned / withdrawn"),
        "pendingOnTime": ("Đang xử lý trong hạn", "Pending, on time"),
        "pendingOverdue": ("Đang xử lý quá hạn", "Pending, overdue"),
    ]

    /// `table`'s texts in `language`, as a template reads them: a text with `**bold**` runs as `parts(_:)`.
    static func strings(_ table: [String: (vi: String, en: String)], _ language: Language) -> [String: Any] {
        table.mapValues { pair -> Any in
            let text = language.pick(pair)
            return text.contains("**") ? parts(text) : text
        }
    }

    /// A text split at its `**` marks into runs, `["s": text, "b": bold]`, for `{{#…}}{{#b}}<b>{{s}}</b>{{/b}}…`.
    static func parts(_ text: String) -> [[String: Any]] {
        text.components(separatedBy: "**").enumerated().compactMap { i, run in
            run.isEmpty ? nil : ["s": run, "b": i % 2 == 1]
        }
    }
}
