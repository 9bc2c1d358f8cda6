import ReportModel

extension Warehouse {
    /// SQLite's `PRAGMA quick_check`: the problems it finds (at most `limit`), none when the file is sound.
    ///
    /// A check that cannot even run (the file too damaged to read) is itself the problem reported.
    public func quickCheck(limit: Int = 100) -> [String] {
        do {
            let s = try db.prepare("PRAGMA quick_check(\(limit))")
            defer { s.reset() }
            var c = s.cursor { $0.string(0) }
            let lines = try c.all()
            return lines == ["ok"] ? [] : try withoutFalseNulls(lines)
        } catch let e as ReportError {
            return [e.cause.map { String(describing: $0) } ?? e.message]
        } catch {
            return ["\(error)"]
        }
    }

    /// SQLite 3.40 reports "NULL value in T.C" for every row of a WITHOUT ROWID table whose primary key is not
    /// in column order (`submission_dates`): such a line counts only when a NULL is really there (asked through
    /// the column's index). The b-tree checks, which find damaged pages, are reported before these lines.
    private func withoutFalseNulls(_ lines: [String]) throws -> [String] {
        var confirmed: [String: Bool] = [:]
        return try lines.filter { line in
            let prefix = "NULL value in "
            guard line.hasPrefix(prefix) else { return true }
            let parts = line.dropFirst(prefix.count).split(separator: ".")
            guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else { return true }
            if let known = confirmed[line] { return known }
            let s = try db.prepare("SELECT EXISTS (SELECT 1 FROM \(parts[0]) WHERE \(parts[1]) IS NULL)")
            defer { s.reset() }
            let real = try s.step() && s.int(0) == 1
            confirmed[line] = real
            return real
        }
    }
}
