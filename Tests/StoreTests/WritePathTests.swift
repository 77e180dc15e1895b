import LineModel
import Testing
@testable import Store

@Suite struct WritePathTests {
    @Test func groupCommitsFlushAtTheRowCountAndOnTheTimer() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(
            database, configuration: StoreConfiguration(batchRows: 10, batchInterval: .milliseconds(20)))
        let reader = try StoreReader(path: database.path)
        func stored() throws -> Int { try reader.samples(characteristic: Fixtures.fillWeight, from: 0, to: 1e9).count }
        writer.enqueue(samples: (0..<9).map { Fixtures.sample(Fixtures.fillWeight, 78, at: Double($0)) })
        // Actor calls run on the writer's queue after any commit scheduled before them.
        #expect(await writer.pendingSampleCount == 9)
        #expect(try stored() == 0)
        writer.enqueue(samples: [Fixtures.sample(Fixtures.fillWeight, 78, at: 9)])
        #expect(await writer.pendingSampleCount == 0)
        #expect(try stored() == 10)
        // Whole batches are committed, the rest waits.
        writer.enqueue(samples: (100..<125).map { Fixtures.sample(Fixtures.fillWeight, 78, at: Double($0)) })
        #expect(await writer.pendingSampleCount == 5)
        #expect(try stored() == 30)
        // A defect commits the waiting samples first.
        writer.enqueue(samples: [Fixtures.sample(Fixtures.fillWeight, 76, at: 10, lot: "FB-1")])
        _ = try await writer.record(defect: Fixtures.fillDefect(value: 76, at: 10, lot: "FB-1"), signalID: nil)
        #expect(try stored() == 36)
        // The timer commits what waits.
        let committer = Task { await writer.runGroupCommits() }
        writer.enqueue(samples: (11..<14).map { Fixtures.sample(Fixtures.fillWeight, 78, at: Double($0)) })
        var waited = 0
        while try stored() < 39, waited < 200 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(try stored() == 39)
        committer.cancel()
        await committer.value
        // Close commits what is left.
        writer.enqueue(samples: [Fixtures.sample(Fixtures.fillWeight, 78, at: 20)])
        await writer.close()
        #expect(try stored() == 40)
        #expect(writer.lostSampleCount == 0)
    }

    @Test func retentionPrunesRawSamplesInSmallTransactionsAndKeepsTheRecord() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(
            database, configuration: StoreConfiguration(sampleRetentionSeconds: 50, pruneBatchRows: 7))
        try await writer.append(samples: (0..<100).map { Fixtures.sample(Fixtures.fillWeight, 78, at: Double($0), lot: "FB-1") })
        try await writer.append(samples: (0..<30).map { Fixtures.sample(Fixtures.coatingWeight, 20, at: Double($0)) })
        let subgroup = try await writer.record(subgroup: SubgroupStatistics(
            characteristic: Fixtures.fillWeight, from: 10, to: 14, count: 5, mean: 78, range: 0, lot: LotID("FB-1")))
        _ = try await writer.record(defect: Fixtures.fillDefect(value: 76, at: 12, lot: "FB-1"), signalID: nil)
        let reader = try StoreReader(path: database.path)
        let before = try reader.statistics()
        #expect(before.rows["sample"] == 130 && before.rows["subgroup"] == 1)
        #expect(before.databaseBytes > 0)
        #expect(subgroup > 0)

        let report = try #require(try await writer.pruneExpired(now: 100))
        #expect(report.cutoff == 50)
        #expect(report.samplesDeleted == 80)
        #expect(report.transactions == 8 + 5 + 1, "50 fill rows by 7, 30 coating rows by 7, one empty pass for burr")
        let remaining = try reader.samples(characteristic: Fixtures.fillWeight, from: 0, to: 1e9)
        #expect(remaining.map(\.time.wall) == (50..<100).map(Double.init))
        let after = try reader.statistics()
        #expect(after.rows["sample"] == 50)
        #expect(after.rows["subgroup"] == 1 && after.rows["defect"] == 1 && after.rows["hold"] == 1 && after.rows["lot"] == 1)
        let unconfigured = try await Fixtures.writer(try TemporaryDatabase())
        #expect(try await unconfigured.pruneExpired(now: 100) == nil)
        await unconfigured.close()
        await writer.close()
    }

    @Test func specLimitsAreVersionedByValidityTime() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        try await writer.sync(line: Fixtures.line(), at: 1_500)
        try await writer.sync(line: Fixtures.line(coatingUSL: 21.5), at: 2_000)
        let reader = try StoreReader(path: database.path)
        #expect(try reader.specLimits(Fixtures.coatingWeight)?.usl == 21.5)
        #expect(try reader.specLimits(Fixtures.coatingWeight, at: 1_999)?.usl == 21.0)
        #expect(try reader.specLimits(Fixtures.coatingWeight, at: 2_000)?.usl == 21.5)
        #expect(try reader.specLimits(Fixtures.coatingWeight, at: 10) == nil)
        let versions = try reader.audit().filter { $0.entity == "spec_limit" }
        #expect(versions.count == 4, "three initial versions and one change")
        #expect(versions.last?.actor == "configuration")
        await writer.close()
    }

    @Test func controlLimitVersionsSupersedeEachOther() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        func limits(_ center: Double, at time: Double) -> ControlLimits {
            ControlLimits(characteristic: Fixtures.fillWeight, statistic: "x", center: center, sigma: 0.3, lcl: center - 0.9,
                          ucl: center + 0.9, estimator: "mr", phase1Count: 25, computedAt: time, approvedBy: "qe.anna",
                          approvedAt: time + 1)
        }
        let first = try await writer.save(limits: limits(78, at: 10))
        let second = try await writer.save(limits: limits(78.2, at: 20))
        #expect(second > first)
        let reader = try StoreReader(path: database.path)
        #expect(try reader.currentLimits(Fixtures.fillWeight, statistic: "x")?.center == 78.2)
        #expect(try reader.currentLimits(Fixtures.fillWeight, statistic: "mr") == nil)
        #expect(try reader.audit().filter { $0.entity == "control_limit" }.map(\.actor) == ["qe.anna", "qe.anna"])
        await writer.close()
    }

    /// A reader keeps reading consistent snapshots while the writer commits, and reads the file
    /// after the writer has closed it.
    @Test func readerReadsWhileTheWriterWrites() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let reader = try StoreReader(path: database.path, busyTimeoutMilliseconds: 0)
        let producer = Task {
            for batch in 0..<100 {
                try await writer.append(samples: (0..<20).map {
                    Fixtures.sample(Fixtures.fillWeight, 78, at: Double(batch * 20 + $0))
                })
            }
        }
        var last = 0
        var reads = 0
        while true {
            let count = try reader.statistics().rows["sample"].map(Int.init) ?? 0
            #expect(count >= last && count % 20 == 0, "whole batches only")
            last = count
            reads += 1
            if count == 2_000 { break }
            await Task.yield()
        }
        try await producer.value
        #expect(reads > 1)
        await writer.close()
        let afterClose = try StoreReader(path: database.path)
        #expect(try afterClose.statistics().rows["sample"] == 2_000)
        #expect(try afterClose.integrityCheck() == ["ok"])
    }
}
