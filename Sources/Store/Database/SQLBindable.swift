import CSQLite

/// A Swift value that binds to a statement parameter with its natural SQLite type.
/// Optionals bind `NULL` for `nil`.
protocol SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError)
}

extension Int64: SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.check(sqlite3_bind_int64(statement.handle, index, self))
    }
}

extension Int: SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.check(sqlite3_bind_int64(statement.handle, index, Int64(self)))
    }
}

extension Bool: SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        try statement.check(sqlite3_bind_int64(statement.handle, index, self ? 1 : 0))
    }
}

extension Double: SQLBindable {
    /// NaN binds as `NULL` explicitly (SQLite would store it as `NULL` anyway).
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        if isNaN {
            try statement.check(sqlite3_bind_null(statement.handle, index))
        } else {
            try statement.check(sqlite3_bind_double(statement.handle, index, self))
        }
    }
}

extension String: SQLBindable {
    /// SQLite copies the text (`SQLITE_TRANSIENT`): the Swift buffer is gone when this returns.
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        let length = Int32(utf8.count)
        try statement.check(sqlite3_bind_text(statement.handle, index, self, length, lg_sqlite_transient()))
    }
}

extension StaticString: SQLBindable {
    /// A literal lives as long as the program: SQLite may keep the pointer (`SQLITE_STATIC`),
    /// which spares the copy on the sample hot path.
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        let rc = withUTF8Buffer { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement.handle, index, chars.baseAddress, Int32(chars.count), lg_sqlite_static())
            }
        }
        try statement.check(rc)
    }
}

extension [UInt8]: SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        let rc = withUnsafeBytes { bytes in
            // A zero-length blob must still be a blob, not NULL: SQLite treats a nil pointer as NULL.
            sqlite3_bind_blob(statement.handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                              Int32(bytes.count), lg_sqlite_transient())
        }
        try statement.check(rc)
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.check(sqlite3_bind_null(statement.handle, index))
        }
    }
}
