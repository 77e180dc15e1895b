/// The whole simulated line in line time: every station makes its results on its own period,
/// in time order, and the ground truth is kept alongside. Pure and deterministic: the same
/// line, scenario and seed give the same results and the same truth, whatever the wall clock.
public struct LineEngine: Sendable {
    public let line: LineDefinition
    public let scenario: ScenarioDefinition
    public let seed: UInt64
    var processes: [StationProcess]
    var nextDue: [Double]
    var state = LineState()
    var trackers: [FaultTracker]
    /// Line seconds up to which the line has been simulated.
    public private(set) var lineTime: Double = 0
    var pending: [TruthEvent] = []

    /// - Parameter seed: overrides the scenario's seed when given.
    public init(line: LineDefinition, scenario: ScenarioDefinition, seed: UInt64? = nil) throws(DefinitionError) {
        try scenario.validate(against: line)
        self.line = line
        self.scenario = scenario
        let seed = seed ?? scenario.seed
        self.seed = seed
        let resolved = scenario.faults.map { fault -> FaultDefinition in
            var fault = fault
            if fault.characteristic == nil, let station = line.station(named: fault.station) {
                switch fault.kind {
                case .knifeWear: fault.characteristic = "burr"
                case .underDrying: fault.characteristic = station.characteristics.first?.name
                default: break
                }
            }
            return fault
        }
        processes = line.stations.enumerated().map { index, station in
            StationProcess(
                station: station, index: index,
                faults: resolved.filter { $0.station == station.name && !$0.kind.isDataIntegrity }, seed: seed)
        }
        nextDue = line.stations.map(\.periodSeconds)
        trackers = resolved.map(FaultTracker.init)
        if let coating = line.station(model: .coating) { state.coatingRollLength = coating.parameter("roll_length_m") }
        var started = TruthEvent(event: "run_started", lineTime: 0)
        started.detail = "line \(line.name), scenario \(scenario.name), seed \(seed)"
        pending.append(started)
    }

    /// The faults as resolved for this line (default characteristics filled in).
    public var faults: [FaultDefinition] { trackers.map(\.fault) }

    /// Simulates up to `time` (line seconds) and returns the results made, in time order (ties
    /// in station order).
    public mutating func advance(to time: Double) -> [StationRecord] {
        var records: [StationRecord] = []
        while true {
            guard let index = nextDue.indices.min(by: { nextDue[$0] < nextDue[$1] }), nextDue[index] <= time else { break }
            let due = nextDue[index]
            nextDue[index] += line.stations[index].periodSeconds
            beginAndEndFaults(upTo: due)
            lineTime = due
            guard let record = processes[index].produce(at: due, state: &state) else {
                pending += processes[index].facts
                processes[index].facts = []
                continue
            }
            pending += processes[index].facts
            processes[index].facts = []
            account(record, touchedBy: processes[index].touchedBy)
            records.append(record)
        }
        beginAndEndFaults(upTo: time)
        lineTime = max(lineTime, time)
        return records
    }

    /// Truth facts since the last call.
    public mutating func drainTruth() -> [TruthEvent] {
        defer { pending = [] }
        return pending
    }

    /// Closes the run: a `fault_summary` for every fault that began and has not ended, then
    /// `run_stopped`.
    public mutating func finish() -> [TruthEvent] {
        for index in trackers.indices where trackers[index].began && !trackers[index].ended {
            pending.append(trackers[index].closing("fault_summary", at: lineTime))
        }
        pending.append(TruthEvent(event: "run_stopped", lineTime: lineTime))
        return drainTruth()
    }

    /// True when station `index` is making results at `time` (fed, not stopped by a fault).
    public func isRunning(station index: Int, at time: Double) -> Bool { processes[index].isRunning(at: time) }

    /// True when station `index` is held stopped at `time` (a line stop of a `ripple` fault).
    public func isStopped(station index: Int, at time: Double) -> Bool { processes[index].isStopped(at: time) }

    /// The data-integrity faults acting on station `name` at line time `time`.
    public func dataFaults(station name: String, at time: Double) -> [FaultDefinition] {
        trackers.map(\.fault).filter {
            $0.kind.isDataIntegrity && $0.station == name && time >= $0.start && ($0.end.map { time < $0 } ?? true)
        }
    }

    // MARK: Truth

    /// Emits `fault_began` for time-started faults up to `time` and `fault_ended` for faults
    /// whose effect is over.
    mutating func beginAndEndFaults(upTo time: Double) {
        for index in trackers.indices {
            let fault = trackers[index].fault
            if !trackers[index].began, fault.afterUnit == nil, fault.start <= time {
                began(index, at: fault.start)
            }
            if trackers[index].began, !trackers[index].ended, let end = fault.effectiveEnd, end <= time {
                trackers[index].ended = true
                pending.append(trackers[index].closing("fault_ended", at: end))
            }
        }
    }

    mutating func began(_ index: Int, at time: Double) {
        trackers[index].began = true
        let fault = trackers[index].fault
        var event = TruthEvent(event: "fault_began", lineTime: time)
        event.fault = fault.id
        event.kind = fault.kind.rawValue
        event.dataIntegrity = fault.kind.isDataIntegrity
        event.station = fault.station
        event.characteristic = fault.characteristic
        event.streams = fault.streams.map { $0.map { $0 + 1 } }
        pending.append(event)
    }

    /// Which faults touched the record, its out-of-spec values and each fault's first one.
    mutating func account(_ record: StationRecord, touchedBy: [String: [Int]]) {
        let station = line.stations[record.stationIndex]
        var touching: [Int: [Int]] = [:]
        for index in trackers.indices {
            let fault = trackers[index].fault
            if let streams = touchedBy[fault.id] {
                touching[index] = streams
            } else if fault.touches.contains(station.name) || (fault.kind.isDataIntegrity && fault.station == station.name),
                record.lineTime >= fault.start, fault.effectiveEnd.map({ record.lineTime < $0 }) ?? true
            {
                touching[index] = fault.streams ?? Array(0..<station.streams)
            }
        }
        for (index, streams) in touching.sorted(by: { $0.key < $1.key }) {
            if !trackers[index].began { began(index, at: record.lineTime) }
            if trackers[index].touch(unit: record.unit(stream: streams.first ?? 0), lot: record.lot) {
                var event = TruthEvent(event: "fault_touched_lot", lineTime: record.lineTime)
                event.fault = trackers[index].fault.id
                event.station = station.name
                event.lot = record.lot
                event.unit = record.unit(stream: streams.first ?? 0)
                event.sequence = record.sequence
                pending.append(event)
            }
        }
        for (characteristicIndex, characteristic) in station.characteristics.enumerated() {
            for (stream, value) in record.values[characteristicIndex].enumerated() where characteristic.isOutOfSpec(value) {
                outOfSpec(record, station: station, characteristic: characteristic, stream: stream, value: value, touching: touching)
            }
        }
    }

    mutating func outOfSpec(
        _ record: StationRecord, station: StationDefinition, characteristic: CharacteristicDefinition, stream: Int, value: Double,
        touching: [Int: [Int]]
    ) {
        let qualified = "\(station.name).\(characteristic.name)"
        var event = TruthEvent(event: "out_of_spec", lineTime: record.lineTime)
        event.station = station.name
        event.characteristic = characteristic.name
        event.stream = characteristic.perStream ? stream + 1 : nil
        event.unit = record.unit(stream: stream)
        event.lot = record.lot
        event.sequence = record.sequence
        event.value = value
        event.lsl = characteristic.lsl
        event.usl = characteristic.usl
        var causes: [String] = []
        for index in trackers.indices where trackers[index].began && !trackers[index].fault.kind.isDataIntegrity {
            let fault = trackers[index].fault
            let own = fault.station == station.name && fault.characteristic == characteristic.name
                && (touching[index]?.contains(stream) ?? false)
            guard own || fault.affects.contains(qualified) else { continue }
            causes.append(fault.id)
            if !trackers[index].firstOutOfSpecSeen {
                trackers[index].firstOutOfSpecSeen = true
                var first = event
                first.event = "first_out_of_spec"
                first.fault = fault.id
                first.kind = fault.kind.rawValue
                pending.append(first)
            }
        }
        event.faults = causes
        pending.append(event)
    }
}
