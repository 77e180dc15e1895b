/// Where the two ASCII characters of one register sit.
public enum StringByteOrder: String, Sendable, Hashable, CaseIterable, Codable {
    /// First character in the high byte (the common PLC layout: "AB" = 0x4142).
    case highFirst = "high_first"
    /// First character in the low byte (some Siemens and Schneider strings: "AB" = 0x4241).
    case lowFirst = "low_first"
}
