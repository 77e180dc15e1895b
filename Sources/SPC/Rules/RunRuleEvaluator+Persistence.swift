extension RunRuleEvaluator {
    enum CodingKeys: String, CodingKey {
        case selection, sideRun, trendRun, alternatingRun, withinRun, beyondRun, history, lastCode, previous
    }

    /// Decodes a saved evaluator; `previous` is absent before the first point.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(selection: try c.decode(RuleSelection.self, forKey: .selection))
        sideRun = try c.decode(Int.self, forKey: .sideRun)
        trendRun = try c.decode(Int.self, forKey: .trendRun)
        alternatingRun = try c.decode(Int.self, forKey: .alternatingRun)
        withinRun = try c.decode(Int.self, forKey: .withinRun)
        beyondRun = try c.decode(Int.self, forKey: .beyondRun)
        history = try c.decode(UInt32.self, forKey: .history)
        lastCode = try c.decode(UInt32.self, forKey: .lastCode)
        previous = try c.decodeIfPresent(Double.self, forKey: .previous) ?? .nan
    }

    /// Encodes the state; the NaN "no previous point" is left out, as JSON has no NaN.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(selection, forKey: .selection)
        try c.encode(sideRun, forKey: .sideRun)
        try c.encode(trendRun, forKey: .trendRun)
        try c.encode(alternatingRun, forKey: .alternatingRun)
        try c.encode(withinRun, forKey: .withinRun)
        try c.encode(beyondRun, forKey: .beyondRun)
        try c.encode(history, forKey: .history)
        try c.encode(lastCode, forKey: .lastCode)
        if !previous.isNaN { try c.encode(previous, forKey: .previous) }
    }
}

extension RunRuleEvaluator {
    /// Equality of the whole state, where "no previous point" (NaN) equals itself.
    public static func == (a: RunRuleEvaluator, b: RunRuleEvaluator) -> Bool {
        a.selection == b.selection && a.sideRun == b.sideRun && a.trendRun == b.trendRun
            && a.alternatingRun == b.alternatingRun && a.withinRun == b.withinRun && a.beyondRun == b.beyondRun
            && a.history == b.history && a.lastCode == b.lastCode
            && (a.previous == b.previous || (a.previous.isNaN && b.previous.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(selection)
        hasher.combine(sideRun)
        hasher.combine(trendRun)
        hasher.combine(alternatingRun)
        hasher.combine(withinRun)
        hasher.combine(beyondRun)
        hasher.combine(history)
        hasher.combine(lastCode)
        hasher.combine(previous.isNaN ? nil : previous)
    }
}
