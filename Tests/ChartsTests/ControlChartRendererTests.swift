import Charts
import LineModel
import SPC
import Testing

@Suite struct ControlChartRendererTests {
    /// 60 in-control values, then a shift down: rule 1 fires on the last points.
    static let values: [Double] = {
        let wiggle: [Double] = [0.1, -0.2, 0.15, -0.05, 0.2, -0.1, 0.05, -0.15]
        let stable: [Double] = (0..<60).map { 78 + wiggle[$0 % wiggle.count] }
        return stable + [76.2, 76.1, 76.3]
    }()

    static func picture(lots: [String?]) throws -> ControlChartPicture {
        let (_, analysis) = try IndividualsCharts.analyze(values, phase1Count: 60, options: ChartOptions(rules: .westernElectric))
        let spec = SpecLimits(lsl: 76.8, usl: 79.2, target: 78)
        return ControlChartPicture(
            title: "fill <weight> & \"n3\"", subtitle: "test", unit: "g",
            panels: analysis.charts.map { ChartPanel(chart: $0, spec: spec) },
            lotBoundaries: LotBoundary.changes(in: lots), phaseTwoStart: 60)
    }

    @Test func isWellFormedWithLimitsZonesAndMarkedSignals() throws {
        let lots: [String?] = Self.values.indices.map { $0 < 30 ? "FIL-1" : "B<0x01>\u{01}&'\"" }
        let svg = ControlChartRenderer().render(try Self.picture(lots: lots))
        let document = try #require(SVGInspector.parse(svg), "the SVG must parse as XML")
        #expect(document.elements.first?.name == "svg")
        #expect(document.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        // Both panels: center and control limits; spec limits only on the individuals panel.
        #expect(document.elements("data-limit", "ucl").count == 2)
        #expect(document.elements("data-limit", "cl").count == 2)
        #expect(document.elements("data-limit", "lcl").count == 2)
        #expect(document.elements("data-limit", "usl").count == 1)
        #expect(document.elements("data-limit", "lsl").count == 1)
        #expect(document.elements(class: "zone-a").count >= 2)
        #expect(document.elements(class: "zone-b").count >= 2)
        #expect(document.elements(class: "zone-c").count >= 1)
        // The shifted points signalled rule 1 and carry the number on the picture.
        let marks = document.elements(class: "signal-mark")
        #expect(marks.count >= 3)
        #expect(marks.contains { $0.attributes["data-rule"] == "1" && $0.attributes["data-index"] == "62" })
        // Each marked point carries its rule number (the legend's sample disc says "n").
        let numbers = document.elements(class: "signal-label").map(\.text).filter { $0 != "n" }
        #expect(numbers.count == marks.count)
        #expect(numbers.allSatisfy { Int($0) != nil })
        // Lot boundaries in both panels, the hostile lot id kept intact through escaping.
        let boundaries = document.elements(class: "lot-boundary").filter { $0.name == "line" && $0.attributes["data-lot"] != nil }
        #expect(boundaries.count == 4)
        #expect(boundaries.contains { $0.attributes["data-lot"] == "B<0x01>\u{FFFD}&'\"" })
        #expect(document.texts.contains("fill <weight> & \"n3\""))
        #expect(document.texts.contains { $0.hasPrefix("UCL ") })
        #expect(document.texts.contains("Phase II"))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }

    @Test func embedsWithoutTheXMLDeclaration() throws {
        let svg = ControlChartRenderer(width: 900, height: 600).render(try Self.picture(lots: []), standalone: false)
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains("viewBox=\"0 0 900 600\""))
        #expect(SVGInspector.parse(svg) != nil)
    }

    @Test func namesASpecLimitFarOffTheScaleAtTheEdge() throws {
        let panel = ChartPanel(
            title: "X", marks: (0..<10).map { ChartMark(index: $0, value: 10 + Double($0 % 3) * 0.1) }, center: 10.1,
            lcl: 9.8, ucl: 10.4, sigma: 0.1, spec: SpecLimits(lsl: 0, usl: 50))
        let svg = ControlChartRenderer().render(ControlChartPicture(title: "far", panels: [panel]))
        let document = try #require(SVGInspector.parse(svg))
        #expect(document.elements("data-limit", "usl").isEmpty)
        #expect(document.texts.contains { $0.hasPrefix("USL 50") && $0.hasSuffix("\u{2191}") })
        #expect(document.texts.contains { $0.hasPrefix("LSL 0") && $0.hasSuffix("\u{2193}") })
    }

    @Test func drawsAnEmptyPictureThatSaysSo() throws {
        let picture = ControlChartPicture(
            title: "nothing yet", panels: [ChartPanel(title: "X", marks: [], center: nil, lcl: nil, ucl: nil)])
        let document = try #require(SVGInspector.parse(ControlChartRenderer().render(picture)))
        #expect(document.texts.contains("no data in this window"))
        #expect(document.elements(class: "signal-mark").isEmpty)
    }

    @Test func panelFromAnSPCChartKeepsRulesAndSpecOnlyForIndividuals() throws {
        let (_, analysis) = try IndividualsCharts.analyze(Self.values, phase1Count: 60, options: ChartOptions(rules: .westernElectric))
        let spec = SpecLimits(lsl: 1, usl: 2)
        let x = ChartPanel(chart: analysis.charts[0], spec: spec)
        let mr = ChartPanel(chart: analysis.charts[1], spec: spec)
        #expect(x.title == "Individuals (X)" && mr.title == "Moving range (MR)")
        #expect(x.spec == spec && mr.spec == nil)
        #expect(x.weight > mr.weight)
        #expect(x.signalled.map(\.index).contains(60))
        #expect(mr.lcl == 0)
        #expect(x.sigma != nil)
    }

    @Test func pictureOfAnAnalysisMarksThePhaseBoundaryAndTheRuleSet() throws {
        let (_, analysis) = try IndividualsCharts.analyze(Self.values, phase1Count: 60, options: ChartOptions(rules: .nelson))
        let picture = ControlChartPicture(
            analysis: analysis, title: "offline", spec: SpecLimits(lsl: 76.8, usl: 79.2), rules: .nelson,
            lots: Self.values.indices.map { $0 < 40 ? "A" : "B" })
        #expect(picture.phaseTwoStart == 60)
        #expect(picture.ruleSet == "Nelson")
        #expect(picture.lotBoundaries.map(\.index) == [0, 40])
        let document = try #require(SVGInspector.parse(ControlChartRenderer().render(picture)))
        #expect(document.texts.contains("signal, number = Nelson rule"))
        #expect(document.elements(class: "phase-boundary").count == 2)
    }
}
