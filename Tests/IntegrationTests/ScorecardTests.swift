import Foundation
import Testing

/// The scorecard on a small seed count (CI): three scenarios through the simulated reference
/// line and the full daemon, scored against the ground truth, JSON keys as issue 7 fixes them.
/// The 20-seed table is `lineguard scenarios run --all --seeds 20 --jobs 12` (README). A two-day
/// study keeps this test light (the shipped configuration's twenty days take half a minute in a
/// debug build).
@Suite struct ScorecardTests {
    @Test(.timeLimit(.minutes(3))) func faultsAreCaughtAndInControlSignalsStayNearTheDesign() throws {
        let directory = try TemporaryDirectory()
        let root = SkeletonEndToEndTests.repoFile("")
        let result = try LineGuardProcess.run([
            "scenarios", "run", "nozzle-step-gross", "nozzle-step-subtle", "di-nan", "--seeds", "1", "--jobs", "3",
            "--speed-factor", "2", "--format", "json", "--study-days", "2",
            "--line", root + "/seeds/lines/reference-line.toml", "--scenario-directory", root + "/seeds/scenarios",
            "--work-directory", directory.path,
        ])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        for row in rows {
            for key in [
                "scenario", "seeds", "detection_rate", "delay_samples_median", "delay_samples_p90", "delay_seconds_median",
                "detected_before_first_defect_rate", "false_signals_per_1000", "design_false_signals_per_1000",
                "held_lots_correct_rate", "quality_faults_kept_out_rate", "units_unread",
            ] {
                #expect(row.keys.contains(key), "missing \(key) in \(row)")
            }
            #expect(row["detection_rate"] as? Double == 1.0, "\(row)")
            #expect(row["held_lots_correct_rate"] as? Double == 1.0, "\(row)")
            // Filling and grading hold each result until the daemon acknowledges it: none unread.
            #expect(row["units_unread"] as? Int == 0, "\(row)")
            // One seed is noisy; the charts' design is ~6 per 1000 on this line (the old
            // I-MR-everywhere configuration gave 55-123).
            let measured = row["false_signals_per_1000"] as? Double ?? 99
            let design = row["design_false_signals_per_1000"] as? Double ?? 0
            #expect(design > 0 && measured < 2 * design, "\(row)")
        }
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["scenario"] as? String ?? "?", $0) })
        let gross = try #require(byName["nozzle-step-gross"])
        #expect((gross["delay_samples_median"] as? Double ?? 99) <= 2, "a gross step is caught at its first cell or the next")
        let subtle = try #require(byName["nozzle-step-subtle"])
        #expect(subtle["detected_before_first_defect_rate"] as? Double == 1.0, "\(subtle)")
        let nan = try #require(byName["di-nan"])
        #expect(nan["quality_faults_kept_out_rate"] as? Double == 1.0, "\(nan)")
    }
}
