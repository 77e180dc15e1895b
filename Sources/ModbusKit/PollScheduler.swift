/// Runs a cycle at a fixed rate on a monotonic clock until the task is cancelled, skipping (and
/// counting) ticks a slow cycle overran instead of running them late in a burst.
public enum PollScheduler {
    /// What a cycle learns about its tick.
    public struct Cycle: Sendable, Hashable {
        /// 0 for the first cycle.
        public var index: Int
        /// Ticks skipped right before this cycle.
        public var skippedBefore: Int
        /// Ticks skipped since the start.
        public var skippedTotal: Int
    }

    /// Calls `body` at every tick of `interval` on `clock`, starting now, until cancelled.
    public static func run<C: Clock>(
        every interval: Duration, clock: C, _ body: (Cycle) async -> Void
    ) async where C.Duration == Duration {
        var schedule = TickSchedule(start: clock.now, interval: interval)
        var index = 0
        var skippedBefore = 0
        while !Task.isCancelled {
            do {
                try await clock.sleep(until: schedule.deadline, tolerance: nil)
            } catch {
                return
            }
            await body(Cycle(index: index, skippedBefore: skippedBefore, skippedTotal: schedule.skipped))
            index += 1
            skippedBefore = schedule.advance(finishedAt: clock.now)
        }
    }

    /// `run` on the continuous (monotonic) clock.
    public static func run(every interval: Duration, _ body: (Cycle) async -> Void) async {
        await run(every: interval, clock: ContinuousClock(), body)
    }
}
