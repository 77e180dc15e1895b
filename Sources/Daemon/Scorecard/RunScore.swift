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
    /// The false signals the configured charts' design implies for those samples
    /// (`DesignFalseSignalRate`).
    var designFalseSignals: Double
    var heldLotsCorrect: Bool
    /// Per-unit results the daemon never read: the gaps in each unit counter's recorded
    /// samples (any quality), the largest per station, summed over stations (results a
    /// controller dropped from a full queue, `results_lost` in the truth, show as gaps too).
    var unreadUnits: Int

    init(_ result: ScenarioRun.Result) throws {
        let truth = result.truth
        let reader = try StoreReader(path: result.database)
        let signals = try reader.signals(since: nil, openOnly: false, limit: 10_000_000)
        let defects = try reader.defects(lot: nil, since: nil, openOnly: false, limit: 10_000_000)
        let events = try reader.dataQualityEvents(since: nil, limit: 10_000_000)
        let characteristics = try reader.status().characteristics.map(\.id)
        var goodTimes: [String: [Double]] = [:]
        var goodSamples: [String: [Sample]] = [:]
        var allSamples: [String: [Sample]] = [:]
        for id in characteristics {
            let samples = try reader.samples(characteristic: CharacteristicID(id), from: 0, to: 1e12, limit: 10_000_000)
            let good = samples.filter(\.quality.isGood)
            allSamples[id] = samples
            goodSamples[id] = good
            goodTimes[id] = good.map(\.time.wall)
        }
        let truthValues = try TrueValues(result)
        let runStart = truth.first { $0.event == "run_started" }?.wallEpoch ?? 0
        let runEnd = truth.last { $0.event == "run_stopped" }?.wallEpoch ?? Date().timeIntervalSince1970
        let grace = (runEnd - runStart) * 0.1
        let began = truth.filter { $0.event == "fault_began" }
        // The scenario's `affects`: downstream characteristics a fault acts on too (a coating
        // drift shows in the calender's thickness); their signals are detections, not false.
        let downstream = Dictionary(result.faults.map { ($0.id, $0.affects) }, uniquingKeysWith: { first, _ in first })
        // A multivariate chart acts on a fault when one of its variables does.
        let charts = Dictionary(
            result.configuration.multivariate.map { ($0.id.rawValue, $0.variables.map(\.rawValue)) },
            uniquingKeysWith: { first, _ in first })
        func touches(_ id: String, _ fault: TruthEvent) -> Bool {
            let also = downstream[fault.fault ?? ""] ?? []
            return Self.affects(id, fault, also: also) || (charts[id]?.contains { Self.affects($0, fault, also: also) } ?? false)
        }
        // Samples behind a chart's points: its own, or its trigger variable's for a T2 chart.
        let triggers = Dictionary(
            result.configuration.multivariate.map { ($0.id.rawValue, $0.trigger.rawValue) }, uniquingKeysWith: { first, _ in first })
        var windows: [(fault: TruthEvent, from: Double, to: Double)] = []
        for fault in began {
            let from = fault.wallEpoch ?? runStart
            let ended = truth.first { $0.event == "fault_ended" && $0.fault == fault.fault }?.wallEpoch ?? runEnd
            windows.append((fault, from, min(runEnd, ended + grace)))
        }
        var scores: [FaultScore] = []
        for (fault, from, to) in windows {
            let affected = characteristics.filter { touches($0, fault) }
            let stationPrefix = (fault.station ?? "") + "."
            let firstDefect = truth.first { $0.event == "first_out_of_spec" && $0.fault == fault.fault }?.wallEpoch
            if fault.dataIntegrity == true {
                let device = (fault.station ?? "") + "-plc"
                let reported = events.contains { $0.device == device && $0.time >= from && $0.time <= to }
                // Kept out of SPC: every value the daemon took as good while the fault was active
                // is the value the line really made (the engine is replayed: data-integrity
                // faults change only what the device reports). A bad value taken as good would
                // have been charted and judged.
                let leaked = characteristics.filter { $0.hasPrefix(stationPrefix) }.contains { id in
                    (goodSamples[id] ?? []).contains { sample in
                        sample.time.wall >= from && sample.time.wall <= to && !truthValues.matches(id, sample)
                    }
                }
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
            let samples = (goodTimes[triggers[first.1] ?? first.1] ?? []).filter { $0 >= from && $0 <= first.0 }.count
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
            processWindows.contains { touches(id, $0.fault) && time >= $0.from && time <= $0.to }
        }
        falseSignals = signals.filter { !underFault($0.characteristic, $0.time) }.count
        var design = 0.0
        var samples = 0
        for settings in result.configuration.characteristics {
            let count = (goodTimes[settings.id.rawValue] ?? []).filter { !underFault(settings.id.rawValue, $0) }.count
            samples += count
            design += Double(count) * DesignFalseSignalRate.perValue(settings)
        }
        // A T2 chart: one observation per in-control trigger sample, 1 - confidence each.
        for chart in result.configuration.multivariate {
            let count = (goodTimes[chart.trigger.rawValue] ?? []).filter { !underFault(chart.id.rawValue, $0) }.count
            design += Double(count) * DesignFalseSignalRate.perObservation(chart)
        }
        inControlSamples = samples
        designFalseSignals = design

        // Lots: every lot with a really out-of-spec unit held; no lot held without one, unless
        // a process fault touched it (suspect product, rightly held).
        let bad = Set(truth.filter { $0.event == "out_of_spec" || $0.event == "first_out_of_spec" }.compactMap(\.lot))
        let touched = Set(truth.filter { $0.event == "fault_touched_lot" }.compactMap(\.lot))
        let held = Set(try reader.holds(lot: nil, openOnly: false).map(\.lot))
        let known = Set(try reader.lots(status: nil, limit: 1_000_000).map(\.id))
        let missed = bad.intersection(known).subtracting(held)
        let wrong = held.subtracting(bad).subtracting(touched)
        heldLotsCorrect = missed.isEmpty && wrong.isEmpty
        unreadUnits = Self.unreadUnits(result, samples: allSamples)
    }

    /// See `unreadUnits`. Counters shown again after a controller restart repeat earlier
    /// numbers; sorted together with them they add no gap.
    private static func unreadUnits(_ result: ScenarioRun.Result, samples: [String: [Sample]]) -> Int {
        var byStation: [String: Int] = [:]
        for settings in result.configuration.characteristics where settings.sequence != nil {
            let sequences = (samples[settings.id.rawValue] ?? []).compactMap(\.sequence).sorted()
            var gaps = 0
            for (previous, next) in zip(sequences, sequences.dropFirst()) where next > previous + 1 {
                gaps += Int(next - previous - 1)
            }
            byStation[settings.station] = max(byStation[settings.station] ?? 0, gaps)
        }
        return byStation.values.reduce(0, +)
    }

    /// Whether the characteristic `id` (`station.characteristic[.streamN]`) is one the fault acts
    /// on: its own characteristic (and streams), or one of the `also` pairs (`station.characteristic`,
    /// every stream).
    static func affects(_ id: String, _ fault: TruthEvent, also: [String] = []) -> Bool {
        if also.contains(where: { id == $0 || id.hasPrefix($0 + ".") }) { return true }
        guard let station = fault.station, id.hasPrefix(station + ".") else { return false }
        if let characteristic = fault.characteristic, !id.hasPrefix("\(station).\(characteristic)") { return false }
        if let streams = fault.streams, !streams.isEmpty {
            let digits = String(id.reversed().prefix { $0.isNumber }.reversed())
            if let stream = Int(digits) { return streams.contains(stream) }
        }
        return true
    }
}
