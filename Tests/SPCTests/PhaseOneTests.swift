import SPC
import Testing

/// Phase I options: iterated exclusion, known parameters, estimators, varying sizes, T2 individuals.
struct PhaseOneTests {
    @Test func iteratedExclusionDropsSignallingPoints() throws {
        var rng = SplitMix64(seed: 3)
        var values = (0..<60).map { _ in 5 + 0.1 * rng.nextGaussian() }
        values[10] = 9
        values[40] = 1
        let plain = try IndividualsCharts.phaseOne(values, options: ChartOptions(rules: .limitsOnly))
        #expect(plain.excluded.isEmpty)
        let cleaned = try IndividualsCharts.phaseOne(values, options: ChartOptions(rules: .limitsOnly, excludeSignals: true))
        #expect(cleaned.excluded.contains(11) && cleaned.excluded.contains(41))
        #expect(cleaned.iterations >= 2)
        #expect(cleaned.model.processSigma < plain.model.processSigma / 3)
        let subgroups = (0..<30).map { i in (0..<4).map { _ in 5 + 0.1 * rng.nextGaussian() + (i == 7 ? 3 : 0) } }
        let groups = subgroups.map { Subgroup(values: $0) }
        let result = try SubgroupCharts.phaseOne(groups, dispersion: .range, options: ChartOptions(excludeSignals: true))
        #expect(result.excluded.first == 8)
        #expect(result.excluded.count <= 2)
    }

    @Test func knownParametersAndEstimators() throws {
        let groups = try PistonRings.subgroups().prefix(25).map { Subgroup(values: $0) }
        let known = try SubgroupCharts.phaseOne(groups, dispersion: .range, options: ChartOptions(knownCenter: 74, knownSigma: 0.01)).model
        #expect(known.center == 74 && known.processSigma == 0.01)
        #expect(known.dispersionLimits(size: 5)!.center == 2.326 * 0.01)
        let pooled = try SubgroupCharts.phaseOne(groups, dispersion: .range, options: ChartOptions(estimator: .pooled)).model
        #expect(Swift.abs(pooled.processSigma - 0.00988754721015943) < 1e-15)
        let overall = try SubgroupCharts.phaseOne(groups, dispersion: .range, options: ChartOptions(estimator: .overall)).model
        #expect(Swift.abs(overall.processSigma - 0.0100699681262914) < 1e-15)
        let wide = try SubgroupCharts.phaseOne(groups, dispersion: .range, options: ChartOptions(nsigmas: 2)).model
        #expect(Swift.abs(wide.xbarLimits(size: 5).ucl - (wide.center + 2 * wide.processSigma / 5.0.squareRoot())) < 1e-12)
        let values = try Reference.csv("viscosity.csv").prefix(20).map { Double($0["viscosity"]!)! }
        let sd = try IndividualsCharts.phaseOne(Array(values), options: ChartOptions(estimator: .overall)).model
        #expect(Swift.abs(sd.processSigma - (try SigmaEstimation.overallStandardDeviation(Array(values)))) < 1e-15)
    }

    @Test func variableSizesGivePerPointLimits() throws {
        let samples = [(5.0, 100.0), (8, 150), (3, 80), (6, 120), (9, 200)].map { AttributeCharts.Sample(count: $0.0, size: $0.1) }
        let result = try AttributeCharts.analyze(samples, kind: .u)
        let chart = result.analysis.charts[0]
        #expect(chart.lcl == nil && chart.ucl == nil && chart.processSigma == nil)
        let ubar = 31.0 / 650
        #expect(Swift.abs(chart.center - ubar) < 1e-15)
        for (p, s) in zip(chart.points, samples) {
            #expect(Swift.abs(p.limits.ucl - (ubar + 3 * (ubar / s.size).squareRoot())) < 1e-15)
        }
        let np = try AttributeCharts.analyze(samples, kind: .np).analysis.charts[0]
        #expect(np.points[0].limits.center == 100 * (31.0 / 650))
        #expect(throws: SPCError.self) {
            try AttributeCharts.analyze([AttributeCharts.Sample(count: 0, size: 10)], kind: .p)
        }
    }

    @Test func hotellingIndividuals() throws {
        var rng = SplitMix64(seed: 5)
        let rows: [[[Double]]] = (0..<40).map { _ in
            let a = rng.nextGaussian()
            return [[a, 0.5 * a + rng.nextGaussian()]]
        }
        let model = try HotellingT2.estimate(rows, phase1Count: 30, confidence: 0.99)
        // Phase I limit (m-1)^2/m Beta(0.99; 1, 13.5) for m = 30, p = 2.
        let beta = BetaFunctions.quantile(0.99, 1, 13.5)
        #expect(Swift.abs(model.ucl - 29.0 * 29 / 30 * beta) < 1e-12)
        #expect(Swift.abs(model.phase2Limit - 2.0 * 31 * 29 / (30 * 28) * BetaFunctions.fQuantile(0.99, d1: 2, d2: 28)) < 1e-12)
        let chart = HotellingT2.chart(rows, model: model)
        #expect(chart.points.count == 40)
        #expect(chart.points[35].limits.ucl == model.phase2Limit)
        // The mean of the Phase I T2 values of individuals is exactly p (m-1)/m.
        let mean = chart.points.prefix(30).map(\.value).reduce(0, +) / 30
        #expect(Swift.abs(mean - 2.0 * 29 / 30) < 1e-10)
    }

    @Test func capabilityOneSidedAndMinitab() throws {
        let values = try PistonRings.subgroups().prefix(25).flatMap { $0 }
        let upperOnly = try CapabilityReport(values: values, center: 74.001176, withinSigma: 0.0097850386930353, lsl: nil, usl: 74.05)
        #expect(upperOnly.cp == nil && upperOnly.cpl == nil && upperOnly.cpm == nil)
        #expect(upperOnly.cpk?.value == upperOnly.cpu?.value)
        #expect(upperOnly.expected.below == 0 && upperOnly.expected.above > 0)
        let minitab = try CapabilityReport(values: values, center: 74.001176, withinSigma: 0.0097850386930353,
                                           lsl: 73.95, usl: 74.05, convention: .minitab, withinDegreesOfFreedom: 100)
        let lower = 1.7032806092559 * (GammaFunctions.chiSquareQuantile(0.025, df: 100) / 100).squareRoot()
        #expect(Swift.abs(minitab.cp!.lower! - lower) < 1e-12)
        #expect(throws: SPCError.self) { try CapabilityReport(values: values, center: 74, withinSigma: 0.01, lsl: nil, usl: nil) }
    }
}

/// The one-pass batch Phase I equals the general one.
struct BatchPhaseOneTests {
    @Test func batchMatchesGeneral() throws {
        let groups = try PistonRings.subgroups()
        let batch = try SubgroupCharts.batchPhaseOne(values: groups.flatMap { $0 }, subgroupSize: 5)
        let general = try SubgroupCharts.phaseOne(groups.map { Subgroup(values: $0) }, dispersion: .range).model
        #expect(Swift.abs(batch.center - general.center) < 1e-12)
        #expect(Swift.abs(batch.processSigma - general.processSigma) < 1e-15)
        #expect(batch.dispersionLimits(size: 5) == general.dispersionLimits(size: 5) || Swift.abs(batch.dispersionCenter - general.dispersionCenter) < 1e-15)
        #expect(throws: SPCError.self) { try SubgroupCharts.batchPhaseOne(values: [1, 2, 3], subgroupSize: 2) }
        #expect(throws: SPCError.self) { try SubgroupCharts.batchPhaseOne(values: [1, 2], subgroupSize: 30) }
    }
}
