/// The process model behind a simulated station: how its values arise and which model
/// parameters (`[stations.parameters]` in a line file) it reads.
public enum StationModelKind: String, Sendable, Hashable, CaseIterable {
    /// A scanning gauge after the coater: one loading profile of N lanes per traverse; AR(1)
    /// noise and a step at every slurry-batch change.
    case coating
    /// The calender: thickness per lane per traverse, density derived from the loading of the
    /// coated metre being pressed (`20 * loading / (thickness - foil)`).
    case calendering
    /// The slitter: burr height per lane from the knife-wear model, sampled every N metres.
    case slitting
    /// Dew-point transmitters in the dry room (often word-swapped floats).
    case dryRoom = "dry_room"
    /// The vacuum oven: Karl Fischer moisture, one result per oven batch.
    case vacuumDrying = "vacuum_drying"
    /// The electrolyte filler: N nozzles, one cell per nozzle per machine cycle.
    case filling
    /// End-of-line grading: one cell per result (capacity, OCV, K value, ACIR).
    case grading

    /// The model parameters this kind reads, with their defaults and allowed ranges.
    public var parameters: [String: ModelParameter] {
        switch self {
        case .coating:
            [
                "line_speed_m_min": .init(60, 0.1...1000), "roll_length_m": .init(3000, 10...1e6),
                "slurry_batch_m": .init(1800, 10...1e6), "batch_step_sd": .init(0.02, 0...1e3),
            ]
        case .calendering:
            [
                "line_speed_m_min": .init(60, 0.1...1000), "lag_s": .init(300, 0...1e6), "foil_um": .init(12.7, 0...1e3),
            ]
        case .slitting:
            [
                "line_speed_m_min": .init(60, 0.1...1000), "roll_length_m": .init(3000, 10...1e6),
                "lag_s": .init(600, 0...1e6),
                "wear_um": .init(2.5, 0...1e3), "wear_km": .init(50, 0.001...1e6), "wear_exponent": .init(1.3, 0.1...10),
                "knife_change_km": .init(60, 0.001...1e6), "initial_km": .init(0, 0...1e6),
                "chip_um": .init(4, 0...1e3),
            ]
        case .dryRoom:
            ["ar_phi": .init(0.8, 0...0.999), "shift_s": .init(28800, 60...1e7)]
        case .vacuumDrying:
            ["reels_per_batch": .init(16, 1...10000)]
        case .filling:
            ["cycles_per_lot": .init(40, 1...1e7)]
        case .grading:
            ["cells_per_lot": .init(200, 1...1e7), "first_serial": .init(10_000_001, 0...99_999_999)]
        }
    }

    /// True for the web stations (metre counters, rolls).
    public var isWeb: Bool { self == .coating || self == .calendering || self == .slitting }
}

/// A model parameter's default and allowed range.
public struct ModelParameter: Sendable, Hashable {
    public var defaultValue: Double
    public var range: ClosedRange<Double>

    public init(_ defaultValue: Double, _ range: ClosedRange<Double>) {
        self.defaultValue = defaultValue
        self.range = range
    }
}
