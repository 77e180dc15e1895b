public import LineModel
import Logging

extension StoreWriter {
    /// Commits `samples` as one batch in one transaction (`synchronous=NORMAL`). A lot named by
    /// a sample and not yet known is started (kind of the characteristic's station).
    public func append(samples: [Sample]) throws {
        guard !samples.isEmpty else { return }
        try write(.normal) { try insert(samples[...]) }
    }

    /// Hands `samples` to the group commit without waiting: they are committed on the
    /// writer's queue in transactions of `batchRows` as soon as a whole batch is waiting, and
    /// the rest by `flush()`, before any defect, at `close()`, and every `batchInterval` while
    /// `runGroupCommits()` runs. A batch that fails is logged and counted in `lostSampleCount`.
    public nonisolated func enqueue(samples: [Sample]) {
        guard intake.add(samples, batchRows: configuration.batchRows) else { return }
        executor.schedule { [self] in
            assumeIsolated { writer in writer.commitFullBatches() }
        }
    }

    /// Commits every sample waiting for a group commit, in transactions of `batchRows`. A
    /// batch that fails is dropped and counted (raw samples are the one thing the record may
    /// lose, and a bad batch must not block later writes); the first failure is thrown after
    /// the other batches were tried.
    public func flush() throws {
        try commit(intake.takeAll())
    }

    /// How many samples wait for a group commit.
    public var pendingSampleCount: Int { intake.count }

    /// How many enqueued samples were dropped because their batch failed.
    public nonisolated var lostSampleCount: Int { intake.lost }

    /// Commits waiting samples every `batchInterval` until the task is cancelled, then commits
    /// what is left. A failed batch is logged and dropped; the loop goes on. Run it as (part
    /// of) a service.
    public func runGroupCommits() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: configuration.batchInterval)
            } catch {
                break
            }
            flushBefore("timer")
        }
        flushBefore("stop")
    }

    /// `flush()` before a record that must not wait for raw samples: a failure is logged, not thrown.
    func flushBefore(_ what: String) {
        do {
            try flush()
        } catch {
            logger.error("store dropped samples", metadata: ["store.error": "\(error)", "store.before": "\(what)"])
        }
    }

    /// The scheduled group commit of whole batches.
    private func commitFullBatches() {
        do {
            try commit(intake.takeFullBatches(of: configuration.batchRows))
        } catch {
            logger.error("store dropped samples", metadata: ["store.error": "\(error)", "store.before": "group commit"])
        }
    }

    private func commit(_ samples: [Sample]) throws {
        var firstError: (any Error)?
        var start = samples.startIndex
        while start < samples.endIndex {
            let end = min(start + configuration.batchRows, samples.endIndex)
            do {
                try write(.normal) { try insert(samples[start..<end]) }
            } catch {
                intake.recordLoss(end - start)
                firstError = firstError ?? error
            }
            start = end
        }
        if let firstError { throw firstError }
    }

    private func insert(_ samples: ArraySlice<Sample>) throws {
        let statement = try connection.statement("""
            INSERT INTO sample (characteristic_id, time, mono, value, quality, lot_id, sequence) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        // Consecutive samples mostly share characteristic and lot: look each up once per run.
        var lastID: CharacteristicID?
        var info: CharacteristicInfo?
        var lastLot: LotID?
        var lotID: Int64?
        for sample in samples {
            if sample.characteristic != lastID || info == nil {
                info = try characteristic(sample.characteristic)
                lastID = sample.characteristic
            }
            guard let info else { continue }
            if sample.lot != lastLot || (sample.lot != nil && lotID == nil) {
                lastLot = sample.lot
                lotID = try sample.lot.map { lot in
                    try lotRowIDs[lot] ?? ensureLot(lot, kind: info.lotKind, station: info.station, at: sample.time.wall,
                                                    actor: configuration.systemActor, how: "first seen in a sample")
                }
            }
            try statement.set(info.rowID, at: 1)
            try statement.set(sample.time.wall, at: 2)
            try statement.set(Int64(bitPattern: sample.time.monotonicNanos), at: 3)
            try statement.set(sample.value, at: 4)
            try statement.set(QualityText(sample.quality), at: 5)
            try statement.set(lotID, at: 6)
            try statement.set(sample.sequence.map { Int64(bitPattern: $0) }, at: 7)
            try statement.runBound()
        }
    }

    /// Records the statistics of one subgroup and marks its raw samples (those of the
    /// characteristic within `from...to`) as members. Returns the subgroup's id.
    @discardableResult
    public func record(subgroup: SubgroupStatistics) throws -> Int64 {
        flushBefore("subgroup")
        let info = try characteristic(subgroup.characteristic)
        return try write(.normal) {
            let lotID = try subgroup.lot.map { code in
                try ensureLot(code, kind: info.lotKind, station: info.station, at: subgroup.from,
                              actor: configuration.systemActor, how: "first seen in a subgroup")
            }
            try connection.statement("""
                INSERT INTO subgroup (characteristic_id, time_from, time_to, n, mean, range, sd, minimum, maximum, lot_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(info.rowID, subgroup.from, subgroup.to, subgroup.count, subgroup.mean, subgroup.range,
                         subgroup.standardDeviation, subgroup.minimum, subgroup.maximum, lotID)
            let id = connection.lastInsertRowID
            try connection.statement("""
                UPDATE sample SET subgroup_id = ? WHERE characteristic_id = ? AND time >= ? AND time <= ?
                """).run(id, info.rowID, subgroup.from, subgroup.to)
            return id
        }
    }
}
