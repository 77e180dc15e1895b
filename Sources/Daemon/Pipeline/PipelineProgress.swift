import Synchronization

/// Counters of the pipeline's own progress, read by the watchdog and the metrics: a stuck
/// poller or writer stops moving them, and then the watchdog stops pinging systemd.
public final class PipelineProgress: Sendable {
    private let pollCycles = Atomic<UInt64>(0)
    private let writerPasses = Atomic<UInt64>(0)
    private let skippedCycles = Atomic<UInt64>(0)
    private let committedSamples = Atomic<UInt64>(0)

    public init() {}

    func completedPollCycle() { pollCycles.add(1, ordering: .relaxed) }
    func completedWriterPass() { writerPasses.add(1, ordering: .relaxed) }
    func skipped(cycles: Int) { skippedCycles.add(UInt64(cycles), ordering: .relaxed) }
    func committed(samples: Int) { committedSamples.add(UInt64(samples), ordering: .relaxed) }

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
