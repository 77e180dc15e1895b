/// A stretch of web material, in metres from the start of a roll or reel.
public struct MetreWindow: Sendable, Hashable, Codable {
    public var from: Double
    public var to: Double

    public init(from: Double, to: Double) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    /// This window widened by `margin` metres on both sides.
    public func widened(by margin: Double) -> MetreWindow {
        MetreWindow(from: from - margin, to: to + margin)
    }

    /// The part of this window (in the parent's metres) that a child consumed as `consumed`,
    /// in the child's own metres (which start at the start of the consumed window), or nil
    /// when they do not overlap. Touching ends count as overlap: the boundary is suspect.
    public func carried(into consumed: MetreWindow) -> MetreWindow? {
        guard from <= consumed.to, to >= consumed.from else { return nil }
        return MetreWindow(from: max(from, consumed.from) - consumed.from, to: min(to, consumed.to) - consumed.from)
    }
}
