import Foundation
import LineModel
import Simulator
import Store

/// The score of one run against its ground truth.
struct RunScore: Sendable {
    /// One injected fault and how the daemon did on it.
    struct FaultScore: Sendable {
        var id: String
        var dataIntegrity: Bool
        /// Process faults: a signal or defect on an affected characteristic while the fault
        /// was active (plus a grace of 10 % of the run). Data-integrity faults: a data-quality
        /// event of the station's device in that window.
        var detected: Bool
        var delaySeconds: Double?
        var delaySamples: Int?
        /// Detected before the first unit that was really out of specification (or no unit
        /// ever was).
        var beforeFirstDefect: Bool
        /// Data-integrity faults: no defect and no signal on the station while it was active.
        var keptOut: Bool
    }

    var faults: [FaultScore]
    var falseSignals: Int
    var inControlSamples: Int
    var heldLotsCorrect: Bool

    init(_ result: ScenarioRun.Result) throws {
        let truth = result.truth
        let reader = try StoreReader(path: result.database)
        let signals = try reader.signals(since: nil, openOnly: false, limit: 10_000_000)
        let defects = try reader.defects(lot: nil, since: nil, openOnly: false, limit: 10_000_000)
        let events = try reader.dataQualityEvents(since: nil, limit: 10_000_000)
        let characteristics = try reader.status().characteristics.map(\.id)
        var goodTimes: [String: [Double]] = [:]
        for id in characteristics {
            goodTimes[id] = try reader.samples(characteristic: CharacteristicID(id), from: 0, to: 1e12, limit: 10_000_000)
                .filter(\.quality.isGood).map(\.time.wall)
        }
        let runStart = truth.first { $0.event == "run_started" }?.wallEpoch ?? 0
        let runEnd = truth.last { $0.event == "run_stopped" }?.wallEpoch ?? Date().timeIntervalSince1970
        let grace = (runEnd - runStart) * 0.1
        let began = truth.filter { $0.event == "fault_began" }
        var windows: [(fault: TruthEvent, from: Double, to: Double)] = []
        for fault in began {
            let from = fault.wallEpoch ?? runStart
            let ended = truth.first { $0.event == "fault_ended" && $0.fault == fault.fault }?.wallEpoch ?? runEnd
            windows.append((fault, from, min(runEnd, ended + grace)))
        }
        var scores: [FaultScore] = []
        for (fault, from, to) in windows {
            let affected = characteristics.filter { Self.affects($0, fault) }
            let stationPrefix = (fault.station ?? "") + "."
            let firstDefect = truth.first { $0.event == "first_out_of_spec" && $0.fault == fault.fault }?.wallEpoch
            if fault.dataIntegrity == true {
                let device = (fault.station ?? "") + "-plc"
                let reported = events.contains { $0.device == device && $0.time >= from && $0.time <= to }
                let leaked =
                    defects.contains { $0.characteristic.hasPrefix(stationPrefix) && $0.detectedAt >= from && $0.detectedAt <= to }
                    || signals.contains { $0.characteristic.hasPrefix(stationPrefix) && $0.time >= from && $0.time <= to }
                scores.append(
                    FaultScore(
                        id: fault.fault ?? "?", dataIntegrity: true, detected: reported, delaySeconds: nil, delaySamples: nil,
                        beforeFirstDefect: true, keptOut: !leaked))
                continue
            }
            let detections =
                signals.filter { affected.contains($0.characteristic) && $0.time >= from && $0.time <= to }.map {
                    ($0.time, $0.characteristic)
                }
                + defects.filter { affected.contains($0.characteristic) && $0.detectedAt >= from && $0.detectedAt <= to }.map {
                    ($0.detectedAt, $0.characteristic)
                }
            guard let first = detections.min(by: { $0.0 < $1.0 }) else {
                scores.append(
                    FaultScore(
                        id: fault.fault ?? "?", dataIntegrity: false, detected: false, delaySeconds: nil, delaySamples: nil,
                        beforeFirstDefect: false, keptOut: true))
                continue
            }
            let samples = (goodTimes[first.1] ?? []).filter { $0 >= from && $0 <= first.0 }.count
            scores.append(
                FaultScore(
                    id: fault.fault ?? "?", dataIntegrity: false, detected: true,
                    delaySeconds: max(0, first.0 - from) * result.speed, delaySamples: samples,
                    beforeFirstDefect: firstDefect.map { first.0 < $0 } ?? true, keptOut: true))
        }
        faults = scores

        // False signals: signals on a characteristic no active process fault touches.
        let processWindows = windows.filter { $0.fault.dataIntegrity != true }
        func underFault(_ id: String, _ time: Double) -> Bool {
            processWindows.contains { Self.affects(id, $0.fault) && time >= $0.from && time <= $0.to }
        }
        falseSignals = signals.filter { !underFault($0.characteristic, $0.time) }.count
        inControlSamples = goodTimes.reduce(0) { total, entry in total + entry.value.filter { !underFault(entry.key, $0) }.count }

        // Lots: every lot with a really out-of-spec unit held; no lot held without one, unless
        // a process fault touched it (suspect product, rightly held).
        let bad = Set(truth.filter { $0.event == "out_of_spec" || $0.event == "first_out_of_spec" }.compactMap(\.lot))
        let touched = Set(truth.filter { $0.event == "fault_touched_lot" }.compactMap(\.lot))
        let held = Set(try reader.holds(lot: nil, openOnly: false).map(\.lot))
        let known = Set(try reader.lots(status: nil, limit: 1_000_000).map(\.id))
        let missed = bad.intersection(known).subtracting(held)
        let wrong = held.subtracting(bad).subtracting(touched)
        heldLotsCorrect = missed.isEmpty && wrong.isEmpty
    }

    /// Whether the characteristic `id` (`station.characteristic[.streamN]`) is one the fault acts on.
    static func affects(_ id: String, _ fault: TruthEvent) -> Bool {
        guard let station = fault.station, id.hasPrefix(station + ".") else { return false }
        if let characteristic = fault.characteristic, !id.hasPrefix("\(station).\(characteristic)") { return false }
        if let streams = fault.streams, !streams.isEmpty {
            let digits = String(id.reversed().prefix { $0.isNumber }.reversed())
            if let stream = Int(digits) { return streams.contains(stream) }
        }
        return true
    }
}
