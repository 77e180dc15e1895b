import Charts
import Testing

@Suite struct ScaleTests {
    @Test func mapsLinearlyAndReversed() {
        let scale = LinearScale(domain: 0...10, from: 500, to: 100)
        #expect(scale.position(0) == 500)
        #expect(scale.position(10) == 100)
        #expect(scale.position(2.5) == 400)
    }

    @Test func widensADegenerateDomain() {
        let scale = LinearScale(domain: 5...5, from: 0, to: 100)
        #expect(scale.domain.lowerBound < 5 && scale.domain.upperBound > 5)
        #expect(scale.position(5) == 50)
    }

    @Test(arguments: [
        (76.0...79.5, [76.0, 77.0, 78.0, 79.0]),
        (76.9...78.6, [77.0, 77.5, 78.0, 78.5]),
        (0.0...1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (-3.0...3.0, [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]),
    ])
    func proposesRoundTicks(domain: ClosedRange<Double>, expected: [Double]) {
        let ticks = LinearScale(domain: domain, from: 0, to: 1).ticks(count: 6)
        #expect(ticks.count == expected.count)
        for (tick, want) in zip(ticks, expected) { #expect(abs(tick - want) < 1e-9) }
    }

    @Test func binsValuesEdgesUpward() {
        let bins = HistogramBins(values: [0, 0.5, 1, 1.5, 2, 2, 7], range: 0...2, count: 4)
        #expect(bins.counts == [1, 1, 1, 3])
        #expect(bins.edge(2) == 1)
        #expect(HistogramBins.defaultCount(for: 10) == 6)
        #expect(HistogramBins.defaultCount(for: 400) == 20)
        #expect(HistogramBins.defaultCount(for: 1_000_000) == 40)
    }

    @Test func findsLotBoundaries() {
        let boundaries = LotBoundary.changes(in: [nil, "A", "A", nil, "B", "B", "A"])
        #expect(boundaries == [LotBoundary(index: 1, lot: "A"), LotBoundary(index: 4, lot: "B"), LotBoundary(index: 6, lot: "A")])
    }
}
