/// X-bar/R and X-bar/S charts over a sequence of subgroups (qcc parity, see
/// `SubgroupChartModel`). The first `phase1Count` subgroups set the limits; run rules run over
/// the whole sequence in order, on both charts.
public enum SubgroupCharts {
    /// Phase I: the model from the first `phase1Count` subgroups, with optional exclusion.
    public static func phaseOne(
        _ subgroups: [Subgroup], phase1Count: Int? = nil, dispersion: SubgroupChartModel.Dispersion,
        options: ChartOptions = ChartOptions()
    ) throws(SPCError) -> PhaseOneResult<SubgroupChartModel> {
        let m = phase1Count ?? subgroups.count
        guard m >= 1, m <= subgroups.count else { throw SPCError("Phase I window \(m) is outside 1...\(subgroups.count)") }
        let window = Array(subgroups[0..<m])
        if dispersion == .range, let big = window.firstIndex(where: { ChartConstants.d2($0.size) == nil }) {
            throw SPCError("subgroup \(big + 1) has \(window[big].size) values; an R chart needs 2...25 (use xbar-s)")
        }
        if dispersion == .standardDeviation, let one = window.firstIndex(where: { $0.size < 2 }) {
            throw SPCError("subgroup \(one + 1) has a single value; an S chart needs 2 or more")
        }
        return try PhaseOneIteration.run(
            count: m, options: options,
            estimate: { (included: [Bool]) throws(SPCError) in
                try SubgroupChartModel.estimate(window, included: included, dispersion: dispersion, options: options)
            },
            signals: { model, included in
                let charts = build(window, model: model, phase1Count: m, rules: options.rules, included: included)
                return flagged(charts, included: included)
            })
    }

    /// Both charts of every subgroup against a frozen model.
    public static func charts(
        _ subgroups: [Subgroup], model: SubgroupChartModel, phase1Count: Int, rules: RuleSelection
    ) -> [ControlChart] {
        build(subgroups, model: model, phase1Count: phase1Count, rules: rules, included: nil)
    }

    /// Phase I then the charts: the whole `analyze` computation.
    public static func analyze(
        _ subgroups: [Subgroup], phase1Count: Int? = nil, dispersion: SubgroupChartModel.Dispersion,
        options: ChartOptions = ChartOptions()
    ) throws(SPCError) -> (model: SubgroupChartModel, analysis: ChartAnalysis) {
        let m = phase1Count ?? subgroups.count
        if let bad = subgroups.firstIndex(where: { dispersion == .range ? ChartConstants.d2($0.size) == nil : $0.size < 2 }) {
            throw SPCError("subgroup \(bad + 1) has \(subgroups[bad].size) values; the \(dispersion == .range ? "R chart needs 2...25" : "S chart needs 2 or more")")
        }
        let phase = try phaseOne(subgroups, phase1Count: m, dispersion: dispersion, options: options)
        let charts = charts(subgroups, model: phase.model, phase1Count: m, rules: options.rules)
        return (phase.model, ChartAnalysis(phase1Count: m, excluded: phase.excluded, charts: charts))
    }

    static func build(
        _ subgroups: [Subgroup], model: SubgroupChartModel, phase1Count: Int, rules: RuleSelection, included: [Bool]?
    ) -> [ControlChart] {
        var xRules = RunRuleEvaluator(selection: rules)
        var dRules = RunRuleEvaluator(selection: rules)
        var xPoints: [ChartPoint] = []
        var dPoints: [ChartPoint] = []
        xPoints.reserveCapacity(subgroups.count)
        dPoints.reserveCapacity(subgroups.count)
        for (i, g) in subgroups.enumerated() {
            if let included, !included[i] { continue }
            let phase = i < phase1Count ? 1 : 2
            let xl = model.xbarLimits(size: g.size)
            xPoints.append(ChartPoint(
                value: g.mean, limits: xl, phase: phase, violation: xRules.next(z: xl.standardized(g.mean)), source: i))
            if let dl = model.dispersionLimits(size: g.size) {
                let v = model.dispersionValue(g)
                dPoints.append(ChartPoint(
                    value: v, limits: dl, phase: phase, violation: dRules.next(z: dl.standardized(v)), source: i))
            }
        }
        let dStatistic: ChartStatistic = model.dispersion == .range ? .r : .s
        let dCenter = dPoints.first?.limits.center ?? model.dispersionCenter
        return [
            ControlChart.make(.xbar, center: model.center, processSigma: model.processSigma, points: xPoints),
            ControlChart.make(dStatistic, center: dCenter, processSigma: model.processSigma, points: dPoints),
        ]
    }

    /// The 1-based position (in the full window) of the point to drop in one Phase I pass: the
    /// most extreme point beyond its limits on any chart (largest |z|), or none. One per pass,
    /// because a gross outlier biases the center and drags good points across the limits; run-rule
    /// signals are reported, not dropped (dropping a run moves the center and makes new runs).
    static func flagged(_ charts: [ControlChart], included: [Bool]) -> [Int] {
        var worst: (position: Int, z: Double)?
        for chart in charts {
            for point in chart.points where point.limits.isOutside(point.value) {
                let z = Swift.abs(point.limits.standardized(point.value))
                if worst == nil || z > worst!.z { worst = (point.source + 1, z) }
            }
        }
        return worst.map { [$0.position] } ?? []
    }
}
