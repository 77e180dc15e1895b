public import SPC

/// The result of `lineguard analyze`: the charts with their points, the Phase I window, what was
/// excluded, capability when specification limits were given, and chart-specific parameters.
public struct AnalysisReport: Sendable, Hashable {
    public var chart: AnalysisChartKind
    public var phase1Count: Int
    public var excluded: [Int]
    public var charts: [ControlChart]
    /// Labels of the input subgroups (or rows), indexed by `ChartPoint.source`.
    public var labels: [String]
    public var capability: CapabilityReport?
    /// Extra top-level members of the JSON (EWMA lambda/L, CUSUM k/h, T2 limits...).
    public var parameters: [String: Double]
    public var ruleSelection: RuleSelection

    /// The JSON document of the fixed shape.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("chart", .string(chart.rawValue)),
            ("phase1_subgroups", .integer(phase1Count)),
            ("rules", .object([
                ("set", .string(ruleSelection.ruleSet.rawValue)),
                ("rules", .array(ruleSelection.rules.map { .integer($0) })),
            ])),
        ]
        for key in parameters.keys.sorted() { members.append((key, .number(parameters[key]!))) }
        members.append(("excluded", .array(excluded.map { .integer($0) })))
        members.append(("charts", .array(charts.map(chartJSON))))
        if let capability { members.append(("capability", Self.capabilityJSON(capability))) }
        return .object(members)
    }

    func chartJSON(_ chart: ControlChart) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("statistic", .string(chart.statistic.rawValue)),
            ("center", .number(chart.center)),
            ("sigma", .number(chart.processSigma)),
            ("lcl", .number(chart.lcl)),
            ("ucl", .number(chart.ucl)),
        ]
        if let h = chart.decisionInterval { members.append(("h", .number(h))) }
        let varying = chart.lcl == nil || chart.processSigma == nil
        members.append(("points", .array(chart.points.map { pointJSON($0, chart: chart, varying: varying) })))
        return .object(members)
    }

    func pointJSON(_ p: ChartPoint, chart: ControlChart, varying: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("index", .integer(p.source + 1)),
            ("subgroup", .string(labels[p.source])),
            ("value", .number(p.value)),
        ]
        if let s = p.smoothed { members.append(("ewma", .number(s))) }
        if let u = p.upper { members.append(("upper", .number(u))) }
        // qcc plots the lower CUSUM below zero: -C-.
        if let l = p.lower { members.append(("lower", .number(l == 0 ? 0 : -l))) }
        if varying, chart.statistic != .cusum, chart.statistic != .t2 {
            members.append(("center", .number(p.limits.center)))
            members.append(("sigma", .number(p.limits.sigma)))
        }
        members.append(("lcl", .number(p.limits.lcl)))
        members.append(("ucl", .number(p.limits.ucl)))
        members.append(("phase", .integer(p.phase)))
        members.append(("violation", p.violation.map { .integer($0) } ?? .null))
        return .object(members)
    }

    static func capabilityJSON(_ c: CapabilityReport) -> JSONValue {
        func index(_ i: CapabilityIndex?) -> JSONValue {
            guard let i else { return .null }
            return .object([("value", .number(i.value)), ("lower", .number(i.lower)), ("upper", .number(i.upper))])
        }
        func ppm(_ p: ExpectedPPM) -> JSONValue {
            .object([("below", .number(p.below)), ("above", .number(p.above)), ("total", .number(p.total))])
        }
        return .object([
            ("n", .integer(c.n)),
            ("center", .number(c.center)),
            ("sigma_within", .number(c.withinSigma)),
            ("sigma_overall", .number(c.overallSigma)),
            ("lsl", .number(c.lsl)),
            ("usl", .number(c.usl)),
            ("target", .number(c.target)),
            ("confidence", .number(c.confidence)),
            ("cp", index(c.cp)), ("cpk", index(c.cpk)), ("cpl", index(c.cpl)), ("cpu", index(c.cpu)),
            ("cpm", index(c.cpm)), ("pp", index(c.pp)), ("ppk", index(c.ppk)), ("ppl", index(c.ppl)),
            ("ppu", index(c.ppu)), ("ppm", index(c.ppm)),
            ("expected_ppm", ppm(c.expectedQcc)),
            ("expected_ppm_exact", ppm(c.expected)),
            ("observed_ppm", ppm(c.observed)),
        ])
    }
}
