import Charts
import LineModel
import Testing

@Suite struct HistogramRendererTests {
    @Test func barsCountEveryValueAndFlagTheOnesOutOfSpec() throws {
        let wiggle: [Double] = [0.3, -0.2, 0.1, -0.35, 0.05, 0.25, -0.1, 0.0, -0.25, 0.15]
        let values: [Double] = (0..<200).map { 78 + wiggle[$0 % wiggle.count] } + [76.0, 76.1, 76.05]
        let picture = HistogramPicture(
            title: "n3 & <capability>", unit: "g", values: values, spec: SpecLimits(lsl: 76.8, usl: 79.2, target: 78),
            mean: 78, sigma: 0.25, notes: ["Cpk 1.2 [1.0, 1.4]"])
        let document = try #require(SVGInspector.parse(HistogramRenderer().render(picture)))
        let bars = document.elements(class: "bar") + document.elements(class: "bar-out")
        #expect(bars.compactMap { Int($0.attributes["data-count"] ?? "") }.reduce(0, +) == values.count)
        #expect(!document.elements(class: "bar-out").isEmpty)
        #expect(document.elements("data-limit", "lsl").count == 1)
        #expect(document.elements("data-limit", "usl").count == 1)
        #expect(document.elements(class: "curve").count == 1)
        #expect(document.texts.contains("n3 & <capability>"))
        #expect(document.texts.contains("Cpk 1.2 [1.0, 1.4]"))
    }

    @Test func saysSoWhenThereAreNoValues() throws {
        let picture = HistogramPicture(title: "empty", values: [], spec: SpecLimits(lsl: 1, usl: 2))
        let document = try #require(SVGInspector.parse(HistogramRenderer().render(picture)))
        #expect(document.texts.contains("no values in this window"))
    }
}
