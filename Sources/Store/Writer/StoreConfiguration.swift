#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tunables of the writer. The defaults suit a line polled at 1-10 Hz per characteristic.
public struct StoreConfiguration: Sendable {
    /// A group commit happens when this many samples are waiting...
    public var batchRows: Int
    /// ...or when the oldest waiting sample has waited this long (`runGroupCommits()`).
    public var batchInterval: Duration
    /// Metres added on both sides of a suspect window before it is carried down the genealogy.
    public var propagationMarginMetres: Double
    /// Raw samples older than this many seconds are pruned by `pruneExpired(now:)`; nil keeps them.
    public var sampleRetentionSeconds: Double?
    /// Rows deleted per retention transaction (small, so that writers are not blocked long).
    public var pruneBatchRows: Int
    public var busyTimeoutMilliseconds: Int32
    /// The name written to the audit log for what the daemon does on its own.
    public var systemActor: String
    /// The wall clock (seconds since the epoch) for bookkeeping times the caller does not give;
    /// the system's real-time clock unless a test sets another.
    public var clock: @Sendable () -> Double

    public init(
        batchRows: Int = 500, batchInterval: Duration = .milliseconds(250),
        propagationMarginMetres: Double = 2, sampleRetentionSeconds: Double? = nil,
        pruneBatchRows: Int = 2_000, busyTimeoutMilliseconds: Int32 = 5_000,
        systemActor: String = "lineguard", clock: (@Sendable () -> Double)? = nil
    ) {
        self.batchRows = max(1, batchRows)
        self.batchInterval = batchInterval
        self.propagationMarginMetres = max(0, propagationMarginMetres)
        self.sampleRetentionSeconds = sampleRetentionSeconds
        self.pruneBatchRows = max(1, pruneBatchRows)
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.systemActor = systemActor
        self.clock = clock ?? StoreConfiguration.wallClock
    }

    /// Seconds since the epoch from the system's real-time clock.
    @Sendable public static func wallClock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
