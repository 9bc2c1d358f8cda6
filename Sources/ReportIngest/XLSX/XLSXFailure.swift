import ReportModel

/// Why a workbook could not be read: `bad_xlsx` or `too_large`, and what to tell the sender.
struct XLSXFailure: Error {
    var reason: RejectReason
    var detail: String

    init(_ reason: RejectReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}
