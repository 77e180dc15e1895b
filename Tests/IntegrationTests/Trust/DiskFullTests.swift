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
/// What the daemon does today, checked here: it stays up and keeps polling and judging; the
/// writer drops each sample batch that fails (logged as "sample batch lost") and keeps every
/// other record in memory, retrying it in order until space returns; nothing is half-written.
/// What the issue asks for and the daemon lacks is marked as a known issue: a degraded state in
/// `STATUS=` and the metrics, and the lost samples counted.
@Suite(.serialized) struct DiskFullTests {
    @Test(
        .enabled(if: SmallFilesystem.available, "skipped: mounting a size-limited tmpfs needs root (CAP_SYS_ADMIN)"),
        .timeLimit(.minutes(2)))
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
        let log = daemon.log
        #expect(log.contains("sample batch lost"), "each failed sample batch is logged")
        #expect(log.contains("store write failed; will retry"), "each failed defect, signal or hold write is logged")
        #expect(notify.wait(for: "WATCHDOG=1", seconds: 2), "the pipeline moves, so the watchdog is still fed")
        withKnownIssue("no degraded state: STATUS= and the metrics do not say that the store cannot write", isIntermittent: false) {
            #expect(statusMessages.contains { $0.localizedCaseInsensitiveContains("degraded") || $0.localizedCaseInsensitiveContains("store") },
                    "STATUS= during the full disk: \(statusMessages.suffix(2))")
            #expect(metricsLate.keys.contains { $0.contains("degraded") || $0.contains("store_errors") || $0.contains("store_write_failures") },
                    "a metric for failing store writes")
            #expect((metricsLate["lineguard_samples_dropped_total"] ?? 0) > 0, "samples lost at the store are counted as dropped")
        }

        small.free()
        let freedAt = Date().timeIntervalSince1970
        // The retried records land once space is back: the defects judged while the disk was full.
        var during: [DefectRecord] = []
        for _ in 0..<60 where during.isEmpty {
            try await Task.sleep(for: .milliseconds(250))
            during = ((try? StoreReader(path: database).defects(limit: 100_000)) ?? [])
                .filter { $0.detectedAt > fullFrom + 0.5 && $0.detectedAt < freedAt - 0.5 }
        }
        try await Task.sleep(for: .seconds(1))
        let judged = Int(try await Self.metrics(port: metricsPort)["lineguard_defects_total"] ?? 0)
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
        let twice = record.duplicated.filter { $0.contains("defect") || $0.contains("hold") }
        #expect(twice.isEmpty, "no defect or hold written twice by the retries: \(twice.prefix(10))")
        // A defect and its signal are two transactions: when the defect's fails, the retry
        // writes the signal again.
        withKnownIssue("a retried defect records its signal a second time", isIntermittent: true) {
            let signals = record.duplicated.filter { $0.contains("signal") }
            #expect(signals.isEmpty, "\(signals.count) signals written twice: \(signals.prefix(5))")
        }
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
