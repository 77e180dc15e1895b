import LineModel

extension DaemonConfigurationWriter {
    /// The `[[multivariate]]` tables of the line's T2 charts: one per chart, or one per stream
    /// when a variable is measured per stream (see `MultivariateDefinition`). `max_age_s` is
    /// turned from line seconds into the daemon's wall seconds (divided by `speed`), and is at
    /// least three poll intervals of the slowest variable's station, so that poll timing alone
    /// never skips an observation.
    public static func multivariateTables(line: LineDefinition, speed: Double = 1) -> String {
        var out = ""
        for chart in line.multivariate {
            guard let station = line.station(named: chart.station), let streams = line.streamCount(of: chart) else { continue }
            let resolved = chart.variables.compactMap(line.variable)
            guard resolved.count == chart.variables.count else { continue }
            let pollSeconds = resolved.map { min(1, max(0.01, $0.station.periodSeconds / max(speed, 1e-9) / 4)) }.max() ?? 1
            let maxAge = max(chart.maxAgeSeconds / max(speed, 1e-9), 3 * pollSeconds)
            for stream in 0..<streams {
                func id(_ variable: (station: StationDefinition, characteristic: CharacteristicDefinition)) -> String {
                    let count = variable.station.valueCount(variable.characteristic)
                    return characteristicID(variable.station, variable.characteristic, stream: count > 1 ? stream : 0)
                }
                let suffix = streams > 1 ? ".\(station.streamPrefix)\(stream + 1)" : ""
                out += "\n[[multivariate]]\nid = \(quoted("\(chart.station).\(chart.name)\(suffix)"))\n"
                out += "station = \(quoted(chart.station))\n"
                out += "variables = [\(resolved.map { quoted(id($0)) }.joined(separator: ", "))]\n"
                if let trigger = chart.trigger, let index = chart.variables.firstIndex(of: trigger) {
                    out += "trigger = \(quoted(id(resolved[index])))\n"
                }
                out += "max_age_s = \(number(maxAge))\n"
                if let phase1 = chart.phase1 { out += "phase1 = \(phase1)\n" }
                if let confidence = chart.confidence { out += "confidence = \(number(confidence))\n" }
                out += "hold_on_signal = \(chart.holdOnSignal)\nseverity = \(quoted(chart.severity.rawValue))\n"
            }
        }
        return out
    }
}
