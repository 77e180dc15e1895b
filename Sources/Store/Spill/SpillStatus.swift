/// How full the spill is, for metrics, logs and `lineguard status`.
public struct SpillStatus: Sendable, Hashable {
    public var path: String
    /// Bytes available for entries (the file's allocated size less its header region).
    public var capacityBytes: Int
    /// Bytes taken by the entries waiting for the database.
    public var usedBytes: Int
    /// Entries waiting for the database.
    public var entries: Int

    public init(path: String, capacityBytes: Int, usedBytes: Int, entries: Int) {
        self.path = path
        self.capacityBytes = capacityBytes
        self.usedBytes = usedBytes
        self.entries = entries
    }

    public var isEmpty: Bool { entries == 0 }

    init(_ file: SpillFile) {
        self.init(
            path: file.path, capacityBytes: max(0, file.allocated - SpillLayout.headerRegion), usedBytes: file.usedBytes,
            entries: file.count)
    }
}

/// What a spill holds: its records in the order they were spilled.
public struct SpillContents: Sendable, Hashable {
    public var records: [SpillRecord]
    /// Entries whose checksum is right but whose payload this LineGuard cannot decode (written
    /// by a newer version); they are not replayed.
    public var undecodable: Int

    public init(records: [SpillRecord], undecodable: Int) {
        self.records = records
        self.undecodable = undecodable
    }
}
