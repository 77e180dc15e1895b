import Glibc

/// The bounded durable spill beside the database (`<database>.spill`): where defects, signals,
/// holds, lot changes, control limits and data-quality events wait, on disk, while the
/// database cannot take them because the disk is full.
///
/// The file is allocated to its full size when opened, so that appending needs no new blocks
/// on a full disk; every append is synced (`fdatasync`) before it returns, so a record in the
/// spill is as durable as a committed one. Replaying it into the database is the caller's job
/// (`contents()`, then `StoreWriter.isCommitted(_:)` for each record, then `reset()`). Every
/// call runs on the actor's own serial queue, never on the cooperative pool.
public actor Spill {
    /// The spill file.
    public nonisolated let path: String
    /// The configured size of the file, header included.
    public nonisolated let capacity: Int
    let file: SpillFile
    nonisolated let executor: DispatchQueueExecutor

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The conventional place of the spill of the database at `database`.
    public static func path(forDatabase database: String) -> String { database + ".spill" }

    /// Opens the spill at `path`, creating it and allocating `capacity` bytes (at least 64 KiB)
    /// if needed. Entries left by an earlier run stay until `reset()`.
    public init(path: String, capacity: Int) throws(SpillError) {
        self.path = path
        self.capacity = capacity
        self.executor = DispatchQueueExecutor(label: "lineguard.store.spill")
        self.file = try SpillFile(path: path, capacity: capacity)
    }

    /// The fill level now.
    public var status: SpillStatus { SpillStatus(file) }

    /// Reads the records back, in the order they were appended (a torn last entry is not
    /// among them).
    public func contents() throws(SpillError) -> SpillContents {
        var records: [SpillRecord] = []
        var undecodable = 0
        for payload in try file.payloads() {
            if let record = try? SpillRecord(decoding: payload) { records.append(record) } else { undecodable += 1 }
        }
        return SpillContents(records: records, undecodable: undecodable)
    }

    /// Appends `records` and syncs them: when this returns they survive a crash or a power
    /// cut. Throws `SpillError.Kind.full` (nothing written) when they do not fit.
    public func append(_ records: [SpillRecord]) throws(SpillError) {
        try file.append(records.map { $0.encoded() })
    }

    /// Empties the spill once its records are in the database (a new generation; the file
    /// keeps its blocks).
    public func reset() throws(SpillError) {
        try file.reset()
    }

    /// Closes the file; later calls fail with `SpillError.Kind.closed`.
    public func close() {
        file.close()
    }

    /// The fill level of the spill at `path`, read without writing (for `lineguard status`);
    /// nil when there is no spill there.
    public static func status(ofSpillAt path: String) throws(SpillError) -> SpillStatus? {
        let file: SpillFile
        do {
            file = try SpillFile(readingAt: path)
        } catch where error.kind == .io && error.code == ENOENT {
            return nil
        }
        defer { file.close() }
        return SpillStatus(file)
    }
}
