/// When a value was measured: the wall clock for people and records, the monotonic clock for
/// intervals and ordering. Both are taken from the value's own request, not once per cycle.
public struct SampleTime: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z (UTC).
    public var wall: Double
    /// Nanoseconds on the system's monotonic clock (meaningful only within one boot).
    public var monotonicNanos: UInt64

    public init(wall: Double, monotonicNanos: UInt64) {
        self.wall = wall
        self.monotonicNanos = monotonicNanos
    }
}
