/// What happens on a simulated line during a run: the faults injected on top of the in-control
/// process, deterministic for a given seed. Load with `ScenarioDefinition.load(path:)`.
public struct ScenarioDefinition: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var seed: UInt64
    /// Line seconds the scenario needs to play out (a runner stops after this).
    public var duration: Double
    /// The speed factor the scenario is meant to run at (so that it plays in about a minute).
    public var suggestedSpeed: Double
    public var faults: [FaultDefinition]

    public init(
        name: String, summary: String = "", seed: UInt64 = 1, duration: Double = 3600, suggestedSpeed: Double = 60,
        faults: [FaultDefinition] = []
    ) {
        self.name = name
        self.summary = summary
        self.seed = seed
        self.duration = duration
        self.suggestedSpeed = suggestedSpeed
        self.faults = faults
    }

    /// Checks that every fault names a station (and characteristic, streams) of `line`.
    public func validate(against line: LineDefinition) throws(DefinitionError) {
        var issues: [DefinitionIssue] = []
        let stationNames = line.stations.map(\.name)
        for (index, fault) in faults.enumerated() {
            let path = "faults[\(index)]"
            guard let station = line.station(named: fault.station) else {
                issues.append(.init(keyPath: "\(path).station", value: "\"\(fault.station)\"", expected: "a station of line \(line.name) (\(stationNames.joined(separator: ", ")))"))
                continue
            }
            if let name = fault.characteristic, station.characteristicIndex(name) == nil {
                issues.append(.init(keyPath: "\(path).characteristic", value: "\"\(name)\"", expected: "a characteristic of station \(station.name) (\(station.characteristics.map(\.name).joined(separator: ", ")))"))
            }
            if let streams = fault.streams, let bad = streams.first(where: { !(0..<station.streams).contains($0) }) {
                issues.append(.init(keyPath: "\(path).streams", value: String(bad + 1), expected: "stream numbers from 1 to \(station.streams)"))
            }
            for pair in fault.affects {
                let parts = pair.split(separator: ".", maxSplits: 1).map(String.init)
                let known = parts.count == 2 && line.station(named: parts[0])?.characteristicIndex(parts[1]) != nil
                if !known { issues.append(.init(keyPath: "\(path).affects", value: "\"\(pair)\"", expected: "\"station.characteristic\" of the line")) }
            }
            for name in fault.touches where line.station(named: name) == nil {
                issues.append(.init(keyPath: "\(path).touches", value: "\"\(name)\"", expected: "a station of line \(line.name)"))
            }
            let modelOK: Bool
            switch fault.kind {
            case .ripple: modelOK = station.model == .calendering
            case .knifeWear: modelOK = station.model == .slitting
            case .contamination: modelOK = station.model == .grading && station.characteristicIndex("self_discharge_k") != nil
            case .underDrying: modelOK = station.model == .vacuumDrying
            case .drift: modelOK = fault.parameter("rate_per_km") == 0 || station.model.isWeb
            default: modelOK = true
            }
            if !modelOK {
                issues.append(.init(keyPath: "\(path).station", value: "\"\(fault.station)\"", expected: "a station whose model supports \(fault.kind.rawValue)"))
            }
        }
        if !issues.isEmpty { throw DefinitionError(source: "scenario \(name) on line \(line.name)", issues: issues) }
    }
}
