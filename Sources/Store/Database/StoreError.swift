import CSQLite

/// A failure of the store, with enough context to act on it: the SQLite result code, SQLite's
/// message and the SQL that failed (when a statement failed).
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for callers that branch on it.
    public enum Kind: String, Sendable, Hashable {
        /// SQLite itself refused (I/O, constraint, busy, corrupt, ...); `code` says which.
        case sqlite
        /// A named lot, characteristic or record does not exist.
        case notFound = "not_found"
        /// The database was written by a newer LineGuard (its schema version is unknown here).
        case schemaTooNew = "schema_too_new"
        /// A shipped migration's text differs from what the database recorded when applying it.
        case migrationChanged = "migration_changed"
        /// The caller passed something the store cannot record (a cycle in the genealogy, ...).
        case invalidArgument = "invalid_argument"
        /// The connection was already closed.
        case closed
    }

    public var kind: Kind
    /// The SQLite (extended) result code; `SQLITE_ERROR` (1) for failures that are not SQLite's.
    public var code: Int32
    public var message: String
    /// The statement that failed, if one did.
    public var sql: String?

    public init(kind: Kind = .sqlite, code: Int32, message: String, sql: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// A failure that is the store's own judgement rather than SQLite's.
    static func store(_ kind: Kind, _ message: String) -> StoreError {
        StoreError(kind: kind, code: SQLITE_ERROR, message: message)
    }

    public var description: String {
        var text = "store error (\(kind.rawValue), code \(code)): \(message)"
        if let sql { text += " [sql: \(sql)]" }
        return text
    }
}
