import Simulator
import Testing

@Suite struct FillingStationTests {
    @Test func sameSeedSameCells() {
        var a = FillingStation(scenario: .grossNozzleStep)
        var b = FillingStation(scenario: .grossNozzleStep)
        for _ in 0..<200 { #expect(a.advance() == b.advance()) }
        var c = FillingStation(scenario: FillingScenario(name: "other", seed: 2))
        #expect(c.advance() != FillingStation(scenario: .grossNozzleStep).lastWeights)
    }

    @Test func inControlNozzlesMatchTheCatalog() {
        var station = FillingStation(scenario: .baseline)
        var sums = [Double](repeating: 0, count: 8)
        var squares = [Double](repeating: 0, count: 8)
        let cycles = 4000
        for _ in 0..<cycles {
            for (nozzle, weight) in station.advance().enumerated() {
                sums[nozzle] += weight
                squares[nozzle] += weight * weight
            }
        }
        for nozzle in 0..<8 {
            let mean = sums[nozzle] / Double(cycles)
            let sd = (squares[nozzle] / Double(cycles) - mean * mean).squareRoot()
            #expect(abs(mean - 78.0) < 0.02, "nozzle \(nozzle) mean \(mean)")
            #expect(abs(sd - 0.24) < 0.015, "nozzle \(nozzle) sd \(sd)")
        }
        // No fault is injected (a natural 5-sigma cell may still be out of spec).
        #expect(!station.truth.contains { $0.kind == .faultBegan })
    }

    @Test func stepIsInGroundTruthFromTheRightCell() {
        var station = FillingStation(scenario: .grossNozzleStep)
        for _ in 0..<120 { _ = station.advance() }
        let began = station.truth.first { $0.kind == .faultBegan }
        #expect(began?.nozzle == 2)
        #expect(began?.cell == 61)
        let first = station.truth.first { $0.kind == .firstOutOfSpec }
        #expect(first?.nozzle == 2)
        #expect((first?.cell ?? 0) > 60)
        #expect(station.lotID(forCycle: 1) == "FIL-000001")
        #expect(station.lotID(forCycle: 41) == "FIL-000002")
    }
}
