/// The holds one hold request placed: directly on the lots it named or selected, and on their
/// descendants by forward propagation. Lots already held for the same cause add nothing.
public struct HoldOutcome: Sendable, Hashable, Codable {
    public var placed: [Int64]
    public var propagated: [Int64]

    public init(placed: [Int64] = [], propagated: [Int64] = []) {
        self.placed = placed
        self.propagated = propagated
    }

    /// Every new hold id, direct ones first.
    public var all: [Int64] { placed + propagated }
}
