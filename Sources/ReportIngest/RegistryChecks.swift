import ReportModel

/// The checks a registry passes before the pipeline trusts it (contract §7 "Configuration is checked"):
/// each mistake is a usage error (64) naming the file and line and saying how to fix it.
enum RegistryChecks {
    /// A field that must not be empty.
    static func required(_ value: String, column: String, at: String) throws(ReportError) -> String {
        guard !value.isEmpty else {
            throw ReportError(.usage, vi: "trường \(column) đang trống; hãy điền giá trị cho dòng này",
                              en: "the \(column) field is empty; fill it in on this row", location: at)
        }
        return value
    }

    /// `true`, `false` or empty (false).
    static func flag(_ value: String, column: String, at: String) throws(ReportError) -> Bool {
        switch value.lowercased() {
        case "true": return true
        case "false", "": return false
        default:
            throw ReportError(.usage, vi: "trường \(column) là \"\(value)\"; hãy ghi true hoặc false",
                              en: "the \(column) field is \"\(value)\"; write true or false", location: at)
        }
    }

    /// A whole number of zero or more, or empty (nil).
    static func count(_ value: String, column: String, at: String) throws(ReportError) -> Int? {
        if value.isEmpty { return nil }
        guard let n = Int(value), n >= 0 else {
            throw ReportError(.usage, vi: "trường \(column) là \"\(value)\"; hãy ghi một số nguyên không âm hoặc để trống",
                              en: "the \(column) field is \"\(value)\"; write a whole number of 0 or more, or leave it empty",
                              location: at)
        }
        return n
    }

    /// An effective window whose end is not before its start.
    static func window(_ from: Day?, _ to: Day?, at: String) throws(ReportError) {
        if let from, let to, to < from {
            throw ReportError(.usage, vi: "active_to \(to.iso) trước active_from \(from.iso); hãy sửa hai ngày này",
                              en: "active_to \(to.iso) is before active_from \(from.iso); fix the two dates", location: at)
        }
    }

    /// Codes of the right shape, one row per code at any date, and every commune under a province of the registry.
    static func units(_ units: [ReportModel.Unit], lines: [Int], path: String) throws(ReportError) {
        var rowsByCode: [String: [Int]] = [:]
        for (i, u) in units.enumerated() {
            let at = "\(path):\(lines[i])"
            try codeShape(u, at: at)
            for j in rowsByCode[u.code] ?? [] where overlap(units[j], u) {
                throw ReportError(.usage,
                    vi: "mã đơn vị \(u.code) đã có ở dòng \(lines[j]) với thời gian hiệu lực trùng nhau; mỗi mã chỉ một dòng tại một ngày — hãy xoá dòng trùng hoặc đặt active_to/active_from cho hai dòng nối tiếp nhau",
                    en: "unit code \(u.code) is already on line \(lines[j]) for overlapping dates; one row per code on any date — delete the duplicate or give the two rows consecutive active_to/active_from",
                    location: at)
            }
            rowsByCode[u.code, default: []].append(i)
        }
        for (i, u) in units.enumerated() {
            let at = "\(path):\(lines[i])"
            switch (u.level, u.parentCode) {
            case (.province, let parent?):
                throw ReportError(.usage, vi: "tỉnh \(u.code) có parent_code \(parent); tỉnh không có đơn vị cấp trên, hãy để trống trường này",
                                  en: "province \(u.code) has parent_code \(parent); a province has none, leave the field empty", location: at)
            case (.commune, nil):
                throw ReportError(.usage, vi: "xã/phường \(u.code) không có parent_code; hãy ghi mã tỉnh của nó",
                                  en: "commune \(u.code) has no parent_code; write its province's code", location: at)
            case (.commune, let parent?):
                let isProvince = (rowsByCode[parent] ?? []).contains { units[$0].level == .province }
                guard isProvince else {
                    throw ReportError(.usage, vi: "parent_code \(parent) của \(u.code) không phải mã tỉnh nào trong danh mục; hãy sửa mã tỉnh hoặc thêm tỉnh đó",
                                      en: "parent_code \(parent) of \(u.code) is no province of the registry; fix the code or add the province",
                                      location: at)
                }
            case (.province, nil):
                break
            }
        }
    }

    /// One row per procedure code.
    static func procedures(_ procedures: [Procedure], lines: [Int], path: String) throws(ReportError) {
        var lineOf: [String: Int] = [:]
        for (i, p) in procedures.enumerated() {
            if let first = lineOf[p.code] {
                throw ReportError(.usage,
                    vi: "mã thủ tục \(p.code) đã có ở dòng \(first); mỗi mã chỉ một dòng — hãy xoá hoặc sửa dòng trùng",
                    en: "procedure code \(p.code) is already on line \(first); one row per code — delete or fix the duplicate",
                    location: "\(path):\(lines[i])")
            }
            lineOf[p.code] = lines[i]
        }
    }

    /// A province's code is 2 digits, a commune's 5.
    private static func codeShape(_ u: ReportModel.Unit, at: String) throws(ReportError) {
        let digits = u.level == .province ? 2 : 5
        guard u.code.utf8.count == digits, u.code.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw ReportError(.usage, vi: "mã \(u.code) không đúng dạng: mã \(u.level == .province ? "tỉnh" : "xã/phường") có \(digits) chữ số, kể cả số 0 đầu",
                              en: "code \(u.code) is malformed: a \(u.level.rawValue)'s code has \(digits) digits, leading zeros included",
                              location: at)
        }
    }

    private static func overlap(_ a: ReportModel.Unit, _ b: ReportModel.Unit) -> Bool {
        let aFrom = a.activeFrom?.ordinal ?? Int32.min, aTo = a.activeTo?.ordinal ?? Int32.max
        let bFrom = b.activeFrom?.ordinal ?? Int32.min, bTo = b.activeTo?.ordinal ?? Int32.max
        return aFrom <= bTo && bFrom <= aTo
    }
}
