import LineModel
public import Logging

/// The one writing connection of the process. Every write runs on the actor's own serial
/// `DispatchQueue` (never on the cooperative pool), inside one transaction per call.
///
/// Durability: raw samples commit with `synchronous=NORMAL` (a power loss may cost the last
/// batch); defects, signals, holds, lot changes, dispositions, genealogy and limits commit with
/// `synchronous=FULL` and are on disk when the call returns, before anything acts on them.
public actor StoreWriter {
    /// The database file.
    public nonisolated let path: String
    public nonisolated let configuration: StoreConfiguration
    let logger: Logger
    let connection: Connection
    nonisolated let executor: DispatchQueueExecutor

    /// Characteristics by name, loaded at open and after every `sync(line:at:)`.
    var characteristics: [CharacteristicID: CharacteristicInfo] = [:]
    /// Row ids of lots seen by this writer; emptied whenever a transaction rolls back.
    var lotRowIDs: [LotID: Int64] = [:]
    /// Samples waiting for a group commit (`enqueue(samples:)`).
    nonisolated let intake = SampleIntake()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens (creating if needed) the database at `path` in WAL mode with a busy timeout and
    /// foreign keys on, and applies the missing migrations in one transaction. A database of a
    /// newer LineGuard is refused (`StoreError.Kind.schemaTooNew`).
    public init(path: String, logger: Logger, configuration: StoreConfiguration = StoreConfiguration()) throws {
        self.path = path
        self.logger = logger
        self.configuration = configuration
        self.executor = DispatchQueueExecutor(label: "lineguard.store.writer")
        let connection = try Connection(
            path: path, readOnly: false, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        do {
            let applied = try Migrator.migrate(connection, at: configuration.clock())
            if !applied.isEmpty {
                logger.info("store migrated", metadata: [
                    "store.path": "\(path)", "store.migrations": "\(applied.map(String.init).joined(separator: ","))",
                ])
            }
            self.characteristics = try Self.loadCharacteristics(connection)
        } catch {
            connection.close()
            throw error
        }
        self.connection = connection
    }

    /// Commits the samples still waiting for a group commit, then closes the connection.
    /// Later calls fail with `StoreError.Kind.closed`. (A writer released without `close()`
    /// closes its connection when it is freed, but its waiting samples are lost.)
    public func close() {
        flushBefore("close")
        connection.close()
    }

    /// Runs `body` in one transaction; on failure the lot cache is dropped (it may name rows
    /// that were rolled back) and the error is rethrown.
    func write<T>(_ durability: Connection.Durability, _ body: () throws -> T) throws -> T {
        do {
            return try connection.transaction(durability, body)
        } catch {
            lotRowIDs.removeAll()
            throw error
        }
    }

    /// Appends one entry to the audit log.
    func audit(
        entity: String, entityID: Int64?, lot: Int64?, action: String, from: String? = nil,
        to: String? = nil, detail: String? = nil, actor: String, at time: Double
    ) throws {
        try connection.statement("""
            INSERT INTO audit (at, actor, entity, entity_id, lot_id, action, from_state, to_state, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(time, actor, entity, entityID, lot, action, from, to, detail)
    }
}
