/// One numbered schema change: plain SQL, frozen once shipped (never edit a shipped migration;
/// add a new one). The migrator records each applied version with a checksum of its text, and
/// refuses a database whose recorded checksum differs from the text here.
struct Migration: Sendable {
    let version: Int
    let name: String
    let sql: String

    /// FNV-1a (64 bit) of the SQL text: cheap, stable across runs and platforms.
    var checksum: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Every migration, in order. Versions are 1, 2, 3, ... without gaps.
    static let all: [Migration] = [.v1Record, .v2StatisticalState, .v3EquipmentUse, .v4Autocorrelation]

    /// The schema version this build writes and reads.
    static var latestVersion: Int { all.count }
}
