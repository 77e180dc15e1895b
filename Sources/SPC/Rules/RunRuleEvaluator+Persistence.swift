extension RunRuleEvaluator {
    enum CodingKeys: String, CodingKey {
        case selection, runs, history, lastCode, previous
    }

    /// Decodes a saved evaluator; `previous` is absent before the first point.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(selection: try c.decode(RuleSelection.self, forKey: .selection))
        runs = try c.decode(UInt64.self, forKey: .runs)
        history = try c.decode(UInt32.self, forKey: .history)
        lastCode = try c.decode(UInt32.self, forKey: .lastCode)
        previous = try c.decodeIfPresent(Double.self, forKey: .previous) ?? .nan
    }

    /// Encodes the state; the NaN "no previous point" is left out, as JSON has no NaN.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(selection, forKey: .selection)
        try c.encode(runs, forKey: .runs)
        try c.encode(history, forKey: .history)
        try c.encode(lastCode, forKey: .lastCode)
        if !previous.isNaN { try c.encode(previous, forKey: .previous) }
    }
}

extension RunRuleEvaluator {
    /// Equality of the whole state, where "no previous point" (NaN) equals itself.
    public static func == (a: RunRuleEvaluator, b: RunRuleEvaluator) -> Bool {
        a.selection == b.selection && a.runs == b.runs && a.history == b.history && a.lastCode == b.lastCode
            && (a.previous == b.previous || (a.previous.isNaN && b.previous.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(selection)
        hasher.combine(runs)
        hasher.combine(history)
        hasher.combine(lastCode)
        hasher.combine(previous.isNaN ? nil : previous)
    }
}
