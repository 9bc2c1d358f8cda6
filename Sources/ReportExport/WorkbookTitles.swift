import ReportModel

/// The workbooks' column titles by CSV column name (the CSV columns themselves never change).
enum WorkbookTitles {
    /// CSV column → (Vietnamese, English) title.
    static let all: [String: (vi: String, en: String)] = [
        "report_date": ("Ngày báo cáo", "Report date"),
        "scope_code": ("Mã địa bàn", "Code"),
        "scope_name": ("Tên địa bàn", "Name"),
        "expected_reports": ("Phải báo cáo", "Expected"),
        "received_reports": ("Đã báo cáo", "Received"),
        "late_reports": ("Báo cáo muộn", "Late"),
        "missing_reports": ("Chưa báo cáo", "Missing"),
        "completeness_pct": ("Tỷ lệ báo cáo", "Completeness"),
        "timeliness_pct": ("Tỷ lệ đúng hạn", "Timeliness"),
        "received_online": ("Tiếp nhận trực tuyến", "Received online"),
        "received_offline": ("Tiếp nhận trực tiếp", "Received in person"),
        "resolved_on_time": ("Giải quyết đúng hạn", "Resolved on time"),
        "resolved_late": ("Giải quyết quá hạn", "Resolved late"),
        "returned": ("Trả lại", "Returned"),
        "pending_on_time": ("Đang giải quyết trong hạn", "Pending, on time"),
        "pending_overdue": ("Đang giải quyết quá hạn", "Pending, overdue"),
        "online_rate_pct": ("Tỷ lệ trực tuyến", "Online rate"),
        "on_time_resolution_pct": ("Tỷ lệ giải quyết đúng hạn", "On-time resolution"),
        "anomalies": ("Bất thường", "Findings"),
        "procedure_code": ("Mã thủ tục", "Procedure code"),
        "procedure_name": ("Tên thủ tục", "Procedure"),
        "units_reporting": ("Số đơn vị báo cáo", "Units reporting"),
        "province_code": ("Mã tỉnh", "Province code"),
        "province_name": ("Tên tỉnh", "Province"),
        "unit_code": ("Mã đơn vị", "Unit code"),
        "unit_name": ("Tên đơn vị", "Unit"),
        "contact_name": ("Người liên hệ", "Contact"),
        "contact_phone": ("Điện thoại", "Phone"),
        "contact_email": ("Thư điện tử", "E-mail"),
        "rule": ("Quy tắc", "Rule"),
        "metric": ("Chỉ số", "Metric"),
        "value": ("Giá trị", "Value"),
        "expected": ("Kỳ vọng", "Expected"),
        "score": ("Mức độ", "Score"),
        "detail": ("Chi tiết", "Detail"),
        "file": ("Tệp", "File"),
        "line": ("Dòng", "Line"),
        "reason": ("Lý do", "Reason"),
        "raw": ("Nội dung gốc", "Raw text"),
        "first_submitted_at": ("Gửi lần đầu lúc", "First submitted at"),
        "period": ("Kỳ báo cáo", "Period"),
        "first_day": ("Từ ngày", "First day"),
        "last_day": ("Đến ngày", "Last day"),
        "report_days": ("Số ngày báo cáo", "Report days"),
        "units_expected_every_day": ("Đơn vị phải báo cáo mọi ngày", "Units expected every day"),
        "units_reporting_every_day": ("Đơn vị báo cáo đủ mọi ngày", "Units reporting every day"),
        "longest_missing_run": ("Số ngày liền chưa báo cáo nhiều nhất", "Longest missing run"),
        "completeness_rank": ("Hạng tỷ lệ báo cáo", "Completeness rank"),
        "timeliness_rank": ("Hạng tỷ lệ đúng hạn", "Timeliness rank"),
        "on_time_resolution_rank": ("Hạng giải quyết đúng hạn", "On-time resolution rank"),
        "online_rate_rank": ("Hạng trực tuyến", "Online rate rank"),
    ]

    /// The titles in `language`.
    static func titles(_ language: Language) -> [String: String] {
        all.mapValues { language.pick($0) }
    }
}
