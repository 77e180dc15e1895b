import LineModel
import Store

/// What an uninterrupted daemon would have recorded from the committed samples, compared with
/// what the crashed and restarted daemons recorded: the WE rule 1 and 4 signals of every
/// characteristic's X chart (under its frozen limits), and a defect for every committed sample
/// outside its specification.
///
/// The writer stores records in arrival order, so a point's signal or defect is committed before
/// any later sample of the same characteristic. Hence only the last committed point of each
/// characteristic before a kill may have lost its signal or defect with the daemon ("in flight"):
/// such points are counted, not required. A rule 4 signal whose run began before a kill is
/// "across a crash".
struct UninterruptedReplay {
    var required = 0
    var acrossCrash = 0
    var inFlight = 0
    /// Required signals the record lacks.
    var missing: [String] = []
    /// Recorded X signals no uninterrupted chart raises.
    var unexpected: [String] = []
    /// Signals of runs that began before a crash and were not recorded after it.
    var missedAcrossCrash: [String] = []
    /// Committed samples outside the specification without a defect, away from any kill.
    var samplesWithoutDefect: [String] = []
    /// The same, for samples read just before a kill (the defect died in flight).
    var defectsLostInFlight: [String] = []
    var outOfSpecSamples = 0

    init(
        path: String, characteristics: [CharacteristicID], limits: [CharacteristicID: ControlLimits], kills: [Double]
    ) throws {
        let reader = try StoreReader(path: path)
        defer { reader.close() }
        let everything = 100_000_000
        var recorded: [String: Int] = [:]
        for signal in try reader.signals(limit: everything) where signal.statistic == "x" {
            recorded["\(signal.characteristic)#\(signal.sequence.map { "\($0)" } ?? "-")"] = signal.rule
        }
        let defectUnits = Set(try reader.defects(limit: everything).map { "\($0.characteristic)#\($0.unitSequence.map { "\($0)" } ?? "-")" })

        for id in characteristics {
            guard let limits = limits[id] else { continue }
            let committed = try reader.samples(characteristic: id, from: 0, to: 1e12, limit: everything)
            // The last point committed before each kill.
            var lastBeforeKill = Set<Double>()
            for kill in kills {
                if let last = committed.last(where: { $0.time.wall < kill }) { lastBeforeKill.insert(last.time.wall) }
            }
            func nearKill(_ time: Double) -> Bool { lastBeforeKill.contains(time) }
            let samples = committed.filter { $0.quality.isGood && $0.sequence != nil }
            if let spec = try reader.specLimits(id) {
                for sample in samples where spec.judge(sample.value).isDefect {
                    outOfSpecSamples += 1
                    guard !defectUnits.contains("\(id)#\(sample.sequence!)") else { continue }
                    let text = "\(id) unit \(sample.sequence!) value \(sample.value) at \(sample.time.wall)"
                    if nearKill(sample.time.wall) { defectsLostInFlight.append(text) } else { samplesWithoutDefect.append(text) }
                }
            }
            let points = samples.filter { $0.time.wall > limits.computedAt }
                .map { RunRuleReference.Point(sequence: Int64(bitPattern: $0.sequence!), time: $0.time.wall, value: $0.value) }
            let expected = RunRuleReference(center: limits.center, sigma: limits.sigma).signals(points)
            var expectedKeys = Set<String>()
            for signal in expected {
                let key = "\(id)#\(signal.sequence)"
                expectedKeys.insert(key)
                let present = recorded[key] == signal.rule
                let text = "\(id) unit \(signal.sequence) rule \(signal.rule) at \(signal.time)"
                if nearKill(signal.time) {
                    inFlight += 1
                } else if signal.rule == 4 && kills.contains(where: { signal.runStartedAt <= $0 && $0 < signal.time }) {
                    acrossCrash += 1
                    if !present { missedAcrossCrash.append(text + " (run from \(signal.runStartedAt))") }
                } else {
                    required += 1
                    if !present { missing.append(text + (recorded[key].map { ", recorded as rule \($0)" } ?? "")) }
                }
            }
            let firstPhaseII = points.first?.sequence ?? .max
            for (key, rule) in recorded where key.hasPrefix("\(id)#") && !expectedKeys.contains(key) {
                guard let unit = Int64(key.dropFirst(id.rawValue.count + 1)), unit >= firstPhaseII else { continue }
                unexpected.append("\(key) rule \(rule)")
            }
        }
    }
}
