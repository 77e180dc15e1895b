import Logging
extension StoreWriter {
    /// Deletes raw samples older than `cutoff` in small transactions (`pruneBatchRows` each),
    /// letting other writes in between. Subgroup statistics, signals, defects, lots and holds
    /// are kept.
    public func prune(samplesOlderThan cutoff: Double) async throws -> PruneReport {
        var report = PruneReport(cutoff: cutoff, samplesDeleted: 0, transactions: 0)
        let ids = characteristics.values.map(\.rowID).sorted()
        let batch = configuration.pruneBatchRows
        for id in ids {
            while true {
                let deleted = try write(.normal) {
                    try connection.statement("""
                        DELETE FROM sample WHERE id IN (
                            SELECT id FROM sample WHERE characteristic_id = ? AND time < ? ORDER BY time LIMIT ?)
                        """).run(id, cutoff, batch)
                    return connection.changes
                }
                report.transactions += 1
                report.samplesDeleted += deleted
                if deleted < batch { break }
                await Task.yield()
            }
        }
        if report.samplesDeleted > 0 {
            logger.info("store pruned samples", metadata: [
                "store.samples_deleted": "\(report.samplesDeleted)", "store.cutoff": "\(cutoff)",
            ])
        }
        return report
    }

    /// Applies the configured sample retention relative to `now`; nil when none is configured.
    public func pruneExpired(now: Double) async throws -> PruneReport? {
        guard let retention = configuration.sampleRetentionSeconds else { return nil }
        return try await prune(samplesOlderThan: now - retention)
    }
}
