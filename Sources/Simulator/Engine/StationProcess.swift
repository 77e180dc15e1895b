import Foundation
import LineModel

/// The process model of one simulated station: in-control noise (AR(1) or lognormal) from its
/// own seeded generator, the scenario's process faults on top, the model's physics (see
/// `StationModelKind`) and its lots. Pure and deterministic.
struct StationProcess: Sendable {
    let station: StationDefinition
    let index: Int
    /// The scenario's process faults on this station (characteristic defaults resolved).
    let faults: [FaultDefinition]
    /// In-control noise; a separate stream from fault events, so that adding a fault does not
    /// change the in-control values around it.
    var noise: SeededGenerator
    var events: SeededGenerator
    /// AR(1) state per characteristic and stream.
    var arState: [[Double]]
    var sequence: UInt64 = 0
    /// Line time each fault first acted (drift is measured from here).
    var faultBegin: [String: Double] = [:]
    var faultBeginMetre: [String: Double] = [:]
    /// Accumulated random batch steps of drift faults (coating).
    var faultBatchOffset: [String: Double] = [:]
    /// Truth facts the model produced (lots, links, equipment changes), drained by the engine.
    var facts: [TruthEvent] = []
    /// Faults that touched the latest record (contamination: only contaminated cells).
    var touchedBy: [String: [Int]] = [:]

    // Web stations.
    var totalMetres = 0.0
    var rollNumber = 0
    var rollMetre = 0.0
    // Coating slurry batches.
    var batchNumber = 0
    var batchFromMetre = 0.0
    var batchOffset = 0.0
    // Slitting knives.
    var knifeKm = 0.0
    var wearKm = 0.0
    var knifeSet = 1
    var chips: [Double]
    // Discrete stations.
    var lotNumber = 0

    init(station: StationDefinition, index: Int, faults: [FaultDefinition], seed: UInt64) {
        self.station = station
        self.index = index
        self.faults = faults
        let mixed = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(index + 1)
        noise = SeededGenerator(seed: mixed)
        events = SeededGenerator(seed: mixed ^ 0xD1B5_4A32_D192_ED03)
        // Start each AR(1) state from its stationary distribution (sd = sigma).
        var start = SeededGenerator(seed: mixed ^ 0x94D0_49BB_1331_11EB)
        arState = station.characteristics.map { characteristic in
            (0..<station.valueCount(characteristic)).map { _ in characteristic.arPhi > 0 ? characteristic.sigma * start.nextGaussian() : 0 }
        }
        chips = Array(repeating: 0, count: station.streams)
        knifeKm = station.model == .slitting ? station.parameter("initial_km") : 0
        wearKm = knifeKm
    }

    // MARK: Fault activity

    /// True when `fault` acts on the result about to be made at `time`.
    func isActive(_ fault: FaultDefinition, at time: Double) -> Bool {
        guard time >= fault.start else { return false }
        if let after = fault.afterUnit, sequence + 1 <= UInt64(after) { return false }
        if let end = fault.effectiveEnd, time >= end { return false }
        return true
    }

    /// True when a ripple fault holds the station stopped at `time`.
    func isStopped(at time: Double) -> Bool {
        faults.contains { $0.kind == .ripple && time >= $0.start && time < $0.start + $0.parameter("stop_s") }
    }

    /// Marks the faults active now, remembering when and at which metre each began.
    mutating func activeFaults(at time: Double) -> [FaultDefinition] {
        let active = faults.filter { isActive($0, at: time) }
        for fault in active where faultBegin[fault.id] == nil {
            faultBegin[fault.id] = time
            faultBeginMetre[fault.id] = totalMetres
        }
        return active
    }

    /// The additive effect of the generic faults (drift, step, excursion, ripple) on a value.
    func offset(characteristic: Int, stream: Int, at time: Double, active: [FaultDefinition]) -> Double {
        let name = station.characteristics[characteristic].name
        let nominal = station.characteristics[characteristic].nominal
        var total = 0.0
        for fault in active where fault.characteristic == name && fault.covers(stream: stream) {
            let since = time - (faultBegin[fault.id] ?? fault.start)
            switch fault.kind {
            case .drift:
                total += fault.parameter("rate_per_hour") * since / 3600
                total += fault.parameter("rate_percent_per_hour") / 100 * nominal * since / 3600
                total += fault.parameter("rate_per_km") * (totalMetres - (faultBeginMetre[fault.id] ?? totalMetres)) / 1000
                total += faultBatchOffset[fault.id] ?? 0
            case .step:
                total += fault.parameter("shift")
            case .excursion:
                let rise = fault.parameter("rise_s")
                let recover = fault.parameter("recover_s")
                let peak = fault.parameter("peak")
                total += since < rise ? peak * since / rise : peak * max(0, 1 - (since - rise) / recover)
            case .ripple:
                let running = time - fault.start - fault.parameter("stop_s")
                let decay = exp(-running / fault.parameter("tau_s"))
                total += fault.parameter("amplitude") * decay * (0.7 + 0.3 * cos(2 * Double.pi * running / fault.parameter("period_s")))
            default:
                break
            }
        }
        return total
    }

    /// An in-control value (noise drawn even when a fault replaces it, to keep streams aligned).
    mutating func inControl(characteristic: Int, stream: Int) -> Double {
        let definition = station.characteristics[characteristic]
        let phi = definition.arPhi
        let previous = arState[characteristic][stream]
        let next = phi * previous + (1 - phi * phi).squareRoot() * definition.sigma * noise.nextGaussian()
        arState[characteristic][stream] = next
        return definition.distribution == .lognormal ? definition.nominal * exp(next) : definition.nominal + next
    }

    /// Generic values for every characteristic: in-control value plus fault offsets.
    mutating func genericValues(at time: Double, active: [FaultDefinition]) -> [[Double]] {
        station.characteristics.indices.map { characteristic in
            (0..<station.valueCount(station.characteristics[characteristic])).map { stream in
                inControl(characteristic: characteristic, stream: stream)
                    + offset(characteristic: characteristic, stream: stream, at: time, active: active)
            }
        }
    }

    /// Records which of the active faults touched this result (all their streams).
    mutating func noteTouched(_ active: [FaultDefinition]) {
        touchedBy = [:]
        for fault in active where fault.kind != .contamination {
            touchedBy[fault.id] = fault.streams ?? Array(0..<station.streams)
        }
    }

    // MARK: Results

    /// Makes the next result at `time`, or nil when the station makes none (not yet fed,
    /// stopped).
    mutating func produce(at time: Double, state: inout LineState) -> StationRecord? {
        switch station.model {
        case .coating: return coating(at: time, state: &state)
        case .calendering: return calendering(at: time, state: &state)
        case .slitting: return slitting(at: time, state: &state)
        case .dryRoom: return dryRoom(at: time)
        case .vacuumDrying: return vacuumDrying(at: time, state: &state)
        case .filling: return filling(at: time, state: &state)
        case .grading: return grading(at: time)
        }
    }

    /// True when the station makes results at `time` (fed by its upstream, not stopped).
    func isRunning(at time: Double) -> Bool {
        if station.model == .calendering || station.model == .slitting, time < station.parameter("lag_s") { return false }
        return !isStopped(at: time)
    }

    /// A record shell for the next result.
    mutating func nextRecord(at time: Double, lot: String, parent: String?, unit: String, values: [[Double]]) -> StationRecord {
        sequence += 1
        return StationRecord(
            stationIndex: index, station: station.name, sequence: sequence, lineTime: time, lot: lot, parentLot: parent,
            metre: station.model.isWeb ? rollMetre : nil, unit: unit, streamUnits: nil, values: values)
    }

    /// A `lot_started` fact.
    mutating func lotStarted(_ lot: String, kind: String?, at time: Double, parents: [String]) {
        var event = TruthEvent(event: "lot_started", lineTime: time)
        event.lot = lot
        event.lotKind = kind ?? station.lotKind?.rawValue
        event.station = station.name
        event.parents = parents.isEmpty ? nil : parents
        facts.append(event)
    }

    /// A `lot_link` fact (a web window of `parent` went into `lot`).
    mutating func lotLink(_ lot: String, parent: String, from: Double, to: Double, at time: Double) {
        var event = TruthEvent(event: "lot_link", lineTime: time)
        event.lot = lot
        event.parent = parent
        event.fromM = (from * 10).rounded() / 10
        event.toM = (to * 10).rounded() / 10
        event.station = station.name
        facts.append(event)
    }
}
