/// Expected parts per million outside the specification under a normal model.
public struct ExpectedPPM: Sendable, Hashable, Codable {
    public var below: Double
    public var above: Double
    public var total: Double { below + above }
}
