import CSQLite
import LineModel
import Testing
@testable import Store

/// Replaying a spill into the database: each record is looked up by its identity and written
/// only when it is missing, so a record spilled and committed (a crash between the commit and
/// the spill's reset) or spilled twice is stored once.
@Suite struct SpillReplayTests {
    /// Writes what `isCommitted` says is missing, the way the daemon's writer does.
    static func replay(_ records: [SpillRecord], into writer: StoreWriter) async throws -> Int {
        var written = 0
        for record in records where !(try await writer.isCommitted(record)) {
            switch record {
            case .defect(let defect, let signal):
                var signalID: Int64?
                if let signal {
                    signalID = try await writer.committedSignalID(signal)
                    if signalID == nil { signalID = try await writer.record(signal: signal) }
                }
                _ = try await writer.record(defect: defect, signalID: signalID)
            case .signal(let signal, _):
                try await writer.record(signal: signal)
            case .limits(let limits):
                try await writer.save(limits: limits)
            case .lotStarted(let lot, let kind, let station, let at):
                try await writer.startLot(lot, kind: kind, station: station, at: at)
            case .lotEnded(let lot, let at):
                try await writer.endLot(lot, at: at)
            case .dataQuality(let event):
                try await writer.record(event: event)
            }
            written += 1
        }
        return written
    }

    static func records() -> [SpillRecord] {
        let signal = RuleSignal(
            characteristic: Fixtures.fillWeight, statistic: "x", ruleSet: "we", rule: 1, value: 76.5, lcl: 76.9,
            ucl: 79.1, time: Fixtures.time(1_010), lot: LotID("B-1"), sequence: 7)
        return [
            .lotStarted(LotID("B-1"), kind: .cellBatch, station: "filling", at: 1_001),
            .limits(ControlLimits(characteristic: Fixtures.fillWeight, statistic: "x", center: 78, sigma: 0.4, lcl: 76.8,
                                  ucl: 79.2, estimator: "mr", phase1Count: 100, computedAt: 1_005, approvedBy: "system",
                                  approvedAt: 1_005)),
            .defect(Fixtures.fillDefect(value: 76.5, at: 1_010, lot: "B-1"), signal: signal),
            .signal(RuleSignal(characteristic: Fixtures.fillWeight, statistic: "x", ruleSet: "we", rule: 2, value: 78.9,
                               lcl: 76.9, ucl: 79.1, time: Fixtures.time(1_020), lot: LotID("B-1")), holdLot: false),
            .defect(Fixtures.fillDefect(value: 76.2, at: 1_030, lot: "B-1"), signal: nil),
            .dataQuality(DataQualityEvent(kind: .deviceDown, device: "filler-plc", detail: "timeout", time: Fixtures.time(1_040))),
            .lotEnded(LotID("B-1"), at: 1_050),
        ]
    }

    struct Counts: Equatable {
        var defects, signals, holds, limits, events, lots, endedLots: Int
    }

    static func counts(_ database: TemporaryDatabase) throws -> Counts {
        let reader = try StoreReader(path: database.path)
        defer { reader.close() }
        return Counts(
            defects: try reader.defects(limit: 1_000).count, signals: try reader.signals(limit: 1_000).count,
            holds: try reader.holds().count,
            limits: try reader.audit(limit: 1_000).filter { $0.entity == "control_limit" }.count,
            events: try reader.dataQualityEvents(limit: 1_000).count, lots: try reader.lots(limit: 1_000).count,
            endedLots: try reader.lots(limit: 1_000).filter { $0.endedAt != nil }.count)
    }

    @Test func aReplayWritesEachRecordOnceWhateverWasCommittedBefore() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let spill = try Spill(path: Spill.path(forDatabase: database.path), capacity: SpillLayout.minimumCapacity)
        let records = Self.records()
        try await spill.append(records)
        // The first three were committed before the crash (the spill was not reset yet).
        #expect(try await Self.replay(Array(records.prefix(3)), into: writer) == 3)
        let contents = try await spill.contents()
        #expect(contents.records == records)
        #expect(try await Self.replay(contents.records, into: writer) == records.count - 3)
        let once = try Self.counts(database)
        #expect(once == Counts(defects: 2, signals: 2, holds: 1, limits: 1, events: 1, lots: 1, endedLots: 1))
        // A second start that replays the same spill again (no reset reached) writes nothing.
        #expect(try await Self.replay(contents.records, into: writer) == 0)
        // And the same records spilled twice are written once.
        #expect(try await Self.replay(records + records, into: writer) == 0)
        #expect(try Self.counts(database) == once)
        for record in records { #expect(try await writer.isCommitted(record), "\(record.idempotencyKey)") }
        await writer.close()
    }

    @Test func aRecordIsFoundOnlyByItsOwnIdentity() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let defect = Fixtures.fillDefect(value: 76.5, at: 1_010, lot: nil)
        _ = try await writer.record(defect: defect, signalID: nil)
        #expect(try await writer.isCommitted(.defect(defect, signal: nil)))
        var sameWallOtherUnit = defect
        sameWallOtherUnit.time.monotonicNanos += 1
        #expect(!(try await writer.isCommitted(.defect(sameWallOtherUnit, signal: nil))))
        var otherCode = defect
        otherCode.code = "FILL.OVER"
        #expect(!(try await writer.isCommitted(.defect(otherCode, signal: nil))))
        let limits = ControlLimits(characteristic: Fixtures.fillWeight, statistic: "x", center: 78, sigma: 0.4, lcl: 76.8,
                                   ucl: 79.2, estimator: "mr", phase1Count: 100, computedAt: 1_005)
        try await writer.save(limits: limits)
        #expect(try await writer.isCommitted(.limits(limits)), "approved_at NULL matches NULL")
        var approved = limits
        approved.approvedAt = 1_006
        #expect(!(try await writer.isCommitted(.limits(approved))))
        #expect(!(try await writer.isCommitted(.lotEnded(LotID("nope"), at: 1))))
        await writer.close()
    }

    @Test func diskFullIsSQLiteFullOrAnIOErrorForLackOfSpace() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        #expect(await writer.isDiskFull(StoreError(code: SQLITE_FULL, message: "database or disk is full")))
        #expect(!(await writer.isDiskFull(StoreError(code: SQLITE_BUSY, message: "database is locked"))))
        #expect(!(await writer.isDiskFull(StoreError(code: SQLITE_CONSTRAINT, message: "constraint"))))
        #expect(!(await writer.isDiskFull(StoreError(kind: .notFound, code: SQLITE_FULL, message: "not SQLite's"))))
        // An I/O error counts only with ENOSPC behind it; this connection had no failed OS call.
        #expect(!(await writer.isDiskFull(StoreError(code: 10 | (4 << 8), message: "disk I/O error"))))
        #expect(!(await writer.isDiskFull(SpillError(kind: .io, operation: "pwrite", path: "x", code: 28))))
        await writer.close()
    }
}
