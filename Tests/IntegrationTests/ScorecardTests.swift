import Foundation
import Testing

/// The scorecard on a small seed count: the gross nozzle step through the simulated reference
/// line and the full daemon, scored against the ground truth, JSON keys as issue 7 fixes them.
@Suite struct ScorecardTests {
    @Test(.timeLimit(.minutes(2))) func grossNozzleStepIsDetectedAndScored() throws {
        let directory = try TemporaryDirectory()
        let root = SkeletonEndToEndTests.repoFile("")
        let result = try LineGuardProcess.run([
            "scenarios", "run", "nozzle-step-gross", "--seeds", "1", "--speed-factor", "4", "--format", "json",
            "--line", root + "/seeds/lines/reference-line.toml", "--scenario-directory", root + "/seeds/scenarios",
            "--work-directory", directory.path,
        ])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        for key in [
            "scenario", "seeds", "detection_rate", "delay_samples_median", "delay_samples_p90", "delay_seconds_median",
            "detected_before_first_defect_rate", "false_signals_per_1000", "held_lots_correct_rate",
            "quality_faults_kept_out_rate",
        ] {
            #expect(row.keys.contains(key), "missing \(key)")
        }
        #expect(row["scenario"] as? String == "nozzle-step-gross")
        #expect(row["detection_rate"] as? Double == 1.0, "\(row)")
        #expect((row["delay_samples_median"] as? Double ?? 99) <= 2, "a gross step is caught at its first cell or the next")
    }
}
