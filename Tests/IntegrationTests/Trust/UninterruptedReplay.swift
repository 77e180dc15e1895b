import LineModel
import Store

/// What an uninterrupted daemon would have recorded from the committed samples, compared with
/// what the crashed and restarted daemons recorded: the WE rule 1 and 4 signals of every
/// characteristic's X chart (under its frozen limits), and a defect for every committed sample
/// outside its specification.
///
/// The daemon queues a sample after the defect and signals it caused, and the writer stores
/// records in order: so every committed sample's defect and signals are committed too, even for
/// the last point before a kill. Those last points are counted (`lastBeforeKill`) because they
/// are where a wrong order would show. A rule 4 signal whose run began before a kill is "across a
/// crash".
struct UninterruptedReplay {
    var required = 0
    var acrossCrash = 0
    /// Reference signals on the last committed point of a characteristic before a kill.
    var lastBeforeKill = 0
    /// Required signals the record lacks.
    var missing: [String] = []
    /// Recorded X signals of points whose sample died in a kill (the signal commits first).
    var signalsWithoutSample = 0
    /// Recorded X signals no uninterrupted chart raises.
    var unexpected: [String] = []
    /// Signals of runs that began before a crash and were not recorded after it.
    var missedAcrossCrash: [String] = []
    /// Committed samples outside the specification without a defect.
    var samplesWithoutDefect: [String] = []
    /// Out-of-spec samples that were the last committed point before a kill.
    var outOfSpecLastBeforeKill = 0
    var outOfSpecSamples = 0

    init(
        path: String, characteristics: [CharacteristicID], limits: [CharacteristicID: ControlLimits], kills: [Double]
    ) throws {
        let reader = try StoreReader(path: path)
        defer { reader.close() }
        let everything = 100_000_000
        var recorded: [String: Int] = [:]
        var recordedTime: [String: Double] = [:]
        for signal in try reader.signals(limit: everything) where signal.statistic == "x" {
            let key = "\(signal.characteristic)#\(signal.sequence.map { "\($0)" } ?? "-")"
            recorded[key] = signal.rule
            recordedTime[key] = signal.time
        }
        let defectUnits = Set(try reader.defects(limit: everything).map { "\($0.characteristic)#\($0.unitSequence.map { "\($0)" } ?? "-")" })

        for id in characteristics {
            guard let limits = limits[id] else { continue }
            let committed = try reader.samples(characteristic: id, from: 0, to: 1e12, limit: everything)
            // The last point committed before each kill.
            var lastTimes = Set<Double>()
            var gaps: [ClosedRange<Double>] = []
            for kill in kills {
                let last = committed.last(where: { $0.time.wall < kill })
                if let last { lastTimes.insert(last.time.wall) }
                gaps.append((last?.time.wall ?? 0)...kill)
            }
            let committedUnits = Set(committed.compactMap(\.sequence).map { Int64(bitPattern: $0) })
            let samples = committed.filter { $0.quality.isGood && $0.sequence != nil }
            if let spec = try reader.specLimits(id) {
                for sample in samples where spec.judge(sample.value).isDefect {
                    outOfSpecSamples += 1
                    if lastTimes.contains(sample.time.wall) { outOfSpecLastBeforeKill += 1 }
                    guard !defectUnits.contains("\(id)#\(sample.sequence!)") else { continue }
                    samplesWithoutDefect.append("\(id) unit \(sample.sequence!) value \(sample.value) at \(sample.time.wall)")
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
                if lastTimes.contains(signal.time) { lastBeforeKill += 1 }
                if signal.rule == 4 && kills.contains(where: { signal.runStartedAt <= $0 && $0 < signal.time }) {
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
                // A sample is queued after its signal: a kill between the two commits keeps the
                // signal of a point whose sample died with the daemon.
                if !committedUnits.contains(unit), let time = recordedTime[key], gaps.contains(where: { $0.contains(time) }) {
                    signalsWithoutSample += 1
                    continue
                }
                unexpected.append("\(key) rule \(rule)")
            }
        }
    }
}
