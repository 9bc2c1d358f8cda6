import ReportModel

extension Warehouse {
    /// Replaces the findings of `day` with `findings` (made by run `runId`), in one transaction.
    public func replaceFindings(_ findings: [Finding], on day: Day, runId: Int64) throws {
        if let stray = findings.first(where: { $0.reportDate != day }) {
            throw ReportError(.internal, "A finding for \(stray.reportDate.iso) was given to replace the findings of \(day.iso).",
                              location: path)
        }
        try db.transaction {
            let d = try db.prepare("DELETE FROM findings WHERE report_date = ?")
            d.bind(1, day.iso)
            try d.run()
            let s = try db.prepare("""
                INSERT INTO findings (report_date, unit_code, procedure_code, rule, metric, value, expected, score, detail, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let iso = day.iso
            for f in findings {
                s.bind(1, iso)
                s.bind(2, f.unitCode)
                s.bind(3, f.procedureCode)
                s.bind(4, f.rule.rawValue)
                s.bind(5, f.metric)
                s.bind(6, f.value)
                s.bind(7, f.expected)
                s.bind(8, f.score)
                s.bind(9, f.detail)
                s.bind(10, runId)
                try s.run()
            }
        }
    }

    /// The findings of `day`, sorted by unit code, procedure code, rule, metric.
    public func findings(on day: Day) throws -> [Finding] {
        let s = try db.prepare("""
            SELECT report_date, unit_code, procedure_code, rule, metric, value, expected, score, detail
            FROM findings WHERE report_date = ?
            ORDER BY unit_code, procedure_code, rule, metric, value, expected, score, detail
            """)
        s.bind(1, day.iso)
        var c = s.cursor { s in
            Finding(reportDate: try self.day(s.string(0)), unitCode: s.string(1), procedureCode: s.string(2),
                    rule: try self.rule(s.string(3)), metric: s.string(4), value: s.string(5), expected: s.string(6),
                    score: s.string(7), detail: s.string(8))
        }
        return try c.all()
    }
}
