import SPC
import Testing

/// Streaming monitors reproduce the batch charts point for point, and survive a save/restore.
struct MonitorTests {
    @Test func individualsMonitorMatchesBatchAndRestores() throws {
        var rng = SplitMix64(seed: 11)
        let values = (0..<300).map { i in 10 + rng.nextGaussian() + (i > 200 ? 1.5 : 0) }
        let model = try IndividualsCharts.phaseOne(values, phase1Count: 100).model
        let charts = IndividualsCharts.charts(values, model: model, phase1Count: 100, rules: .nelson)
        var monitor = IndividualsMonitor(model: model, rules: .nelson)
        var points: [IndividualsMonitor.Point] = []
        for (i, v) in values.enumerated() {
            if i == 150 { monitor = try JSONEncoderLite.roundTrip(monitor) }
            points.append(monitor.next(v))
        }
        #expect(points.map(\.violation) == charts[0].points.map(\.violation))
        #expect(points.dropFirst().map { $0.movingRange! } == charts[1].points.map(\.value))
        #expect(points.dropFirst().map(\.movingRangeSignal) == charts[1].points.map { $0.violation != nil })
        #expect(points.contains { $0.violation != nil })
        #expect(points[0].movingRange == nil)
    }

    @Test func subgroupMonitorMatchesBatch() throws {
        let groups = try PistonRings.subgroups()
        let summaries = groups.map { Subgroup(values: $0) }
        for dispersion in [SubgroupChartModel.Dispersion.range, .standardDeviation] {
            let model = try SubgroupCharts.phaseOne(summaries, phase1Count: 25, dispersion: dispersion).model
            let charts = SubgroupCharts.charts(summaries, model: model, phase1Count: 25, rules: .nelson)
            var monitor = SubgroupMonitor(model: model, rules: .nelson)
            var points: [SubgroupMonitor.Point] = []
            for (i, g) in groups.enumerated() {
                if i == 20 { monitor = try JSONEncoderLite.roundTrip(monitor) }
                points.append(monitor.next(subgroup: g))
            }
            #expect(points.map(\.violation) == charts[0].points.map(\.violation))
            #expect(points.map(\.dispersionViolation) == charts[1].points.map(\.violation))
            #expect(points.map(\.meanLimits) == charts[0].points.map(\.limits))
        }
    }

    @Test func ewmaAndCusumMonitorsMatchBatch() throws {
        let groups = try PistonRings.subgroups().map { Subgroup(values: $0) }
        let model = try SubgroupCharts.phaseOne(groups, phase1Count: 25, dispersion: .range).model
        let means = groups.map(\.mean)
        let sizes = groups.map(\.size)
        let ewma = try EWMAChart.chart(means: means, sizes: sizes, center: model.center, sigma: model.processSigma,
                                       lambda: 0.2, width: 3, phase1Count: 25)
        var ewmaMonitor = try EWMAMonitor(center: model.center, sigma: model.processSigma, lambda: 0.2, width: 3)
        var cusumMonitor = try CUSUMMonitor(center: model.center, sigma: model.processSigma, k: 0.5, h: 5)
        let cusum = try CUSUMChart.chart(means: means, sizes: sizes, center: model.center, sigma: model.processSigma,
                                         k: 0.5, h: 5, headStart: 0, phase1Count: 25)
        for i in means.indices {
            if i == 30 {
                ewmaMonitor = try JSONEncoderLite.roundTrip(ewmaMonitor)
                cusumMonitor = try JSONEncoderLite.roundTrip(cusumMonitor)
            }
            let e = ewmaMonitor.next(means[i], size: sizes[i])
            #expect(e.ewma == ewma.points[i].smoothed)
            #expect(e.limits == ewma.points[i].limits)
            #expect(e.violation == ewma.points[i].violation)
            let c = cusumMonitor.next(means[i], size: sizes[i])
            #expect(c.upper == cusum.points[i].upper && c.lower == cusum.points[i].lower)
            #expect(c.violation == cusum.points[i].violation)
        }
        cusumMonitor.restart()
        #expect(cusumMonitor.upper == 0 && cusumMonitor.lower == 0)
        #expect(throws: SPCError.self) { try EWMAMonitor(center: 0, sigma: 1, lambda: 1.5, width: 3) }
    }
}

/// Fresh monitors (no point yet) persist too: JSON has no NaN.
struct FreshMonitorPersistenceTests {
    @Test func freshStateRoundTrips() throws {
        let evaluator = try JSONEncoderLite.roundTrip(RunRuleEvaluator(selection: .nelson))
        #expect(evaluator == RunRuleEvaluator(selection: .nelson))
        var restored = evaluator
        var original = RunRuleEvaluator(selection: .nelson)
        for z in [0.5, 0.7, 0.9, 1.1, 1.3, 1.5, 1.7] { #expect(restored.next(z: z) == original.next(z: z)) }
        let model = IndividualsChartModel(center: 0, processSigma: 1, movingRangeCenter: 1.128, estimator: .movingRange, nsigmas: 3)
        let monitor = IndividualsMonitor(model: model, rules: .westernElectric)
        #expect(try JSONEncoderLite.roundTrip(monitor).xLimits == monitor.xLimits)
    }
}
