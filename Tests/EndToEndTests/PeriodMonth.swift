import Foundation

/// A generated month of reports for the period tests: 4 provinces × 3 communes, a holiday (Fri 2026-11-20),
/// a make-up workday (Sat 2026-11-14), a commune that closes mid-month (92003, after 2026-11-18), one that opens
/// (93003, from 2026-11-11), a chronic non-reporter (93002, nothing after 2026-11-06), late reports, and two
/// restatements sent at the end (a corrected report and a report for a day the unit had missed).
///
/// It knows what every unit sent, so the tests compute §6's columns from it directly, without the pipeline.
struct PeriodMonth {
    struct Sent {
        var day: String
        var unit: String
        var procedure: String
        var counts: [Int]          // the seven counts, contract order
        var submitted: Date
        var file: String
    }

    static let provinces = ["91", "92", "93", "94"]
    static let communes = ["91001", "91002", "91003", "92001", "92002", "92003", "93001", "93002", "93003",
                           "94001", "94002", "94003"]
    static let holiday = "2026-11-20", workday = "2026-11-14"
    static let closes = ("92003", "2026-11-18"), opens = ("93003", "2026-11-11")

    let root: URL
    var units: String { root.appendingPathComponent("units.csv").path }
    var procedures: String { root.appendingPathComponent("procedures.csv").path }
    var contacts: String { root.appendingPathComponent("contacts.csv").path }
    var calendar: String { root.appendingPathComponent("calendar.csv").path }
    /// Every file, before the restatements; and the restatement files, sent after the month.
    private(set) var sent: [Sent] = []
    private(set) var restatements: [Sent] = []

    /// The report days of November 2026 for this calendar, computed plainly.
    static var reportDays: [String] {
        (1...30).compactMap { d in
            let iso = String(format: "2026-11-%02d", d)
            let weekday = Calendar(identifier: .gregorian).component(.weekday, from: date(iso, "12:00"))  // 1 = Sunday
            if iso == holiday { return nil }
            if iso == workday { return iso }
            return (2...6).contains(weekday) ? iso : nil
        }
    }

    static func date(_ day: String, _ time: String) -> Date {
        ISO8601DateFormatter().date(from: "\(day)T\(time):00+07:00")!
    }

    static func province(of unit: String) -> String { String(unit.prefix(2)) }

    static func isActive(_ unit: String, on day: String) -> Bool {
        if unit == closes.0 { return day <= closes.1 }
        if unit == opens.0 { return day >= opens.1 }
        return true
    }

    static func procedure(of unit: String) -> String { unit.count == 2 ? "2.000001" : "1.000001" }

    /// A small deterministic hash of the text, for the choices.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 1469598103934665603
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return h
    }

    init(root: URL) throws {
        self.root = root
        try writeRegistries()
        for day in Self.reportDays {
            for unit in Self.provinces + Self.communes where Self.isActive(unit, on: day) {
                let h = Self.hash(unit + day)
                // Provinces 91 and 94 always report on time (their completeness ties); 92 and 93 miss and are late.
                let steady = ["91", "94"].contains(Self.province(of: unit))
                if unit == "93002" && day > "2026-11-06" { continue }
                if !steady && h % 5 == 0 { continue }
                let late = !steady && h % 7 == 1
                let next = Self.nextCalendarDay(day)
                let submitted = late ? Self.date(next, "11:30") : Self.date(day, "17:\(10 + Int(h % 40))")
                sent.append(Sent(day: day, unit: unit, procedure: Self.procedure(of: unit), counts: Self.counts(h),
                                 submitted: submitted, file: "\(day)/\(unit).csv"))
                // Some units send a correction the same evening: the later one wins, the first decides lateness.
                if h % 11 == 3 {
                    sent.append(Sent(day: day, unit: unit, procedure: Self.procedure(of: unit), counts: Self.counts(h >> 7),
                                     submitted: submitted.addingTimeInterval(1800), file: "\(day)/\(unit)-fix.csv"))
                }
            }
        }
        // After the month: a corrected report for 2026-11-05, and the report 92001 or 92002 missed on a day.
        let corrected = sent.first { $0.day == "2026-11-05" && $0.unit == "92001" } ?? sent.first { $0.day == "2026-11-05" }!
        restatements.append(Sent(day: corrected.day, unit: corrected.unit, procedure: corrected.procedure,
                                 counts: corrected.counts.map { $0 + 3 }, submitted: Self.date("2026-12-01", "08:00"),
                                 file: "late/\(corrected.unit)-\(corrected.day)-corrected.csv"))
        let sentKeys = Set(sent.map { $0.unit + $0.day })
        if let missed = Self.reportDays.first(where: { d in !sentKeys.contains("92002" + d) }) {
            restatements.append(Sent(day: missed, unit: "92002", procedure: "1.000001", counts: [2, 1, 1, 0, 0, 4, 1],
                                     submitted: Self.date("2026-12-01", "08:05"), file: "late/92002-\(missed).csv"))
        }
    }

    static func nextCalendarDay(_ day: String) -> String {
        let d = date(day, "12:00").addingTimeInterval(86400)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: d)
    }

    static func counts(_ h: UInt64) -> [Int] {
        (0..<7).map { Int((h >> UInt64(8 * $0)) % 9) }
    }

    private func writeRegistries() throws {
        var u = "code,name,level,parent_code,kind,aliases,active_from,active_to\n"
        for (i, p) in Self.provinces.enumerated() { u += "\(p),Tỉnh Thử \(["Một", "Hai", "Ba", "Bốn"][i]),province,,tỉnh,,,\n" }
        for c in Self.communes {
            let from = c == Self.opens.0 ? Self.opens.1 : "", to = c == Self.closes.0 ? Self.closes.1 : ""
            u += "\(c),Xã Thử \(c),commune,\(Self.province(of: c)),xã,,\(from),\(to)\n"
        }
        try u.write(toFile: units, atomically: true, encoding: .utf8)
        try """
            code,name,field,level,priority,max_days
            1.000001,Đăng ký khai sinh,Hộ tịch,commune,true,1
            2.000001,Cấp giấy phép xây dựng,Xây dựng,province,true,15

            """.write(toFile: procedures, atomically: true, encoding: .utf8)
        var c = "unit_code,full_name,title,phone,email,active_from,active_to\n"
        for code in Self.provinces + Self.communes { c += "\(code),Cán bộ \(code),Chuyên viên,0900\(code),cb\(code)@example.vn,,\n" }
        try c.write(toFile: contacts, atomically: true, encoding: .utf8)
        try "date,name,kind\n\(Self.holiday),Nghỉ bù,holiday\n\(Self.workday),Làm bù,workday\n"
            .write(toFile: calendar, atomically: true, encoding: .utf8)
    }

    /// Writes the files in `list` into `inbox`, each with its submission time as modification time.
    func write(_ list: [Sent], into inbox: URL) throws {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        for s in list {
            let url = inbox.appendingPathComponent(s.file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at\n"
                + "\(s.day),\(s.unit),\(s.procedure),\(s.counts.map(String.init).joined(separator: ",")),\(iso.string(from: s.submitted))\n"
            try text.write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: s.submitted], ofItemAtPath: url.path)
        }
    }

    /// The registry flags of every command.
    var registryFlags: [String] { ["--units", units, "--procedures", procedures, "--contacts", contacts, "--calendar", calendar] }
}
