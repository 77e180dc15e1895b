import CSQLite

/// One SQLite connection and its prepared-statement cache. It has exactly one owner (the
/// writer actor, or a reader behind its lock); it is not `Sendable`. The handle is nil after
/// `close()`, and a handle whose open failed is freed at once.
final class Connection {
    /// How a write transaction is made durable.
    enum Durability {
        /// `synchronous=NORMAL` in WAL mode: survives a crash of the process; a power loss may
        /// lose it (raw samples).
        case normal
        /// `synchronous=FULL`: the WAL is synced before COMMIT returns (defects, holds, lots).
        case full
    }

    let path: String
    private(set) var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]
    private var synchronous: Durability?

    /// Opens `path`. Read-write connections create the file, switch to WAL and turn foreign
    /// keys on; read-only ones use `SQLITE_OPEN_READONLY`, which WAL lets read during writes.
    init(path: String, readOnly: Bool, busyTimeoutMilliseconds: Int32 = 5_000) throws(StoreError) {
        self.path = path
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        var database: OpaquePointer?
        let rc = sqlite3_open_v2(path, &database, flags, nil)
        guard rc == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(database)
            throw StoreError(code: rc, message: "cannot open '\(path)': \(message)")
        }
        handle = database
        sqlite3_extended_result_codes(database, 1)
        sqlite3_busy_timeout(database, busyTimeoutMilliseconds)
        do {
            if readOnly {
                try execute("PRAGMA foreign_keys = ON")
            } else {
                try execute("PRAGMA journal_mode = WAL")
                try execute("PRAGMA foreign_keys = ON")
                try setSynchronous(.normal)
            }
        } catch {
            close()
            throw error
        }
    }

    /// The owner closes the connection; one dropped open (a writer released without
    /// `close()`) is closed here, as GRDB does, since nothing else can reach it any more.
    deinit {
        close()
    }

    /// Finalizes every cached statement and closes the handle. Safe to call twice.
    func close() {
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// The open handle, or a `.closed` error.
    func database() throws(StoreError) -> OpaquePointer {
        guard let handle else { throw StoreError.store(.closed, "the connection to \(path) is closed") }
        return handle
    }

    /// The one place a SQLite result code becomes a Swift error.
    static func error(database: OpaquePointer?, code: Int32, sql: String?) -> StoreError {
        let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return StoreError(code: code, message: message, sql: sql)
    }

    /// Runs one or more SQL statements without parameters (pragmas, migrations).
    func execute(_ sql: String) throws(StoreError) {
        let database = try database()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(database, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(errorMessage)
            throw StoreError(code: rc, message: message, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`, preparing it on first use.
    func statement(_ sql: String) throws(StoreError) -> Statement {
        if let cached = cache[sql] { return cached }
        let statement = try Statement(database: try database(), sql: sql)
        cache[sql] = statement
        return statement
    }

    /// The first column of the first row of `sql`, as an integer (counts, pragmas).
    func scalar<each V: SQLBindable>(_ sql: String, _ values: repeat each V) throws(StoreError) -> Int64? {
        try statement(sql).row(repeat each values) { row in row.optionalInt64(0) } ?? nil
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Sets `synchronous` for the next commits (outside a transaction), only when it changes.
    func setSynchronous(_ durability: Durability) throws(StoreError) {
        guard synchronous != durability else { return }
        try execute(durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
        synchronous = durability
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, committed with `durability`; any error
    /// rolls everything back and is rethrown.
    func transaction<T>(_ durability: Durability, _ body: () throws -> T) throws -> T {
        try setSynchronous(durability)
        try statement("BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try statement("COMMIT").run()
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                try? statement("ROLLBACK").run()
            }
            throw error
        }
    }

    /// Runs `body` in one read transaction, so that several queries see one snapshot (WAL
    /// keeps it stable while the writer commits).
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        try statement("BEGIN DEFERRED").run()
        defer {
            if sqlite3_get_autocommit(handle) == 0 { try? statement("COMMIT").run() }
        }
        return try body()
    }
}
