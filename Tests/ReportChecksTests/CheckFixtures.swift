import ReportChecks
import ReportModel

/// A Monday.
let monday = Day(iso: "2026-11-02")!

/// `n` consecutive report days (Monday–Friday) from `start`.
func reportDays(from start: Day = monday, count n: Int) -> [Day] {
    ReportCalendar().reportDays(from: start, to: start.adding(days: n * 2 + 7)).prefix(n).map { $0 }
}

func counts(_ received: Int = 0, late: Int = 0, onTime: Int = 0, returned: Int = 0, pending: Int = 0) -> Counts {
    Counts(receivedOnline: received, receivedOffline: 0, resolvedOnTime: onTime, resolvedLate: late, returned: returned,
           pendingOnTime: pending, pendingOverdue: 0)
}

/// Registries with province 01, its communes 00001 and 00002, and their contact points.
let smallRegistries = Registries(
    units: [
        Unit(code: "01", name: "Thành phố Hà Nội", level: .province, parentCode: nil, kind: "thành phố", aliases: [],
             activeFrom: nil, activeTo: nil),
        Unit(code: "00001", name: "Phường Ba Đình", level: .commune, parentCode: "01", kind: "phường", aliases: [],
             activeFrom: nil, activeTo: nil),
        Unit(code: "00002", name: "Xã Sóc Sơn", level: .commune, parentCode: "01", kind: "xã", aliases: [],
             activeFrom: nil, activeTo: nil),
    ],
    procedures: [Procedure(code: "1.000101", name: "Đăng ký khai sinh", field: "Hộ tịch", level: .commune,
                           priority: true, maxDays: 1)],
    contacts: [
        ContactPoint(unitCode: "01", fullName: "Trần Thị Tỉnh", title: "Chuyên viên", phone: "0241111111",
                     email: "tinh@hanoi.gov.vn", activeFrom: nil, activeTo: nil),
        ContactPoint(unitCode: "00001", fullName: "Lê Văn Phường", title: "Công chức", phone: "0912000001",
                     email: "badinh@hanoi.gov.vn", activeFrom: nil, activeTo: nil),
        ContactPoint(unitCode: "00002", fullName: "Phạm Văn Cũ", title: "Công chức", phone: "0912000099",
                     email: "cu@socson.gov.vn", activeFrom: nil, activeTo: Day(iso: "2026-10-31")),
    ],
    calendar: ReportCalendar())

/// Runs the checks on the last of `series` (day → unit → procedure → counts), the rest being history.
func runChecks(_ series: [DayReports], previousReportDay: Day? = nil, unitReports: [UnitReport] = [],
               settings: CheckSettings = CheckSettings.english) -> [Finding] {
    let today = series.last!
    let history = Array(series.dropLast())
    return Checks.run(today: today, previousReportDay: previousReportDay ?? history.last?.day, history: history,
                      unitReports: unitReports, registries: smallRegistries, settings: settings)
}

/// One unit's one procedure over consecutive report days: `values[i]` received on day i (last is today).
func receivedSeries(_ values: [Int], unit: String = "00001", procedure: String = "1.000101",
                    start: Day = monday) -> [DayReports] {
    zip(reportDays(from: start, count: values.count), values).map { day, v in
        DayReports(day: day, units: [unit: [procedure: counts(v)]])
    }
}

extension CheckSettings {
    /// The defaults with English details (the rules' tests compare English texts; Vietnamese has its own tests).
    static var english: CheckSettings {
        var s = CheckSettings()
        s.language = .en
        return s
    }
}
