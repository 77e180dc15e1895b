import Foundation
import Testing

/// `lots`, `signals`, `defects`, `export`: every format, the JSON keys, the filters, the exit
/// statuses, on the record of a real simulator run.
@Suite struct ListCommandTests {
    static let lotKeys: Set<String> = ["lot", "kind", "station", "status", "started_at", "ended_at", "grade", "status_changed_at"]
    static let signalKeys: Set<String> = [
        "id", "time", "station", "characteristic", "statistic", "rule_set", "rule", "value", "lcl", "ucl", "lot", "sequence",
        "state", "acknowledged_at", "acknowledged_by", "assignable_cause", "corrective_action",
    ]
    static let defectKeys: Set<String> = [
        "id", "detected_at", "station", "equipment", "characteristic", "code", "severity", "value", "lsl", "usl", "verdict",
        "lot", "unit_sequence", "detection", "signal_id", "hold_id", "disposition_id", "state", "root_cause",
        "corrective_action", "closed_by", "closed_at",
    ]

    @Test func lotsInEveryFormat() throws {
        let demo = try DemoDatabase.get()
        let text = try lineguard(["lots"], database: demo.path)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("LOTS (") && text.stdout.contains(demo.heldLot))
        #expect(!text.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let json = try lineguard(["lots", "--format", "json"], database: demo.path)
        let rows = try #require(try jsonObject(json.stdout) as? [[String: Any]])
        #expect(rows.count >= 2)
        #expect(rows.allSatisfy { Set($0.keys) == Self.lotKeys })
        let csv = try lineguard(["lots", "--format", "csv"], database: demo.path)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "lot,kind,station,status,started_at,ended_at,grade,status_changed_at")
        #expect(lines.count == rows.count + 1)
    }

    @Test func lotsFilterByStatusAndTime() throws {
        let demo = try DemoDatabase.get()
        let held = try lineguard(["lots", "--status", "on_hold", "--format", "json"], database: demo.path)
        let rows = try #require(try jsonObject(held.stdout) as? [[String: Any]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0["status"] as? String == "on_hold" })
        // Since a time in the future: only the lots still open then (not ended).
        let future = try lineguard(["lots", "--since", "2999-01-01T00:00:00Z", "--format", "json"], database: demo.path)
        #expect(future.status == 0)
        let open = try #require(try jsonObject(future.stdout) as? [[String: Any]])
        #expect(open.allSatisfy { $0["ended_at"] is NSNull })
        let ended = try #require(try jsonObject(try lineguard(["lots", "--format", "json"], database: demo.path).stdout) as? [[String: Any]])
        #expect(open.count < ended.count, "the ended lots are left out")
        let bad = try lineguard(["lots", "--status", "lost"], database: demo.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--status 'lost' is not one of"))
        let badTime = try lineguard(["lots", "--since", "yesterday-ish"], database: demo.path)
        #expect(badTime.status == 2)
        #expect(badTime.stderr.contains("is not a time"))
    }

    @Test func signalsFilterByCharacteristicStationLotAndTime() throws {
        let demo = try DemoDatabase.get()
        let all = try lineguard(["signals", "--format", "json"], database: demo.path)
        let rows = try #require(try jsonObject(all.stdout) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { Set($0.keys) == Self.signalKeys })
        let stepped = try lineguard(["signals", "--characteristic", demo.stepped, "--format", "json"], database: demo.path)
        let steppedRows = try #require(try jsonObject(stepped.stdout) as? [[String: Any]])
        #expect(!steppedRows.isEmpty)
        #expect(steppedRows.allSatisfy { $0["characteristic"] as? String == demo.stepped })
        #expect(steppedRows.contains { $0["rule"] as? Int == 1 })
        let ofLot = try lineguard(["signals", "--lot", demo.heldLot, "--station", "filling", "--format", "json"], database: demo.path)
        let lotRows = try #require(try jsonObject(ofLot.stdout) as? [[String: Any]])
        #expect(!lotRows.isEmpty && lotRows.allSatisfy { $0["lot"] as? String == demo.heldLot && $0["station"] as? String == "filling" })
        let otherStation = try lineguard(["signals", "--station", "coating", "--format", "json"], database: demo.path)
        #expect(try #require(try jsonObject(otherStation.stdout) as? [Any]).isEmpty)
        let limited = try lineguard(["signals", "--limit", "2", "--format", "csv", "--open"], database: demo.path)
        let lines = limited.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("id,time,station,characteristic,statistic,rule_set,rule,") == true)
        let unknown = try lineguard(["signals", "--characteristic", "no.such"], database: demo.path)
        #expect(unknown.status == 5)
        #expect(unknown.stderr.contains("no characteristic 'no.such'"))
        let backwards = try lineguard(["signals", "--since", "1h", "--until", "2h"], database: demo.path)
        #expect(backwards.status == 2)
    }

    @Test func defectsInEveryFormat() throws {
        let demo = try DemoDatabase.get()
        let json = try lineguard(["defects", "--open", "--format", "json"], database: demo.path)
        let rows = try #require(try jsonObject(json.stdout) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { Set($0.keys) == Self.defectKeys && $0["state"] as? String == "open" })
        #expect(rows.allSatisfy { $0["characteristic"] as? String == demo.stepped && $0["code"] as? String == "FILL.UNDER" })
        let text = try lineguard(["defects"], database: demo.path)
        #expect(text.status == 0 && text.stdout.contains("FILL.UNDER"))
        let csv = try lineguard(["defects", "--format", "csv", "--lot", demo.heldLot], database: demo.path)
        #expect(csv.stdout.hasPrefix("id,detected_at,station,equipment,characteristic,code,severity,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == rows.count + 1)
    }

    @Test func exportsSamplesSignalsAndDefects() throws {
        let demo = try DemoDatabase.get()
        let samples = try lineguard(["export", "samples", "--characteristic", demo.stepped], database: demo.path)
        #expect(samples.status == 0, "\(samples.stderr)")
        let lines = samples.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "time,station,characteristic,value,quality,lot,sequence,unit")
        #expect(lines.count > 50)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",\(demo.stepped),") })
        let json = try lineguard(["export", "samples", "--lot", demo.heldLot, "--format", "json", "--limit", "20"], database: demo.path)
        let rows = try #require(try jsonObject(json.stdout) as? [[String: Any]])
        #expect(rows.count == 20 && rows.allSatisfy { $0["lot"] as? String == demo.heldLot && $0["value"] is Double })
        let signals = try lineguard(["export", "signals", "--format", "json"], database: demo.path)
        #expect(try #require(try jsonObject(signals.stdout) as? [[String: Any]]).allSatisfy { Set($0.keys) == Self.signalKeys })
        let defects = try lineguard(["export", "defects"], database: demo.path)
        #expect(defects.stdout.hasPrefix("id,detected_at,"))
        #expect(try lineguard(["export", "holds"], database: demo.path).status == 2)
        #expect(try lineguard(["export", "samples", "--format", "text"], database: demo.path).status == 2)
        #expect(try lineguard(["export", "samples", "--lot", "NO-SUCH-LOT"], database: demo.path).status == 5)
    }

    @Test func exitStatusesForAMissingDatabaseAndBadArguments() throws {
        let missing = try LineGuardProcess.run(["lots", "--db", NSTemporaryDirectory() + "none-\(UUID().uuidString).sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
        let demo = try DemoDatabase.get()
        let format = try lineguard(["signals", "--format", "xml"], database: demo.path)
        #expect(format.status == 2)
        #expect(format.stderr.contains("--format 'xml' is not one of text, json, csv"))
        let limit = try lineguard(["defects", "--limit", "0"], database: demo.path)
        #expect(limit.status == 2)
        let noDatabase = try LineGuardProcess.run(["lots"])
        #expect(noDatabase.status == 2 || ProcessInfo.processInfo.environment["LINEGUARD_DB"] != nil)
    }
}
