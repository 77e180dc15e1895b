import LineModel
import Synchronization

/// Samples handed to the writer without waiting (`StoreWriter.enqueue(samples:)`), whether a
/// group commit of them is already scheduled on the writer's queue, and how many were lost.
/// `Sendable` through its `Mutex`: producers on any thread, the writer on its queue.
final class SampleIntake: Sendable {
    private struct State {
        var samples: [Sample] = []
        var commitScheduled = false
        var lost = 0
    }

    private let state = Mutex(State())

    /// Adds `samples`; true when the caller must schedule a group commit (a full batch is
    /// waiting and none is scheduled yet).
    func add(_ samples: [Sample], batchRows: Int) -> Bool {
        state.withLock { state in
            state.samples.append(contentsOf: samples)
            guard state.samples.count >= batchRows, !state.commitScheduled else { return false }
            state.commitScheduled = true
            return true
        }
    }

    /// Takes the waiting samples in whole batches of `batchRows` (the rest keeps waiting for
    /// more, the timer or a flush) and clears the scheduled mark.
    func takeFullBatches(of batchRows: Int) -> [Sample] {
        state.withLock { state in
            state.commitScheduled = false
            let count = state.samples.count / batchRows * batchRows
            let taken = Array(state.samples.prefix(count))
            state.samples.removeFirst(count)
            return taken
        }
    }

    /// Takes every waiting sample.
    func takeAll() -> [Sample] {
        state.withLock { state in
            defer { state.samples.removeAll(keepingCapacity: true) }
            return state.samples
        }
    }

    var count: Int { state.withLock { $0.samples.count } }

    var lost: Int { state.withLock { $0.lost } }

    func recordLoss(_ count: Int) {
        state.withLock { $0.lost += count }
    }
}
