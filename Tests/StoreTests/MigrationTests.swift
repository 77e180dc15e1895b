import LineModel
import Testing
@testable import Store

@Suite struct MigrationTests {
    @Test func emptyFileMigratesToTheLatestVersion() async throws {
        let database = try TemporaryDatabase()
        let writer = try StoreWriter(path: database.path, logger: Fixtures.logger)
        await writer.close()
        let connection = try Connection(path: database.path, readOnly: true)
        defer { connection.close() }
        #expect(try Migrator.version(of: connection) == Migration.latestVersion)
        let versions = try connection.statement("SELECT version FROM schema_migration ORDER BY version").rows { $0.int(0) }
        #expect(versions == Array(1...Migration.latestVersion))
        let mode = try connection.statement("PRAGMA journal_mode").row { $0.string(0) }
        #expect(mode == "wal")
        // Opening again applies nothing.
        let again = try Connection(path: database.path, readOnly: false)
        defer { again.close() }
        #expect(try Migrator.migrate(again, at: 2).isEmpty)
    }

    /// A database left at each earlier version, with data written by that version's schema,
    /// is migrated by the writer and keeps its data.
    @Test(arguments: 1..<Migration.latestVersion)
    func migratesFromEachEarlierVersion(version: Int) async throws {
        let database = try TemporaryDatabase()
        let old = try Connection(path: database.path, readOnly: false)
        #expect(try Migrator.migrate(old, to: version, at: 1) == Array(1...version))
        try old.execute("""
            INSERT INTO line (name, synced_at) VALUES ('line-1', 1);
            INSERT INTO station (line_id, name, lot_kind) VALUES (1, 'filling', 'cell_batch');
            INSERT INTO defect_code (code, station, severity, created_at) VALUES ('FILL.UNDER', 'filling', 'major', 1),
                ('FILL.OVER', 'filling', 'major', 1);
            INSERT INTO characteristic (name, station_id, unit, defect_code_low, defect_code_high, severity, chart)
                VALUES ('filling.fill_weight.n3', 1, 'g', 'FILL.UNDER', 'FILL.OVER', 'major', 'imr');
            INSERT INTO lot (code, kind, station, started_at, status) VALUES ('OLD-1', 'cell_batch', 'filling', 5, 'on_hold');
            INSERT INTO sample (characteristic_id, time, mono, value, quality, lot_id) VALUES (1, 6, 6, 78.2, 'good', 1);
            INSERT INTO signal (characteristic_id, chart, statistic, rule_set, rule, time, mono) VALUES (1, 'imr', 'x', 'we', 1, 6, 6);
            """)
        old.close()
        #expect(throws: StoreError.self) { try StoreReader(path: database.path) }

        let writer = try await Fixtures.writer(database)
        await writer.close()
        let reader = try StoreReader(path: database.path)
        #expect(try reader.lot(LotID("OLD-1"))?.status == .onHold)
        #expect(try reader.samples(characteristic: Fixtures.fillWeight, from: 0, to: 10).map(\.value) == [78.2])
        #expect(try reader.signals(openOnly: true).count == 1)
        #expect(try reader.integrityCheck() == ["ok"])
    }

    @Test func aNewerDatabaseIsRefused() async throws {
        let database = try TemporaryDatabase()
        let writer = try StoreWriter(path: database.path, logger: Fixtures.logger)
        await writer.close()
        let connection = try Connection(path: database.path, readOnly: false)
        try connection.execute("""
            INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES (\(Migration.latestVersion + 1), 'future', 0, 9);
            PRAGMA user_version = \(Migration.latestVersion + 1);
            """)
        connection.close()
        #expect { try StoreWriter(path: database.path, logger: Fixtures.logger) } throws: { error in
            (error as? StoreError)?.kind == .schemaTooNew
        }
        #expect { try StoreReader(path: database.path) } throws: { error in
            (error as? StoreError)?.kind == .schemaTooNew
        }
    }

    @Test func anEditedShippedMigrationIsRefused() throws {
        let database = try TemporaryDatabase()
        let connection = try Connection(path: database.path, readOnly: false)
        defer { connection.close() }
        try Migrator.migrate(connection, to: 1, at: 1)
        let edited = [Migration(version: 1, name: "record", sql: Migration.v1Record.sql + "\n-- edited")] + Migration.all.dropFirst()
        #expect { try Migrator.migrate(connection, migrations: edited, at: 2) } throws: { error in
            (error as? StoreError)?.kind == .migrationChanged
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let database = try TemporaryDatabase()
        let connection = try Connection(path: database.path, readOnly: false)
        defer { connection.close() }
        let broken = Migration.all + [Migration(version: Migration.latestVersion + 1, name: "broken",
                                                sql: "CREATE TABLE extra (id INTEGER); CREATE TABLE sample (id INTEGER);")]
        #expect(throws: StoreError.self) { try Migrator.migrate(connection, to: broken.count, migrations: broken, at: 1) }
        #expect(try Migrator.version(of: connection) == 0)
        #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('extra', 'lot', 'schema_migration')") == 0)
    }

    /// Shipped migrations are frozen: this pins their text. Add a migration instead of editing one.
    @Test func shippedMigrationsAreFrozen() {
        let pinned: [Int: Int64] = [1: Migration.v1Record.checksum, 2: Migration.v2StatisticalState.checksum,
                                    3: Migration.v3EquipmentUse.checksum]
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
        #expect(pinned == FrozenChecksums.values)
    }
}
