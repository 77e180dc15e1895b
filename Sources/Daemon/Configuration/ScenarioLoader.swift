import Foundation
public import Simulator
import TOMLKit

/// Reads simulator scenarios (seeds/scenarios/*.toml) with the same checks and messages as
/// the daemon's configuration. The scenarios shipped with LineGuard are compiled in and can be
/// named instead of given as a file.
public enum ScenarioLoader {
    /// The compiled-in scenarios by name.
    public static let builtIn: [String: String] = [
        "filling-nozzle-step": String(decoding: PackageResources.filling_nozzle_step_toml, as: UTF8.self),
        "filling-baseline": String(decoding: PackageResources.filling_baseline_toml, as: UTF8.self),
    ]

    /// Loads a built-in scenario by name, or else a scenario file by path.
    public static func load(nameOrPath: String) throws(ConfigurationError) -> FillingScenario {
        if let text = builtIn[nameOrPath] { return try load(text: text, source: "built-in scenario \(nameOrPath)") }
        guard let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
            throw ConfigurationError(
                source: nameOrPath,
                issues: [
                    .init(
                        keyPath: "(scenario)", value: nameOrPath,
                        expected: "a built-in scenario (\(builtIn.keys.sorted().joined(separator: ", "))) or a readable TOML file")
                ])
        }
        return try load(text: text, source: nameOrPath)
    }

    public static func load(text: String, source: String) throws(ConfigurationError) -> FillingScenario {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch {
            throw ConfigurationError(source: source, issues: [.init(keyPath: "(syntax)", value: nil, expected: "valid TOML: \(error)")])
        }
        let issues = IssueCollector()
        let table = TableReader(table: root, path: "", issues: issues)
        let name = table.string("name")
        _ = table.choice("station", ["filling"]) { $0 == "filling" ? $0 : nil }
        let seed = table.int("seed", required: false, in: 0...Int.max)
        let nominal = table.double("nominal", required: false)
        let sigma = table.double("sigma", required: false, expected: "a positive number")
        if let sigma, sigma <= 0 { table.report("sigma", expected: "a positive number") }
        let cycle = table.double("cycle_seconds", required: false, expected: "a positive number of seconds")
        if let cycle, cycle <= 0 { table.report("cycle_seconds", expected: "a positive number of seconds") }
        let perLot = table.int("cycles_per_lot", required: false, in: 1...1_000_000)
        let prefix = table.string("lot_prefix", required: false)
        let nozzles = table.int("nozzles", required: false, in: 1...32)
        var steps: [NozzleStep] = []
        for stepTable in table.tables("steps", required: false) {
            defer { stepTable.finish() }
            let nozzle = stepTable.int("nozzle", in: 1...(nozzles ?? 8), expected: "a nozzle number from 1 to \(nozzles ?? 8)")
            let after = stepTable.int("after_cell", in: 0...100_000_000)
            let shift = stepTable.double("shift")
            if let nozzle, let after, let shift {
                steps.append(NozzleStep(nozzle: nozzle - 1, afterCell: after, shift: shift))
            }
        }
        table.finish()
        guard let name, issues.issues.isEmpty else { throw ConfigurationError(source: source, issues: issues.issues) }
        var scenario = FillingScenario(name: name)
        if let seed { scenario.seed = UInt64(seed) }
        if let nominal { scenario.nominal = nominal }
        if let sigma { scenario.sigma = sigma }
        if let cycle { scenario.cycleSeconds = cycle }
        if let perLot { scenario.cyclesPerLot = perLot }
        if let prefix { scenario.lotPrefix = prefix }
        if let nozzles { scenario.nozzles = nozzles }
        scenario.steps = steps
        return scenario
    }
}
