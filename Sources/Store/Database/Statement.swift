import CSQLite

/// One prepared statement, owned by the `Connection` that prepared it (which finalizes it on
/// close). Binding is typed (`SQLBindable`), reading is typed by column accessor. Not
/// `Sendable`: it lives and dies inside its connection's owner.
final class Statement {
    let sql: String
    private(set) var handle: OpaquePointer?
    private let database: OpaquePointer

    init(database: OpaquePointer, sql: String) throws(StoreError) {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw Connection.error(database: database, code: rc, sql: sql)
        }
        handle = statement
    }

    deinit {
        assert(handle == nil, "statement not finalized by its connection: \(sql)")
    }

    /// Frees the statement; the connection calls this before closing.
    func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    /// Turns a result code into an error carrying this statement's SQL.
    func check(_ rc: Int32) throws(StoreError) {
        guard rc == SQLITE_OK else { throw Connection.error(database: database, code: rc, sql: sql) }
    }

    /// Binds `values` to parameters 1...n, which must be all the statement's parameters. Every
    /// path that runs a statement resets it when done, so it is always ready to bind.
    func bind<each V: SQLBindable>(_ values: repeat each V) throws(StoreError) {
        var index: Int32 = 1
        for value in repeat each values {
            try value.bind(to: self, at: index)
            index += 1
        }
        assert(index - 1 == sqlite3_bind_parameter_count(handle), "\(index - 1) values for the parameters of \(sql)")
    }

    /// Steps once: true when a row is available, false when the statement is done.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw Connection.error(database: database, code: rc, sql: sql)
        }
    }

    /// Binds `values` and runs the statement to completion (an insert, update or delete).
    func run<each V: SQLBindable>(_ values: repeat each V) throws(StoreError) {
        try bind(repeat each values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs a statement whose parameters were bound one by one (`set(_:at:)`) to completion.
    /// The hot sample insert uses this: plain calls, no generic dispatch per value.
    func runBound() throws(StoreError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Binds one parameter (1-based) for `runBound()`.
    @inline(__always)
    func set<V: SQLBindable>(_ value: V, at index: Int32) throws(StoreError) {
        try value.bind(to: self, at: index)
    }

    /// Binds `values` and maps every result row.
    func rows<each V: SQLBindable, T>(
        _ values: repeat each V, map: (Statement) throws(StoreError) -> T
    ) throws(StoreError) -> [T] {
        try bind(repeat each values)
        defer { sqlite3_reset(handle) }
        var result: [T] = []
        while try step() { result.append(try map(self)) }
        return result
    }

    /// Binds `values` and maps the first result row, if any.
    func row<each V: SQLBindable, T>(
        _ values: repeat each V, map: (Statement) throws(StoreError) -> T
    ) throws(StoreError) -> T? {
        try bind(repeat each values)
        defer { sqlite3_reset(handle) }
        return try step() ? try map(self) : nil
    }

    // MARK: typed column reading (0-based column index)

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    /// A `REAL` column; `NULL` reads as NaN (SQLite stores NaN as `NULL`).
    func double(_ column: Int32) -> Double { isNull(column) ? .nan : sqlite3_column_double(handle, column) }

    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    func string(_ column: Int32) -> String { optionalString(column) ?? "" }

    func optionalString(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func optionalBlob(_ column: Int32) -> [UInt8]? {
        if isNull(column) { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}
