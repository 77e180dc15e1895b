import Foundation
import LineModel
import Logging
import ModbusKit
import Store
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The daemon as a plant runs it: control API through the CLI, interlocks, metrics, SIGTERM
/// under load, the systemd watchdog, and reload. Real binary, real simulator, loopback only.
@Suite(.serialized) struct DaemonServiceTests {
    static let interlock = """
        [[interlocks]]
        station = "filling"
        device = "filling-plc"
        register = "coil"
        address = 50
        """

    @Test(.timeLimit(.minutes(4))) func controlAPIAndInterlocksThroughTheCLI() async throws {
        let line = try await LineFixture(appendix: Self.interlock)
        try await line.startDaemon()
        let held = try await line.waitFor { $0.heldLots.contains { $0.id == "FIL-000002" } }
        #expect(held, "the stepped nozzle's lot must go on hold")

        // The interlock was written after the hold was committed, and reads back as set.
        let log = line.daemon?.log ?? ""
        let holdAt = log.range(of: "lot.id=FIL-000002 [Store] hold placed")?.lowerBound
        let interlockAt = log.range(of: "reason=lot FIL-000002 on hold [Daemon] interlock written and read back")?.lowerBound
        #expect(holdAt != nil && interlockAt != nil && holdAt! < interlockAt!, "hold first, then interlock:\n\(log.suffix(2000))")
        let device = ModbusDevice(
            endpoint: ModbusEndpoint(host: "127.0.0.1", port: line.port), options: DeviceOptions(),
            logger: Logger(label: "test"))
        let coil = PointDefinition(name: "interlock", unit: 1, kind: .coil, address: 50, type: .bool)
        let reading = await device.poll(RequestPlanner.plan([coil], options: DeviceOptions())).first
        #expect(reading?.value == .bool(true))
        await device.close()

        // State changes through the control API, with exit codes scripts can use.
        let hold = try line.cli(["hold", "FIL-000001", "--reason", "visual check of nozzle 3"])
        #expect(hold.status == 0, "\(hold.stderr)")
        #expect(try StoreReader(path: line.database).lot(LotID("FIL-000001"))?.status == .onHold)
        // FIL-000001 was made before the step: nothing else touches it during the test.
        let noConcession = try line.cli(["disposition", "FIL-000001", "--as", "use-as-is"])
        #expect(noConcession.status == 3)
        #expect(noConcession.stderr.contains("concession"))
        #expect(try line.cli(["disposition", "FIL-000001", "--as", "rework", "--note", "re-fill"]).status == 0)
        #expect(try StoreReader(path: line.database).lot(LotID("FIL-000001"))?.status == .rework)
        let illegal = try line.cli(["release", "FIL-000001"])
        #expect(illegal.status == 3, "rework must be re-inspected, not released: \(illegal.stderr)")
        #expect(try line.cli(["hold", "FIL-000001", "--reason", "re-inspection failed"]).status == 0)
        #expect(try line.cli(["release", "FIL-000001"]).status == 0)
        #expect(try StoreReader(path: line.database).lot(LotID("FIL-000001"))?.status == .released)
        #expect(try line.cli(["hold", "NO-SUCH-LOT", "--reason", "x"]).status == 3)
        let forged = try line.cli(["hold", "FIL-000001", "--reason", "ok\n2026 critical lineguard: FAKE \u{1B}[31m"])
        #expect(forged.status == 3, "free text with control characters is refused")
        #expect(forged.stderr.contains("reason contains control characters"))
        let signal = try #require(try StoreReader(path: line.database).status().openSignals.first)
        #expect(try line.cli(["signal", "ack", "\(signal.id)", "--cause", "nozzle 3 clogged", "--action", "cleaned"]).status == 0)
        #expect(try !StoreReader(path: line.database).status().openSignals.contains { $0.id == signal.id })
        let audit = try StoreReader(path: line.database).audit(lot: LotID("FIL-000001"))
        #expect(audit.contains { $0.actor.hasPrefix("it-test (uid ") })
        let unreachable = try LineGuardProcess.run(["hold", "X", "--reason", "y", "--socket", line.directory + "/none.sock"])
        #expect(unreachable.status == 1)

        let stopped = line.stop()
        #expect(stopped.daemon == 0)
        #expect(!FileManager.default.fileExists(atPath: line.socket), "the control socket is removed at stop")
    }

    @Test(.timeLimit(.minutes(2))) func metricsAreScrapedAndParsed() async throws {
        let port = try Self.freePort()
        let line = try await LineFixture(daemonKeys: "metrics_listen = \"127.0.0.1:\(port)\"")
        try await line.startDaemon()
        _ = try await line.waitFor { $0.characteristics.contains { $0.center != nil } }
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let text = String(decoding: data, as: UTF8.self)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            #expect(parts.count == 2, "not a sample line: \(line)")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value } else { Issue.record("bad value: \(line)") }
        }
        #expect((values["lineguard_samples_total{quality=\"good\"}"] ?? 0) > 0)
        #expect(values["lineguard_device_up{endpoint=\"127.0.0.1:\(line.port)\"}"] == 1)
        #expect(values["lineguard_build_info{version=\"0.1.0\"}"] == 1)
        #expect(values.keys.contains { $0.hasPrefix("lineguard_modbus_round_trip_seconds_bucket") })
        #expect(values.keys.contains { $0.hasPrefix("lineguard_store_commit_seconds_count") })
        #expect(line.stop().daemon == 0)
    }

    @Test(.timeLimit(.minutes(2))) func sigtermUnderLoadCommitsEverySample() async throws {
        // A fast line: a new cell on every nozzle every 50 ms, polled every 50 ms.
        let line = try await LineFixture(scenario: "filling-baseline", speed: 60, daemonKeys: "")
        try await line.startDaemon()
        _ = try await line.waitFor(seconds: 20) { status in status.characteristics.allSatisfy { $0.lastValue != nil } }
        try await Task.sleep(for: .seconds(3))
        let started = Date()
        let status = line.daemon?.stop(timeout: 20)
        let shutdownSeconds = Date().timeIntervalSince(started)
        #expect(status == 0)
        #expect(shutdownSeconds < 10, "shutdown took \(shutdownSeconds) s")
        let log = line.daemon?.log ?? ""
        let accepted = Self.metadata("samples.accepted", in: log)
        let committed = Self.metadata("samples.committed", in: log)
        #expect(accepted != nil && accepted == committed, "accepted \(String(describing: accepted)) committed \(String(describing: committed))")
        let reader = try StoreReader(path: line.database)
        #expect(try reader.integrityCheck() == ["ok"])
        var stored = 0
        for characteristic in try reader.status().characteristics {
            stored += try reader.samples(characteristic: CharacteristicID(characteristic.id), from: 0, to: 1e12).count
        }
        #expect(stored == committed, "rows in the database: \(stored)")
        print("shutdown under load: \(String(format: "%.2f", shutdownSeconds)) s, \(stored) samples committed")
    }

    @Test(.timeLimit(.minutes(2))) func watchdogGoesSilentWhileThePipelineIsStuck() async throws {
        let line = try await LineFixture(scenario: "filling-baseline", speed: 20)
        let notify = try NotifySocket(path: line.directory + "/notify.sock")
        try await line.startDaemon(environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "1000000"])
        #expect(notify.wait(for: "READY=1", seconds: 10))
        #expect(notify.wait(for: "WATCHDOG=1", seconds: 5))
        // Stall the writer: another process holds the database's write lock for 4 s.
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        locker.arguments = [
            "python3", "-c",
            "import sqlite3,time,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(4); c.execute('COMMIT')",
            line.database,
        ]
        let out = Pipe()
        locker.standardOutput = out
        try locker.run()
        _ = out.fileHandleForReading.availableData  // "locked"
        try await Task.sleep(for: .milliseconds(1500))
        let quietFrom = Date()
        notify.clear()
        try await Task.sleep(for: .milliseconds(1800))
        let duringStall = notify.messages(since: quietFrom).filter { $0.contains("WATCHDOG=1") }
        #expect(duringStall.isEmpty, "no watchdog ping while the writer is stuck: \(duringStall)")
        locker.waitUntilExit()
        #expect(notify.wait(for: "WATCHDOG=1", seconds: 5), "pings resume once the pipeline moves")
        #expect(line.stop().daemon == 0)
    }

    @Test(.timeLimit(.minutes(2))) func reloadAppliesChangesAndRejectsInvalidFiles() async throws {
        let line = try await LineFixture(scenario: "filling-baseline", speed: 20)
        try await line.startDaemon()
        _ = try await line.waitFor { $0.characteristics.allSatisfy { $0.center != nil } }
        try line.writeConfiguration { $0.replacingOccurrences(of: "usl = 79.2", with: "usl = 79.5") }
        let reload = try line.cli(["reload"])
        #expect(reload.status == 0, "\(reload.stderr)")
        #expect(reload.stdout.contains("configuration reloaded"))
        #expect(try StoreReader(path: line.database).status().characteristics.allSatisfy { $0.usl == 79.5 })
        #expect(line.daemon?.log.contains("control limits frozen after Phase I") == true)
        let limitsBefore = try StoreReader(path: line.database).currentLimits(CharacteristicID("filling.fill_weight.n1"), statistic: "x")

        try line.writeConfiguration { $0.replacingOccurrences(of: "usl = 79.2", with: "usl = \"high\"") }
        kill(line.daemon!.process.processIdentifier, SIGHUP)
        try await Task.sleep(for: .seconds(1))
        #expect(line.daemon?.log.contains("reload rejected: the running configuration stays") == true)
        let refused = try line.cli(["reload"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("characteristics[0].usl: \"high\" is not valid; expected a number"))
        #expect(line.daemon?.process.isRunning == true)
        // Unchanged SPC state: no new Phase I after the reload.
        let limitsAfter = try StoreReader(path: line.database).currentLimits(CharacteristicID("filling.fill_weight.n1"), statistic: "x")
        #expect(limitsAfter?.center == limitsBefore?.center)
        #expect(line.stop().daemon == 0)
    }

    static func metadata(_ key: String, in log: String) -> Int? {
        guard let range = log.range(of: key + "=", options: .backwards) else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw FixtureError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

@Suite(.serialized) struct LimitApprovalTests {
    @Test(.timeLimit(.minutes(4))) func recomputedLimitsTakeEffectOnlyWhenApproved() async throws {
        let line = try await LineFixture(scenario: "filling-baseline", speed: 20)
        try await line.startDaemon()
        let id = CharacteristicID("filling.fill_weight.n2")
        _ = try await line.waitFor { $0.characteristics.allSatisfy { $0.center != nil } }
        let before = try #require(try StoreReader(path: line.database).currentLimits(id, statistic: "x"))
        #expect(before.approvedBy == "system:phase1")
        #expect(try line.cli(["limits", "approve", id.rawValue]).status == 3, "nothing to approve yet")
        try await Task.sleep(for: .seconds(6))
        let recompute = try line.cli(["limits", "recompute", id.rawValue, "--window", "30"])
        #expect(recompute.status == 0, "\(recompute.stderr)")
        #expect(recompute.stdout.contains("proposed x limits"))
        #expect(try StoreReader(path: line.database).currentLimits(id, statistic: "x")?.center == before.center, "not before approval")
        #expect(try line.cli(["limits", "recompute", id.rawValue, "--window", "1"]).status == 3)
        let approve = try line.cli(["limits", "approve", id.rawValue])
        #expect(approve.status == 0, "\(approve.stderr)")
        let after = try #require(try StoreReader(path: line.database).currentLimits(id, statistic: "x"))
        #expect(after.approvedBy?.hasPrefix("it-test (uid ") == true)
        #expect(after.phase1Count == 30)
        #expect(after.center != before.center)
        try await Task.sleep(for: .milliseconds(500))
        #expect(line.daemon?.log.contains("approved control limits in force") == true)
        #expect(line.stop().daemon == 0)
    }
}
