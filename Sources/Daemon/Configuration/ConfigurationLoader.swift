import Foundation
import LineModel
import ModbusKit
import TOMLKit

/// Reads and checks a whole configuration. Every problem is collected and reported at once,
/// each naming its key path, the bad value and what was expected; nothing starts on an error.
public enum ConfigurationLoader {
    /// Loads the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> DaemonConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(
                source: path, issues: [.init(keyPath: "(file)", value: path, expected: "a readable UTF-8 TOML file")])
        }
        return try load(text: text, source: path)
    }

    /// Loads configuration text; `source` names it in messages.
    public static func load(text: String, source: String) throws(ConfigurationError) -> DaemonConfiguration {
        if let (line, column) = TOMLHeaderGuard.firstUnsafeHeader(in: text) {
            throw ConfigurationError(
                source: source,
                issues: [.init(keyPath: "(syntax, line \(line), column \(column))", value: nil,
                               expected: "valid TOML: a table name starts with a letter, digit, _, - or a quote")])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let at = "line \(error.source.begin.line), column \(error.source.begin.column)"
            throw ConfigurationError(
                source: source, issues: [.init(keyPath: "(syntax, \(at))", value: nil, expected: "valid TOML: \(error.description)")])
        } catch {
            throw ConfigurationError(source: source, issues: [.init(keyPath: "(syntax)", value: nil, expected: "valid TOML")])
        }
        let issues = IssueCollector()
        let reader = TableReader(table: root, path: "", issues: issues)
        let configuration = MultivariateTableParser(root: root, issues: issues).adding(to: parse(reader), reader: reader)
        reader.finish()
        if let configuration, issues.issues.isEmpty {
            return configuration
        }
        throw ConfigurationError(source: source, issues: issues.issues)
    }

    private static func parse(_ root: TableReader) -> DaemonConfiguration? {
        let daemon = root.subtable("daemon").flatMap(parseDaemon)
        let line = root.subtable("line").flatMap { table -> LineSettings? in
            defer { table.finish() }
            return table.string("name").map(LineSettings.init)
        }
        let deviceTables = root.tables("devices")
        let devices = deviceTables.compactMap(parseDevice)
        unique(tables: deviceTables, key: "name")
        let byName = Dictionary(devices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Devices that are declared but invalid already have their issues: references to them
        // are not reported again.
        let declared = Set(deviceTables.compactMap { $0.peekString("name") })

        let stationTables = root.tables("stations")
        let stations = stationTables.compactMap { parseStation($0, devices: byName, declared: declared) }
        unique(tables: stationTables, key: "name")
        // Declared names: a station that is invalid itself (or through its device) is reported
        // once, not again by every characteristic of it.
        let stationNames = Set(stationTables.compactMap { $0.peekString("name") })

        let characteristicTables = root.tables("characteristics")
        let characteristics = characteristicTables.compactMap {
            parseCharacteristic($0, devices: byName, declared: declared, stations: stationNames)
        }
        unique(tables: characteristicTables, key: "id")

        let interlockTables = root.tables("interlocks", required: false)
        let interlocks = interlockTables.compactMap {
            parseInterlock($0, devices: byName, declared: declared, stations: stationNames)
        }
        // The interlocks and the acknowledge registers (parseAcknowledge) are the only targets a
        // device may ever be written to.
        var writable = devices
        for interlock in interlocks {
            guard let index = writable.firstIndex(where: { $0.name == interlock.device }) else { continue }
            writable[index].options.writeTargets.append(
                WriteTarget(unit: writable[index].unit, kind: interlock.kind, address: interlock.address))
        }

        guard let daemon, let line,
            devices.count == deviceTables.count, stations.count == stationTables.count,
            characteristics.count == characteristicTables.count, interlocks.count == interlockTables.count
        else { return nil }
        return DaemonConfiguration(
            daemon: daemon, line: line, devices: writable, stations: stations, characteristics: characteristics,
            interlocks: interlocks)
    }

    /// Reports the second and later entries that use the same name (valid entries or not).
    private static func unique(tables: [TableReader], key: String) {
        var seen: Set<String> = []
        for table in tables {
            guard let name = table.peekString(key) else { continue }
            if !seen.insert(name).inserted { table.report(key, expected: "a name not used by an earlier entry") }
        }
    }

    private static func parseDaemon(_ table: TableReader) -> DaemonSettings? {
        defer { table.finish() }
        let database = table.string("database", expected: "a path to the SQLite database file")
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        let logLevel = table.choice("log_level", required: false, levels) { levels.contains($0) ? $0 : nil }
        let interval = table.int("commit_interval_ms", required: false, in: 1...60_000)
        let maxRows = table.int("commit_max_rows", required: false, in: 1...1_000_000)
        let capacity = table.int("queue_capacity", required: false, in: 100...100_000_000)
        let socket = table.string("control_socket", required: false, expected: "a path for the control API's Unix socket")
        if let socket, socket.isEmpty || socket.utf8.count > 107 {
            table.report("control_socket", expected: "a non-empty path of at most 107 bytes (a Unix socket path)")
        }
        let group = table.string("control_socket_group", required: false)
        let metrics = table.string("metrics_listen", required: false, expected: "\"host:port\", e.g. \"127.0.0.1:9464\"")
        if let metrics, ListenAddress.parse(metrics) == nil {
            table.report("metrics_listen", expected: "\"host:port\", e.g. \"127.0.0.1:9464\"")
        }
        let dashboard = table.string("dashboard_listen", required: false, expected: "\"host:port\", e.g. \"127.0.0.1:8080\"")
        if let dashboard, ListenAddress.parse(dashboard) == nil {
            table.report("dashboard_listen", expected: "\"host:port\", e.g. \"127.0.0.1:8080\"")
        }
        let retention = table.double("retention_days", required: false, expected: "a positive number of days")
        if let retention, retention <= 0 { table.report("retention_days", expected: "a positive number of days") }
        let spillBytes = table.int("spill_bytes", required: false, in: 65_536...1_073_741_824)
        guard let database else { return nil }
        return DaemonSettings(
            database: database, logLevel: logLevel ?? "info", commitIntervalMilliseconds: interval ?? 250,
            commitMaxRows: maxRows ?? 5_000, queueCapacity: capacity ?? 1_000_000,
            controlSocket: socket.flatMap { $0.isEmpty ? nil : $0 }, controlSocketGroup: group ?? "lineguard",
            metricsListen: metrics, dashboardListen: dashboard, retentionDays: retention,
            spillBytes: spillBytes ?? DaemonSettings.defaultSpillBytes)
    }

    private static func parseDevice(_ table: TableReader) -> DeviceSettings? {
        defer { table.finish() }
        let name = table.string("name")
        let endpointText = table.string("endpoint", expected: "\"host:port\" with a port from 1 to 65535")
        var endpoint: ModbusEndpoint?
        if let endpointText {
            endpoint = try? ModbusEndpoint(parsing: endpointText)
            if endpoint == nil || endpoint?.port == 0 {
                endpoint = nil
                table.report("endpoint", expected: "\"host:port\" with a port from 1 to 65535")
            }
        }
        let unit = table.int("unit", required: false, in: 0...255)
        let base = table.int("address_base", required: false, in: 0...1, expected: "0 (protocol addresses) or 1 (1-based register numbers)")
        let interval = table.int("poll_interval_ms", required: false, in: 1...86_400_000)
        let order = table.choice("byte_order", required: false, ByteOrder.allNames, ByteOrder.init(rawValue:))
        var options = DeviceOptions()
        if let value = table.int("response_timeout_ms", required: false, in: 1...60_000) { options.responseTimeout = .milliseconds(value) }
        if let value = table.int("connect_timeout_ms", required: false, in: 1...60_000) { options.connectTimeout = .milliseconds(value) }
        if let value = table.int("pause_after_connect_ms", required: false, in: 0...60_000) { options.pauseAfterConnect = .milliseconds(value) }
        if let value = table.int("pause_between_requests_ms", required: false, in: 0...60_000) { options.pauseBetweenRequests = .milliseconds(value) }
        if let value = table.int("max_registers", required: false, in: 1...125) { options.maxRegistersPerRequest = value }
        if let value = table.int("max_bits", required: false, in: 1...2000) { options.maxBitsPerRequest = value }
        if let value = table.int("max_gap", required: false, in: 0...124) { options.maxGap = value }
        if let value = table.bool("one_request_per_value", required: false) { options.oneRequestPerValue = value }
        guard let name, let endpoint else {
            skipDeviceSubtables(table)
            return nil
        }
        var device = DeviceSettings(
            name: name, endpoint: endpoint, unit: UInt8(unit ?? 1), addressBase: base ?? 0,
            pollIntervalMilliseconds: interval ?? 1000, byteOrder: order ?? .abcd, options: options)
        let qualityOK = parseDeviceQualitySources(table, into: &device)
        guard parseAcknowledge(table, into: &device), qualityOK else { return nil }
        return device
    }

    private static func parseStation(
        _ table: TableReader, devices: [String: DeviceSettings], declared: Set<String>
    ) -> StationSettings? {
        defer { table.finish() }
        let name = table.string("name")
        let kind = table.choice("lot_kind", LotKind.allCases.map(\.rawValue), LotKind.init(rawValue:))
        var lot: RegisterSource?
        var lotOK = true
        if let lotTable = table.subtable("lot", required: false) {
            defer { lotTable.finish() }
            lot = parseSource(
                lotTable, deviceKey: true, devices: devices, declared: declared, defaultDevice: nil, allowString: true)
            lotOK = lot != nil
        }
        guard let name, let kind, lotOK else { return nil }
        return StationSettings(name: name, lotKind: kind, lot: lot)
    }

    /// A register source: `device` (or the default), `register`, `address`, `type`, and for
    /// strings `registers`.
    static func parseSource(
        _ table: TableReader, deviceKey: Bool, devices: [String: DeviceSettings], declared: Set<String>,
        defaultDevice: DeviceSettings?, allowString: Bool
    ) -> RegisterSource? {
        var device = defaultDevice
        if deviceKey {
            if let name = table.string("device") {
                device = devices[name]
                if device == nil && !declared.contains(name) {
                    table.report("device", expected: "the name of a configured device (\(devices.keys.sorted().joined(separator: ", ")))")
                }
            }
        }
        let kind = table.choice("register", required: false, RegisterKind.allNames, RegisterKind.init(rawValue:))
        let address = table.int("address", in: 0...65536, expected: "a register address from 0 to 65535 (after the device's address_base)")
        let type = parseType(table, allowString: allowString)
        let order = table.choice("byte_order", required: false, ByteOrder.allNames, ByteOrder.init(rawValue:))
        guard let device, let address, let type else { return nil }
        let registerKind = kind ?? .holdingRegister
        guard let protocolAddress = protocolAddress(table, address: address, device: device, type: type, kind: registerKind) else {
            return nil
        }
        return RegisterSource(
            device: device.name, kind: registerKind, address: protocolAddress, type: type, order: order ?? device.byteOrder)
    }

    private static func parseType(_ table: TableReader, allowString: Bool) -> ValueType? {
        var names = ["bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "bit"]
        if allowString { names.append("string") }
        let name = table.choice("type", names) { names.contains($0) ? $0 : nil }
        switch name {
        case "bool": return .bool
        case "int16": return .int16
        case "uint16": return .uint16
        case "int32": return .int32
        case "uint32": return .uint32
        case "int64": return .int64
        case "uint64": return .uint64
        case "float32": return .float32
        case "float64": return .float64
        case "bit": return table.int("bit", in: 0...15).map { .bit($0) }
        case "string": return table.int("registers", in: 1...123).map { .string(registers: $0) }
        default: return nil
        }
    }

    /// Applies the device's address base and checks that the whole value fits the address space
    /// and that the type suits the register kind.
    private static func protocolAddress(
        _ table: TableReader, address: Int, device: DeviceSettings, type: ValueType, kind: RegisterKind
    ) -> UInt16? {
        let first = address - device.addressBase
        let last = first + type.registersNeeded - 1
        guard first >= 0, last <= 65535 else {
            table.report(
                "address",
                expected: "an address whose value (\(type.registersNeeded) register(s)) lies within 0...65535 after address_base \(device.addressBase)")
            return nil
        }
        let isBitKind = kind == .coil || kind == .discreteInput
        if isBitKind != (type == .bool) {
            table.report("type", expected: isBitKind ? "\"bool\" for coils and discrete inputs" : "a register type (not \"bool\") for holding and input registers")
            return nil
        }
        return UInt16(first)
    }

    private static func parseCharacteristic(
        _ table: TableReader, devices: [String: DeviceSettings], declared: Set<String>, stations: Set<String>
    ) -> CharacteristicSettings? {
        defer { table.finish() }
        let id = table.string("id", expected: "a unique characteristic id such as \"filling.fill_weight.n1\"")
        let station = table.string("station")
        if let station, !stations.contains(station) {
            table.report("station", expected: "the name of a configured station (\(stations.sorted().joined(separator: ", ")))")
        }
        let equipment = table.string("equipment", required: false)
        let unit = table.string("unit", expected: "the engineering unit, e.g. \"g\"")
        let source = parseSource(
            table, deviceKey: true, devices: devices, declared: declared, defaultDevice: nil, allowString: false)
        let scale = table.double("scale", required: false) ?? 1
        let offset = table.double("offset", required: false) ?? 0
        var range: ClosedRange<Double>?
        if let bounds = table.numberArray("physical_range", required: false, expected: "[min, max] with min < max") {
            if bounds.count == 2, bounds[0] < bounds[1] {
                range = bounds[0]...bounds[1]
            } else {
                table.report("physical_range", expected: "[min, max] with min < max")
            }
        }
        let frozenAfter = table.int("frozen_after", required: false, in: 2...1_000_000)
        let lsl = table.double("lsl", required: false)
        let usl = table.double("usl", required: false)
        let target = table.double("target", required: false)
        var specOK = true
        if lsl == nil && usl == nil {
            table.report("usl", expected: "at least one specification limit (lsl or usl)")
            specOK = false
        }
        if let lsl, let usl, lsl >= usl {
            table.report("usl", expected: "a number greater than lsl (\(lsl))")
            specOK = false
        }
        if let target, (lsl.map { target < $0 } ?? false) || (usl.map { target > $0 } ?? false) {
            table.report("target", expected: "a number within the specification limits")
            specOK = false
        }
        var sequence: RegisterSource?
        var sequenceOK = true
        if let sequenceTable = table.subtable("sequence", required: false) {
            defer { sequenceTable.finish() }
            let device = source.flatMap { devices[$0.device] }
            sequence = parseSource(
                sequenceTable, deviceKey: false, devices: devices, declared: declared, defaultDevice: device,
                allowString: false)
            sequenceOK = sequence != nil || device == nil
        }
        if frozenAfter != nil && sequence != nil {
            table.report(
                "frozen_after",
                expected: "no frozen_after together with sequence (a per-unit result repeats between units by design)")
        }
        let chart = table.choice("chart", required: false, ChartKind.allCases.map(\.rawValue), ChartKind.init(rawValue:))
        var drift = DriftChartSettings()
        if let lambda = table.double("ewma_lambda", required: false, expected: "a number in (0, 1]") {
            if lambda > 0 && lambda <= 1 { drift.ewmaLambda = lambda } else { table.report("ewma_lambda", expected: "a number in (0, 1]") }
        }
        if let width = table.double("ewma_width", required: false, expected: "a positive number of sigmas") {
            if width > 0 { drift.ewmaWidth = width } else { table.report("ewma_width", expected: "a positive number of sigmas") }
        }
        if let k = table.double("cusum_k", required: false, expected: "a number of sigmas, 0 or more") {
            if k >= 0 { drift.cusumK = k } else { table.report("cusum_k", expected: "a number of sigmas, 0 or more") }
        }
        if let h = table.double("cusum_h", required: false, expected: "a positive number of sigmas") {
            if h > 0 { drift.cusumH = h } else { table.report("cusum_h", expected: "a positive number of sigmas") }
        }
        let phase1 = table.int("phase1", required: false, in: 2...100_000)
        let ruleSet = table.choice("rule_set", required: false, RuleSetName.allCases.map(\.rawValue), RuleSetName.init(rawValue:))
        let rules = parseRules(table, ruleSet: ruleSet ?? .we)
        let hold = table.bool("hold_on_signal", required: false)
        let dataQuality = parseCharacteristicQuality(
            table, device: source.flatMap { devices[$0.device] }, hasSequence: table.has("sequence"))
        let model = parseChartModel(table, chart: chart, rules: rules)
        let low = table.string("defect_code_low", required: false, expected: "a defect code such as \"FILL.UNDER\"")
        let high = table.string("defect_code_high", required: false, expected: "a defect code such as \"FILL.OVER\"")
        let severity = table.choice("severity", required: false, Severity.allCases.map(\.rawValue), Severity.init(rawValue:))
        guard let id, let station, stations.contains(station), let unit, let source, specOK, sequenceOK, let rules,
            frozenAfter == nil || sequence == nil, let model
        else {
            return nil
        }
        guard let dataQuality else { return nil }
        let code = id.uppercased().replacingOccurrences(of: ".", with: "_")
        var settings = CharacteristicSettings(
            id: CharacteristicID(id), station: station, equipment: equipment, device: source.device, kind: source.kind,
            address: source.address, type: source.type, order: source.order, scale: scale, offset: offset, unit: unit,
            physicalRange: range, frozenAfter: frozenAfter, spec: SpecLimits(lsl: lsl, usl: usl, target: target),
            sequence: sequence,
            chart: chart ?? .imr, drift: drift, phase1: phase1 ?? 25, ruleSet: ruleSet ?? .we, rules: rules,
            holdOnSignal: hold ?? false, defectCodeLow: low ?? "\(code).LOW", defectCodeHigh: high ?? "\(code).HIGH",
            severity: severity ?? .major)
        settings.model = model
        dataQuality.apply(to: &settings)
        return settings
    }

    private static func parseInterlock(
        _ table: TableReader, devices: [String: DeviceSettings], declared: Set<String>, stations: Set<String>
    ) -> InterlockSettings? {
        defer { table.finish() }
        let station = table.string("station")
        if let station, !stations.contains(station) {
            table.report("station", expected: "the name of a configured station (\(stations.sorted().joined(separator: ", ")))")
        }
        let deviceName = table.string("device")
        let device = deviceName.flatMap { devices[$0] }
        if let deviceName, device == nil, !declared.contains(deviceName) {
            table.report("device", expected: "the name of a configured device (\(devices.keys.sorted().joined(separator: ", ")))")
        }
        let kind = table.choice("register", ["coil", "holding"]) { $0 == "coil" || $0 == "holding" ? RegisterKind(rawValue: $0) : nil }
        let address = table.int("address", in: 0...65536, expected: "a register address from 0 to 65535 (after the device's address_base)")
        let maximum = kind == .coil ? 1 : 65535
        let hold = table.int("hold_value", required: false, in: 0...maximum)
        let release = table.int("release_value", required: false, in: 0...maximum)
        guard let station, stations.contains(station), let device, let kind, let address else { return nil }
        let first = address - device.addressBase
        guard (0...65535).contains(first) else {
            table.report("address", expected: "an address within 0...65535 after address_base \(device.addressBase)")
            return nil
        }
        return InterlockSettings(
            station: station, device: device.name, kind: kind, address: UInt16(first), holdValue: UInt16(hold ?? 1),
            releaseValue: UInt16(release ?? 0))
    }

    /// `rules = [1, 2]` (numbers in the rule set's numbering), or `rules = "all"`; default: all.
    private static func parseRules(_ table: TableReader, ruleSet: RuleSetName) -> [Int]? {
        let all = Array(1...ruleSet.ruleCount)
        guard table.has("rules") else { return all }
        let expected = "\"all\" or a list of rule numbers from 1 to \(ruleSet.ruleCount) (rule_set \"\(ruleSet.rawValue)\")"
        if table.isString("rules") {
            if table.string("rules", expected: expected) == "all" { return all }
            table.report("rules", expected: expected)
            return nil
        }
        guard let numbers = table.numberArray("rules", required: false, expected: expected) else { return nil }
        let rules = numbers.map { Int($0) }
        guard !rules.isEmpty, zip(rules, numbers).allSatisfy({ Double($0) == $1 }), rules.allSatisfy(all.contains)
        else {
            table.report("rules", expected: expected)
            return nil
        }
        return Array(Set(rules)).sorted()
    }
}

extension ByteOrder {
    static var allNames: [String] { ["ABCD", "CDAB", "BADC", "DCBA"] }
}

extension RegisterKind {
    static var allNames: [String] { ["coil", "discrete_input", "holding", "input"] }
}
