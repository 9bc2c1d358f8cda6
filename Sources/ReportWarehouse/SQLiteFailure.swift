import CSQLite
import ReportModel

/// A failed SQLite call, kept as the typed cause of a `ReportError`: its result code and SQLite's own text.
public struct SQLiteFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The extended result code.
    public var code: Int32
    public var message: String
    /// The errno of the last failed system call SQLite made (0 when none).
    public var systemErrno: Int32

    public init(code: Int32, message: String, systemErrno: Int32 = 0) {
        self.code = code; self.message = message; self.systemErrno = systemErrno
    }

    public var description: String {
        var s = "SQLite \(code): \(message)"
        if systemErrno != 0 { s += "; " + SystemCallError("os", errno: systemErrno).description }
        return s
    }

    /// The error a person reads for this failure on the warehouse at `path`: a full disk or an I/O fault that may
    /// pass is 75, a file the job may not write 64, a damaged file 74, a busy one 75; `what` for anything else (70).
    func reportError(path: String, what: String, fileID: String = #fileID, line: Int = #line) -> ReportError {
        let fault = ReportError.EnvironmentFault(errno: systemErrno)
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return ReportError(.tryLater, vi: "kho dữ liệu đang được một tiến trình khác dùng; hãy chạy lại sau",
                               en: "the warehouse is in use by another process; try again later",
                               cause: self, location: path, fileID: fileID, line: line)
        case SQLITE_FULL:
            return .environment(.diskFull, path: path, cause: self, fileID: fileID, line: line)
        case SQLITE_IOERR:
            return .environment(fault == .diskFull ? .diskFull : fault == .notPermitted ? .notPermitted : .passing,
                                path: path, cause: self, fileID: fileID, line: line)
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_AUTH:
            return .environment(fault == .badPath ? .badPath : .notPermitted, path: path, cause: self, fileID: fileID, line: line)
        case SQLITE_NOMEM:
            return .environment(.passing, path: path, cause: self, fileID: fileID, line: line)
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return ReportError(.damaged,
                vi: "kho dữ liệu bị hỏng nên chương trình từ chối chạy và không thay đổi gì; hãy khôi phục warehouse.sqlite từ bản sao lưu (hoặc dựng lại như README hướng dẫn) rồi chạy lại",
                en: "the warehouse is damaged, so the run refuses and changes nothing; restore warehouse.sqlite from a backup (or rebuild it as the README describes) and run again",
                cause: self, location: path, fileID: fileID, line: line)
        default:
            return ReportError(.internal, vi: "kho dữ liệu SQLite báo lỗi: \(what)", en: what,
                               cause: self, location: path, fileID: fileID, line: line)
        }
    }
}
