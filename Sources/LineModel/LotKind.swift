/// What a lot is, along the process chain (see the domain notes' lots and genealogy).
public enum LotKind: String, Sendable, Hashable, CaseIterable, Codable {
    case materialLot = "material_lot"
    case slurryBatch = "slurry_batch"
    case coatedRoll = "coated_roll"
    case calenderedRoll = "calendered_roll"
    case slitReel = "slit_reel"
    case ovenBatch = "oven_batch"
    /// A run of cells through one discrete station between two lot changes (a filling batch).
    case cellBatch = "cell_batch"
    case agingLot = "aging_lot"
    case cell
    case module
}
