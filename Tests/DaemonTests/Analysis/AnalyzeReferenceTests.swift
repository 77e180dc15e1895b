import Daemon
import Foundation
import Testing

/// The reference data sets through the `analyze` glue, compared on the JSON it writes.
struct AnalyzeReferenceTests {
    func analyze(_ chart: String, _ file: String, lsl: Double? = nil, usl: Double? = nil, rules: String? = nil) throws -> [String: Any] {
        let request = try AnalysisRequest.make(
            chart: chart, phase1: nil, rules: rules, ruleSet: nil, lsl: lsl, usl: usl, target: nil, lambda: nil,
            width: nil, k: nil, h: nil, headStart: nil, center: nil, sigma: nil, nsigmas: nil, estimator: nil,
            confidence: nil, excludeSignals: false, capabilityDF: nil)
        let report = try AnalysisRunner.run(request, path: AnalysisFixtures.dataPath(file))
        return try AnalysisFixtures.object(report.json.rendered())
    }

    func charts(_ json: [String: Any]) -> [[String: Any]] { json["charts"] as! [[String: Any]] }

    func points(_ chart: [String: Any]) -> [[String: Any]] { chart["points"] as! [[String: Any]] }

    func check(_ chart: [String: Any], _ ref: [String: Any], sigma: Bool = true) {
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(chart["center"]), AnalysisFixtures.number(ref["center"])))
        if sigma { #expect(AnalysisFixtures.close(AnalysisFixtures.number(chart["sigma"]), AnalysisFixtures.number(ref["std_dev"]))) }
        let lcl = AnalysisFixtures.number(ref["LCL"])
        #expect(lcl == 0 ? AnalysisFixtures.number(chart["lcl"]) == 0 : AnalysisFixtures.close(AnalysisFixtures.number(chart["lcl"]), lcl))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(chart["ucl"]), AnalysisFixtures.number(ref["UCL"])))
        // The files may hold later (Phase II) rows beyond what the reference charted.
        let stats = AnalysisFixtures.numbers(ref["statistics"]) + AnalysisFixtures.numbers(ref["newstats"])
        let charted = Array(points(chart).prefix(stats.count))
        let values = charted.map { AnalysisFixtures.number($0["value"]) }
        #expect(values.count == stats.count && zip(values, stats).allSatisfy { AnalysisFixtures.close($0, $1, 1e-9) })
        #expect(AnalysisFixtures.violations(charted) == AnalysisFixtures.referenceViolations(ref["violations_1based_index_to_rule"]))
    }

    /// The issue's example: pistonrings, xbar-r, Phase I 25 (from the trial column), capability.
    @Test func pistonringsMatchesTheIssueExample() throws {
        let json = try analyze("xbar-r", "pistonrings.csv", lsl: 73.95, usl: 74.05)
        #expect(json["chart"] as? String == "xbar-r")
        #expect((json["phase1_subgroups"] as? NSNumber)?.intValue == 25)
        let xbar = charts(json)[0]
        #expect(xbar["statistic"] as? String == "xbar")
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(xbar["center"]), 74.001176, 1e-9))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(xbar["sigma"]), 0.00978503869, 1e-9))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(xbar["lcl"]), 73.98804799, 1e-10))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(xbar["ucl"]), 74.01430401, 1e-10))
        let first = points(xbar)[0]
        #expect((first["index"] as? NSNumber)?.intValue == 1)
        #expect(first["subgroup"] as? String == "1")
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(first["value"]), 74.0102, 1e-12))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(first["lcl"]), 73.988, 1e-5))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(first["ucl"]), 74.0143, 1e-5))
        #expect((first["phase"] as? NSNumber)?.intValue == 1)
        #expect(first["violation"] is NSNull)
        #expect(charts(json)[1]["statistic"] as? String == "r")
        let capability = json["capability"] as! [String: Any]
        #expect((capability["n"] as? NSNumber)?.intValue == 125)
        let cp = capability["cp"] as! [String: Any]
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(cp["value"]), 1.7033, 1e-4))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(cp["lower"]), 1.4914, 1e-4))
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(cp["upper"]), 1.9148, 1e-4))
        for key in ["cpk", "cpl", "cpu", "cpm", "pp", "ppk"] { #expect(capability[key] is [String: Any], "\(key)") }
        let ppm = capability["expected_ppm"] as! [String: Any]
        #expect(AnalysisFixtures.number(ppm["below"]) == 0 && AnalysisFixtures.number(ppm["above"]) == 0)
        #expect(AnalysisFixtures.number(ppm["total"]) == 0)
        // And every number of the qcc reference.
        let ref = try AnalysisFixtures.expected()
        check(xbar, ref["pistonrings_xbar"] as! [String: Any])
        check(charts(json)[1], ref["pistonrings_R"] as! [String: Any])
        let capRef = (ref["pistonrings_capability_73.95_74.05"] as! [String: Any])["indices"] as! [String: Any]
        for (key, name) in [("cp", "Cp"), ("cpl", "Cp_l"), ("cpu", "Cp_u"), ("cpk", "Cp_k"), ("cpm", "Cpm"),
                            ("pp", "Pp"), ("ppl", "Pp_l"), ("ppu", "Pp_u"), ("ppk", "Pp_k"), ("ppm", "Ppm")] {
            let ours = capability[key] as! [String: Any]
            let theirs = capRef[name] as! [String: Any]
            #expect(AnalysisFixtures.close(AnalysisFixtures.number(ours["value"]), AnalysisFixtures.number(theirs["value"])), "\(key)")
            #expect(AnalysisFixtures.close(AnalysisFixtures.number(ours["lower"]), AnalysisFixtures.number(theirs["lower95"])), "\(key)")
            #expect(AnalysisFixtures.close(AnalysisFixtures.number(ours["upper"]), AnalysisFixtures.number(theirs["upper95"])), "\(key)")
        }
    }

    @Test func pistonringsNelsonAndS() throws {
        let ref = try AnalysisFixtures.expected()
        let nelson = try analyze("xbar-r", "pistonrings.csv", rules: "nelson")
        check(charts(nelson)[0], ref["pistonrings_xbar_Nelson_rules_1to8"] as! [String: Any])
        let s = try analyze("xbar-s", "pistonrings.csv")
        check(charts(s)[1], ref["pistonrings_S"] as! [String: Any])
    }

    @Test func attributesAndIndividuals() throws {
        let ref = try AnalysisFixtures.expected()
        check(charts(try analyze("p", "orangejuice.csv"))[0], ref["orangejuice_p"] as! [String: Any])
        check(charts(try analyze("c", "circuit.csv"))[0], ref["circuit_c"] as! [String: Any])
        let imr = try analyze("imr", "viscosity.csv")
        check(charts(imr)[0], ref["viscosity_I_MR"] as! [String: Any])
        #expect((imr["phase1_subgroups"] as? NSNumber)?.intValue == 20)
        #expect(points(charts(imr)[1]).count == points(charts(imr)[0]).count - 1)
        #expect((points(charts(imr)[1])[0]["index"] as? NSNumber)?.intValue == 2)
    }

    @Test func ewmaCusumAndT2() throws {
        let ref = try AnalysisFixtures.expected()
        let ewma = try analyze("ewma", "pistonrings.csv")
        let ewmaRef = ref["pistonrings_ewma_l0.2_L3_phaseI"] as! [String: Any]
        let ewmaPoints = points(charts(ewma)[0]).prefix(25)
        #expect(zip(ewmaPoints.map { AnalysisFixtures.number($0["ewma"]) }, AnalysisFixtures.numbers(ewmaRef["ewma"]))
            .allSatisfy { AnalysisFixtures.close($0, $1, 1e-9) })
        #expect(zip(ewmaPoints.map { AnalysisFixtures.number($0["ucl"]) }, AnalysisFixtures.numbers(ewmaRef["UCL"]))
            .allSatisfy { AnalysisFixtures.close($0, $1, 1e-9) })
        let cusum = try analyze("cusum", "pistonrings.csv")
        let cusumRef = ref["pistonrings_cusum_h5_with_new"] as! [String: Any]
        let cusumPoints = points(charts(cusum)[0])
        for (p, (up, down)) in zip(cusumPoints, zip(AnalysisFixtures.numbers(cusumRef["cusum_pos"]), AnalysisFixtures.numbers(cusumRef["cusum_neg"]))) {
            #expect(Swift.abs(AnalysisFixtures.number(p["upper"]) - up) <= 1e-6 * Swift.max(1, Swift.abs(up)))
            #expect(Swift.abs(AnalysisFixtures.number(p["lower"]) - down) <= 1e-6 * Swift.max(1, Swift.abs(down)))
        }
        #expect(AnalysisFixtures.violations(cusumPoints) == [37: 1, 38: 1, 39: 1, 40: 1])
        #expect(AnalysisFixtures.number(charts(cusum)[0]["h"]) == 5)
        let t2 = try analyze("t2", "RyanMultivar.csv")
        let t2Ref = ref["RyanMultivar_T2"] as! [String: Any]
        #expect(AnalysisFixtures.close(AnalysisFixtures.number(charts(t2)[0]["ucl"]), AnalysisFixtures.number(t2Ref["UCL"])))
        let stats = points(charts(t2)[0]).map { AnalysisFixtures.number($0["value"]) }
        #expect(zip(stats, AnalysisFixtures.numbers(t2Ref["statistics"])).allSatisfy { AnalysisFixtures.close($0, $1) })
        #expect(AnalysisFixtures.violations(points(charts(t2)[0])) == [10: 1, 20: 1])
    }
}
