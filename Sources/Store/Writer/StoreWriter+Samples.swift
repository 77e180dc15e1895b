public import LineModel
import Logging

extension StoreWriter {
    /// Commits `samples` as one batch in one transaction (`synchronous=NORMAL`). A lot named by
    /// a sample and not yet known is started (kind of the characteristic's station).
    public func append(samples: [Sample]) throws {
        guard !samples.isEmpty else { return }
        try write(.normal) { try insert(samples) }
    }

    /// Adds `samples` to the group commit: they are committed when `batchRows` are waiting,
    /// when `flush()` is called, before any defect, and every `batchInterval` while
    /// `runGroupCommits()` runs.
    public func enqueue(samples: [Sample]) throws {
        pending.append(contentsOf: samples)
        if pending.count >= configuration.batchRows { try flush() }
    }

    /// Commits the samples waiting for a group commit, if any. A batch that fails is dropped
    /// (and the error thrown): raw samples are the one thing the record may lose, and a bad
    /// batch must not block every later write.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        try write(.normal) { try insert(batch) }
    }

    /// `flush()` before a record that must not wait for raw samples: a failure is logged, not thrown.
    func flushBefore(_ what: String) {
        let count = pending.count
        do {
            try flush()
        } catch {
            logger.error("store dropped a batch of samples", metadata: [
                "store.samples_lost": "\(count)", "store.error": "\(error)", "store.before": "\(what)",
            ])
        }
    }

    /// How many samples wait for the next group commit.
    public var pendingSampleCount: Int { pending.count }

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

    private func insert(_ samples: [Sample]) throws {
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
