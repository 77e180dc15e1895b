/// Capped exponential backoff with jitter for reconnects: initial, 2x, 4x ... up to `maximum`,
/// each wait multiplied by a random factor in `1 - jitter ... 1 + jitter` (so that devices that
/// fell together do not reconnect in lockstep).
public struct Backoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public var jitter: Double
    /// Consecutive failures so far.
    public private(set) var failures = 0

    public init(initial: Duration, maximum: Duration, jitter: Double) {
        self.initial = initial
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait before the next attempt, counting one more failure.
    public mutating func nextDelay(using generator: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(failures, 30)
        failures += 1
        let base = min(initial * (1 << exponent), maximum)
        guard jitter > 0 else { return base }
        let factor = Double.random(in: (1 - jitter)...(1 + jitter), using: &generator)
        return min(base * factor, maximum * (1 + jitter))
    }

    /// The wait before the next attempt with the system random generator.
    public mutating func nextDelay() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return nextDelay(using: &generator)
    }

    /// Back to the first wait (after a successful connect).
    public mutating func reset() { failures = 0 }
}
