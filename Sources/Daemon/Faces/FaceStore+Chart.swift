public import Charts
import LineModel
import SPC
import Store

extension FaceStore {
    /// The individuals and moving-range chart of `characteristic` over `window`, as the daemon
    /// judged it: the recorded (frozen, approved) limits, and the recorded signals marked with
    /// their rule. Before any limits are recorded, trial limits are computed from the window
    /// itself (Western Electric rules 1-4) and the subtitle says so.
    public func chartPicture(_ characteristic: String, window: SampleWindow) throws(FaceError) -> ControlChartPicture {
        let status = try self.characteristic(characteristic)
        let samples = try self.samples(characteristic, window: window).filter(\.quality.isGood)
        let id = CharacteristicID(characteristic)
        let xLimits = try read { try reader.currentLimits(id, statistic: "x") }
        let mrLimits = try read { try reader.currentLimits(id, statistic: "mr") }
        let target = try read { try reader.specLimits(id) }?.target
        let spec = SpecLimits(lsl: status.lsl, usl: status.usl, target: target)
        let values = samples.map(\.value)
        let notes = samples.map { sample in
            TimeText.iso(sample.time.wall) + (sample.lot.map { ", lot \($0.rawValue)" } ?? "")
                + (sample.sequence.map { ", unit \($0)" } ?? "")
        }
        let span = samples.isEmpty
            ? "no good values"
            : "\(samples.count) good values, " + FaceTime.span(samples[0].time.wall, samples[samples.count - 1].time.wall)
        var phaseTwoStart: Int?
        var ruleSet = "Western Electric"
        var panels: [ChartPanel]
        var origin: String
        if let xLimits, xLimits.sigma > 0 {
            let recorded = try recordedSignals(characteristic, samples: samples)
            if let set = recorded.ruleSet { ruleSet = set }
            var xMarks: [ChartMark] = []
            var mrMarks: [ChartMark] = []
            for (i, value) in values.enumerated() {
                xMarks.append(ChartMark(index: i, value: value, rule: recorded.x[i], note: notes[i]))
                if i > 0 {
                    mrMarks.append(ChartMark(index: i, value: Swift.abs(value - values[i - 1]), rule: recorded.mr[i], note: notes[i]))
                }
            }
            let d2 = ChartConstants.d2(2) ?? 1.128
            let d3 = ChartConstants.d3(2) ?? 0.8525
            let mrCenter = mrLimits?.center ?? xLimits.sigma * d2
            let mrUCL = mrLimits?.ucl ?? (mrCenter + 3 * d3 * xLimits.sigma)
            panels = [
                ChartPanel(title: "Individuals (X)", marks: xMarks, center: xLimits.center, lcl: xLimits.lcl, ucl: xLimits.ucl,
                           sigma: xLimits.sigma, spec: spec, weight: 2),
                ChartPanel(title: "Moving range (MR)", marks: mrMarks, center: mrCenter, lcl: mrLimits?.lcl ?? 0, ucl: mrUCL,
                           sigma: (mrUCL - mrCenter) / 3, weight: 1),
            ]
            origin = "limits from \(xLimits.phase1Count) points, frozen \(FaceTime.clock(xLimits.computedAt))"
                + (xLimits.approvedBy.map { " (\($0))" } ?? "")
            // The Phase I window is in the picture when the limits were frozen inside it.
            if let first = samples.first?.time.wall, first < xLimits.computedAt,
                let start = samples.firstIndex(where: { $0.time.wall > xLimits.computedAt })
            {
                phaseTwoStart = start
            }
        } else if values.count >= 3, let analysis = try? IndividualsCharts.analyze(
            values, options: ChartOptions(rules: .westernElectric))
        {
            let tooltips = Dictionary(uniqueKeysWithValues: notes.enumerated().map { ($0.offset, $0.element) })
            panels = analysis.analysis.charts.map { ChartPanel(chart: $0, spec: spec, notes: tooltips) }
            origin = "no limits recorded yet: trial limits from these values"
            // Signals the daemon recorded are the truth; the trial rules mark points only
            // when there are none.
            let recorded = try recordedSignals(characteristic, samples: samples)
            if !recorded.x.isEmpty || !recorded.mr.isEmpty, panels.count == 2 {
                for (p, rules) in [(0, recorded.x), (1, recorded.mr)] {
                    for m in panels[p].marks.indices { panels[p].marks[m].rule = rules[panels[p].marks[m].index] }
                }
                if let set = recorded.ruleSet { ruleSet = set }
                origin += "; marked: the signals recorded"
            }
        } else {
            panels = [
                ChartPanel(title: "Individuals (X)", marks: values.enumerated().map { ChartMark(index: $0.offset, value: $0.element) },
                           center: nil, lcl: nil, ucl: nil, spec: spec, weight: 2),
                ChartPanel(title: "Moving range (MR)", marks: [], center: nil, lcl: nil, ucl: nil, weight: 1),
            ]
            origin = "too few values for limits"
        }
        return ControlChartPicture(
            title: "\(characteristic) at \(status.station): individuals and moving range",
            subtitle: (window.lot == nil && window.since == nil && window.until == nil ? "" : "\(window.phrase): ")
                + "\(span); \(origin)",
            unit: status.unit, panels: panels, lotBoundaries: LotBoundary.changes(in: samples.map { $0.lot?.rawValue }),
            phaseTwoStart: phaseTwoStart, ruleSet: ruleSet)
    }

    /// The recorded signals of the charted samples, by sample index: X-chart and MR-chart rules.
    private func recordedSignals(_ characteristic: String, samples: [Sample]) throws(FaceError)
        -> (x: [Int: Int], mr: [Int: Int], ruleSet: String?)
    {
        guard let first = samples.first?.time.wall, let last = samples.last?.time.wall else { return ([:], [:], nil) }
        let signals = try self.signals(EventFilter(characteristic: characteristic, since: first, until: last, limit: 100_000))
        var byTime: [Double: Int] = [:]
        var bySequence: [Int64: Int] = [:]
        for (i, sample) in samples.enumerated() {
            byTime[sample.time.wall] = i
            if let sequence = sample.sequence { bySequence[Int64(bitPattern: sequence)] = i }
        }
        var x: [Int: Int] = [:]
        var mr: [Int: Int] = [:]
        for signal in signals {
            guard let index = byTime[signal.time] ?? signal.sequence.flatMap({ bySequence[$0] }) else { continue }
            if signal.statistic == "mr" {
                mr[index] = Swift.min(mr[index] ?? .max, signal.rule)
            } else {
                x[index] = Swift.min(x[index] ?? .max, signal.rule)
            }
        }
        let set = signals.first.map { $0.ruleSet == "nelson" ? "Nelson" : "Western Electric" }
        return (x, mr, set)
    }
}
