import LineModel
import TOMLKit

/// Reads and checks the `[[multivariate]]` tables of a configuration (see `MultivariateSettings`).
///
/// Every issue names its key path, the value and what was expected; unknown keys are errors.
/// `variables` is a list of strings, which `TableReader` has no accessor for, so it is read from
/// the raw table here and every other key goes through a `TableReader` of the remaining keys.
struct MultivariateTableParser {
    let root: TOMLTable
    let issues: IssueCollector

    /// The charts, or nil when any table has an issue. `characteristics` maps each valid
    /// characteristic id to its station; `declared` holds every id written in the file (ids of
    /// invalid characteristics already have their issues and are not reported again).
    func parse(characteristics: [CharacteristicID: String], declared: Set<String>, stations: Set<String>) -> [MultivariateSettings]? {
        guard let value = root["multivariate"] else { return [] }
        // A value that is not an array of tables is reported by the root reader (`adding(to:reader:)`).
        guard let array = value.array else { return nil }
        var charts: [MultivariateSettings] = []
        var valid = true
        var seen: Set<String> = []
        for (index, element) in array.enumerated() {
            let path = "multivariate[\(index)]"
            guard let table = element.table else {
                valid = false
                continue
            }
            if let id = table["id"]?.string {
                if !seen.insert(id).inserted {
                    issues.add("\(path).id", "\"\(id)\"", expected: "an id not used by an earlier [[multivariate]] table")
                    valid = false
                } else if declared.contains(id) {
                    issues.add("\(path).id", "\"\(id)\"", expected: "an id that is not also a characteristic's id")
                    valid = false
                }
            }
            let chart = parseTable(table, path: path, characteristics: characteristics, declared: declared, stations: stations)
            if let chart { charts.append(chart) } else { valid = false }
        }
        return valid ? charts : nil
    }

    private func parseTable(
        _ raw: TOMLTable, path: String, characteristics: [CharacteristicID: String], declared: Set<String>,
        stations: Set<String>
    ) -> MultivariateSettings? {
        let rest = TOMLTable()
        for key in raw.keys where key != "variables" { rest[key] = raw[key] }
        let table = TableReader(table: rest, path: path, issues: issues)
        defer { table.finish() }
        let id = table.string("id", expected: "a characteristic-like id such as \"calendering.t2_loading_thickness_density\"")
        let station = table.string("station")
        if let station, !stations.contains(station) {
            table.report("station", expected: "the name of a configured station (\(stations.sorted().joined(separator: ", ")))")
        }
        if let id, let station, !id.hasPrefix(station + ".") || id.count == station.count + 1 {
            table.report("id", expected: "an id that starts with its station's name and a dot (\"\(station).<name>\")")
        }
        let variables = parseVariables(raw, path: path, characteristics: characteristics, declared: declared)
        let triggerText = table.string("trigger", required: false, expected: "one of the table's variables")
        var trigger = variables?.last
        if let triggerText {
            trigger = CharacteristicID(triggerText)
            if let variables, !variables.contains(CharacteristicID(triggerText)) {
                table.report("trigger", expected: "one of the table's variables (\(variables.map { "\"\($0)\"" }.joined(separator: ", ")))")
                trigger = nil
            }
        }
        let maxAge = table.double("max_age_s", expected: "a positive number of seconds")
        if let maxAge, maxAge <= 0 { table.report("max_age_s", expected: "a positive number of seconds") }
        let p = variables?.count ?? 2
        let phase1 = table.int(
            "phase1", required: false, in: (p + 2)...100_000,
            expected: "an integer from \(p + 2) (variables + 2) to 100000")
        let confidenceExpected = "a number in (0, 1), e.g. 0.99 (default (1 - 0.0027)^variables)"
        let confidence = table.double("confidence", required: false, expected: confidenceExpected)
        if let confidence, !(confidence > 0 && confidence < 1) { table.report("confidence", expected: confidenceExpected) }
        let hold = table.bool("hold_on_signal", required: false)
        let severity = table.choice("severity", required: false, Severity.allCases.map(\.rawValue), Severity.init(rawValue:))
        let phase1OK = !table.has("phase1") || phase1 != nil
        guard let id, let station, stations.contains(station), id.hasPrefix(station + "."), id.count > station.count + 1,
            let variables, let trigger,
            let maxAge, maxAge > 0, phase1OK, confidence.map({ $0 > 0 && $0 < 1 }) ?? true
        else { return nil }
        return MultivariateSettings(
            id: CharacteristicID(id), station: station, variables: variables, trigger: trigger, maxAgeSeconds: maxAge,
            phase1: phase1 ?? 50, confidence: confidence, holdOnSignal: hold ?? false,
            severity: severity ?? .major)
    }

    /// `variables = ["coating.loading.l1", ...]`: 2 to 10 distinct configured characteristic ids.
    private func parseVariables(
        _ raw: TOMLTable, path: String, characteristics: [CharacteristicID: String], declared: Set<String>
    ) -> [CharacteristicID]? {
        let keyPath = "\(path).variables"
        let expected = "a list of 2 to 10 distinct characteristic ids, e.g. [\"coating.loading.l1\", \"calendering.thickness\"]"
        guard let value = raw["variables"] else {
            issues.add(keyPath, nil, expected: expected)
            return nil
        }
        guard let array = value.array else {
            issues.add(keyPath, TableReader.render(value), expected: expected)
            return nil
        }
        var names: [String] = []
        for element in array {
            guard let name = element.string else {
                issues.add(keyPath, TableReader.render(value), expected: expected)
                return nil
            }
            names.append(name)
        }
        guard (2...10).contains(names.count), Set(names).count == names.count else {
            issues.add(keyPath, TableReader.render(value), expected: expected)
            return nil
        }
        var valid = true
        for (index, name) in names.enumerated() where characteristics[CharacteristicID(name)] == nil {
            valid = false
            if !declared.contains(name) {
                issues.add(
                    "\(keyPath)[\(index)]", "\"\(name)\"", expected: "the id of a configured [[characteristics]] entry")
            }
        }
        return valid ? names.map { CharacteristicID($0) } : nil
    }
}

extension MultivariateTableParser {
    /// Checks the `[[multivariate]]` tables against the rest of the configuration and adds them
    /// to it. `reader` is the root's reader: the key is consumed there (which also reports a
    /// `multivariate` that is not an array of tables).
    func adding(to configuration: DaemonConfiguration?, reader: TableReader) -> DaemonConfiguration? {
        _ = reader.tables("multivariate", required: false)
        let declaredIDs = (root["characteristics"]?.array ?? []).compactMap { $0.table?["id"]?.string }
        let declaredStations = (root["stations"]?.array ?? []).compactMap { $0.table?["name"]?.string }
        var characteristics: [CharacteristicID: String] = [:]
        for characteristic in configuration?.characteristics ?? [] { characteristics[characteristic.id] = characteristic.station }
        let stations = configuration.map { Set($0.stations.map(\.name)) } ?? Set(declaredStations)
        guard let charts = parse(characteristics: characteristics, declared: Set(declaredIDs), stations: stations) else {
            return nil
        }
        guard var configuration else { return nil }
        configuration.multivariate = charts
        return configuration
    }
}
