import LineModel
import Simulator
import Store

/// Judges a campaign run from its ground truth and its database (see `FaultCampaign`).
struct FaultCampaignEvaluator {
    /// Samples of one characteristic, by time.
    private var samples: [String: [Sample]] = [:]
    private let stations: [String]
    private let signals: [SignalRecord]
    private let defects: [DefectRecord]
    private let events: [DataQualityRecord]
    private let truth: [TruthEvent]
    /// Per station, the sequences of results the simulator never showed (`results_unshown`).
    private let unshown: [String: Set<UInt64>]
    /// After a fault's end, how long the other checks keep looking (wall seconds).
    static let settle = 2.0

    init(truth: [TruthEvent], database: String, stations: [String]) throws {
        let reader = try StoreReader(path: database)
        defer { reader.close() }
        self.truth = truth
        var unshown: [String: Set<UInt64>] = [:]
        for event in truth where event.event == "results_unshown" {
            if let station = event.station, let sequence = event.sequence { unshown[station, default: []].insert(sequence) }
        }
        self.unshown = unshown
        self.stations = stations
        signals = try reader.signals(since: nil, openOnly: false, limit: 10_000_000)
        defects = try reader.defects(lot: nil, since: nil, openOnly: false, limit: 10_000_000)
        events = try reader.dataQualityEvents(since: nil, limit: 10_000_000)
        for id in try reader.status().characteristics.map(\.id) {
            samples[id] = try reader.samples(characteristic: CharacteristicID(id), from: 0, to: 1e12, limit: 10_000_000)
                .sorted { $0.time.wall < $1.time.wall }
        }
    }

    /// The station a characteristic id belongs to (ids begin with `station.`).
    private func station(of characteristic: String) -> String? {
        stations.first { characteristic.hasPrefix($0 + ".") }
    }

    /// The unit-counter gaps of one characteristic: the time of the sample after the gap and
    /// the units missing, less those the simulator never showed.
    private func gaps(_ characteristic: String, _ list: [Sample]) -> [(time: Double, units: Int)] {
        let unshown = self.unshown[station(of: characteristic) ?? ""] ?? []
        var result: [(time: Double, units: Int)] = []
        var previous: UInt64?
        for sample in list {
            guard let sequence = sample.sequence else { continue }
            if let previous, sequence > previous + 1 {
                let units = (previous + 1..<sequence).filter { !unshown.contains($0) }.count
                if units > 0 { result.append((sample.time.wall, units)) }
            }
            previous = sequence
        }
        return result
    }

    /// The window of the fault that began with `began` (wall epoch, to its end + `settle`).
    func window(_ began: TruthEvent, runStart: Double, runEnd: Double) -> (from: Double, until: Double) {
        let to = truth.first { $0.event == "fault_ended" && $0.fault == began.fault }?.wallEpoch ?? runEnd
        return (began.wallEpoch ?? runStart, to + Self.settle)
    }

    /// Signals and defects whose charted sample is not a stored good sample.
    func badPointsCharted() -> Int {
        let points = signals.map { ($0.characteristic, $0.time, $0.sequence) } + defects.map { ($0.characteristic, $0.detectedAt, $0.unitSequence) }
        return points.filter { !isGoodPoint(characteristic: $0.0, time: $0.1, sequence: $0.2) }.count
    }

    private func isGoodPoint(characteristic: String, time: Double, sequence: Int64?) -> Bool {
        guard let list = samples[characteristic] else { return false }
        let match = list.first { sample in
            if let sequence, let own = sample.sequence { return Int64(own) == sequence && abs(sample.time.wall - time) < 5 }
            return abs(sample.time.wall - time) < 0.001
        }
        return match?.quality.isGood ?? false
    }

    /// The checks of the fault that began with `began`.
    func check(
        _ began: TruthEvent, runStart: Double, runEnd: Double, daemonEnded: Double?, windows: [(from: Double, until: Double)]
    ) -> FaultCheck {
        let id = began.fault ?? "?"
        let station = began.station ?? "?"
        let from = began.wallEpoch ?? runStart
        let to = truth.first { $0.event == "fault_ended" && $0.fault == id }?.wallEpoch ?? runEnd
        let until = to + Self.settle
        let prefix = station + "."
        // The daemon stayed up: still running, and some sample stored after the window.
        let storedAfter = samples.values.contains { list in list.last.map { $0.time.wall > to } ?? false }
        let daemonUp = (daemonEnded.map { $0 > until } ?? true) && storedAfter
        // Other stations: unit counters continuous over the window. Results the simulator itself
        // never showed, being late, are not the daemon's loss; what the same characteristics
        // lose outside every fault window (a starved machine) sets a tolerance: three times
        // that background rate over this window (zero on a quiet machine).
        var lost = 0
        var background = 0
        for (characteristic, list) in samples where !characteristic.hasPrefix(prefix) {
            for gap in gaps(characteristic, list) {
                if gap.time >= from - 1 && gap.time <= until {
                    lost += gap.units
                } else if !windows.contains(where: { gap.time >= $0.from - 1 && gap.time <= $0.until }) {
                    background += gap.units
                }
            }
        }
        let covered = windows.reduce(0) { $0 + ($1.until - $1.from + 1) }
        let quietSeconds = max(1, (runEnd - runStart) - covered)
        let allowed = Int((3 * Double(background) * (until - from + 1) / quietSeconds).rounded(.up))
        // Back: the faulted station's first good sample after the window.
        let back = samples.filter { $0.key.hasPrefix(prefix) }.values
            .compactMap { list in list.first { $0.time.wall >= to && $0.quality.isGood }?.time.wall }.min()
        // SPC: in the window, no non-good point charted, no defect the truth does not explain.
        let outOfSpec = truth.filter { $0.event == "out_of_spec" && $0.station == station }
        var unexplained = 0
        for signal in signals where signal.characteristic.hasPrefix(prefix) && signal.time >= from && signal.time <= until {
            if !isGoodPoint(characteristic: signal.characteristic, time: signal.time, sequence: signal.sequence) { unexplained += 1 }
        }
        for defect in defects where defect.characteristic.hasPrefix(prefix) && defect.detectedAt >= from && defect.detectedAt <= until {
            let good = isGoodPoint(characteristic: defect.characteristic, time: defect.detectedAt, sequence: defect.unitSequence)
            let explained = outOfSpec.contains { truth in
                guard let value = truth.value, let defectValue = defect.value, let name = truth.characteristic else { return false }
                return defect.characteristic.hasPrefix(prefix + name) && abs(value - defectValue) <= 1e-4 * max(1, abs(value))
            }
            if !good || !explained { unexplained += 1 }
        }
        let device = station + "-plc"
        let reported = events.filter { $0.device == device && $0.time >= from && $0.time <= until }.count
        return FaultCheck(
            fault: id, kind: began.kind ?? "?", station: station, startSeconds: from - runStart, endSeconds: to - runStart,
            daemonUp: daemonUp, otherStationsLostUnits: lost, otherStationsAllowedUnits: allowed, recoverySeconds: back.map { max(0, $0 - to) },
            unexplainedSPC: unexplained, dataQualityEvents: reported)
    }
}
