/// A device's last known state, as the poller reported it.
public struct DeviceStatus: Sendable, Hashable, Codable {
    public var name: String
    public var endpoint: String
    /// The poller's word for it (`up`, `down`, `degraded`, `unknown`).
    public var state: String
    public var lastPoll: Double?
    public var roundTripSeconds: Double?

    public init(name: String, endpoint: String, state: String, lastPoll: Double?, roundTripSeconds: Double?) {
        self.name = name
        self.endpoint = endpoint
        self.state = state
        self.lastPoll = lastPoll
        self.roundTripSeconds = roundTripSeconds
    }
}
