/// What happens on the simulated filling machine: the in-control process and the faults
/// injected on top of it. Deterministic for a given seed.
public struct FillingScenario: Sendable, Hashable {
    public var name: String
    public var seed: UInt64
    public var nozzles: Int
    /// In-control fill weight, g (ctq-catalog: 78.0 g, sigma 0.24 g).
    public var nominal: Double
    public var sigma: Double
    /// Line time between two filling cycles (every nozzle fills one cell per cycle).
    public var cycleSeconds: Double
    /// Cells per nozzle in one lot (a lot changes after this many cycles).
    public var cyclesPerLot: Int
    public var lotPrefix: String
    public var steps: [NozzleStep]

    public init(
        name: String, seed: UInt64 = 1, nozzles: Int = 8, nominal: Double = 78.0, sigma: Double = 0.24,
        cycleSeconds: Double = 3.0, cyclesPerLot: Int = 40, lotPrefix: String = "FIL",
        steps: [NozzleStep] = []
    ) {
        self.name = name
        self.seed = seed
        self.nozzles = nozzles
        self.nominal = nominal
        self.sigma = sigma
        self.cycleSeconds = cycleSeconds
        self.cyclesPerLot = cyclesPerLot
        self.lotPrefix = lotPrefix
        self.steps = steps
    }

    /// The in-control baseline: eight nozzles, no fault.
    public static let baseline = FillingScenario(name: "filling-baseline")

    /// The demo's fault: nozzle 3 (0-based 2) steps down by 1.5 g after its 60th cell.
    public static let grossNozzleStep = FillingScenario(
        name: "filling-nozzle-step",
        steps: [NozzleStep(nozzle: 2, afterCell: 60, shift: -1.5)])
}

/// A sustained shift of one nozzle's mean, from a given cell on.
public struct NozzleStep: Sendable, Hashable {
    /// 0-based nozzle index.
    public var nozzle: Int
    /// The shift applies to cells with a counter greater than this (1-based cell counter).
    public var afterCell: Int
    /// Shift of the mean, g.
    public var shift: Double

    public init(nozzle: Int, afterCell: Int, shift: Double) {
        self.nozzle = nozzle
        self.afterCell = afterCell
        self.shift = shift
    }
}
