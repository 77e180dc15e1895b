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

/// Free text from a control-API client goes into the audit log, the logs and the dashboard:
/// it must be printable (no control characters, so no forged log lines or terminal escapes)
/// and of a sane length. A body that fails is refused whole (HTTP 400).
enum FreeText {
    static func check(_ text: String?, field: String, limit: Int = 500) throws(FreeTextError) {
        guard let text else { return }
        guard text.count <= limit else { throw FreeTextError(message: "\(field) is longer than \(limit) characters") }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw FreeTextError(message: "\(field) contains control characters")
        }
    }
}

struct FreeTextError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A request body whose text fields are checked with `FreeText` before use, and whose actor
/// is checked against the caller (`ControlActorPolicy`) and then replaced by the recorded text.
protocol CheckedBody {
    var actor: String { get set }
    func check() throws(FreeTextError)
}

extension LotStartBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(kind, field: "kind", limit: 32)
        try FreeText.check(station, field: "station", limit: 128)
    }
}

extension LotEndBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(station, field: "station", limit: 128)
    }
}

extension HoldBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(reason, field: "reason")
    }
}

extension ReleaseBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(note, field: "note")
    }
}

extension DispositionBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(note, field: "note")
        try FreeText.check(concession, field: "concession", limit: 64)
        try FreeText.check(grade, field: "grade", limit: 16)
    }
}

extension AcknowledgeBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(cause, field: "cause")
        try FreeText.check(action, field: "action")
    }
}

extension RecomputeBody: CheckedBody {
    func check() throws(FreeTextError) {
        try FreeText.check(actor, field: "actor", limit: 64)
        try FreeText.check(window, field: "window", limit: 16)
    }
}

extension ApproveBody: CheckedBody {
    func check() throws(FreeTextError) { try FreeText.check(actor, field: "actor", limit: 64) }
}
