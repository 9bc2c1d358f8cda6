/// What decides between two rows of one (date, unit, procedure) before their submissions are read.
struct RowRank {
    var submittedAt: Int64
    var line: Int64
    var submissionId: Int64
}
