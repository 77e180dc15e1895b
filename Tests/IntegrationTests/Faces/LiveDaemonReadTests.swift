import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The read commands while the daemon runs and writes (the record is in WAL mode; the
/// commands open it read-only), against a real simulator on a loopback port.
@Suite(.serialized) struct LiveDaemonReadTests {
    static func repoFile(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relative).path
    }

    @Test(.timeLimit(.minutes(2))) func readCommandsWorkWhileTheDaemonWrites() async throws {
        let directory = try TemporaryDirectory()
        let portFile = directory.path + "/port"
        let simulator = try LineGuardProcess.start(
            ["simulate", "--listen", "127.0.0.1:0", "--port-file", portFile, "--wait-for-client", "--scenario", "filling-nozzle-step", "--speed", "20"],
            stderrPath: directory.path + "/simulator.log")
        defer { _ = simulator.stop() }
        var port: Int?
        for _ in 0..<200 where port == nil {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if port == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let simulatorPort = try #require(port, "simulator did not start:\n\(simulator.log)")
        let database = directory.path + "/line.sqlite"
        let configuration = try String(contentsOfFile: Self.repoFile("config/demo.toml"), encoding: .utf8)
            .replacingOccurrences(of: "127.0.0.1:15020", with: "127.0.0.1:\(simulatorPort)")
            .replacingOccurrences(of: "database = \"lineguard-demo.sqlite\"", with: "database = \"\(database)\"")
        let configPath = directory.path + "/line.toml"
        try configuration.write(toFile: configPath, atomically: true, encoding: .utf8)
        let daemon = try LineGuardProcess.start(["run", "--config", configPath], stderrPath: directory.path + "/daemon.log")
        defer { _ = daemon.stop() }

        // Wait for the first signal, reading through the CLI as an operator would.
        var signals: [[String: Any]] = []
        for _ in 0..<120 where signals.isEmpty {
            try await Task.sleep(for: .milliseconds(500))
            let run = try lineguard(["signals", "--format", "json"], database: database)
            if run.status == 0 { signals = (try? jsonObject(run.stdout) as? [[String: Any]]) ?? [] }
            if !daemon.process.isRunning { break }
        }
        #expect(!signals.isEmpty, "no signal read while the daemon ran; log:\n\(daemon.log.suffix(2000))")
        #expect(daemon.process.isRunning)

        let lots = try lineguard(["lots", "--format", "json"], database: database)
        let open = try #require(try jsonObject(lots.stdout) as? [[String: Any]]).first { $0["ended_at"] is NSNull }
        let lot = try #require(open?["lot"] as? String)
        let shown = try lineguard(["lot", "show", lot, "--format", "json"], database: database)
        #expect(shown.status == 0, "\(shown.stderr)")
        let chart = directory.path + "/live.svg"
        let drawn = try lineguard(["chart", "filling.fill_weight.n3", "--out", chart], database: database)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(XMLParser(data: Data(try String(contentsOfFile: chart, encoding: .utf8).utf8)).parse())
        let export = try lineguard(["export", "samples", "--since", "10m", "--limit", "100"], database: database)
        #expect(export.status == 0 && export.stdout.components(separatedBy: "\r\n").count > 10)
        #expect(daemon.stop() == 0, "the daemon stops cleanly; log:\n\(daemon.log.suffix(2000))")
    }
}
