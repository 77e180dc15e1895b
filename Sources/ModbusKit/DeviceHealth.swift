/// A device's state as the daemon, the metrics and the operators see it.
public struct DeviceHealth: Sendable, Hashable {
    /// UP: the last poll read everything. DEGRADED: connected, but some requests failed (an
    /// exception, a timeout that a reconnect cured). DOWN: no connection (in reconnect backoff).
    public enum State: String, Sendable, Hashable, CaseIterable, Codable {
        case up = "UP"
        case degraded = "DEGRADED"
        case down = "DOWN"
    }

    public var state: State = .down
    /// The round-trip time of the last successful request.
    public var lastRoundTrip: Duration?
    public var requests = 0
    public var successes = 0
    public var connects = 0
    /// Failures counted by class.
    public var errors: [ModbusErrorKind: Int] = [:]
    /// The most recent failure, for the status page.
    public var lastError: ModbusError?
    /// Consecutive failed connects (drives the backoff).
    public var consecutiveConnectFailures = 0
    /// Scheduler ticks dropped because a cycle overran, by poll group.
    public var skippedCycles: [String: Int] = [:]
    /// When the next connect may be attempted (monotonic), while in backoff.
    public var nextConnectAttempt: ContinuousClock.Instant?

    public init() {}

    /// Failures of one class so far.
    public func errorCount(_ kind: ModbusErrorKind) -> Int { errors[kind, default: 0] }
}
