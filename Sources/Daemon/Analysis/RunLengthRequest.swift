public import SPC

/// `lineguard arl`: zero-state ARLs for shifts in sigmas of the charted statistic. EWMA uses
/// fixed asymptotic limits by default (spc's `xewma.arl`), CUSUM is two-sided by default.
public struct RunLengthRequest: Sendable, Hashable {
    public var chart: RunLengthChart
    /// Western Electric rules for Shewhart charts (default: rule 1 only).
    public var rules: RuleSelection
    public var lambda: Double
    public var width: Double
    public var k: Double
    public var h: Double
    public var headStart: Double
    public var sides: CUSUMARL.Sides
    public var limits: EWMAARL.Limits
    public var nsigmas: Double
    public var shifts: [Double]

    public init(
        chart: RunLengthChart, rules: RuleSelection = .limitsOnly, lambda: Double = 0.2, width: Double = 3, k: Double = 0.5,
        h: Double = 5, headStart: Double = 0, sides: CUSUMARL.Sides = .two, limits: EWMAARL.Limits = .fixed,
        nsigmas: Double = 3, shifts: [Double]
    ) {
        self.chart = chart
        self.rules = rules
        self.lambda = lambda
        self.width = width
        self.k = k
        self.h = h
        self.headStart = headStart
        self.sides = sides
        self.limits = limits
        self.nsigmas = nsigmas
        self.shifts = shifts
    }

    /// Parses `--rules we|LIST` (Western Electric numbering); nil: rule 1 only.
    public static func rules(_ text: String?) throws(AnalysisError) -> RuleSelection {
        guard let text else { return .limitsOnly }
        if text.lowercased() == "nelson" { throw AnalysisError("the ARL of Nelson rules is not supported; use we or a list of WE rules") }
        return try AnalysisRequest.rules(text, ruleSet: "we")
    }

    /// Computes the ARL of every shift.
    public func run() throws(AnalysisError) -> [(shift: Double, arl: Double)] {
        guard !shifts.isEmpty else { throw AnalysisError("give at least one --shift") }
        var out: [(shift: Double, arl: Double)] = []
        do {
            for s in shifts {
                let arl: Double
                switch chart {
                case .shewhart: arl = try ShewhartARL.arl(shift: s, rules: rules, nsigmas: nsigmas)
                case .ewma: arl = try EWMAARL.arl(lambda: lambda, width: width, shift: s, limits: limits)
                case .cusum: arl = try CUSUMARL.arl(k: k, h: h, shift: s, headStart: headStart, sides: sides)
                }
                out.append((s, arl))
            }
        } catch {
            throw AnalysisError(error.message)
        }
        return out
    }

    /// `{"chart": ..., parameters..., "arl": [{"shift": 0.0, "arl": 370.4}, ...]}`.
    public func json(_ results: [(shift: Double, arl: Double)]) -> JSONValue {
        .object([("chart", .string(chart.rawValue))] + parameterMembers + [
            ("arl", .array(results.map { .object([("shift", .number($0.shift)), ("arl", .number($0.arl))]) })),
        ])
    }

    public func text(_ results: [(shift: Double, arl: Double)]) -> String {
        var out = "Zero-state ARL, \(chart.rawValue) chart"
        let params = parameterMembers.map { "\($0.0) \($0.1.rendered())" }
        if !params.isEmpty { out += " (" + params.joined(separator: ", ").replacingQuotes() + ")" }
        out += "\n" + NumberFormat.pad("shift", 8) + NumberFormat.pad("ARL", 14) + "\n"
        for r in results {
            out += NumberFormat.pad(r.shift.description, 8) + NumberFormat.pad(NumberFormat.significant(r.arl, 6), 14) + "\n"
        }
        return out
    }

    var parameterMembers: [(String, JSONValue)] {
        switch chart {
        case .shewhart:
            return [("rules", .array(rules.rules.map { .integer($0) })), ("nsigmas", .number(nsigmas))]
        case .ewma:
            return [("lambda", .number(lambda)), ("L", .number(width)), ("limits", .string(limits.rawValue))]
        case .cusum:
            return [("k", .number(k)), ("h", .number(h)), ("head_start", .number(headStart)), ("sided", .string(sides.rawValue))]
        }
    }
}
