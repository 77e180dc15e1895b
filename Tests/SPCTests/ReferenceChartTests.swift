import Foundation
import SPC
import Testing

/// Every chart case of `qcc_expected.json` (qcc 3.0) to 1e-6 relative, violations exactly.
struct ReferenceChartTests {
    let expected: [String: Any]

    init() throws {
        expected = try Reference.json("qcc_expected.json")
    }

    func reference(_ key: String) -> [String: Any] { expected[key] as? [String: Any] ?? [:] }

    func observedViolations(_ chart: ControlChart) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (i, p) in chart.points.enumerated() { if let v = p.violation { out[i + 1] = v } }
        return out
    }

    func check(_ chart: ControlChart, against ref: [String: Any], phase1: Int, processSigma: Bool = true) {
        #expect(Reference.close(chart.center, Reference.double(ref["center"])))
        if processSigma { #expect(Reference.close(chart.processSigma ?? .nan, Reference.double(ref["std_dev"]))) }
        let lcl = Reference.double(ref["LCL"])
        #expect(lcl == 0 ? chart.lcl == 0 : Reference.close(chart.lcl ?? .nan, lcl))
        #expect(Reference.close(chart.ucl ?? .nan, Reference.double(ref["UCL"])))
        let values = chart.points.map(\.value)
        let stats = Reference.doubles(ref["statistics"]) + Reference.doubles(ref["newstats"])
        #expect(Reference.allClose(values, stats, 1e-9))
        #expect(observedViolations(chart) == Reference.violations(ref["violations_1based_index_to_rule"]))
        #expect(chart.points.filter { $0.phase == 1 }.count == phase1)
    }

    @Test func pistonringsXbarRWesternElectric() throws {
        let groups = try PistonRings.subgroups().map { Subgroup(values: $0) }
        let result = try SubgroupCharts.analyze(groups, phase1Count: 25, dispersion: .range)
        check(result.analysis.charts[0], against: reference("pistonrings_xbar"), phase1: 25)
        check(result.analysis.charts[1], against: reference("pistonrings_R"), phase1: 25)
    }

    @Test func pistonringsXbarNelson() throws {
        let groups = try PistonRings.subgroups().map { Subgroup(values: $0) }
        let options = ChartOptions(rules: .nelson)
        let result = try SubgroupCharts.analyze(groups, phase1Count: 25, dispersion: .range, options: options)
        check(result.analysis.charts[0], against: reference("pistonrings_xbar_Nelson_rules_1to8"), phase1: 25)
    }

    @Test func pistonringsS() throws {
        let groups = try PistonRings.subgroups().map { Subgroup(values: $0) }
        let result = try SubgroupCharts.analyze(groups, phase1Count: 25, dispersion: .standardDeviation)
        check(result.analysis.charts[1], against: reference("pistonrings_S"), phase1: 25)
    }

    @Test func sigmaEstimators() throws {
        let groups = try PistonRings.subgroups().prefix(25).map { Subgroup(values: $0) }
        let ref = reference("pistonrings_sigma_estimators")
        #expect(Reference.close(try SigmaEstimation.within(groups, estimator: .range), Reference.double(ref["UWAVE-R"]), 1e-12))
        #expect(Reference.close(try SigmaEstimation.within(groups, estimator: .standardDeviation), Reference.double(ref["UWAVE-SD"]), 1e-12))
        #expect(Reference.close(try SigmaEstimation.within(groups, estimator: .pooled), Reference.double(ref["RMSDF"]), 1e-12))
        #expect(ChartConstants.d2(5) == Reference.double(ref["d2_n5"]))
        #expect(ChartConstants.d3(5) == Reference.double(ref["d3_n5"]))
        #expect(Reference.close(ChartConstants.c4(5), Reference.double(ref["c4_n5"]), 1e-14))
    }

    @Test func constantsTable() throws {
        let text = try String(contentsOf: Reference.directory.appendingPathComponent("constants.csv"), encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map { Double($0)! }
            let n = Int(cells[0])
            #expect(ChartConstants.d2(n) == cells[1])
            #expect(ChartConstants.d3(n) == cells[3])
            #expect(Reference.close(ChartConstants.c4(n), cells[5], 1e-6))
        }
    }

    @Test func orangejuiceP() throws {
        let rows = try Reference.csv("orangejuice.csv")
        let samples = rows.prefix(30).map { AttributeCharts.Sample(count: Double($0["D"]!)!, size: Double($0["size"]!)!) }
        let result = try AttributeCharts.analyze(Array(samples), kind: .p)
        check(result.analysis.charts[0], against: reference("orangejuice_p"), phase1: 30)
    }

    @Test func circuitC() throws {
        let rows = try Reference.csv("circuit.csv")
        let samples = rows.prefix(26).map { AttributeCharts.Sample(count: Double($0["x"]!)!, size: Double($0["size"]!)!) }
        let result = try AttributeCharts.analyze(Array(samples), kind: .c)
        check(result.analysis.charts[0], against: reference("circuit_c"), phase1: 26)
    }

    @Test func viscosityIndividuals() throws {
        let values = try Reference.csv("viscosity.csv").prefix(20).map { Double($0["viscosity"]!)! }
        let result = try IndividualsCharts.analyze(Array(values))
        check(result.analysis.charts[0], against: reference("viscosity_I_MR"), phase1: 20)
    }

    @Test func pistonringsEWMA() throws {
        let groups = try PistonRings.subgroups().prefix(25).map { Subgroup(values: $0) }
        let ref = reference("pistonrings_ewma_l0.2_L3_phaseI")
        let chart = try EWMAChart.chart(
            means: groups.map(\.mean), sizes: groups.map(\.size), center: Reference.double(ref["center"]),
            sigma: Reference.double(ref["std_dev"]), lambda: 0.2, width: 3, phase1Count: 25)
        #expect(Reference.allClose(chart.points.map { $0.smoothed! }, Reference.doubles(ref["ewma"]), 1e-9))
        #expect(Reference.allClose(chart.points.map(\.limits.sigma), Reference.doubles(ref["sigma"])))
        #expect(Reference.allClose(chart.points.map(\.limits.lcl), Reference.doubles(ref["LCL"]), 1e-9))
        #expect(Reference.allClose(chart.points.map(\.limits.ucl), Reference.doubles(ref["UCL"]), 1e-9))
        #expect(chart.points.allSatisfy { $0.violation == nil })
        // The same from our own Phase I estimate.
        let model = try SubgroupCharts.phaseOne(Array(groups), dispersion: .range).model
        #expect(Reference.close(model.center, Reference.double(ref["center"]), 1e-12))
        #expect(Reference.close(model.processSigma, Reference.double(ref["std_dev"]), 1e-12))
    }

    @Test func pistonringsCUSUM() throws {
        let groups = try PistonRings.subgroups().map { Subgroup(values: $0) }
        let ref = reference("pistonrings_cusum_h5_with_new")
        let model = try SubgroupCharts.phaseOne(groups, phase1Count: 25, dispersion: .range).model
        let chart = try CUSUMChart.chart(
            means: groups.map(\.mean), sizes: groups.map(\.size), center: model.center, sigma: model.processSigma,
            k: 0.5, h: 5, headStart: 0, phase1Count: 25)
        let upper = chart.points.map { $0.upper! }
        let lower = chart.points.map { -$0.lower! }
        let refUpper = Reference.doubles(ref["cusum_pos"])
        let refLower = Reference.doubles(ref["cusum_neg"])
        #expect(zip(upper, refUpper).allSatisfy { Swift.abs($0 - $1) <= 1e-6 * Swift.max(1, Swift.abs($1)) })
        #expect(zip(lower, refLower).allSatisfy { Swift.abs($0 - $1) <= 1e-6 * Swift.max(1, Swift.abs($1)) })
        #expect(upper.count == 40)
        let signals = chart.points.indices.filter { chart.points[$0].upper! > 5 }.map { $0 + 1 }
        #expect(signals == Reference.doubles(ref["upper_violations_1based"]).map { Int($0) })
        #expect(chart.points.allSatisfy { $0.lower! <= 5 })
        #expect(chart.points.indices.filter { chart.points[$0].violation != nil }.map { $0 + 1 } == [37, 38, 39, 40])
    }

    @Test func ryanMultivariateT2() throws {
        var order: [String] = []
        var groups: [String: [[Double]]] = [:]
        for row in try Reference.csv("RyanMultivar.csv") {
            let key = row["sample"]!
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append([Double(row["X1"]!)!, Double(row["X2"]!)!])
        }
        let subgroups = order.map { groups[$0]! }
        let ref = reference("RyanMultivar_T2")
        let model = try HotellingT2.estimate(subgroups, phase1Count: subgroups.count, confidence: nil)
        #expect(Reference.allClose(model.center, Reference.doubles(ref["center"]), 1e-12))
        let cov = (ref["cov"] as! [Any]).flatMap { Reference.doubles($0) }
        #expect(Reference.allClose(model.covariance, cov, 1e-12))
        #expect(Reference.close(model.confidence, Reference.double(ref["confidence_level"]), 1e-12))
        #expect(Reference.close(model.ucl, Reference.double(ref["UCL"]), 1e-9))
        #expect(Reference.close(model.phase2Limit, Reference.double(ref["UPL"]), 1e-9))
        let chart = HotellingT2.chart(subgroups, model: model)
        #expect(Reference.allClose(chart.points.map(\.value), Reference.doubles(ref["statistics"]), 1e-9))
        let flagged = chart.points.indices.filter { chart.points[$0].violation != nil }.map { $0 + 1 }
        #expect(flagged == Reference.doubles(ref["violations_1based"]).map { Int($0) })
    }

    @Test func pistonringsCapability() throws {
        let groups = try PistonRings.subgroups().prefix(25)
        let ref = reference("pistonrings_capability_73.95_74.05")
        let model = try SubgroupCharts.phaseOne(groups.map { Subgroup(values: $0) }, dispersion: .range).model
        let report = try CapabilityReport(
            values: groups.flatMap { $0 }, center: model.center, withinSigma: model.processSigma, lsl: 73.95, usl: 74.05)
        #expect(report.n == 125)
        #expect(Reference.close(report.overallSigma, Reference.double(ref["overall_std_dev"]), 1e-12))
        #expect(report.target == 74)
        let indices = ref["indices"] as! [String: Any]
        let pairs: [(String, CapabilityIndex?)] = [
            ("Cp", report.cp), ("Cp_l", report.cpl), ("Cp_u", report.cpu), ("Cp_k", report.cpk), ("Cpm", report.cpm),
            ("Pp", report.pp), ("Pp_l", report.ppl), ("Pp_u", report.ppu), ("Pp_k", report.ppk), ("Ppm", report.ppm),
        ]
        for (name, index) in pairs {
            let r = indices[name] as! [String: Any]
            let i = try #require(index, "\(name) missing")
            #expect(Reference.close(i.value, Reference.double(r["value"]), 1e-9), "\(name)")
            #expect(Reference.close(i.lower!, Reference.double(r["lower95"]), 1e-7), "\(name) lower")
            #expect(Reference.close(i.upper!, Reference.double(r["upper95"]), 1e-7), "\(name) upper")
        }
        #expect(report.expectedQcc.total == 0)
        #expect(report.expected.total > 0 && report.expected.total < 1)
        #expect(report.observed.total == 0)
    }
}
