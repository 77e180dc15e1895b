public import LineModel

/// One hold of one lot for one cause.
public struct HoldRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var lot: String
    public var trigger: HoldTrigger
    /// The idempotency key: at most one open hold per lot and cause.
    public var cause: String
    public var reason: String
    /// The held metres of the lot, when the hold covers a window of web material.
    public var window: MetreWindow?
    /// The hold this one was propagated from, if any.
    public var sourceHoldID: Int64?
    public var placedBy: String
    public var placedAt: Double
    public var expectedRelease: Double?
    public var releasedAt: Double?
    public var releasedBy: String?
    public var dispositionID: Int64?
}
