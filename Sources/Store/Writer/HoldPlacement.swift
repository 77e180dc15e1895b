import LineModel

/// What placing one hold on one lot did.
enum HoldPlacement {
    /// A new hold record (its id).
    case placed(Int64)
    /// The lot already had an open hold for the same cause (its id); nothing was written.
    case alreadyHeld(Int64)
    /// The lot is scrapped or returned: there is nothing left to contain.
    case notHoldable
}

/// An open hold as propagation needs it.
struct OpenHold {
    let id: Int64
    let trigger: HoldTrigger
    let cause: String
    let window: MetreWindow?
}
