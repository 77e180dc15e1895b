import SPC
import Testing

/// The rule vectors of `rules_expected.json`, exactly, plus streaming and persistence.
struct RunRuleTests {
    @Test func referenceVectors() throws {
        let json = try Reference.json("rules_expected.json")
        var cases = 0
        for (name, value) in json where name != "meta" {
            let entry = value as! [String: Any]
            let data = Reference.doubles(entry["data"])
            for (key, selection) in [("western_electric_1to4", RuleSelection.westernElectric), ("nelson_1to8", .nelson)] {
                let expected = Reference.violations(entry[key])
                var observed: [Int: Int] = [:]
                for (i, v) in RunRuleEvaluator.evaluate(data, selection: selection).enumerated() {
                    if let v { observed[i + 1] = v }
                }
                #expect(observed == expected, "\(name) \(key)")
                cases += 1
            }
        }
        #expect(cases == 16)
    }

    @Test func subsetsAndLowestRuleWins() throws {
        // 2.5, 2.5: rule 2 (WE) at point 2; with only rule 1 nothing.
        let zs = [2.5, 2.5, 3.5]
        #expect(RunRuleEvaluator.evaluate(zs, selection: .westernElectric) == [nil, 2, 1])
        #expect(RunRuleEvaluator.evaluate(zs, selection: .limitsOnly) == [nil, nil, 1])
        let onlyTwo = try RuleSelection(ruleSet: .westernElectric, rules: [2])
        #expect(RunRuleEvaluator.evaluate(zs, selection: onlyTwo) == [nil, 2, 2])
        #expect(RunRuleEvaluator.evaluate(zs, selection: .none) == [nil, nil, nil])
        #expect(throws: SPCError.self) { try RuleSelection(ruleSet: .westernElectric, rules: [5]) }
        #expect(try RuleSelection(ruleSet: .nelson, rules: [8, 1, 3]).rules == [1, 3, 8])
    }

    @Test func nelsonRunsContinueAndAlternation() {
        let rising = (0..<8).map { Double($0) * 0.1 }
        #expect(RunRuleEvaluator.evaluate(rising, selection: .nelson) == [nil, nil, nil, nil, nil, 3, 3, 3])
        let alternating = (0..<15).map { $0 % 2 == 0 ? 0.5 : -0.5 }
        let labels = RunRuleEvaluator.evaluate(alternating, selection: .nelson)
        #expect(labels[12] == nil)
        #expect(labels[13] == 4)
        #expect(labels[14] == 4)
        // A point on the center line breaks a same-side run.
        let run = [Double](repeating: 0.5, count: 7) + [0] + [Double](repeating: 0.5, count: 8)
        let we = RunRuleEvaluator.evaluate(run, selection: .westernElectric)
        #expect(we[7] == nil && we[14] == nil && we[15] == 4)
    }

    @Test func savedAndRestoredStateContinuesIdentically() throws {
        var rng = SplitMix64(seed: 7)
        let zs = (0..<500).map { _ in rng.nextGaussian() * 1.3 + 0.2 }
        var whole = RunRuleEvaluator(selection: .nelson)
        let expected = zs.map { whole.next(z: $0) }
        var first = RunRuleEvaluator(selection: .nelson)
        let head = zs[0..<250].map { first.next(z: $0) }
        let data = try JSONEncoderLite.roundTrip(first)
        var second = data
        let tail = zs[250...].map { second.next(z: $0) }
        #expect(head + tail == expected)
    }
}

/// The streaming evaluator against a direct, window-based reading of the rule definitions on
/// random series (coarse values so that ties and exact zone edges occur).
struct RunRuleCrossCheckTests {
    /// Rule r (set numbering) of point i, from the definitions.
    static func naive(_ zs: [Double], _ i: Int, ruleSet: RuleSet, rule: Int) -> Bool {
        func window(_ n: Int) -> ArraySlice<Double>? { i + 1 >= n ? zs[(i + 1 - n)...i] : nil }
        func sameSide(_ n: Int) -> Bool {
            guard let w = window(n) else { return false }
            return w.allSatisfy { $0 > 0 } || w.allSatisfy { $0 < 0 }
        }
        func kOfN(_ k: Int, _ n: Int, beyond t: Double) -> Bool {
            let w = zs[Swift.max(0, i + 1 - n)...i]
            if zs[i] > t { return w.filter { $0 > t }.count >= k }
            if zs[i] < -t { return w.filter { $0 < -t }.count >= k }
            return false
        }
        func trend(_ n: Int) -> Bool {
            guard let w = window(n) else { return false }
            let a = Array(w)
            return (1..<n).allSatisfy { a[$0] > a[$0 - 1] } || (1..<n).allSatisfy { a[$0] < a[$0 - 1] }
        }
        func alternating(_ n: Int) -> Bool {
            guard let w = window(n) else { return false }
            let a = Array(w)
            let d = (1..<n).map { a[$0] - a[$0 - 1] }
            return d.allSatisfy { $0 != 0 } && (1..<d.count).allSatisfy { (d[$0] > 0) != (d[$0 - 1] > 0) }
        }
        let beyond3 = Swift.abs(zs[i]) > 3
        switch (ruleSet, rule) {
        case (_, 1): return beyond3
        case (.westernElectric, 2), (.nelson, 5): return kOfN(2, 3, beyond: 2)
        case (.westernElectric, 3), (.nelson, 6): return kOfN(4, 5, beyond: 1)
        case (.westernElectric, 4): return sameSide(8)
        case (.nelson, 2): return sameSide(9)
        case (.nelson, 3): return trend(6)
        case (.nelson, 4): return alternating(14)
        case (.nelson, 7): return window(15).map { $0.allSatisfy { Swift.abs($0) < 1 } } ?? false
        case (.nelson, 8):
            guard let w = window(8) else { return false }
            return w.allSatisfy { Swift.abs($0) > 1 } && w.contains { $0 > 1 } && w.contains { $0 < -1 }
        default: return false
        }
    }

    @Test func matchesTheDefinitions() throws {
        var rng = SplitMix64(seed: 99)
        for trial in 0..<40 {
            // Quarter-sigma grid plus occasional drifts, alternation and flat stretches.
            var zs: [Double] = []
            for j in 0..<400 {
                let base = (rng.nextGaussian() * 1.4 * 4).rounded() / 4
                switch (j / 50 + trial) % 4 {
                case 1: zs.append(Swift.abs(base) + 0.25)
                case 2: zs.append(j % 2 == 0 ? 1.5 : -1.5 + base / 8)
                case 3: zs.append(Double(j % 7) * 0.5 - 1)
                default: zs.append(base)
                }
            }
            for ruleSet in RuleSet.allCases {
                let count = ruleSet.ruleCount
                var subset = (1...count).filter { _ in rng.uniform() < 0.6 }
                if trial % 3 == 0 { subset = Array(1...count) }
                let selection = try RuleSelection(ruleSet: ruleSet, rules: subset)
                let labels = RunRuleEvaluator.evaluate(zs, selection: selection)
                for i in zs.indices {
                    let expected = subset.first { Self.naive(zs, i, ruleSet: ruleSet, rule: $0) }
                    #expect(labels[i] == expected, "trial \(trial) \(ruleSet) \(subset) at \(i)")
                }
            }
        }
    }
}

/// Runs far longer than any rule (the run lengths saturate) still restart correctly.
struct LongRunTests {
    @Test func longRunsSaturateAndRestart() throws {
        let flat: [Double] = [Double](repeating: 0.5, count: 300) + [-0.5] + [Double](repeating: 0.4, count: 20)
        let alternating: [Double] = (0..<300).map { (i: Int) -> Double in i % 2 == 0 ? 0.5 : -0.5 }
            + [0.5, 0.5] + (0..<20).map { (i: Int) -> Double in i % 2 == 0 ? 0.3 : -0.3 }
        let rising: [Double] = (0..<300).map { (i: Int) -> Double in Double(i) * 0.01 - 1.5 }
            + [0] + (0..<10).map { (i: Int) -> Double in Double(i) * 0.1 }
        let wide: [Double] = (0..<300).map { (i: Int) -> Double in i % 2 == 0 ? 1.5 : -1.5 }
            + [0.2] + (0..<12).map { (i: Int) -> Double in i % 2 == 0 ? 1.5 : -1.5 }
        let patterns: [[Double]] = [flat, alternating, rising, wide]
        for zs in patterns {
            for ruleSet in RuleSet.allCases {
                let rules = Array(1...ruleSet.ruleCount)
                let selection = try RuleSelection(ruleSet: ruleSet, rules: rules)
                let labels = RunRuleEvaluator.evaluate(zs, selection: selection)
                for i in zs.indices {
                    let expected = rules.first { RunRuleCrossCheckTests.naive(zs, i, ruleSet: ruleSet, rule: $0) }
                    #expect(labels[i] == expected, "\(ruleSet) at \(i)")
                }
            }
        }
    }
}
