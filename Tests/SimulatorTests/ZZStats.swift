import Simulator
import Testing

@Suite struct ZZStats {
    @Test func stats() throws {
        for name in ["coating-drift", "calender-wear", "knife-wear", "nozzle-step-subtle", "coupled-drift", "baseline", "nozzle-step-gross", "dew-point-excursion"] {
            let scenario = try Fixtures.scenario(name)
            var delays: [Int] = []
            var natural: [Int] = []
            for seed in 1...20 as ClosedRange<UInt64> {
                let truth = try Fixtures.play(scenario, seed: seed).truth
                let first = truth.first { $0.event == "first_out_of_spec" }
                let start = scenario.faults.first?.start ?? 0
                delays.append(first.map { Int(($0.lineTime - start) / 60) } ?? -1)
                natural.append(truth.filter { $0.event == "out_of_spec" && ($0.faults ?? []).isEmpty }.count)
            }
            print("\(name): first OOS minutes after start \(delays.sorted()) natural \(natural)")
        }
    }
}
