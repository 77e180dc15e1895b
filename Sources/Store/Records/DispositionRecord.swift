/// A review board decision on a lot: who decided what, when, under which concession.
public struct DispositionRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var lot: String
    /// `Disposition.name`: release, use-as-is, rework, regrade, scrap, return-to-vendor.
    public var decision: String
    public var concession: String?
    public var grade: String?
    public var decidedBy: String
    public var decidedAt: Double
    public var note: String?
}
