import LineModel
import ModbusKit

extension LineDefinition {
    /// Characteristic names a model computes from (it cannot run without them).
    static func requiredCharacteristics(_ model: StationModelKind) -> [String] {
        switch model {
        case .coating: ["loading"]
        case .calendering: ["thickness", "density"]
        case .slitting: ["burr"]
        case .dryRoom, .vacuumDrying, .filling, .grading: []
        }
    }

    /// Loads and checks a line file; the error lists every problem with its key path.
    public static func load(path: String) throws(DefinitionError) -> LineDefinition {
        try load(text: try DefinitionReader.text(path: path), source: path)
    }

    /// Loads and checks line-file text; `source` names it in messages.
    public static func load(text: String, source: String) throws(DefinitionError) -> LineDefinition {
        let root = try DefinitionReader.root(text: text, source: source)
        let name = root.string("name")
        let summary = root.string("summary", required: false) ?? ""
        let stations = root.tables("stations").compactMap(parseStation)
        let multivariate = parseMultivariate(root, stations: stations)
        root.finish()
        var seenNames: Set<String> = []
        var seenPorts: Set<Int> = []
        for (index, station) in stations.enumerated() {
            if !seenNames.insert(station.name).inserted {
                root.issues.add("stations[\(index)].name", "\"\(station.name)\"", expected: "a station name not used before")
            }
            if !seenPorts.insert(station.portOffset).inserted {
                root.issues.add(
                    "stations[\(index)].port_offset", String(station.portOffset), expected: "a port offset no other station uses")
            }
        }
        try root.throwIfIssues(source: source)
        guard let name else { throw DefinitionError(source: source, issues: root.issues.issues) }
        var line = LineDefinition(name: name, summary: summary, stations: stations)
        line.multivariate = multivariate
        return line
    }

    private static func parseStation(_ table: DefinitionReader) -> StationDefinition? {
        defer { table.finish() }
        let name = table.string("name")
        let model = table.choice("model", StationModelKind.allCases.map(\.rawValue), StationModelKind.init(rawValue:))
        let portOffset = table.int("port_offset", in: 0...1000)
        let unit = table.int("unit", required: false, in: 0...255) ?? 1
        let order = table.choice("byte_order", required: false, ByteOrder.allCases.map(\.rawValue), ByteOrder.init(rawValue:))
        let period = table.double("period_s", in: 0.01...1e7, expected: "a positive number of line seconds")
        let lotKind = table.choice("lot_kind", required: false, LotKind.allCases.map(\.rawValue), LotKind.init(rawValue:))
        let prefix = table.string("lot_prefix")
        let streams = table.int("streams", required: false, in: 1...16) ?? 1
        let streamPrefix = table.string("stream_prefix", required: false) ?? "s"
        let equipmentPrefix = table.string("equipment_prefix", required: false) ?? streamPrefix
        let ackRequired = table.bool("acknowledge_required", required: false) ?? false
        let queue = table.int("queue_capacity", required: false, in: 1...1_000_000) ?? 256
        let map = table.subtable("map").flatMap(parseMap)
        var parameters: [String: Double] = [:]
        if let model, let modelTable = table.subtable("parameters", required: false) {
            let known = model.parameters
            for key in modelTable.keys {
                guard let parameter = known[key] else { continue }
                parameters[key] = modelTable.double(key, in: parameter.range)
            }
            modelTable.finish()
        }
        let characteristics = table.tables("characteristics").compactMap { parseCharacteristic($0, streams: streams) }
        if let model {
            let names = Set(characteristics.map(\.name))
            for required in requiredCharacteristics(model) where !names.contains(required) {
                table.report("characteristics", expected: "a characteristic named \"\(required)\" (the \(model.rawValue) model computes it)")
            }
        }
        guard let name, let model, let portOffset, let period, let prefix, let map else { return nil }
        let station = StationDefinition(
            name: name, model: model, portOffset: portOffset, unit: UInt8(unit), byteOrder: order ?? .abcd,
            periodSeconds: period, lotKind: lotKind, lotPrefix: prefix, streams: streams, streamPrefix: streamPrefix,
            equipmentPrefix: equipmentPrefix, map: map, acknowledgeRequired: ackRequired, queueCapacity: queue,
            characteristics: characteristics, parameters: parameters)
        checkOverlaps(station, table: table)
        return station
    }

    /// Reports two values of the station that share a register.
    private static func checkOverlaps(_ station: StationDefinition, table: DefinitionReader) {
        let spans = station.spans().sorted { $0.first < $1.first }
        for (previous, next) in zip(spans, spans.dropFirst()) where next.first < previous.first + previous.count {
            table.report(
                "map", expected: "registers used once: \(previous.name) (\(previous.first)+\(previous.count)) overlaps \(next.name) (\(next.first))")
        }
        if let last = spans.last, last.first + last.count > 65536 {
            table.report("map", expected: "every value within protocol addresses 0...65535 (\(last.name) ends past it)")
        }
    }

    private static func parseMap(_ table: DefinitionReader) -> StationMap? {
        defer { table.finish() }
        func address(_ key: String, required: Bool = true) -> UInt16? {
            table.int(key, required: required, in: 0...65535).map { UInt16($0) }
        }
        let heartbeat = address("heartbeat")
        let status = address("status")
        let sequence = address("sequence")
        let quality = address("quality")
        let lot = address("lot")
        let lotRegisters = table.int("lot_registers", required: false, in: 1...32) ?? 8
        guard let heartbeat, let status, let sequence, let quality, let lot else { return nil }
        return StationMap(
            heartbeat: heartbeat, status: status, sequence: sequence, quality: quality,
            acknowledge: address("acknowledge", required: false), lot: lot, lotRegisters: lotRegisters,
            parentLot: address("parent_lot", required: false), metre: address("metre", required: false),
            unitID: address("unit_id", required: false), streamCounters: address("stream_counters", required: false),
            streamUnits: address("stream_units", required: false))
    }

    private static func parseCharacteristic(_ table: DefinitionReader, streams: Int) -> CharacteristicDefinition? {
        defer { table.finish() }
        let name = table.string("name")
        let ctq = table.string("ctq", required: false)
        let unit = table.string("unit")
        let nominal = table.double("nominal")
        let lsl = table.double("lsl", required: false)
        let usl = table.double("usl", required: false)
        if lsl == nil && usl == nil { table.report("usl", expected: "at least one specification limit (lsl or usl)") }
        if let lsl, let usl, lsl >= usl { table.report("usl", expected: "a number greater than lsl (\(lsl))") }
        let sigma = table.double("sigma", in: 1e-12...1e12, expected: "a positive standard deviation")
        let phi = table.double("ar_phi", required: false, in: 0...0.999) ?? 0
        let distribution = table.choice(
            "distribution", required: false, CharacteristicDefinition.Distribution.allCases.map(\.rawValue),
            CharacteristicDefinition.Distribution.init(rawValue:)) ?? .normal
        let address = table.int("address", in: 0...65535)
        let stride = table.int("stride", required: false, in: 1...64) ?? 2
        let types: [String: ValueType] = [
            "int16": .int16, "uint16": .uint16, "int32": .int32, "uint32": .uint32, "float32": .float32, "float64": .float64,
        ]
        let type = table.choice("type", required: false, types.keys.sorted()) { types[$0] } ?? .float32
        if stride < type.registersNeeded { table.report("stride", expected: "at least \(type.registersNeeded) (the type's registers)") }
        let order = table.choice("byte_order", required: false, ByteOrder.allCases.map(\.rawValue), ByteOrder.init(rawValue:))
        let perStream = table.bool("per_stream", required: false) ?? (streams > 1)
        var range: ClosedRange<Double>?
        if let bounds = table.numbers("physical_range", expected: "[min, max] with min < max") {
            if bounds.count == 2, bounds[0] < bounds[1] { range = bounds[0]...bounds[1] } else {
                table.report("physical_range", expected: "[min, max] with min < max")
            }
        }
        let maxStep = table.double("max_step", required: false, in: 1e-12...1e12, expected: "a positive number in the value's unit")
        let phase1 = table.int("phase1", required: false, in: 2...100_000) ?? 25
        let rules = table.numbers("rules", required: false, expected: "a list of rule numbers 1...8").map { $0.map { Int($0) } } ?? [1, 2, 3, 4]
        let low = table.string("defect_code_low", required: false)
        let high = table.string("defect_code_high", required: false)
        let severity = table.choice("severity", required: false, Severity.allCases.map(\.rawValue), Severity.init(rawValue:)) ?? .major
        let chart = ChartHints.parse(table)
        guard let name, let unit, let nominal, let sigma, let address, let range, lsl != nil || usl != nil else { return nil }
        var definition = CharacteristicDefinition(
            name: name, ctq: ctq, unit: unit, nominal: nominal, lsl: lsl, usl: usl, sigma: sigma, arPhi: phi,
            distribution: distribution, address: UInt16(address), stride: stride, type: type, byteOrder: order,
            perStream: perStream, physicalRange: range, phase1: phase1, rules: rules, defectCodeLow: low,
            defectCodeHigh: high, severity: severity)
        definition.chart = chart
        definition.maxStep = maxStep
        return definition
    }
}
