/// Individuals and moving-range charts over a sequence (see `IndividualsChartModel`). Run rules
/// apply to the X chart; the MR chart flags limit crossings (rule 1) only, its points being
/// serially dependent.
public enum IndividualsCharts {
    public static func phaseOne(
        _ values: [Double], phase1Count: Int? = nil, options: ChartOptions = ChartOptions()
    ) throws(SPCError) -> PhaseOneResult<IndividualsChartModel> {
        let m = phase1Count ?? values.count
        guard m >= 2, m <= values.count else { throw SPCError("Phase I window \(m) is outside 2...\(values.count)") }
        let window = Array(values[0..<m])
        return try PhaseOneIteration.run(
            count: m, options: options,
            estimate: { (included: [Bool]) throws(SPCError) in
                try IndividualsChartModel.estimate(window, included: included, options: options)
            },
            signals: { model, included in
                let charts = build(window, model: model, phase1Count: m, rules: options.rules, included: included)
                return SubgroupCharts.flagged(charts, included: included)
            })
    }

    public static func charts(_ values: [Double], model: IndividualsChartModel, phase1Count: Int, rules: RuleSelection) -> [ControlChart] {
        build(values, model: model, phase1Count: phase1Count, rules: rules, included: nil)
    }

    public static func analyze(
        _ values: [Double], phase1Count: Int? = nil, options: ChartOptions = ChartOptions()
    ) throws(SPCError) -> (model: IndividualsChartModel, analysis: ChartAnalysis) {
        let m = phase1Count ?? values.count
        let phase = try phaseOne(values, phase1Count: m, options: options)
        return (phase.model, ChartAnalysis(phase1Count: m, excluded: phase.excluded,
                                           charts: charts(values, model: phase.model, phase1Count: m, rules: options.rules)))
    }

    static func build(
        _ values: [Double], model: IndividualsChartModel, phase1Count: Int, rules: RuleSelection, included: [Bool]?
    ) -> [ControlChart] {
        var xRules = RunRuleEvaluator(selection: rules)
        var mrRules = RunRuleEvaluator(selection: rules.mask & 1 != 0 ? .limitsOnly : .none)
        let xl = model.xLimits
        let ml = model.movingRangeLimits
        var xPoints: [ChartPoint] = []
        var mPoints: [ChartPoint] = []
        var previous: Double?
        for (i, v) in values.enumerated() {
            if let included, !included[i] {
                previous = nil
                continue
            }
            let phase = i < phase1Count ? 1 : 2
            xPoints.append(ChartPoint(value: v, limits: xl, phase: phase, violation: xRules.next(z: xl.standardized(v)), source: i))
            if let p = previous {
                let mr = Swift.abs(v - p)
                mPoints.append(ChartPoint(value: mr, limits: ml, phase: phase, violation: mrRules.next(z: ml.standardized(mr)), source: i))
            }
            previous = v
        }
        return [
            ControlChart.make(.x, center: model.center, processSigma: model.processSigma, points: xPoints),
            ControlChart.make(.mr, center: model.movingRangeCenter, processSigma: model.processSigma, points: mPoints),
        ]
    }
}
