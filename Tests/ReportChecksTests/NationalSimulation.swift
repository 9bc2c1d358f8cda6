#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportChecks
import ReportModel

/// National-like simulated reports with planted spikes, to measure the outlier rule.
///
/// Every unit reports every procedure every report day. Counts: a per unit × procedure base rate (lognormal,
/// clamped to 0.3…40 a day) × weekday seasonality (Mon 1.3, Tue 1.1, Wed 1.0, Thu 0.95, Fri 0.8) with gamma–Poisson
/// noise (gamma shape `dispersion`: variance μ + μ²/dispersion). resolved_late has its own rate (5–30 % of the base).
/// From report day `spikesFrom` on, a unit × procedure × day gets with probability `spikeRate` a spike in received
/// or resolved_late: the count × 10–20, at least +10 (a late spike larger than the backlog goes to received).
/// Pending carries over so balances hold.
struct NationalSimulation {
    static let weekdayFactor = [1.3, 1.1, 1.0, 0.95, 0.8, 0.8, 0.8]

    let days: [Day]
    let reports: [DayReports]
    let unitReports: [[UnitReport]]
    let registries: Registries
    /// Per report day: planted spikes as "unit procedure metric".
    let spikes: [Set<String>]
    /// Per report day: units with at least one planted spike.
    let spikedUnits: [Set<String>]
    let unitCodes: [String]

    init(seed: UInt64 = 20261102, units unitCount: Int = 3355, provinces provinceCount: Int = 34,
         procedures procedureCount: Int = 15, dayCount: Int = 40, spikeRate: Double = 0.005, spikesFrom: Int = 28,
         dispersion: Double = 8, start: Day = Day(iso: "2026-11-02")!) {
        var rng = SplitMix64(seed: seed)
        days = ReportCalendar().reportDays(from: start, to: start.adding(days: dayCount * 2 + 7)).prefix(dayCount).map { $0 }

        var units: [Unit] = [], contacts: [ContactPoint] = [], codes: [String] = []
        for p in 1...provinceCount {
            let code = p < 10 ? "0\(p)" : "\(p)"
            units.append(Unit(code: code, name: "Tỉnh \(p)", level: .province, parentCode: nil, kind: "tỉnh", aliases: [],
                              activeFrom: nil, activeTo: nil))
        }
        for c in 1...(unitCount - provinceCount) {
            let digits = String(c)
            let code = String(repeating: "0", count: 5 - digits.count) + digits
            let province = units[(c - 1) % provinceCount].code
            units.append(Unit(code: code, name: "Xã \(c)", level: .commune, parentCode: province, kind: "xã", aliases: [],
                              activeFrom: nil, activeTo: nil))
        }
        for u in units {
            codes.append(u.code)
            contacts.append(ContactPoint(unitCode: u.code, fullName: "Cán bộ \(u.code)", title: "", phone: "0900" + u.code,
                                         email: "u\(u.code)@gov.vn", activeFrom: nil, activeTo: nil))
        }
        let procedureCodes = (1...procedureCount).map { "1.0001" + ($0 < 10 ? "0\($0)" : "\($0)") }
        registries = Registries(
            units: units,
            procedures: procedureCodes.map { Procedure(code: $0, name: $0, field: "", level: .commune, priority: true, maxDays: 1) },
            contacts: contacts, calendar: ReportCalendar())
        unitCodes = codes

        let seriesCount = unitCount * procedureCount
        var base = [Double](), lateShare = [Double](), pending = [Int]()
        for _ in 0..<seriesCount {
            base.append(min(40, max(0.3, exp(1.25 + 1.1 * rng.normal()))))
            lateShare.append(0.05 + 0.25 * rng.uniform())
            pending.append(Int(base.last! * 3 + rng.uniform()))
        }

        var reports: [DayReports] = [], unitReports: [[UnitReport]] = [], spikes: [Set<String>] = []
        var spikedUnits: [Set<String>] = []
        for (t, day) in days.enumerated() {
            let wf = NationalSimulation.weekdayFactor[day.isoWeekday - 1]
            var dayUnits: [String: [String: Counts]] = [:]
            dayUnits.reserveCapacity(unitCount)
            var daySpikes = Set<String>(), dayUnitsSpiked = Set<String>()
            var submissions: [UnitReport] = []
            for (u, code) in codes.enumerated() {
                var procedures: [String: Counts] = [:]
                procedures.reserveCapacity(procedureCount)
                for (p, procedure) in procedureCodes.enumerated() {
                    let s = u * procedureCount + p
                    var received = rng.negativeBinomial(mean: base[s] * wf, dispersion: dispersion)
                    var late = rng.negativeBinomial(mean: base[s] * lateShare[s] * wf, dispersion: dispersion)
                    var returned = rng.negativeBinomial(mean: base[s] * 0.03, dispersion: dispersion)
                    if t >= spikesFrom, rng.uniform() < spikeRate {
                        let factor = 10 + 10 * rng.uniform()
                        var metric = rng.uniform() < 0.5 ? "received" : "resolved_late"
                        let spikedLate = max(Int(Double(late) * factor), late + 10)
                        // Late resolutions come out of the backlog: a spike larger than it goes to received instead.
                        if metric == "resolved_late", spikedLate <= pending[s] + received - returned {
                            late = spikedLate
                        } else {
                            metric = "received"
                            received = max(Int(Double(received) * factor), received + 10)
                        }
                        daySpikes.insert(code + " " + procedure + " " + metric)
                        dayUnitsSpiked.insert(code)
                    }
                    returned = min(returned, pending[s] + received)
                    late = min(late, pending[s] + received - returned)
                    let online = min(received, Int(Double(received) * 0.55 + rng.uniform()))
                    let available = pending[s] + received
                    let onTime = min(available - late - returned, Int(Double(available) * 0.25 + rng.uniform()))
                    let left = available - onTime - late - returned
                    pending[s] = left
                    let overdue = min(left, Int(Double(left) * 0.1 + rng.uniform()))
                    procedures[procedure] = Counts(
                        receivedOnline: online, receivedOffline: received - online, resolvedOnTime: onTime,
                        resolvedLate: late, returned: returned, pendingOnTime: left - overdue, pendingOverdue: overdue)
                }
                dayUnits[code] = procedures
                let contact = contacts[u]
                submissions.append(UnitReport(reportDate: day, unitCode: code, submittedAt: .vietnam(day, hour: 17, minute: 0),
                                              line: 2, reporter: Reporter(fullName: contact.fullName, email: contact.email,
                                                                          phone: contact.phone)))
            }
            reports.append(DayReports(day: day, units: dayUnits))
            unitReports.append(submissions)
            spikes.append(daySpikes)
            spikedUnits.append(dayUnitsSpiked)
        }
        self.reports = reports
        self.unitReports = unitReports
        self.spikes = spikes
        self.spikedUnits = spikedUnits
    }

    /// Checks report day `t` against its trailing history, as the pipeline would.
    func run(day t: Int, settings: CheckSettings = CheckSettings.english) -> [Finding] {
        let history = Array(reports[max(0, t - settings.outlierWindow)..<t])
        return Checks.run(today: reports[t], previousReportDay: t > 0 ? days[t - 1] : nil, history: history,
                          unitReports: unitReports[t], registries: registries, settings: settings)
    }

    /// Recall of planted spikes and the share of clean unit-days with an outlier flag, over the last `lastDays` days.
    func measure(lastDays: Int = 10, settings: CheckSettings = CheckSettings.english)
        -> (recall: Double, falseFlagRate: Double, planted: Int, found: Int, cleanUnitDays: Int, flaggedCleanUnitDays: Int,
            otherFindings: Int) {
        var planted = 0, found = 0, clean = 0, flaggedClean = 0, other = 0
        for t in (days.count - lastDays)..<days.count {
            let findings = run(day: t, settings: settings)
            var flagged = Set<String>(), flaggedUnits = Set<String>()
            for f in findings {
                guard f.rule == .outlier else { other += 1; continue }
                flagged.insert(f.unitCode + " " + f.procedureCode + " " + f.metric)
                flaggedUnits.insert(f.unitCode)
            }
            planted += spikes[t].count
            found += spikes[t].filter(flagged.contains).count
            for code in unitCodes where !spikedUnits[t].contains(code) {
                clean += 1
                if flaggedUnits.contains(code) { flaggedClean += 1 }
            }
        }
        return (planted == 0 ? 1 : Double(found) / Double(planted), clean == 0 ? 0 : Double(flaggedClean) / Double(clean),
                planted, found, clean, flaggedClean, other)
    }
}
