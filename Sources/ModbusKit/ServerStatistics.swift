/// Counters of a `ModbusServer`, for tests and the simulator's status.
public struct ServerStatistics: Sendable, Hashable {
    /// Requests received (answered or not).
    public var requests = 0
    /// Requests that a fault rule changed.
    public var faultsInjected = 0
    public var connectionsAccepted = 0
    /// Connections refused because `FaultPlan.maxConnections` was reached.
    public var connectionsRefused = 0
    public var openConnections = 0
    /// Write requests applied to the map.
    public var writes = 0

    public init() {}
}
