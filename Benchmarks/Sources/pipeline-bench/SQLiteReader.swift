import CSQLiteSys

/// A read-only SQLite connection to a subject's database (WAL lets it read while the subject
/// writes). The benchmark only counts and reads rows; it never writes.
///
/// Not Sendable: each thread opens its own.
final class SQLiteReader {
    private var handle: OpaquePointer?

    /// Opens `path` read-only; nil when the file does not exist (yet) or cannot be opened.
    init?(path: String) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            sqlite3_close(db)
            return nil
        }
        sqlite3_busy_timeout(db, 2000)
        handle = db
    }

    deinit {
        sqlite3_close(handle)
    }

    /// The rows of `sql` with `parameter` bound to ?1 (if given), each column as Int64 (NULL as
    /// 0) or text; nil when the statement fails (e.g. the schema is not there yet).
    func rows(_ sql: String, parameter: Int64? = nil) -> [[Value]]? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            sqlite3_finalize(statement)
            return nil
        }
        defer { sqlite3_finalize(statement) }
        if let parameter { sqlite3_bind_int64(statement, 1, parameter) }
        var result: [[Value]] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else { return nil }
            var row: [Value] = []
            for column in 0..<sqlite3_column_count(statement) {
                if sqlite3_column_type(statement, column) == SQLITE_TEXT, let text = sqlite3_column_text(statement, column) {
                    row.append(.text(String(cString: text)))
                } else {
                    row.append(.integer(sqlite3_column_int64(statement, column)))
                }
            }
            result.append(row)
        }
    }

    /// The single integer `sql` returns (0 when it returns nothing or fails).
    func integer(_ sql: String) -> Int64 {
        guard let rows = rows(sql), let first = rows.first?.first, case .integer(let value) = first else { return 0 }
        return value
    }

    enum Value {
        case integer(Int64)
        case text(String)

        var integer: Int64 {
            if case .integer(let value) = self { return value }
            return 0
        }

        var text: String {
            switch self {
            case .text(let value): value
            case .integer(let value): "\(value)"
            }
        }
    }
}
