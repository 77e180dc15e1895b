/// One entry of the audit log: a state change, who made it, and when.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Double
    public var actor: String
    /// What changed: `lot`, `hold`, `signal`, `defect`, `control_limit`, `spec_limit`, `genealogy`.
    public var entity: String
    public var entityID: Int64?
    public var lot: String?
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var detail: String?
}
