/// The workbooks' column titles by CSV column name (the CSV columns themselves never change).
enum WorkbookTitles {
    static let vi: [String: String] = [
        "report_date": "Ngày báo cáo", "scope_code": "Mã địa bàn", "scope_name": "Tên địa bàn",
        "expected_reports": "Phải báo cáo", "received_reports": "Đã báo cáo", "late_reports": "Báo cáo muộn",
        "missing_reports": "Chưa báo cáo", "completeness_pct": "Tỷ lệ báo cáo", "timeliness_pct": "Tỷ lệ đúng hạn",
        "received_online": "Tiếp nhận trực tuyến", "received_offline": "Tiếp nhận trực tiếp",
        "resolved_on_time": "Giải quyết đúng hạn", "resolved_late": "Giải quyết quá hạn", "returned": "Trả lại",
        "pending_on_time": "Đang giải quyết trong hạn", "pending_overdue": "Đang giải quyết quá hạn",
        "online_rate_pct": "Tỷ lệ trực tuyến", "on_time_resolution_pct": "Tỷ lệ giải quyết đúng hạn",
        "anomalies": "Bất thường", "procedure_code": "Mã thủ tục", "procedure_name": "Tên thủ tục",
        "units_reporting": "Số đơn vị báo cáo", "province_code": "Mã tỉnh", "province_name": "Tên tỉnh",
        "unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "contact_name": "Người liên hệ",
        "contact_phone": "Điện thoại", "contact_email": "Thư điện tử", "rule": "Quy tắc", "metric": "Chỉ số",
        "value": "Giá trị", "expected": "Kỳ vọng", "score": "Mức độ", "detail": "Chi tiết", "file": "Tệp",
        "line": "Dòng", "reason": "Lý do", "raw": "Nội dung gốc", "first_submitted_at": "Gửi lần đầu lúc",
    ]

    static let en: [String: String] = [
        "report_date": "Report date", "scope_code": "Code", "scope_name": "Name",
        "expected_reports": "Expected", "received_reports": "Received", "late_reports": "Late",
        "missing_reports": "Missing", "completeness_pct": "Completeness", "timeliness_pct": "Timeliness",
        "received_online": "Received online", "received_offline": "Received in person",
        "resolved_on_time": "Resolved on time", "resolved_late": "Resolved late", "returned": "Returned",
        "pending_on_time": "Pending, on time", "pending_overdue": "Pending, overdue",
        "online_rate_pct": "Online rate", "on_time_resolution_pct": "On-time resolution",
        "anomalies": "Findings", "procedure_code": "Procedure code", "procedure_name": "Procedure",
        "units_reporting": "Units reporting", "province_code": "Province code", "province_name": "Province",
        "unit_code": "Unit code", "unit_name": "Unit", "contact_name": "Contact",
        "contact_phone": "Phone", "contact_email": "E-mail", "rule": "Rule", "metric": "Metric",
        "value": "Value", "expected": "Expected", "score": "Score", "detail": "Detail", "file": "File",
        "line": "Line", "reason": "Reason", "raw": "Raw text", "first_submitted_at": "First submitted at",
    ]
}
