/// A capability index with its confidence interval (nil bounds when not computable).
public struct CapabilityIndex: Sendable, Hashable, Codable {
    public var value: Double
    public var lower: Double?
    public var upper: Double?

    public init(value: Double, lower: Double?, upper: Double?) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
