/// What one retention run removed.
public struct PruneReport: Sendable, Hashable, Codable {
    /// Raw samples strictly older than this time were removed.
    public var cutoff: Double
    public var samplesDeleted: Int
    /// How many small transactions it took.
    public var transactions: Int
}
