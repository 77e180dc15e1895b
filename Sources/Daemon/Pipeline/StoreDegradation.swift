import Store

/// Why the store is degraded, as the status line and the log show it: the store's error, and
/// where the records waiting for it are (the spill's fill level, or that it is full).
struct StoreDegradation: Error, CustomStringConvertible {
    var error: any Error
    /// The spill after the pass; nil when the daemon runs without one.
    var spill: SpillStatus?
    var spillFull: Bool

    var description: String {
        guard let spill else { return "\(error); no spill: records wait in memory only" }
        let fill = "\(Self.bytes(spill.usedBytes)) of \(Self.bytes(spill.capacityBytes))"
        if spillFull {
            return "\(error); SPILL FULL (\(spill.entries) records, \(fill)): newer records wait in memory only"
        }
        return "\(error); \(spill.entries) records safe in the spill (\(fill))"
    }

    /// A byte count for people: `512 B`, `12.0 KiB`, `8.0 MiB`.
    static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return "\((Double(count) / 1024 * 10).rounded() / 10) KiB" }
        return "\((Double(count) / 1024 / 1024 * 10).rounded() / 10) MiB"
    }
}
