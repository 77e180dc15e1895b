import Synchronization
import Foundation

/// Counters of the pipeline's own progress, read by the watchdog and the metrics: a stuck
/// poller or writer stops moving them, and then the watchdog stops pinging systemd.
public final class PipelineProgress: Sendable {
    private let pollCycles = Atomic<UInt64>(0)
    private let writerPasses = Atomic<UInt64>(0)
    private let skippedCycles = Atomic<UInt64>(0)
    private let committedSamples = Atomic<UInt64>(0)
    private let store = Mutex(StoreHealth())

    public init() {}

    func completedPollCycle() { pollCycles.add(1, ordering: .relaxed) }
    func completedWriterPass() { writerPasses.add(1, ordering: .relaxed) }
    func skipped(cycles: Int) { skippedCycles.add(UInt64(cycles), ordering: .relaxed) }
    func committed(samples: Int) { committedSamples.add(UInt64(samples), ordering: .relaxed) }

    /// Whether the store takes writes, as the writer last saw it.
    public struct StoreHealth: Sendable, Hashable {
        /// Since when writes fail (seconds since the epoch); nil while the store is healthy.
        public var failingSince: Double?
        public var lastError: String?
        /// Records (defects, signals, holds, lot changes, events) waiting in memory for a retry.
        public var pendingRecords = 0
        /// Raw samples lost because the store refused their batch.
        public var lostSamples: UInt64 = 0

        public var isDegraded: Bool { failingSince != nil }
    }

    /// Records the outcome of a writer pass.
    func storePass(failed error: (any Error)?, pending: Int, lostSamples: Int) {
        store.withLock { health in
            if let error {
                if health.failingSince == nil { health.failingSince = Clocks.wallNow() }
                health.lastError = "\(error)"
            } else {
                health.failingSince = nil
                health.lastError = nil
            }
            health.pendingRecords = pending
            health.lostSamples += UInt64(lostSamples)
        }
    }

    public var storeHealth: StoreHealth { store.withLock { $0 } }

    /// A snapshot of the counters.
    public var snapshot: Snapshot {
        Snapshot(
            pollCycles: pollCycles.load(ordering: .relaxed), writerPasses: writerPasses.load(ordering: .relaxed),
            skippedCycles: skippedCycles.load(ordering: .relaxed),
            committedSamples: committedSamples.load(ordering: .relaxed))
    }

    public struct Snapshot: Sendable, Hashable {
        public var pollCycles: UInt64
        public var writerPasses: UInt64
        public var skippedCycles: UInt64
        /// Samples the store has committed.
        public var committedSamples: UInt64
    }
}
