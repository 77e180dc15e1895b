import Foundation
public import Logging
import Simulator
public import Store

/// `lineguard demo`: the reference line (every station its own Modbus TCP server on loopback)
/// plays the demo's scenario mix (seeds/scenarios/demo-mix.toml: a nozzle step, a fast coating
/// drift, a NaN-sending gauge, a dew-point excursion) while the daemon runs in this process on
/// the line's generated default configuration (seeds/lines/reference-line.lineguard.toml, with
/// the line study's limits), all three compiled into the binary. Afterwards each injected fault
/// is scored against the simulator's ground truth, as the scorecard does.
public enum LineDemo {
    /// How the daemon did on one injected fault.
    public struct Fault: Sendable {
        public var id: String
        public var kind: String
        public var station: String
        public var dataIntegrity: Bool
        public var detected: Bool
        /// Line seconds from the fault's start to the first signal or defect (process faults).
        public var delaySeconds: Double?
        public var delaySamples: Int?
        /// Caught before the first unit that was really out of specification.
        public var beforeFirstDefect: Bool
        /// Data-integrity faults: no wrong value was taken as good.
        public var keptOut: Bool
    }

    public struct Outcome: Sendable {
        public var database: String
        public var faults: [Fault]
        public var report: StatusReport
        public var falseSignals: Int
        public var inControlSamples: Int
        public var designFalseSignals: Double
        public var heldLotsCorrect: Bool
        public var lineSeconds: Double
        public var wallSeconds: Double

        /// Every fault caught (and every data-integrity fault kept out of SPC).
        public var allCaught: Bool { faults.allSatisfy { $0.detected && $0.keptOut } }
    }

    public static func run(directory: String, logger: Logger) async throws -> Outcome {
        let line = try LineDefinition.load(text: EmbeddedConfiguration.referenceLine, source: "embedded reference-line.toml")
        let scenario = try ScenarioDefinition.load(text: EmbeddedConfiguration.demoMix, source: "embedded demo-mix.toml")
        let template = try ConfigurationLoader.load(
            text: EmbeddedConfiguration.referenceLineConfiguration, source: "embedded reference-line.lineguard.toml")
        let run = ScenarioRun(
            line: line, scenario: scenario, seed: scenario.seed, speed: scenario.suggestedSpeed, study: nil,
            directory: directory, template: template, databaseName: "lineguard-demo.sqlite")
        logger.notice(
            "demo: the reference line with the demo scenario mix",
            metadata: ["line.seconds": "\(scenario.duration)", "speed": "\(scenario.suggestedSpeed)", "directory": "\(directory)"])
        let clock = ContinuousClock()
        let started = clock.now
        let result = try await run.run(logger: logger)
        let wall = clock.now - started
        let score = try RunScore(result)
        let faults = score.faults.map { fault in
            let definition = scenario.faults.first { $0.id == fault.id }
            return Fault(
                id: fault.id, kind: definition?.kind.rawValue ?? "?", station: definition?.station ?? "?",
                dataIntegrity: fault.dataIntegrity, detected: fault.detected, delaySeconds: fault.delaySeconds,
                delaySamples: fault.delaySamples, beforeFirstDefect: fault.beforeFirstDefect, keptOut: fault.keptOut)
        }
        return Outcome(
            database: result.database, faults: faults, report: try StoreReader(path: result.database).status(),
            falseSignals: score.falseSignals, inControlSamples: score.inControlSamples,
            designFalseSignals: score.designFalseSignals, heldLotsCorrect: score.heldLotsCorrect,
            lineSeconds: scenario.duration, wallSeconds: Double(wall.components.seconds))
    }

    /// The fault table people read after the status.
    public static func text(_ outcome: Outcome) -> String {
        var lines = [
            "What LineGuard caught (\(Int(outcome.lineSeconds)) s of line in \(Int(outcome.wallSeconds)) s; ground truth from the simulator):",
            "  fault                  kind        station      caught  after (line s / samples)  before 1st defect",
        ]
        for fault in outcome.faults {
            let caught = fault.detected ? (fault.dataIntegrity ? "yes (data-quality event)" : "yes") : "NO"
            var row = "  " + fault.id.padding(toLength: 22, withPad: " ", startingAt: 0) + " "
                + fault.kind.padding(toLength: 11, withPad: " ", startingAt: 0) + " "
                + fault.station.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
            if fault.dataIntegrity {
                row += caught + (fault.keptOut ? "; no bad value charted or judged" : "; a BAD VALUE WAS TAKEN AS GOOD")
            } else {
                let after = fault.delaySeconds.map { "\(Int($0.rounded())) / \(fault.delaySamples ?? 0)" } ?? "-"
                row += caught.padding(toLength: 7, withPad: " ", startingAt: 0) + " "
                    + after.padding(toLength: 25, withPad: " ", startingAt: 0) + " "
                    + (fault.detected ? (fault.beforeFirstDefect ? "yes" : "no (the first affected unit was already out of spec)") : "-")
            }
            lines.append(row)
        }
        let rate = outcome.inControlSamples == 0 ? 0 : Double(outcome.falseSignals) * 1000 / Double(outcome.inControlSamples)
        let design = outcome.inControlSamples == 0 ? 0 : outcome.designFalseSignals * 1000 / Double(outcome.inControlSamples)
        lines.append(
            "  in-control: \(outcome.falseSignals) signals on \(outcome.inControlSamples) samples ("
                + String(format: "%.2f", rate) + " per 1000; the charts' design: " + String(format: "%.2f", design) + ")")
        lines.append("  held lots: " + (outcome.heldLotsCorrect ? "every lot with an out-of-spec unit held, no good lot held" : "NOT as the truth says"))
        return lines.joined(separator: "\n")
    }
}
