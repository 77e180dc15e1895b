import Foundation
public import Logging
import Simulator

/// `lineguard scenarios run`: each scenario played with several seeds through the simulator
/// and the full daemon, scored against the ground truth (detection, delay, detection before the
/// first out-of-spec unit, false signals, held lots, data-quality faults kept out of SPC).
public enum Scorecard {
    /// One scenario's row over its seeds (JSON keys as issue 7 fixes them).
    public struct Row: Sendable {
        public var scenario: String
        public var seeds: Int
        public var detectionRate: Double?
        public var delaySamplesMedian: Double?
        public var delaySamplesP90: Double?
        public var delaySecondsMedian: Double?
        public var detectedBeforeFirstDefectRate: Double?
        public var falseSignalsPer1000: Double
        /// Its 95 % confidence interval over the seeds (`FalseSignalInterval`; nil for one seed).
        public var falseSignalsPer1000CI95: ClosedRange<Double>?
        /// What the configured charts' design implies for the same in-control samples.
        public var designFalseSignalsPer1000: Double
        public var heldLotsCorrectRate: Double
        public var qualityFaultsKeptOutRate: Double?
        /// Per-unit results never read, summed over the seeds (`RunScore.unreadUnits`): 0 when
        /// the handshake kept up with the line at the played speed.
        public var unitsUnread: Int
    }

    /// Runs `scenarios` (files of seeds/scenarios) on `line`, `seeds` seeds each (seed = the
    /// scenario's seed + 0, 1, ...), `speedFactor` times the scenario's suggested speed, up to
    /// `jobs` runs at a time (each its own simulator, daemon and database; rows keep the order
    /// of `scenarios`), with known limits from a line study of `studySeconds` of line.
    public static func run(
        line linePath: String, scenarios: [String], seeds: Int, speedFactor: Double, jobs: Int = 1, workDirectory: String,
        studySeconds: Double, logger: Logger
    ) async throws -> [Row] {
        let line = try LineDefinition.load(path: linePath)
        let definitions = try scenarios.map { try ScenarioDefinition.load(path: $0) }
        // Limits from history for the generated configuration, computed once for every run.
        let study = try LineStudy(line: line, lineSeconds: studySeconds)
        var runs: [(scenario: Int, run: ScenarioRun)] = []
        for (position, scenario) in definitions.enumerated() {
            for index in 0..<seeds {
                runs.append(
                    (
                        position,
                        ScenarioRun(
                            line: line, scenario: scenario, seed: scenario.seed &+ UInt64(index),
                            speed: scenario.suggestedSpeed * speedFactor,
                            study: study,
                            directory: "\(workDirectory)/\(scenario.name)-\(index)")
                    ))
            }
        }
        var scores = Array(repeating: [RunScore](), count: definitions.count)
        try await withThrowingTaskGroup(of: (Int, RunScore).self) { group in
            var next = 0
            func start() {
                let (position, run) = runs[next]
                next += 1
                logger.notice(
                    "scenario run", metadata: ["scenario.name": "\(run.scenario.name)", "seed": "\(run.seed)"])
                group.addTask { (position, try await score(try await run.run(logger: logger))) }
            }
            while next < runs.count && next < max(1, jobs) { start() }
            while let (position, score) = try await group.next() {
                scores[position].append(score)
                if next < runs.count { start() }
            }
        }
        return zip(definitions, scores).map { row($0.name, $1) }
    }

    /// Scores a run off the cooperative pool: the scoring reads the whole database and replays
    /// the line, which would stall the pollers of the daemons still running in this process.
    static func score(_ result: ScenarioRun.Result) async throws -> RunScore {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(with: Result { try RunScore(result) }) }
        }
    }

    static func row(_ name: String, _ runs: [RunScore]) -> Row {
        let process = runs.flatMap { $0.faults.filter { !$0.dataIntegrity } }
        let quality = runs.flatMap { $0.faults.filter(\.dataIntegrity) }
        let all = process + quality
        let delays = process.compactMap(\.delaySamples).map(Double.init).sorted()
        let seconds = process.compactMap(\.delaySeconds).sorted()
        let samples = runs.reduce(0) { $0 + $1.inControlSamples }
        return Row(
            scenario: name, seeds: runs.count,
            detectionRate: all.isEmpty ? nil : rate(all.map(\.detected)),
            delaySamplesMedian: quantile(delays, 0.5), delaySamplesP90: quantile(delays, 0.9),
            delaySecondsMedian: quantile(seconds, 0.5),
            detectedBeforeFirstDefectRate: process.isEmpty ? nil : rate(process.map { $0.detected && $0.beforeFirstDefect }),
            falseSignalsPer1000: samples == 0 ? 0 : Double(runs.reduce(0) { $0 + $1.falseSignals }) * 1000 / Double(samples),
            falseSignalsPer1000CI95: FalseSignalInterval.per1000(signals: runs.map(\.falseSignals), samples: runs.map(\.inControlSamples)),
            designFalseSignalsPer1000: samples == 0 ? 0 : runs.reduce(0) { $0 + $1.designFalseSignals } * 1000 / Double(samples),
            heldLotsCorrectRate: rate(runs.map(\.heldLotsCorrect)),
            qualityFaultsKeptOutRate: quality.isEmpty ? nil : rate(quality.map(\.keptOut)),
            unitsUnread: runs.reduce(0) { $0 + $1.unreadUnits })
    }

    static func rate(_ flags: [Bool]) -> Double {
        flags.isEmpty ? 0 : Double(flags.filter { $0 }.count) / Double(flags.count)
    }

    /// The R type-7 quantile (linear between order statistics) of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }

    public static func json(_ rows: [Row]) -> String {
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "null" }
            return "\(value)"
        }
        let items = rows.map { row in
            "{\"scenario\": \"\(row.scenario)\", \"seeds\": \(row.seeds), \"detection_rate\": \(number(row.detectionRate)), "
                + "\"delay_samples_median\": \(number(row.delaySamplesMedian)), \"delay_samples_p90\": \(number(row.delaySamplesP90)), "
                + "\"delay_seconds_median\": \(number(row.delaySecondsMedian)), "
                + "\"detected_before_first_defect_rate\": \(number(row.detectedBeforeFirstDefectRate)), "
                + "\"false_signals_per_1000\": \(number(row.falseSignalsPer1000)), "
                + "\"false_signals_per_1000_ci95\": "
                + (row.falseSignalsPer1000CI95.map { "[\(number($0.lowerBound)), \(number($0.upperBound))]" } ?? "null") + ", "
                + "\"design_false_signals_per_1000\": \(number(row.designFalseSignalsPer1000)), "
                + "\"held_lots_correct_rate\": \(number(row.heldLotsCorrectRate)), "
                + "\"quality_faults_kept_out_rate\": \(number(row.qualityFaultsKeptOutRate)), "
                + "\"units_unread\": \(row.unitsUnread)}"
        }
        return "[\n  " + items.joined(separator: ",\n  ") + "\n]"
    }

    public static func text(_ rows: [Row]) -> String {
        func cell(_ value: Double?, _ decimals: Int, _ width: Int) -> String {
            let text = value.map { String(format: "%.\(decimals)f", $0) } ?? "-"
            return String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var lines = [
            "scenario                  seeds  detection  delay samples (med/p90)  delay line-s (med)  before defect  false /1000 [95% CI]  (design)  lots ok  DQ kept out  unread"
        ]
        for row in rows {
            let delay = (row.delaySamplesMedian.map { String(format: "%.0f", $0) } ?? "-") + " / "
                + (row.delaySamplesP90.map { String(format: "%.0f", $0) } ?? "-")
            lines.append(
                row.scenario.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%7d", row.seeds)
                    + cell(row.detectionRate, 2, 11) + String(repeating: " ", count: max(0, 25 - delay.count)) + delay
                    + cell(row.delaySecondsMedian, 0, 20) + cell(row.detectedBeforeFirstDefectRate, 2, 15)
                    + cell(row.falseSignalsPer1000, 2, 13) + " "
                    + (row.falseSignalsPer1000CI95.map { String(format: "[%.2f-%.2f]", $0.lowerBound, $0.upperBound) } ?? "           ")
                    + " (" + cell(row.designFalseSignalsPer1000, 2, 5) + ")"
                    + cell(row.heldLotsCorrectRate, 2, 9)
                    + cell(row.qualityFaultsKeptOutRate, 2, 13) + String(format: "%8d", row.unitsUnread))
        }
        return lines.joined(separator: "\n")
    }
}
