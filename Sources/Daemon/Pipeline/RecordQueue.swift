import Synchronization

/// The bounded hand-over between the pollers and the store writer.
///
/// Samples beyond `sampleCapacity` are dropped and counted, so a slow disk never stalls
/// polling; every other record (defects, signals, holds, lots) is always kept. The writer is
/// woken at once for records that must not wait, and when a full batch of samples is ready.
final class RecordQueue: Sendable {
    private struct State {
        var records: [PipelineRecord] = []
        var samples = 0
        var dropped: UInt64 = 0
        var accepted: UInt64 = 0
        var finished = false
    }

    private let state = Mutex(State())
    private let sampleCapacity: Int
    private let batchRows: Int
    private let doorbell: AsyncStream<Void>.Continuation
    /// Rings when the writer should look at the queue.
    let wakeups: AsyncStream<Void>

    init(sampleCapacity: Int, batchRows: Int) {
        self.sampleCapacity = sampleCapacity
        self.batchRows = batchRows
        (wakeups, doorbell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds records in order. Returns how many samples had to be dropped.
    @discardableResult
    func push(_ records: [PipelineRecord]) -> Int {
        var dropped = 0
        var urgent = false
        var full = false
        state.withLock { state in
            for record in records {
                if record.isSample {
                    if state.samples >= sampleCapacity {
                        dropped += 1
                        continue
                    }
                    state.samples += 1
                    state.accepted += 1
                } else {
                    urgent = true
                }
                state.records.append(record)
            }
            state.dropped += UInt64(dropped)
            full = state.samples >= batchRows
        }
        if urgent || full { doorbell.yield() }
        return dropped
    }

    /// Takes everything queued so far.
    func drain() -> [PipelineRecord] {
        state.withLock { state in
            defer {
                state.records.removeAll(keepingCapacity: true)
                state.samples = 0
            }
            return state.records
        }
    }

    /// Samples dropped since start.
    var droppedSamples: UInt64 { state.withLock { $0.dropped } }

    /// Samples accepted for the store since start.
    var acceptedSamples: UInt64 { state.withLock { $0.accepted } }

    /// Records waiting for the writer.
    var depth: Int { state.withLock { $0.records.count } }

    /// Wakes the writer (for its timer and for shutdown).
    func ring() { doorbell.yield() }

    /// No more records will come: the writer drains what is left and ends.
    func finish() {
        state.withLock { $0.finished = true }
        doorbell.finish()
    }
}
