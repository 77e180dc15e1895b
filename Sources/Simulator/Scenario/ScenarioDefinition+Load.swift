import Foundation
import ModbusKit

extension ScenarioDefinition {
    /// Loads and checks a scenario file; the error lists every problem with its key path. Reads
    /// the fault-list schema of `seeds/scenarios/*.toml` and also the older filling-only schema
    /// (`station = "filling"` with `[[steps]]`), whose steps become `step` faults.
    public static func load(path: String) throws(DefinitionError) -> ScenarioDefinition {
        try load(text: try DefinitionReader.text(path: path), source: path)
    }

    /// Loads and checks scenario text; `source` names it in messages.
    public static func load(text: String, source: String) throws(DefinitionError) -> ScenarioDefinition {
        let root = try DefinitionReader.root(text: text, source: source)
        let scenario = root.has("steps") || root.has("station") ? parseFilling(root) : parse(root)
        root.finish()
        if let scenario {
            var ids: Set<String> = []
            for (index, fault) in scenario.faults.enumerated() where !ids.insert(fault.id).inserted {
                root.issues.add("faults[\(index)].id", "\"\(fault.id)\"", expected: "a fault id not used before")
            }
        }
        try root.throwIfIssues(source: source)
        guard let scenario else { throw DefinitionError(source: source, issues: root.issues.issues) }
        return scenario
    }

    private static func parse(_ root: DefinitionReader) -> ScenarioDefinition? {
        let name = root.string("name")
        let summary = root.string("summary", required: false) ?? ""
        let seed = root.int("seed", required: false, in: 0...Int.max) ?? 1
        let duration = root.double("duration_s", in: 1...1e9, expected: "the line seconds the scenario needs")
        let speed = root.double("speed", required: false, in: 0.01...1e6) ?? 60
        let faultTables = root.tables("faults", required: false)
        let faults = faultTables.enumerated().compactMap { parseFault($1, index: $0) }
        guard let name, let duration, faults.count == faultTables.count else { return nil }
        return ScenarioDefinition(
            name: name, summary: summary, seed: UInt64(seed), duration: duration, suggestedSpeed: speed, faults: faults)
    }

    private static func parseFault(_ table: DefinitionReader, index: Int) -> FaultDefinition? {
        defer { table.finish() }
        let kind = table.choice("kind", FaultKind.allCases.map(\.rawValue), FaultKind.init(rawValue:))
        let id = table.string("id", required: false)
        let station = table.string("station")
        let characteristic = table.string("characteristic", required: kind?.needsCharacteristic ?? false)
        let streams = table.numbers("streams", required: false, expected: "a list of stream numbers from 1")
        if let streams, streams.isEmpty || streams.contains(where: { $0 < 1 || $0 != $0.rounded() }) {
            table.report("streams", expected: "a non-empty list of stream numbers from 1")
        }
        let afterUnit = table.int("after_unit", required: false, in: 0...Int(Int32.max))
        let start = table.double("start_s", required: afterUnit == nil, in: 0...1e9, expected: "line seconds from the start of the run")
        let end = table.double("end_s", required: false, in: 0...1e9, expected: "line seconds after start_s")
        if let start, let end, end <= start { table.report("end_s", expected: "a time after start_s (\(start))") }
        let affects = table.strings("affects", required: false, expected: "a list of \"station.characteristic\"") ?? []
        let touches = table.strings("touches", required: false, expected: "a list of station names") ?? []
        var parameters: [String: Double] = [:]
        var order: ByteOrder?
        if let kind {
            for (key, parameter) in kind.parameters {
                if let value = table.double(key, required: parameter.defaultValue == nil, in: parameter.range) { parameters[key] = value }
            }
            if kind == .wordOrder {
                order = table.choice("order", ByteOrder.allCases.map(\.rawValue), ByteOrder.init(rawValue:))
            }
            if kind == .drift {
                let rates = ["rate_per_hour", "rate_percent_per_hour", "rate_per_km"].filter { parameters[$0] != nil }
                if rates.count != 1 { table.report("rate_per_hour", expected: "exactly one of rate_per_hour, rate_percent_per_hour, rate_per_km") }
            }
        }
        guard let kind, let station, streams.map({ !$0.isEmpty && $0.allSatisfy { $0 >= 1 } }) ?? true else { return nil }
        if kind == .wordOrder && order == nil { return nil }
        return FaultDefinition(
            id: id ?? "\(kind.rawValue)-\(index + 1)", kind: kind, station: station,
            characteristic: characteristic ?? (kind == .ripple ? "thickness" : kind == .contamination ? "self_discharge_k" : nil),
            streams: streams.map { $0.map { Int($0) - 1 } }, start: start ?? 0, end: end, afterUnit: afterUnit,
            affects: affects, touches: touches, parameters: parameters, order: order)
    }

    /// The filling-only schema of the first scenarios (still read by the daemon's
    /// `ScenarioLoader`): line figures are ignored here (the line file has them); each step
    /// becomes a `step` fault on `fill_weight` from its cell on.
    private static func parseFilling(_ root: DefinitionReader) -> ScenarioDefinition? {
        let name = root.string("name")
        let station = root.string("station")
        let seed = root.int("seed", required: false, in: 0...Int.max) ?? 1
        for key in ["nominal", "sigma", "cycle_seconds"] { _ = root.double(key, required: false) }
        _ = root.int("cycles_per_lot", required: false, in: 1...1_000_000)
        _ = root.int("nozzles", required: false, in: 1...32)
        _ = root.string("lot_prefix", required: false)
        var faults: [FaultDefinition] = []
        for (index, step) in root.tables("steps", required: false).enumerated() {
            defer { step.finish() }
            let nozzle = step.int("nozzle", in: 1...16)
            let after = step.int("after_cell", in: 0...100_000_000)
            let shift = step.double("shift")
            if let nozzle, let after, let shift, let station {
                faults.append(
                    FaultDefinition(
                        id: "step-\(index + 1)", kind: .step, station: station, characteristic: "fill_weight", streams: [nozzle - 1],
                        start: 0, afterUnit: after, parameters: ["shift": shift]))
            }
        }
        guard let name, station != nil else { return nil }
        return ScenarioDefinition(name: name, seed: UInt64(seed), duration: 1800, suggestedSpeed: 10, faults: faults)
    }
}

extension ScenarioDefinition {
    /// Loads every `*.toml` file of `directory`, sorted by scenario name; the first file that
    /// does not load throws its error (which names the file).
    public static func loadAll(directory: String) throws(DefinitionError) -> [ScenarioDefinition] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw DefinitionError(
                source: directory, issues: [.init(keyPath: "(directory)", value: directory, expected: "a readable directory of scenario files")])
        }
        var scenarios: [ScenarioDefinition] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            scenarios.append(try load(path: directory + "/" + name))
        }
        return scenarios.sorted { $0.name < $1.name }
    }
}
