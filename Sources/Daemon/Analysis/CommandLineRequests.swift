import SPC

/// Builders of the analysis requests from command-line text, so the commands stay thin and
/// need no knowledge of the SPC types. Every error names the option and what it accepts.
extension AnalysisFormat {
    public static func parse(_ text: String) throws(AnalysisError) -> AnalysisFormat {
        guard let f = AnalysisFormat(rawValue: text.lowercased()) else {
            throw AnalysisError("--format must be json or text, got '\(text)'")
        }
        return f
    }
}

extension AnalysisRequest {
    /// `lineguard analyze` options; nil means the default.
    public static func make(
        chart: String, phase1: Int?, rules: String?, ruleSet: String?, lsl: Double?, usl: Double?, target: Double?,
        lambda: Double?, width: Double?, k: Double?, h: Double?, headStart: Double?, center: Double?, sigma: Double?,
        nsigmas: Double?, estimator: String?, confidence: Double?, excludeSignals: Bool, capabilityDF: String?
    ) throws(AnalysisError) -> AnalysisRequest {
        guard let kind = AnalysisChartKind(rawValue: chart.lowercased()) else {
            let kinds = AnalysisChartKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw AnalysisError("--chart must be one of \(kinds); got '\(chart)'")
        }
        var convention = CapabilityConvention.qcc
        if let capabilityDF {
            guard let c = CapabilityConvention(rawValue: capabilityDF.lowercased()) else {
                throw AnalysisError("--capability-df must be qcc or minitab, got '\(capabilityDF)'")
            }
            convention = c
        }
        let request = AnalysisRequest(
            chart: kind, phase1: phase1, rules: try Self.rules(rules, ruleSet: ruleSet), lsl: lsl, usl: usl, target: target,
            lambda: lambda ?? 0.2, width: width ?? 3, k: k ?? 0.5, h: h ?? 5, headStart: headStart ?? 0, center: center,
            sigma: sigma, nsigmas: nsigmas ?? 3, estimator: try Self.estimator(estimator), confidence: confidence,
            excludeSignals: excludeSignals, capabilityConvention: convention)
        try request.validate()
        return request
    }
}

extension RunLengthRequest {
    /// `lineguard arl` options; nil means the default.
    public static func make(
        chart: String, rules: String?, lambda: Double?, width: Double?, k: Double?, h: Double?, headStart: Double?,
        sided: String?, limits: String?, nsigmas: Double?, shifts: [Double]
    ) throws(AnalysisError) -> RunLengthRequest {
        guard let kind = RunLengthChart(rawValue: chart.lowercased()) else {
            throw AnalysisError("--chart must be shewhart, ewma or cusum; got '\(chart)'")
        }
        let request = RunLengthRequest(
            chart: kind, rules: try Self.rules(rules), lambda: lambda ?? 0.2, width: width ?? 3, k: k ?? 0.5, h: h ?? 5,
            headStart: headStart ?? 0, sides: try parseSides(sided), limits: try parseLimits(limits), nsigmas: nsigmas ?? 3,
            shifts: shifts)
        guard !shifts.isEmpty else { throw AnalysisError("give at least one --shift") }
        if kind != .shewhart, rules != nil { throw AnalysisError("--rules applies to the shewhart chart") }
        return request
    }
}

extension DesignRequest {
    /// `lineguard design` options; nil means the default.
    public static func make(chart: String, arl0: Double, lambda: Double?, k: Double?, sided: String?) throws(AnalysisError) -> DesignRequest {
        guard let kind = RunLengthChart(rawValue: chart.lowercased()), kind != .shewhart else {
            throw AnalysisError("--chart must be ewma or cusum; got '\(chart)'")
        }
        guard arl0 > 1 else { throw AnalysisError("--arl0 must exceed 1, got \(arl0)") }
        if let lambda, !(lambda > 0 && lambda <= 1) { throw AnalysisError("--lambda must be in (0, 1], got \(lambda)") }
        if let k, k < 0 { throw AnalysisError("--k must not be negative, got \(k)") }
        return DesignRequest(chart: kind, arl0: arl0, lambda: lambda ?? 0.2, k: k ?? 0.5, sides: try parseSides(sided))
    }
}

func parseSides(_ text: String?) throws(AnalysisError) -> CUSUMARL.Sides {
    guard let text else { return .two }
    guard let s = CUSUMARL.Sides(rawValue: text.lowercased()) else {
        throw AnalysisError("--sided must be one or two, got '\(text)'")
    }
    return s
}

func parseLimits(_ text: String?) throws(AnalysisError) -> EWMAARL.Limits {
    guard let text else { return .fixed }
    guard let l = EWMAARL.Limits(rawValue: text.lowercased()) else {
        throw AnalysisError("--limits must be fixed or exact, got '\(text)'")
    }
    return l
}
