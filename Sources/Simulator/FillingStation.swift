/// The process model of an electrolyte filling machine: every cycle each nozzle fills one cell.
/// Pure and deterministic: the same scenario gives the same cells in the same order.
public struct FillingStation: Sendable {
    public let scenario: FillingScenario
    private var generator: SeededGenerator
    /// Completed cycles; every nozzle's cell counter equals this.
    public private(set) var cycle: Int = 0
    public private(set) var lastWeights: [Double]
    /// The first cell that was really out of specification, per nozzle (ground truth).
    public private(set) var truth: [FillingTruthEvent] = []
    private let lsl: Double
    private let usl: Double

    /// - Parameters: lsl, usl: the specification limits, used only to record ground truth.
    public init(scenario: FillingScenario, lsl: Double = 76.8, usl: Double = 79.2) {
        self.scenario = scenario
        self.generator = SeededGenerator(seed: scenario.seed)
        self.lastWeights = Array(repeating: scenario.nominal, count: scenario.nozzles)
        self.lsl = lsl
        self.usl = usl
    }

    /// The lot current during `cycle` (1-based cycles; lots are numbered from 1).
    public func lotID(forCycle cycle: Int) -> String {
        let number = max(0, cycle - 1) / scenario.cyclesPerLot + 1
        let digits = String(number)
        return scenario.lotPrefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Runs one filling cycle and returns the new weights, one per nozzle.
    public mutating func advance() -> [Double] {
        cycle += 1
        for nozzle in 0..<scenario.nozzles {
            var mean = scenario.nominal
            for step in scenario.steps where step.nozzle == nozzle && cycle > step.afterCell {
                mean += step.shift
                if cycle == step.afterCell + 1 {
                    truth.append(.init(kind: .faultBegan, nozzle: nozzle, cell: cycle, lot: lotID(forCycle: cycle)))
                }
            }
            let weight = mean + scenario.sigma * generator.nextGaussian()
            lastWeights[nozzle] = weight
            if weight < lsl || weight > usl,
                !truth.contains(where: { $0.kind == .firstOutOfSpec && $0.nozzle == nozzle })
            {
                truth.append(.init(kind: .firstOutOfSpec, nozzle: nozzle, cell: cycle, lot: lotID(forCycle: cycle)))
            }
        }
        return lastWeights
    }
}

/// A ground-truth fact of a simulated run, for scoring detection.
public struct FillingTruthEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case faultBegan = "fault_began", firstOutOfSpec = "first_out_of_spec" }
    public var kind: Kind
    public var nozzle: Int
    /// The nozzle's 1-based cell counter.
    public var cell: Int
    public var lot: String
}
