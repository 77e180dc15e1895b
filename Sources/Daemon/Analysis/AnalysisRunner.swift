import SPC

/// Runs an `AnalysisRequest` on a CSV table: reads the data the chart needs, estimates Phase I,
/// charts every subgroup and computes capability. Pure apart from the table it is given.
public enum AnalysisRunner {
    /// Loads the file and runs the request.
    public static func run(_ request: AnalysisRequest, path: String) throws(AnalysisError) -> AnalysisReport {
        try run(request, table: CSVTable.load(path: path))
    }

    public static func run(_ request: AnalysisRequest, table: CSVTable) throws(AnalysisError) -> AnalysisReport {
        try request.validate()
        do {
            switch request.chart {
            case .xbarR, .xbarS:
                return try subgroupCharts(request, table: table)
            case .imr:
                return try individuals(request, table: table)
            case .p, .np, .c, .u:
                return try attributes(request, table: table)
            case .ewma, .cusum:
                return try smoothed(request, table: table)
            case .t2:
                return try hotelling(request, table: table)
            case .zmr:
                return try shortRun(request, table: table)
            }
        } catch let error as SPCError {
            throw AnalysisError(error.message, file: table.file)
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw AnalysisError("\(error)", file: table.file)
        }
    }

    static func phase1(_ request: AnalysisRequest, input: AnalysisInput, count: Int) throws(AnalysisError) -> Int {
        let m = request.phase1 ?? input.trialCount ?? count
        guard m <= count else { throw AnalysisError("--phase1 \(m) exceeds the \(count) subgroups in the file") }
        return m
    }

    static func subgroupCharts(_ request: AnalysisRequest, table: CSVTable) throws -> AnalysisReport {
        let input = try AnalysisInput.variables(table, grouped: true)
        let m = try phase1(request, input: input, count: input.groups.count)
        let subgroups = input.groups.map { Subgroup(values: $0) }
        let dispersion: SubgroupChartModel.Dispersion = request.chart == .xbarR ? .range : .standardDeviation
        let result = try SubgroupCharts.analyze(subgroups, phase1Count: m, dispersion: dispersion, options: request.chartOptions)
        let capability = try capabilityReport(request, values: phaseOneValues(input, m: m, excluded: result.analysis.excluded),
                                              center: result.model.center, sigma: result.model.processSigma,
                                              withinDF: Double(subgroups.prefix(m).reduce(0) { $0 + $1.size - 1 }))
        return report(request, input: input, analysis: result.analysis, capability: capability, parameters: [:])
    }

    static func individuals(_ request: AnalysisRequest, table: CSVTable) throws -> AnalysisReport {
        let input = try AnalysisInput.variables(table, grouped: false)
        let values = input.groups.map { $0[0] }
        let m = try phase1(request, input: input, count: values.count)
        let result = try IndividualsCharts.analyze(values, phase1Count: m, options: request.chartOptions)
        let capability = try capabilityReport(request, values: phaseOneValues(input, m: m, excluded: result.analysis.excluded),
                                              center: result.model.center, sigma: result.model.processSigma,
                                              withinDF: Double(m - 1))
        return report(request, input: input, analysis: result.analysis, capability: capability, parameters: [:])
    }

    static func attributes(_ request: AnalysisRequest, table: CSVTable) throws -> AnalysisReport {
        try noCapability(request)
        let (input, rows) = try AnalysisInput.attributes(table, kind: request.chart)
        let kind = AttributeCharts.Kind(rawValue: request.chart.rawValue)!
        let m = try phase1(request, input: input, count: rows.count)
        let samples = rows.map { AttributeCharts.Sample(count: $0.count, size: $0.size) }
        let result = try AttributeCharts.analyze(samples, kind: kind, phase1Count: m, options: request.chartOptions)
        return report(request, input: input, analysis: result.analysis, capability: nil, parameters: [:])
    }

    /// EWMA and CUSUM: on subgroup means when the file has subgroups of several values,
    /// otherwise on individuals; center and sigma from Phase I as for X-bar/R or I-MR.
    static func smoothed(_ request: AnalysisRequest, table: CSVTable) throws -> AnalysisReport {
        let input = try AnalysisInput.variables(table, grouped: true)
        let m = try phase1(request, input: input, count: input.groups.count)
        let subgroups = input.groups.map { Subgroup(values: $0) }
        let individual = subgroups.allSatisfy { $0.size == 1 }
        var options = request.chartOptions
        options.excludeSignals = false
        let center: Double
        let sigma: Double
        let withinDF: Double
        if individual {
            let model = try IndividualsCharts.phaseOne(subgroups.map(\.mean), phase1Count: m, options: options).model
            (center, sigma, withinDF) = (model.center, model.processSigma, Double(m - 1))
        } else {
            let model = try SubgroupCharts.phaseOne(subgroups, phase1Count: m, dispersion: .range, options: options).model
            (center, sigma) = (model.center, model.processSigma)
            withinDF = Double(subgroups.prefix(m).reduce(0) { $0 + $1.size - 1 })
        }
        let chart: ControlChart
        let parameters: [String: Double]
        if request.chart == .ewma {
            chart = try EWMAChart.chart(means: subgroups.map(\.mean), sizes: subgroups.map(\.size), center: center,
                                        sigma: sigma, lambda: request.lambda, width: request.width, phase1Count: m)
            parameters = ["lambda": request.lambda, "L": request.width]
        } else {
            chart = try CUSUMChart.chart(means: subgroups.map(\.mean), sizes: subgroups.map(\.size), center: center,
                                         sigma: sigma, k: request.k, h: request.h, headStart: request.headStart, phase1Count: m)
            parameters = ["k": request.k, "h": request.h, "head_start": request.headStart]
        }
        let capability = try capabilityReport(request, values: phaseOneValues(input, m: m, excluded: []),
                                              center: center, sigma: sigma, withinDF: withinDF)
        let analysis = ChartAnalysis(phase1Count: m, excluded: [], charts: [chart])
        return report(request, input: input, analysis: analysis, capability: capability, parameters: parameters)
    }

    static func hotelling(_ request: AnalysisRequest, table: CSVTable) throws -> AnalysisReport {
        try noCapability(request)
        let (input, groups, _) = try AnalysisInput.multivariate(table)
        let m = try phase1(request, input: input, count: groups.count)
        let model = try HotellingT2.estimate(groups, phase1Count: m, confidence: request.confidence)
        let chart = HotellingT2.chart(groups, model: model)
        let analysis = ChartAnalysis(phase1Count: m, excluded: [], charts: [chart])
        return report(request, input: input, analysis: analysis, capability: nil, parameters: [
            "confidence": model.confidence, "phase2_ucl": model.phase2Limit, "variables": Double(model.variables),
        ])
    }

    static func shortRun(_ request: AnalysisRequest, table: CSVTable) throws -> AnalysisReport {
        try noCapability(request)
        let (input, parts) = try AnalysisInput.parts(table)
        let values = input.groups.map { $0[0] }
        let m = try phase1(request, input: input, count: values.count)
        let result = try ShortRunZMR.analyze(parts: parts, values: values, phase1Count: m, options: request.chartOptions)
        return report(request, input: input, analysis: result.analysis, capability: nil, parameters: [:])
    }

    static func noCapability(_ request: AnalysisRequest) throws(AnalysisError) {
        if request.lsl != nil || request.usl != nil {
            throw AnalysisError("capability (--lsl/--usl) applies to the variables charts xbar-r, xbar-s, imr, ewma and cusum")
        }
    }

    /// The individual values of the Phase I subgroups that were kept.
    static func phaseOneValues(_ input: AnalysisInput, m: Int, excluded: [Int]) -> [Double] {
        let dropped = Set(excluded)
        return input.groups.prefix(m).enumerated().filter { !dropped.contains($0.offset + 1) }.flatMap(\.element)
    }

    static func capabilityReport(
        _ request: AnalysisRequest, values: [Double], center: Double, sigma: Double, withinDF: Double
    ) throws -> CapabilityReport? {
        guard request.lsl != nil || request.usl != nil else { return nil }
        return try CapabilityReport(
            values: values, center: center, withinSigma: sigma, lsl: request.lsl, usl: request.usl, target: request.target,
            convention: request.capabilityConvention, withinDegreesOfFreedom: withinDF)
    }

    static func report(
        _ request: AnalysisRequest, input: AnalysisInput, analysis: ChartAnalysis, capability: CapabilityReport?,
        parameters: [String: Double]
    ) -> AnalysisReport {
        AnalysisReport(
            chart: request.chart, phase1Count: analysis.phase1Count, excluded: analysis.excluded, charts: analysis.charts,
            labels: input.labels, capability: capability, parameters: parameters, ruleSelection: request.rules)
    }
}
