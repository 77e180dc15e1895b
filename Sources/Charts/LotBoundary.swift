/// Where a new lot starts along the x axis of a control chart.
public struct LotBoundary: Sendable, Hashable {
    /// The index of the first point of the lot.
    public var index: Int
    /// The lot id as the plant wrote it (escaped when drawn).
    public var lot: String

    public init(index: Int, lot: String) {
        self.index = index
        self.lot = lot
    }

    /// The boundaries of a sequence of per-point lot ids: one wherever the lot changes,
    /// including the first point when it has a lot. Points without a lot carry on the previous one.
    public static func changes(in lots: [String?]) -> [LotBoundary] {
        var boundaries: [LotBoundary] = []
        var current: String?
        for (index, lot) in lots.enumerated() {
            guard let lot, lot != current else { continue }
            boundaries.append(LotBoundary(index: index, lot: lot))
            current = lot
        }
        return boundaries
    }
}
