/// A fixed-rate schedule on a monotonic clock that skips rather than stacks: ticks sit on the
/// grid `start + k * interval`; when a cycle overruns, the missed ticks are counted and dropped
/// and the next cycle waits for the next grid tick (no burst of catch-up cycles, no drift).
public struct TickSchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    public let interval: Duration
    /// The tick the current (or next) cycle belongs to.
    public private(set) var deadline: Instant
    /// Ticks dropped so far because a cycle overran.
    public private(set) var skipped = 0

    public init(start: Instant, interval: Duration) {
        precondition(interval > .zero, "a schedule needs a positive interval")
        self.interval = interval
        self.deadline = start
    }

    /// Moves to the next tick after a cycle that finished at `now`; returns how many ticks it
    /// had to skip (0 when the cycle fitted its interval).
    @discardableResult
    public mutating func advance(finishedAt now: Instant) -> Int {
        let next = deadline.advanced(by: interval)
        guard next < now else {
            deadline = next
            return 0
        }
        let late = next.duration(to: now)
        var missed = Int(late / interval)
        var candidate = next.advanced(by: interval * missed)
        if candidate < now {
            missed += 1
            candidate = candidate.advanced(by: interval)
        }
        deadline = candidate
        skipped += missed
        return missed
    }
}
