import Foundation
import LineModel
import Logging
import ModbusKit
import Store
import Testing

/// The parts of SECURITY.md that can be checked by a machine: the control socket's mode and
/// group, a process outside the group refused, SQL only with bound parameters, and lot ids
/// from a PLC or the control API with control characters rejected and escaped in the log.
@Suite(.serialized) struct SecurityTests {
    /// The escape character a hostile lot id would use to rewrite an operator's terminal.
    static let escape = "\u{1B}"

    @Test(
        .enabled(if: OtherUser.available, "skipped: running the CLI as another user needs root and setpriv"),
        .timeLimit(.minutes(2)))
    func controlSocketAdmitsItsGroupOnly() async throws {
        let line = try await LineFixture(scenario: "filling-baseline", speed: 20)
        try await line.startDaemon()
        _ = try await line.waitFor { !$0.openLots.isEmpty }
        var info = stat()
        #expect(stat(line.socket, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o660, "control socket mode \(String(info.st_mode & 0o777, radix: 8))")
        let lot = try #require(try StoreReader(path: line.database).lots().first?.id)
        let arguments = ["hold", lot, "--reason", "outsider", "--socket", line.socket]

        // nobody, outside the socket's group: refused by the kernel before the daemon sees it.
        let outsider = try OtherUser.run(LineGuardProcess.binary, arguments + ["--actor", "outsider"], groups: [])
        #expect(outsider.status == 1, "\(outsider.stderr)")
        #expect(outsider.stderr.contains("Permission denied"), "\(outsider.stderr)")
        #expect(try StoreReader(path: line.database).audit().allSatisfy { $0.actor != "outsider" })
        #expect(try StoreReader(path: line.database).holds(lot: LotID(lot)).allSatisfy { !$0.reason.contains("outsider") })

        // The same user given the socket's group gets through (the gate is the group, nothing else).
        let member = try OtherUser.run(LineGuardProcess.binary, arguments + ["--actor", "nobody"], groups: [info.st_gid])
        #expect(member.status == 0, "a member of the socket's group is served: \(member.stderr)")
        #expect(try StoreReader(path: line.database).audit().contains { $0.actor == "nobody (uid 65534 nobody)" })
        #expect(line.stop().daemon == 0)
    }

    @Test func storeBuildsSQLOnlyFromConstantsAndBoundParameters() throws {
        let root = SkeletonEndToEndTests.repoFile("Sources/Store")
        let findings = try SQLInterpolation.scan(directory: root)
        #expect(!findings.isEmpty || FileManager.default.fileExists(atPath: root), "no sources at \(root)")
        let unexpected = findings.filter { !SQLInterpolation.allowed.contains($0.key) }
        #expect(unexpected.isEmpty, """
            SQL text built from a value: bind it with ? instead, or (identifiers, constant fragments) add it to \
            SQLInterpolation.allowed with the reason it is safe:
            \(unexpected.map(\.description).joined(separator: "\n"))
            """)
        // The allow list stays exact: an entry that no longer occurs is removed.
        let stale = SQLInterpolation.allowed.subtracting(findings.map(\.key))
        #expect(stale.isEmpty, "allowed interpolations no longer in the sources: \(stale.sorted())")
    }

    @Test func sqlScannerSeesInterpolationsAndFragments() {
        let source = #"""
            func statement(_ sql: String) -> Int { 0 }
            let a = try connection.statement("SELECT x FROM t WHERE code = '\(lot.rawValue)'").run()
            let b = try connection.scalar("""
                SELECT count(*) FROM t WHERE name = ? AND \(filter(", ", in: "x"))
                """, name)
            let c = try connection.statement(Record.select + " WHERE id = ?").row(id)
            let d = try connection.execute("PRAGMA foreign_keys = ON")
            """#
        let found = SQLInterpolation.scan(source, file: "Example.swift").map(\.description)
        #expect(found == [
            "Example.swift:2: \\(lot.rawValue)", #"Example.swift:3: \(filter(", ", in: "x"))"#, "Example.swift:6: Record.select",
        ])
    }

    @Test(.timeLimit(.minutes(2))) func lotIdsWithControlCharactersAreRefusedAndEscaped() async throws {
        let directory = try TemporaryDirectory()
        let plc = try ModbusServer(host: "127.0.0.1", port: 0, coils: 100, discreteInputs: 0, holdingRegisters: 300, inputRegisters: 0)
        let port = try plc.start()
        defer { plc.stop() }
        plc.withRegisters { bank in
            for nozzle in 0..<8 {
                bank.set(
                    engineering: 78.0,
                    for: PointDefinition(name: "n\(nozzle)", unit: 1, kind: .holdingRegister, address: UInt16(100 + 2 * nozzle), type: .float32))
            }
        }
        // First a lot id with control characters (clear screen, bell, a line feed and a forged
        // log line), then one of printable ASCII with an inner space: both must be refused.
        let hostile = "A\u{1B}[2J\u{07}\nFAKE"
        plc.withRegisters { $0.set(Self.registers(hostile), .holdingRegister, at: 10) }
        let database = directory.path + "/line.sqlite"
        let socket = directory.path + "/control.sock"
        let configPath = directory.path + "/line.toml"
        try String(contentsOfFile: SkeletonEndToEndTests.repoFile("config/demo.toml"), encoding: .utf8)
            .replacingOccurrences(of: "127.0.0.1:15020", with: "127.0.0.1:\(port)")
            .replacingOccurrences(
                of: "database = \"lineguard-demo.sqlite\"", with: "database = \"\(database)\"\ncontrol_socket = \"\(socket)\"")
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        let daemon = try LineGuardProcess.start(["run", "--config", configPath], stderrPath: directory.path + "/daemon.log")
        for _ in 0..<80 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .seconds(1))
        let afterControl = (try? StoreReader(path: database).dataQualityEvents()) ?? []
        plc.withRegisters { $0.set(Self.registers("LOT 42"), .holdingRegister, at: 10) }
        try await Task.sleep(for: .seconds(1))
        // Through the control API as well: the id is refused before it reaches the store.
        let refused = try LineGuardProcess.run(["hold", "B\u{1B}[31mX\u{07}", "--reason", "x", "--socket", socket, "--actor", "it-test"])
        #expect(daemon.stop() == 0)

        let reader = try StoreReader(path: database)
        let lots = try reader.lots().map(\.id)
        #expect(lots.isEmpty, "no lot is made of a rejected id: \(lots)")
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(!refused.stderr.contains(Self.escape), "the refusal does not echo the control characters")
        let log = daemon.log
        #expect(log.contains("lineguard starting"))
        #expect(!log.contains(Self.escape) && !log.contains("\u{07}"), "no control character reaches the log")
        #expect(!log.split(separator: "\n").contains { $0.hasPrefix("FAKE") }, "no forged log line")
        let events = try reader.dataQualityEvents().filter { $0.detail.contains("lot id") }
        #expect(events.allSatisfy { !$0.detail.contains(Self.escape) && !$0.detail.contains("\u{07}") }, "\(events)")
        let spaced = events.filter { $0.detail.contains("LOT 42") }
        #expect(!spaced.isEmpty, "the refused printable id is a data-quality event")
        // An unreadable lot id (control characters) is a data-quality event too, and each
        // refused value is recorded once, not at every poll.
        #expect(afterControl.filter { $0.detail.contains("lot id") }.count == 1, "events: \(afterControl)")
        #expect(spaced.count == 1, "\(spaced.count) events for one refused lot id")
    }

    /// ASCII text as holding registers, high byte first, NUL-padded to 8 registers; bytes the
    /// ModbusKit encoder would replace (control characters) are kept as they are.
    static func registers(_ text: String) -> [UInt16] {
        var bytes = Array(text.utf8.prefix(16))
        bytes += [UInt8](repeating: 0, count: 16 - bytes.count)
        return stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }
}
