import Foundation
import LineModel
import Store
import Testing

/// SECURITY.md F1: the control API names its caller from the kernel (`SO_PEERCRED`), records
/// the caller's uid and login name beside the declared actor, and refuses a declared actor that
/// is not the caller's own login name unless the caller is root (or the daemon's user).
@Suite(.serialized) struct ControlPeerCredentialTests {
    @Test(
        .enabled(if: OtherUser.available, "skipped: running the CLI as another user needs root and setpriv"),
        .timeLimit(.minutes(2)))
    func auditRecordsTheCallerAndRefusesAnotherName() async throws {
        let line = try await LineFixture(scenario: "filling-baseline", speed: 20)
        try await line.startDaemon()
        _ = try await line.waitFor { !$0.openLots.isEmpty }
        var info = stat()
        #expect(stat(line.socket, &info) == 0)
        let lot = try #require(try StoreReader(path: line.database).lots().first?.id)
        func hold(_ reason: String, actor: String) -> [String] {
            ["hold", lot, "--reason", reason, "--socket", line.socket, "--actor", actor]
        }

        // root may act for anyone; the record says root asked.
        let root = try LineGuardProcess.run(hold("f1 root", actor: "shift.lead"))
        #expect(root.status == 0, "\(root.stderr)")
        #expect(try StoreReader(path: line.database).audit().contains { $0.actor == "shift.lead (uid 0 root)" })

        // nobody, in the socket's group, claiming another name: refused (403, exit 3), nothing stored.
        let impostor = try OtherUser.run(LineGuardProcess.binary, hold("f1 impostor", actor: "shift.lead"), groups: [info.st_gid])
        #expect(impostor.status == 3, "\(impostor.stdout) \(impostor.stderr)")
        #expect(impostor.stderr.contains("not the caller's login name"), "\(impostor.stderr)")
        #expect(try StoreReader(path: line.database).holds(lot: LotID(lot)).allSatisfy { $0.reason != "f1 impostor" })
        #expect(try StoreReader(path: line.database).audit().allSatisfy { !$0.actor.contains("uid 65534") })

        // The same user under its own name is served and recorded with its uid.
        let honest = try OtherUser.run(LineGuardProcess.binary, hold("f1 honest", actor: "nobody"), groups: [info.st_gid])
        #expect(honest.status == 0, "\(honest.stderr)")
        #expect(try StoreReader(path: line.database).audit().contains { $0.actor == "nobody (uid 65534 nobody)" })
        #expect(line.stop().daemon == 0)
    }
}
