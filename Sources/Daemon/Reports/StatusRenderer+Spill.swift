import Store

extension StatusRenderer {
    /// The degraded-store lines of `lineguard status`: records that wait in the spill beside
    /// the database because the disk was full (none when the spill is empty or absent).
    static func spillLines(database: String) -> [String] {
        let path = Spill.path(forDatabase: database)
        let status: SpillStatus?
        do {
            status = try Spill.status(ofSpillAt: path)
        } catch {
            return ["STORE SPILL: cannot read \(path): \(error)", ""]
        }
        guard let status, !status.isEmpty else { return [] }
        let fill = "\(StoreDegradation.bytes(status.usedBytes)) of \(StoreDegradation.bytes(status.capacityBytes))"
        return [
            "STORE SPILL: \(status.entries) record(s) wait in \(path) (\(fill)): the disk was full;",
            "  they are written to the database when space returns (at the latest at the next start)",
            "",
        ]
    }
}
