/// A chart analysis: Phase I window, excluded points and the charts (primary first).
public struct ChartAnalysis: Sendable, Hashable, Codable {
    public var phase1Count: Int
    public var excluded: [Int]
    public var charts: [ControlChart]

    public init(phase1Count: Int, excluded: [Int], charts: [ControlChart]) {
        self.phase1Count = phase1Count
        self.excluded = excluded
        self.charts = charts
    }
}
