/// A record the writer still has to commit, with what has happened to it so far.
struct WaitingRecord: Sendable {
    var record: PipelineRecord
    /// It is in the spill (durable): it is not appended again, and its entry stays until the
    /// spill is reset after everything in it was committed.
    var spilled = false
    /// The interlocks were asked to act on it already (it became durable in the spill).
    var acted = false
    /// A write of it was tried and failed (or it came from the spill), so part or all of it may
    /// be committed: the next write looks it up first and writes only what is missing.
    var retried = false

    init(_ record: PipelineRecord, spilled: Bool = false, acted: Bool = false, retried: Bool = false) {
        self.record = record
        self.spilled = spilled
        self.acted = acted
        self.retried = retried
    }

    /// The same record after a failed write: `remainder` (what is left of it) is retried.
    func failed(remainder: PipelineRecord? = nil) -> WaitingRecord {
        WaitingRecord(remainder ?? record, spilled: spilled, acted: acted, retried: true)
    }
}

/// What the writer carries from one pass to the next.
struct WriterState {
    /// Records that failed, in order; retried before anything newer.
    var pending: [WaitingRecord] = []
    /// The spill holds entries that are not known to be committed yet (reset pending).
    var spillHoldsRecords = false
    /// The last append found the spill full: records wait in memory only.
    var spillFull = false
    /// The store outage as the log tells it.
    var outage = StoreOutage()
}
