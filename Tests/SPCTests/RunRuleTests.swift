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
