/// Brings a database to the schema this build knows, in one durable transaction: creates the
/// `schema_migration` table, checks that every recorded migration is known and unchanged,
/// applies the missing ones in order, records them, and sets `PRAGMA user_version`.
enum Migrator {
    /// Migrates `connection` to `target` (the latest by default; tests stop earlier to build
    /// databases of older versions). Returns the versions applied now.
    @discardableResult
    static func migrate(
        _ connection: Connection, to target: Int = Migration.latestVersion,
        migrations: [Migration] = Migration.all, at time: Double
    ) throws -> [Int] {
        try connection.transaction(.full) {
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    checksum INTEGER NOT NULL,
                    applied_at REAL NOT NULL
                )
                """)
            let recorded = try connection.statement("SELECT version, checksum FROM schema_migration ORDER BY version")
                .rows { row in (version: row.int(0), checksum: row.int64(1)) }
            let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
            for entry in recorded {
                guard let migration = known[entry.version] else {
                    throw StoreError.store(.schemaTooNew, """
                        the database has schema version \(recorded.last?.version ?? entry.version), \
                        written by a newer LineGuard; this build knows versions up to \(migrations.count)
                        """)
                }
                guard migration.checksum == entry.checksum else {
                    throw StoreError.store(.migrationChanged, """
                        migration \(migration.version) '\(migration.name)' differs from the one applied \
                        to this database; shipped migrations must never change
                        """)
                }
            }
            let applied = Set(recorded.map(\.version))
            var done: [Int] = []
            for migration in migrations where migration.version <= target && !applied.contains(migration.version) {
                try connection.execute(migration.sql)
                try connection.statement(
                    "INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"
                ).run(migration.version, migration.name, migration.checksum, time)
                done.append(migration.version)
            }
            let version = max(applied.max() ?? 0, done.max() ?? 0)
            try connection.execute("PRAGMA user_version = \(version)")
            return done
        }
    }

    /// The schema version recorded in the file (`PRAGMA user_version`), 0 for a new file.
    static func version(of connection: Connection) throws(StoreError) -> Int {
        Int(try connection.scalar("PRAGMA user_version") ?? 0)
    }
}
