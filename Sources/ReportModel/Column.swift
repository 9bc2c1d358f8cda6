import Foundation

/// A canonical submission column.
public enum Column: Int, CaseIterable, Sendable {
    case reportDate, unitCode, unitName, procedureCode
    case receivedOnline, receivedOffline, resolvedOnTime, resolvedLate, returned, pendingOnTime, pendingOverdue
    case submittedAt, reporterEmail, reporterPhone, note, reporterName

    /// The canonical header.
    public var canonicalName: String {
        switch self {
        case .reportDate: "report_date"
        case .unitCode: "unit_code"
        case .unitName: "unit_name"
        case .procedureCode: "procedure_code"
        case .receivedOnline: "received_online"
        case .receivedOffline: "received_offline"
        case .resolvedOnTime: "resolved_on_time"
        case .resolvedLate: "resolved_late"
        case .returned: "returned"
        case .pendingOnTime: "pending_on_time"
        case .pendingOverdue: "pending_overdue"
        case .submittedAt: "submitted_at"
        case .reporterEmail: "reporter_email"
        case .reporterPhone: "reporter_phone"
        case .note: "note"
        case .reporterName: "reporter_name"
        }
    }

    /// The Vietnamese header the contract also accepts.
    public var vietnameseName: String {
        switch self {
        case .reportDate: "Ngày báo cáo"
        case .unitCode: "Mã đơn vị"
        case .unitName: "Tên đơn vị"
        case .procedureCode: "Mã thủ tục"
        case .receivedOnline: "Tiếp nhận trực tuyến"
        case .receivedOffline: "Tiếp nhận trực tiếp"
        case .resolvedOnTime: "Giải quyết đúng hạn"
        case .resolvedLate: "Giải quyết quá hạn"
        case .returned: "Trả lại / rút hồ sơ"
        case .pendingOnTime: "Đang xử lý trong hạn"
        case .pendingOverdue: "Đang xử lý quá hạn"
        case .submittedAt: "Thời gian gửi"
        case .reporterEmail: "Email người báo cáo"
        case .reporterPhone: "Điện thoại người báo cáo"
        case .note: "Ghi chú"
        case .reporterName: "Người báo cáo"
        }
    }

    /// The seven count columns, in contract order.
    public static let counts: [Column] = [
        .receivedOnline, .receivedOffline, .resolvedOnTime, .resolvedLate, .returned, .pendingOnTime, .pendingOverdue,
    ]

    /// Folds a header for matching: no case, diacritics, spaces, underscores or punctuation.
    public static func headerKey(_ header: String) -> String {
        NameKey(header).loose.joined()
    }

    private static let byKey: [String: Column] = {
        var m: [String: Column] = [:]
        for c in Column.allCases {
            m[headerKey(c.canonicalName)] = c
            m[headerKey(c.vietnameseName)] = c
        }
        // Common spellings of "returned": "Trả lại", "Rút hồ sơ".
        m[headerKey("Trả lại")] = .returned
        m[headerKey("Trả lại/rút hồ sơ")] = .returned
        // The titles of the program's own workbooks (report.xlsx, provinces/NN.xlsx), so that a sheet made from
        // them is read: "Đang giải quyết …" for the backlog, and the English "Received in person".
        m[headerKey("Đang giải quyết trong hạn")] = .pendingOnTime
        m[headerKey("Đang giải quyết quá hạn")] = .pendingOverdue
        m[headerKey("Received in person")] = .receivedOffline
        // "Thời điểm gửi" (the moment sent) is as common as the contract's "Thời gian gửi".
        m[headerKey("Thời điểm gửi")] = .submittedAt
        // The administration's own abbreviation for a procedure (TTHC: thủ tục hành chính), and its long forms.
        m[headerKey("Mã TTHC")] = .procedureCode
        m[headerKey("Mã thủ tục hành chính")] = .procedureCode
        m[headerKey("Mã đơn vị hành chính")] = .unitCode
        // … and for an administrative unit (ĐVHC: đơn vị hành chính, the statistics office's term), and a commune's own.
        m[headerKey("Tên đơn vị hành chính")] = .unitName
        m[headerKey("Mã ĐVHC")] = .unitCode
        m[headerKey("Tên ĐVHC")] = .unitName
        m[headerKey("Mã xã")] = .unitCode
        m[headerKey("Tên xã")] = .unitName
        m[headerKey("Ngày BC")] = .reportDate
        m[headerKey("Trả lại / rút")] = .returned
        return m
    }()

    /// Headers as files most often write them, for a lookup without folding.
    private static let literal: [String: Column] = {
        var m: [String: Column] = [:]
        for c in Column.allCases {
            m[c.canonicalName] = c
            m[c.canonicalName.uppercased()] = c
            m[c.vietnameseName] = c
        }
        return m
    }()

    /// The column a header names, matched case-, diacritics-, space- and underscore-insensitively.
    public init?(header: String) {
        if let c = Column.literal[header] {
            self = c
            return
        }
        guard let c = Column.byKey[Column.headerKey(header)] ?? Column.byKey[Column.plainKey(header)] else { return nil }
        self = c
    }

    /// A header's key without what templates add around a column's title: a closing parenthesis with its unit or
    /// explanation ("Tiếp nhận trực tuyến (hồ sơ)") and a leading "Số hồ sơ", "Hồ sơ", "Số" or "Đã"
    /// ("Số hồ sơ tiếp nhận trực tuyến", "Đã giải quyết đúng hạn").
    static func plainKey(_ header: String) -> String {
        var text = Substring(header.trimmingCharacters(in: .whitespaces))
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex { text = text[..<open] }
        var words = NameKey(String(text)).loose[...]
        for prefix in [["so", "ho", "so"], ["ho", "so"], ["so"], ["da"]] where words.count > prefix.count && words.starts(with: prefix) {
            words = words.dropFirst(prefix.count)
            break
        }
        return words.joined()
    }
}
