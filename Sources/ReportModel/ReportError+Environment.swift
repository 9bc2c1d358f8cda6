import Foundation

/// Failures of the machine around the job (disk, permissions, passing I/O faults), as contract §7 wants them:
/// a full disk or a fault that may pass is 75, a path the job may not write is 64 with the fix.
extension ReportError {
    /// What an errno means for the operator.
    public enum EnvironmentFault: Sendable, Equatable {
        /// ENOSPC, EDQUOT, SQLITE_FULL: free space, then run again.
        case diskFull
        /// EIO, EAGAIN, ENOMEM, EMFILE, …: may pass; run again later.
        case passing
        /// EACCES, EPERM, EROFS: the job may not write the path.
        case notPermitted
        /// ENOENT, ENOTDIR, …: the path does not exist or is not a folder.
        case badPath
        /// Anything else: a fault of the program.
        case other

        public init(errno code: Int32) {
            switch code {
            case ENOSPC, EDQUOT, EFBIG: self = .diskFull
            case EIO, EAGAIN, EINTR, ENOMEM, EMFILE, ENFILE, ETIMEDOUT, EBUSY, ESTALE, ENOLCK, ENOBUFS, ETXTBSY:
                self = .passing
            case EACCES, EPERM, EROFS: self = .notPermitted
            case ENOENT, ENOTDIR, EISDIR, ENAMETOOLONG, ELOOP: self = .badPath
            default: self = .other
            }
        }
    }

    /// The error for a file operation on `path` that failed with `fault`, with the sentence that says what to do.
    public static func environment(_ fault: EnvironmentFault, path known: String?, cause: (any Error & Sendable)?,
                                   fileID: String = #fileID, line: Int = #line) -> ReportError {
        var e = environmentError(fault, cause: cause, fileID: fileID, line: line)
        e.location = known
        return e
    }

    private static func environmentError(_ fault: EnvironmentFault, cause: (any Error & Sendable)?,
                                         fileID: String, line: Int) -> ReportError {
        switch fault {
        case .diskFull:
            return ReportError(.tryLater,
                vi: "đĩa đã đầy; hãy giải phóng dung lượng (hoặc đặt --out trên đĩa khác) rồi chạy lại — những gì đã công bố vẫn giữ nguyên",
                en: "the disk is full; free some space (or put --out on another disk) and run again — what was published stays as it was",
                cause: cause, fileID: fileID, line: line)
        case .passing:
            return ReportError(.tryLater,
                vi: "lỗi đọc/ghi tạm thời; hãy chạy lại sau ít phút, nếu vẫn lỗi thì kiểm tra đĩa",
                en: "a passing read/write failure; run again in a few minutes, and check the disk if it persists",
                cause: cause, fileID: fileID, line: line)
        case .notPermitted:
            return ReportError(.usage,
                vi: "chương trình không có quyền ghi (hoặc đọc) đường dẫn này; hãy cấp quyền cho người dùng chạy dailyreports (chown/chmod thư mục đó, hoặc gắn lại đĩa ở chế độ ghi) hay chọn thư mục khác bằng --out",
                en: "the job may not write (or read) this path; give the user running dailyreports the permission (chown/chmod that folder, or remount the disk read-write) or choose another folder with --out",
                cause: cause, fileID: fileID, line: line)
        case .badPath:
            return ReportError(.usage,
                vi: "đường dẫn này không tồn tại hoặc không phải thư mục; hãy kiểm tra đường dẫn trong tệp pipeline hoặc tham số dòng lệnh",
                en: "this path does not exist or is not a folder; check the path in the pipeline file or on the command line",
                cause: cause, fileID: fileID, line: line)
        case .other:
            return ReportError(.internal,
                vi: "thao tác với tệp thất bại", en: "a file operation failed",
                cause: cause, fileID: fileID, line: line)
        }
    }

    /// The error for a failed system call on `path`.
    public static func systemCall(_ call: String, path: String, errno code: Int32,
                                  fileID: String = #fileID, line: Int = #line) -> ReportError {
        environment(EnvironmentFault(errno: code), path: path, cause: SystemCallError(call, errno: code),
                    fileID: fileID, line: line)
    }

    /// Any error as a `ReportError`: itself, or a Foundation or POSIX failure classified by its errno,
    /// or else an internal error that keeps it as the cause.
    public init(wrapping error: any Error, fileID: String = #fileID, line: Int = #line) {
        if let e = error as? ReportError { self = e; return }
        if let s = error as? SystemCallError {
            self = ReportError.environment(EnvironmentFault(errno: s.errno), path: nil, cause: s, fileID: fileID, line: line)
            return
        }
        let ns = error as NSError
        if let code = ReportError.errno(of: ns) {
            self = ReportError.environment(EnvironmentFault(errno: code), path: ReportError.path(of: ns), cause: error,
                                           fileID: fileID, line: line)
            return
        }
        self = ReportError(.internal, vi: "lỗi không lường trước", en: "an unexpected failure", cause: error,
                           fileID: fileID, line: line)
    }

    /// A Foundation file error in a few words (its text and the POSIX text under it), else nil.
    static func brief(_ error: any Error) -> String? {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return nil }
        if let code = errno(of: ns) { return "\(String(cString: strerror(code))), errno \(code)" }
        return ns.localizedDescription
    }

    /// The POSIX errno behind a Foundation error, if it has one.
    static func errno(of ns: NSError) -> Int32? {
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        // Creating a folder where a file of that name is (a metrics path under a file): a part of the path is no folder.
        case .fileWriteFileExists: return ENOTDIR
        case .fileReadUnknown, .fileWriteUnknown: return EIO
        default: return nil
        }
    }

    /// The path a Foundation error names, if any.
    static func path(of ns: NSError) -> String? {
        if let p = ns.userInfo[NSFilePathErrorKey] as? String { return p }
        if let u = ns.userInfo[NSURLErrorKey] as? URL { return u.path }
        return nil
    }
}
