/// How serious a nonconformance is. `critical` is reserved for safety characteristics
/// (burr, overhang, K-value, hi-pot).
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable {
    case critical
    case major
    case minor
}
