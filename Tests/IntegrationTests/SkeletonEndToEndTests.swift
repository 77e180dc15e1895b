import Foundation
import LineModel
import Store
import Testing

/// The walking skeleton end to end: the real binary as simulator and as daemon on an ephemeral
/// loopback port, then the SQLite record checked.
@Suite(.serialized) struct SkeletonEndToEndTests {
    @Test(.timeLimit(.minutes(2))) func steppedNozzleIsCaughtAndItsLotHeld() async throws {
        let directory = try TemporaryDirectory()
        let portFile = directory.path + "/port"
        let simulator = try LineGuardProcess.start(
            ["simulate", "--listen", "127.0.0.1:0", "--port-file", portFile, "--wait-for-client", "--scenario", "filling-nozzle-step",
             "--speed", "20"],
            stderrPath: directory.path + "/simulator.log")
        defer { _ = simulator.stop() }
        let port = try await waitForPort(portFile, simulator: simulator)

        let database = directory.path + "/line.sqlite"
        let demo = try String(contentsOfFile: Self.repoFile("config/demo.toml"), encoding: .utf8)
        let configuration = demo
            .replacingOccurrences(of: "127.0.0.1:15020", with: "127.0.0.1:\(port)")
            .replacingOccurrences(of: "database = \"lineguard-demo.sqlite\"", with: "database = \"\(database)\"")
        let configPath = directory.path + "/line.toml"
        try configuration.write(toFile: configPath, atomically: true, encoding: .utf8)

        let daemon = try LineGuardProcess.start(["run", "--config", configPath], stderrPath: directory.path + "/daemon.log")
        var caught = false
        for _ in 0..<120 {
            try await Task.sleep(for: .milliseconds(500))
            if let status = try? StoreReader(path: database).status(),
                status.defects.contains(where: { $0.characteristic == "filling.fill_weight.n3" }),
                !status.heldLots.isEmpty
            {
                caught = true
                break
            }
            if !daemon.process.isRunning { break }
        }
        let exit = daemon.stop()
        #expect(exit == 0, "daemon must stop cleanly on SIGTERM; log:\n\(daemon.log.suffix(3000))")
        #expect(caught, "the stepped nozzle was not caught; daemon log:\n\(daemon.log.suffix(3000))")

        let status = try StoreReader(path: database).status()
        let stepped = "filling.fill_weight.n3"
        let defects = status.defects.filter { $0.characteristic == stepped }
        #expect(!defects.isEmpty)
        #expect(defects.allSatisfy { $0.code == "FILL.UNDER" && ($0.unitSequence ?? 0) > 60 })
        #expect(status.openSignals.contains { $0.characteristic == stepped && $0.rule == 1 })
        #expect(status.defects.allSatisfy { $0.characteristic == stepped }, "no other nozzle may have a defect")
        let heldLots = Set(status.heldLots.map(\.id))
        for defect in defects {
            #expect(defect.lot.map(heldLots.contains) == true, "the defect's lot must be on hold")
        }
        #expect(status.heldLots.allSatisfy { $0.status == .onHold })
        let steppedStatus = status.characteristics.first { $0.id == stepped }
        #expect(steppedStatus?.center != nil, "Phase I limits must be frozen and recorded")
    }

    @Test func statusOfTheRecordPrintsTextAndJSON() async throws {
        let directory = try TemporaryDirectory()
        let missing = try LineGuardProcess.run(["status", "--db", directory.path + "/none.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test func badConfigurationNamesKeyValueAndExpectation() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bad.toml"
        let demo = try String(contentsOfFile: Self.repoFile("config/demo.toml"), encoding: .utf8)
        try demo.replacingOccurrences(of: "usl = 79.2", with: "usl = \"high\"")
            .replacingOccurrences(of: "poll_interval_ms = 50", with: "poll_interval_ms = -5")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try LineGuardProcess.run(["check-config", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("characteristics[0].usl: \"high\" is not valid; expected a number"))
        #expect(result.stderr.contains("devices[0].poll_interval_ms: -5 is not valid; expected an integer from 1 to 86400000"))
        let good = try LineGuardProcess.run(["check-config", Self.repoFile("config/demo.toml")])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("configuration OK"))
    }

    static func repoFile(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path
    }

    private func waitForPort(_ path: String, simulator: LineGuardProcess) async throws -> Int {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return port
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("simulator did not report its port; log:\n\(simulator.log)")
        throw CancellationError()
    }
}
