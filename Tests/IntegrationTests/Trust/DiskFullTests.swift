import Foundation
import LineModel
import Store
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The database on a 16 MiB tmpfs that the test fills while the daemon runs the filling line at
/// full speed (a defect, a signal and a hold every 50 ms), then frees again. (At 2 MiB the WAL,
/// growing again once space is back, fills the rest within a second, and the retried records
/// fail again.)
///
/// What the daemon does, checked here: it stays up and keeps polling and judging; it reports a
/// degraded store once (a critical log line, `STATUS=DEGRADED: ...`, `lineguard_store_degraded`,
/// the records waiting, the write failures and the samples lost); the writer drops each sample
/// batch that fails and keeps every other record in memory, retrying it in order until space
/// returns; then everything judged is written, once, and nothing is half-written. The waiting
/// records also go to the durable spill beside the database (`<database>.spill`, allocated at
/// start, so writing into it needs no new blocks): a crash while the disk is full loses none of
/// them, and the next start replays them into the database, each once.
@Suite(.serialized) struct DiskFullTests {
    @Test(
        .enabled(if: SmallFilesystem.available, "skipped: mounting a size-limited tmpfs needs root (CAP_SYS_ADMIN)"),
        .timeLimit(.minutes(4)))
    func fullFilesystemCostsSamplesButNoDefectOrHold() async throws {
        let metricsPort = try DaemonServiceTests.freePort()
        let line = try await LineFixture(
            scenario: "filling-nozzle-step", speed: 60, daemonKeys: "metrics_listen = \"127.0.0.1:\(metricsPort)\"")
        let small = try SmallFilesystem(path: line.directory + "/small", size: "16m")
        defer { small.unmount() }
        let database = small.path + "/line.sqlite"
        try line.writeConfiguration(daemonKeys: "metrics_listen = \"127.0.0.1:\(metricsPort)\"") {
            $0.replacingOccurrences(of: "database = \"\(line.database)\"", with: "database = \"\(database)\"")
        }
        let notify = try NotifySocket(path: line.directory + "/notify.sock")
        var daemon = CrashTrial(line: line)
        defer { daemon.kill() }
        try await daemon.launch(waitForSocket: true, environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "1000000"])
        // Running normally: limits frozen, the stepped nozzle's defects recorded.
        var before = 0
        for _ in 0..<120 where before == 0 {
            try await Task.sleep(for: .milliseconds(250))
            before = (try? StoreReader(path: database).defects(limit: 100_000).count) ?? 0
        }
        try #require(before > 0, "no defect before the disk filled: \(daemon.log.suffix(2000))")

        let filled = small.fill()
        let fullFrom = Date().timeIntervalSince1970
        try await Task.sleep(for: .milliseconds(500))
        notify.clear()
        let metricsEarly = try await Self.metrics(port: metricsPort)
        try await Task.sleep(for: .seconds(3))
        let metricsLate = try await Self.metrics(port: metricsPort)
        let statusMessages = notify.messages(since: .distantPast).filter { $0.hasPrefix("STATUS=") }
        // Still polling and judging while nothing can be written.
        #expect(daemon.daemon?.process.isRunning == true, "the daemon must survive a full disk: \(daemon.log.suffix(2000))")
        #expect(
            (metricsLate["lineguard_samples_total{quality=\"good\"}"] ?? 0) > (metricsEarly["lineguard_samples_total{quality=\"good\"}"] ?? 0),
            "polling goes on")
        #expect((metricsLate["lineguard_defects_total"] ?? 0) > (metricsEarly["lineguard_defects_total"] ?? 0), "judging goes on")
        // A degraded state, reported once: log, STATUS= and metrics.
        let log = daemon.log
        let degradedLines = log.split(separator: "\n").filter { $0.contains("store cannot write") }
        #expect(degradedLines.count == 1, "one log line for the outage, not one per batch or per transaction that slips through: \(degradedLines.count)")
        #expect(notify.wait(for: "WATCHDOG=1", seconds: 2), "the pipeline moves, so the watchdog is still fed")
        #expect(statusMessages.contains { $0.contains("DEGRADED: store cannot write since") }, "STATUS= while full: \(statusMessages.suffix(2))")
        #expect(metricsLate["lineguard_store_degraded"] == 1)
        #expect((metricsLate["lineguard_store_pending_records"] ?? 0) > 0, "defects, signals and holds wait")
        #expect((metricsLate["lineguard_store_write_failures_total"] ?? 0) > 0)
        #expect((metricsLate["lineguard_samples_dropped_total{reason=\"store\"}"] ?? 0) > 0, "samples lost at the store are counted")
        #expect((metricsLate["lineguard_store_spill_bytes"] ?? 0) > 0, "the waiting records are in the spill too")
        #expect(metricsLate["lineguard_store_spill_full"] == 0)
        #expect(statusMessages.contains { $0.contains("records safe in the spill") }, "STATUS= names the spill: \(statusMessages.suffix(2))")
        let spillWhileFull = try Spill.status(ofSpillAt: Spill.path(forDatabase: database))
        #expect((spillWhileFull?.entries ?? 0) > 0, "entries on disk while the disk is full")

        small.free()
        let freedAt = Date().timeIntervalSince1970
        // The retried records land once space is back: the defects judged while the disk was full.
        var during: [DefectRecord] = []
        for _ in 0..<60 where during.isEmpty {
            try await Task.sleep(for: .milliseconds(250))
            during = ((try? StoreReader(path: database).defects(limit: 100_000)) ?? [])
                .filter { $0.detectedAt > fullFrom + 0.5 && $0.detectedAt < freedAt - 0.5 }
        }
        // The log closes the outage after a few clean passes in a row (a nearly full disk lets a
        // small transaction through now and then, which is no recovery).
        for _ in 0..<20 where !daemon.log.contains("store writes again") {
            try await Task.sleep(for: .milliseconds(250))
        }
        try await Task.sleep(for: .seconds(1))
        let metricsAfter = try await Self.metrics(port: metricsPort)
        let judged = Int(metricsAfter["lineguard_defects_total"] ?? 0)
        #expect(metricsAfter["lineguard_store_degraded"] == 0 && metricsAfter["lineguard_store_pending_records"] == 0, "healthy again")
        #expect(daemon.log.contains("store writes again"), "the recovery is logged")
        #expect(metricsAfter["lineguard_store_spill_bytes"] == 0, "the spill is emptied once its records are committed")
        #expect(daemon.stop() == 0, "clean stop after the disk was full: \(daemon.log.suffix(2000))")

        let reader = try StoreReader(path: database)
        #expect(try reader.integrityCheck() == ["ok"], "nothing half-written")
        let defects = try reader.defects(limit: 100_000)
        during = defects.filter { $0.detectedAt > fullFrom + 0.5 && $0.detectedAt < freedAt - 0.5 }
        #expect(!during.isEmpty, "defects judged while the disk was full are written once space returns")
        let errors = daemon.log.split(separator: "\n").filter { $0.contains(" error ") || $0.contains(" critical ") }
        #expect(defects.count >= judged, "every defect judged is in the record: \(judged) judged, \(defects.count) recorded; \(errors.suffix(6).joined(separator: "\n"))")
        let held = Set(try reader.holds().map(\.lot))
        #expect(during.allSatisfy { $0.lot.map(held.contains) ?? false }, "and their lots are on hold")
        let record = try CommittedRecords(path: database)
        #expect(record.duplicated.isEmpty, "nothing written twice by the retries: \(record.duplicated.prefix(10))")
        var keptSamples = 0
        for characteristic in CrashTrialTests.characteristics {
            keptSamples += try reader.samples(characteristic: characteristic, from: fullFrom + 0.5, to: freedAt - 0.5).count
        }
        let accepted = DaemonServiceTests.metadata("samples.accepted", in: daemon.log) ?? 0
        let committed = DaemonServiceTests.metadata("samples.committed", in: daemon.log) ?? 0
        #expect(committed < accepted, "today the samples that fail to commit are dropped, not spilled")
        print(
            "disk full: filler \(filled) bytes, full for \(String(format: "%.1f", freedAt - fullFrom)) s; "
                + "\(during.count) defects of that period written after space returned, \(defects.count) recorded of \(judged) judged; samples accepted \(accepted), "
                + "committed \(committed), \(keptSamples) stored from the full period; STATUS= while full: \(statusMessages.last ?? "-")")
    }

    @Test(
        .enabled(if: SmallFilesystem.available, "skipped: mounting a size-limited tmpfs needs root (CAP_SYS_ADMIN)"),
        .timeLimit(.minutes(4)))
    func recordsWaitingForSpaceSurviveACrash() async throws {
        let metricsPort = try DaemonServiceTests.freePort()
        let keys = "metrics_listen = \"127.0.0.1:\(metricsPort)\""
        let line = try await LineFixture(scenario: "filling-nozzle-step", speed: 60, daemonKeys: keys)
        let small = try SmallFilesystem(path: line.directory + "/small", size: "16m")
        defer { small.unmount() }
        let database = small.path + "/line.sqlite"
        try line.writeConfiguration(daemonKeys: keys) {
            $0.replacingOccurrences(of: "database = \"\(line.database)\"", with: "database = \"\(database)\"")
        }
        var daemon = CrashTrial(line: line)
        defer { daemon.kill() }
        try await daemon.launch(waitForSocket: true)
        var before = 0
        for _ in 0..<120 where before == 0 {
            try await Task.sleep(for: .milliseconds(250))
            before = (try? StoreReader(path: database).defects(limit: 100_000).count) ?? 0
        }
        try #require(before > 0, "no defect before the disk filled: \(daemon.log.suffix(2000))")
        small.fill()
        var metrics: [String: Double] = [:]
        for _ in 0..<40 where (metrics["lineguard_store_pending_records"] ?? 0) < 20 {
            try await Task.sleep(for: .milliseconds(250))
            metrics = try await Self.metrics(port: metricsPort)
        }
        let waiting = Int(metrics["lineguard_store_pending_records"] ?? 0)
        try #require(waiting >= 20, "records waiting for space: \(waiting)")
        let judged = Int(metrics["lineguard_defects_total"] ?? 0)
        // Every defect judged by now reaches the writer (and so the spill) within a pass.
        try await Task.sleep(for: .milliseconds(500))
        let spillPath = Spill.path(forDatabase: database)
        let spilled = try #require(try Spill.status(ofSpillAt: spillPath)).entries
        // Power cut (or OOM kill) while the disk is full, then space and a restart.
        daemon.kill()
        let killedAt = Date().timeIntervalSince1970
        small.free()
        let committedBeforeRestart = try CommittedRecords(path: database)
        try await daemon.launch(waitForSocket: true)
        try await Task.sleep(for: .seconds(2))
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("replaying records an earlier run spilled"), "the start replays the spill")
        let reader = try StoreReader(path: database)
        #expect(try reader.integrityCheck() == ["ok"])
        let defects = try reader.defects(limit: 100_000)
        let survived = defects.filter { $0.detectedAt < killedAt }.count
        #expect(survived >= judged, "\(judged) defects judged before the crash, \(survived) in the record (\(waiting) records were waiting)")
        let held = Set(try reader.holds().map(\.lot))
        #expect(defects.allSatisfy { $0.lot.map(held.contains) ?? true }, "and their lots are on hold")
        let after = try CommittedRecords(path: database)
        #expect(after.lost(since: committedBeforeRestart).isEmpty,
                "nothing committed before the crash was lost: \(after.lost(since: committedBeforeRestart).prefix(5))")
        #expect(after.duplicated.isEmpty, "nothing written twice by the replay: \(after.duplicated.prefix(10))")
        #expect(try Spill.status(ofSpillAt: spillPath)?.entries == 0, "the spill is reset once replayed")
        print(
            "disk full then crash: \(judged) defects judged, \(survived) recorded, \(waiting) records were waiting, "
                + "\(spilled) in the spill; \(after.summary)")
    }

    /// One scrape of the metrics endpoint, as name{labels} -> value.
    static func metrics(port: Int) async throws -> [String: Double] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        var values: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }
}
