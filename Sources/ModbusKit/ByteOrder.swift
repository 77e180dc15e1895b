/// How a 32- or 64-bit value is laid out over 16-bit registers, in the vendors' letter naming:
/// `A` is the most significant byte. For 64-bit values the same pattern extends over four
/// registers (ABCD = big-endian `ABCDEFGH`, CDAB = word-swapped `GHEFCDAB`, BADC = bytes swapped
/// in each word `BADCFEHG`, DCBA = little-endian `HGFEDCBA`).
public enum ByteOrder: String, Sendable, Hashable, CaseIterable, Codable {
    /// Big-endian words, big-endian bytes (the Modbus default).
    case abcd = "ABCD"
    /// Little-endian word order, big-endian bytes (Siemens, Vaisala): "word swap".
    case cdab = "CDAB"
    /// Big-endian word order, bytes swapped within each register: "byte swap".
    case badc = "BADC"
    /// Fully little-endian.
    case dcba = "DCBA"

    /// True when the least significant register comes first.
    var wordsSwapped: Bool { self == .cdab || self == .dcba }

    /// True when the two bytes inside each register are exchanged.
    var bytesSwapped: Bool { self == .badc || self == .dcba }
}
