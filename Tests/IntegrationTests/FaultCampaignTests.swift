import Foundation
import Testing

/// The short fault campaign through the real binary: every injected fault survived and checked
/// (daemon up, other stations' units all seen (beyond a starved machine's background loss), back within 2 s, nothing bad charted, a
/// data-quality event each), in JSON, and the exit status agrees.
@Suite struct FaultCampaignTests {
    @Test(.timeLimit(.minutes(2))) func shortCampaignPassesEveryCheck() throws {
        let directory = try TemporaryDirectory()
        let root = SkeletonEndToEndTests.repoFile("")
        let result = try LineGuardProcess.run([
            "faults", "run", "--scenario", root + "/seeds/scenarios/fault-campaign-short.toml",
            "--line", root + "/seeds/lines/reference-line.toml", "--work-directory", directory.path, "--format", "json",
        ])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            "stdout: \(result.stdout.prefix(2000)) stderr: \(result.stderr.suffix(2000))")
        let faults = try #require(report["faults"] as? [[String: Any]])
        let kinds = Set(faults.compactMap { $0["kind"] as? String })
        #expect(
            kinds == ["offline", "slow", "exception", "garbage", "truncated", "late_reply", "half_open", "plc_restart"],
            "every fault kind of the campaign was injected: \(kinds.sorted())")
        #expect(faults.count == 11)
        for fault in faults {
            let name = fault["fault"] as? String ?? "?"
            #expect(fault["daemon_up"] as? Bool == true, "\(name): daemon still polling after the fault")
            // Lost units on the other stations: none on a quiet machine; on a starved one, no more
            // than three times their loss rate outside the fault windows (see FaultCheck).
            let lost = try #require(fault["other_stations_lost_units"] as? Int)
            let allowed = try #require(fault["other_stations_allowed_units"] as? Int)
            #expect(lost <= allowed, "\(name): other stations lost units: \(fault)")
            let recovery = fault["recovery_s"] as? Double
            #expect(recovery != nil && recovery! <= 2.0, "\(name): back within 2 s: \(fault)")
            #expect(fault["unexplained_spc"] as? Int == 0, "\(name): a bad value reached SPC: \(fault)")
            #expect((fault["data_quality_events"] as? Int ?? 0) > 0, "\(name): no data-quality event: \(fault)")
        }
        #expect(report["daemon_survived"] as? Bool == true)
        #expect(report["bad_points_charted"] as? Int == 0)
        #expect(report["passed"] as? Bool == true)
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
    }
}
