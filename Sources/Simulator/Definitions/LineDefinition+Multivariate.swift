import LineModel

extension LineDefinition {
    /// The station and characteristic a `station.characteristic` variable names.
    public func variable(_ name: String) -> (station: StationDefinition, characteristic: CharacteristicDefinition)? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let station = station(named: parts[0]),
            let characteristic = station.characteristics.first(where: { $0.name == parts[1] })
        else { return nil }
        return (station, characteristic)
    }

    /// How many charts a definition stands for: the stream count of its per-stream variables
    /// (1 when every variable is measured once), nil when they differ.
    public func streamCount(of chart: MultivariateDefinition) -> Int? {
        let counts = Set(chart.variables.compactMap(variable).map { $0.station.valueCount($0.characteristic) }.filter { $0 > 1 })
        if counts.count > 1 { return nil }
        return counts.first ?? 1
    }

    /// Reads the `[[multivariate]]` tables of a line file and checks them against its stations.
    static func parseMultivariate(_ root: DefinitionReader, stations: [StationDefinition]) -> [MultivariateDefinition] {
        let line = LineDefinition(name: "", stations: stations)
        var charts: [MultivariateDefinition] = []
        var seen: Set<String> = []
        for table in root.tables("multivariate", required: false) {
            defer { table.finish() }
            let name = table.string("name", expected: "a chart name such as \"t2_loading_thickness_density\"")
            let stationName = table.string("station")
            let expected = "a list of 2 to 10 distinct \"station.characteristic\" names of the line"
            let variables = table.strings("variables", expected: expected)
            let trigger = table.string("trigger", required: false, expected: "one of the chart's variables")
            let maxAge = table.double("max_age_s", in: 1e-6...1e9, expected: "a positive number of line seconds")
            let phase1 = table.int("phase1", required: false, in: 3...100_000)
            let confidence = table.double("confidence", required: false, in: 1e-9...(1 - 1e-12), expected: "a number in (0, 1)")
            let hold = table.bool("hold_on_signal", required: false) ?? false
            let severity = table.choice("severity", required: false, Severity.allCases.map(\.rawValue), Severity.init(rawValue:))
            var valid = true
            if let stationName, line.station(named: stationName) == nil {
                table.report("station", expected: "the name of a station of the line")
                valid = false
            }
            if let name, let stationName, !seen.insert("\(stationName).\(name)").inserted {
                table.report("name", expected: "a name no other chart of the station uses")
                valid = false
            }
            if let variables {
                if !(2...10).contains(variables.count) || Set(variables).count != variables.count
                    || !variables.allSatisfy({ line.variable($0) != nil })
                {
                    table.report("variables", expected: expected)
                    valid = false
                } else if line.streamCount(of: MultivariateDefinition(name: "", station: "", variables: variables, maxAgeSeconds: 1)) == nil {
                    table.report("variables", expected: "per-stream variables with the same number of streams")
                    valid = false
                }
                if let trigger, !variables.contains(trigger) {
                    table.report("trigger", expected: "one of the chart's variables")
                    valid = false
                }
                if let phase1, phase1 < variables.count + 2 {
                    table.report("phase1", expected: "at least the number of variables + 2 (\(variables.count + 2))")
                    valid = false
                }
            }
            guard valid, let name, let stationName, let variables, let maxAge, table.has("phase1") == (phase1 != nil),
                !table.has("confidence") || confidence != nil
            else { continue }
            charts.append(
                MultivariateDefinition(
                    name: name, station: stationName, variables: variables, trigger: trigger, maxAgeSeconds: maxAge,
                    phase1: phase1, confidence: confidence, holdOnSignal: hold, severity: severity ?? .major))
        }
        return charts
    }
}
