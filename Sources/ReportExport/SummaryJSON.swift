import Foundation
import ReportModel

/// `summary.json`: the day's figures, and the run that wrote them with its inputs' SHA-256.
public struct SummaryJSON: DayExporter {
    public let fileName = "summary.json"

    public init() {}

    struct Scope: Codable {
        var scope_code: String, scope_name: String
        var expected_reports: Int, received_reports: Int, late_reports: Int, missing_reports: Int
        var completeness_pct: String, timeliness_pct: String
        var received_online: Int, received_offline: Int, resolved_on_time: Int, resolved_late: Int, returned: Int
        var pending_on_time: Int, pending_overdue: Int
        var online_rate_pct: String, on_time_resolution_pct: String, anomalies: Int
    }

    struct Document: Codable {
        var report_date: String
        var publication: String
        var national: Scope
        var provinces: [Scope]
        var missing_units: [String]
        var late_units: [String]
        var anomalies_by_rule: [String: Int]
        var rejects_by_reason: [String: Int]
        var run: RunInfo
    }

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        let scopes = input.aggregate.scopes.map { s in
            let c = s.counts
            return Scope(scope_code: s.scopeCode, scope_name: s.scopeName, expected_reports: s.expected,
                         received_reports: s.received, late_reports: s.late, missing_reports: s.missing,
                         completeness_pct: s.percent(.completeness),
                         timeliness_pct: s.percent(.timeliness),
                         received_online: c.receivedOnline, received_offline: c.receivedOffline,
                         resolved_on_time: c.resolvedOnTime, resolved_late: c.resolvedLate, returned: c.returned,
                         pending_on_time: c.pendingOnTime, pending_overdue: c.pendingOverdue,
                         online_rate_pct: s.percent(.onlineRate),
                         on_time_resolution_pct: s.percent(.onTimeResolution),
                         anomalies: s.anomalies)
        }
        var byRule: [String: Int] = [:]
        for f in input.findings { byRule[f.rule.rawValue, default: 0] += 1 }
        var byReason: [String: Int] = [:]
        for r in input.rejects { byReason[r.reason.rawValue, default: 0] += 1 }
        let doc = Document(report_date: input.aggregate.day.iso, publication: input.publication.rawValue,
                           national: scopes[0], provinces: Array(scopes.dropFirst()),
                           missing_units: input.aggregate.missing.map(\.unit.code), late_units: input.aggregate.lateUnits,
                           anomalies_by_rule: byRule, rejects_by_reason: byReason, run: input.run)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(doc)) + [0x0A]
    }
}
