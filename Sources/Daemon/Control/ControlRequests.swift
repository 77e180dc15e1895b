/// Request bodies of the control API (JSON, snake_case keys). Every state change names its
/// actor: the person or system the audit log records.
struct LotStartBody: Decodable, Sendable {
    var lot: String
    var station: String
    /// A `LotKind` raw value; the station's lot kind when absent.
    var kind: String?
    var actor: String
}

struct LotEndBody: Decodable, Sendable {
    var station: String
    var actor: String
}

struct HoldBody: Decodable, Sendable {
    var reason: String
    var actor: String
}

struct ReleaseBody: Decodable, Sendable {
    var note: String?
    var actor: String
}

struct DispositionBody: Decodable, Sendable {
    /// release, use-as-is, rework, regrade, scrap, return-to-vendor
    var `as`: String
    /// Required for use-as-is.
    var concession: String?
    /// Required for regrade (e.g. "B").
    var grade: String?
    var note: String?
    var actor: String
}

struct AcknowledgeBody: Decodable, Sendable {
    var cause: String
    var action: String?
    var actor: String
}

struct RecomputeBody: Decodable, Sendable {
    /// How many of the latest good samples form the new Phase I window (default: phase1); a
    /// decimal number as text (the CLI sends every field as a string).
    var window: String?
    var actor: String
}

struct ApproveBody: Decodable, Sendable {
    var actor: String
}

/// What every state-changing call answers.
struct ControlResult: Encodable, Sendable {
    var ok: Bool
    var message: String
    var ids: [Int64] = []
}
