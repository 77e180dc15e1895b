/// Where a lot stands in the hold and disposition flow. The transitions are defined here, in
/// one place, so that every writer enforces the same machine:
///
/// ```
/// released --hold--> on_hold --quarantine--> quarantined
/// on_hold | quarantined --dispose--> released | released (use as is) | rework | regraded | scrapped | returned
/// rework --reinspect(pass)--> released;  rework --reinspect(fail) or hold--> on_hold
/// ```
public enum LotStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case released
    case onHold = "on_hold"
    case quarantined
    case rework
    case regraded
    case scrapped
    case returnedToVendor = "returned_to_vendor"

    /// True where the product may not move on.
    public var isBlocked: Bool { self == .onHold || self == .quarantined || self == .rework }

    /// True for a status no event leaves.
    public var isFinal: Bool { self == .scrapped || self == .returnedToVendor }

    /// The status that `event` leads to, or an error naming the illegal transition.
    public func applying(_ event: LotEvent) throws(LotTransitionError) -> LotStatus {
        switch (self, event) {
        case (.released, .hold), (.regraded, .hold), (.rework, .hold):
            return .onHold
        case (.onHold, .hold), (.quarantined, .hold):
            // Another cause on a lot already held: the status stays; the cause is recorded.
            return self
        case (.onHold, .quarantine):
            return .quarantined
        case (.onHold, .dispose(let disposition)), (.quarantined, .dispose(let disposition)):
            switch disposition {
            case .release, .useAsIs: return .released
            case .rework: return .rework
            case .regrade: return .regraded
            case .scrap: return .scrapped
            case .returnToVendor: return .returnedToVendor
            }
        case (.rework, .reinspect(let passed)):
            return passed ? .released : .onHold
        default:
            throw LotTransitionError(from: self, event: event)
        }
    }
}

/// Something that happens to a lot's status.
public enum LotEvent: Sendable, Hashable {
    case hold
    case quarantine
    case dispose(Disposition)
    case reinspect(passed: Bool)

    public var name: String {
        switch self {
        case .hold: "hold"
        case .quarantine: "quarantine"
        case .dispose(let disposition): "dispose:\(disposition.name)"
        case .reinspect(let passed): passed ? "reinspect:pass" : "reinspect:fail"
        }
    }
}

/// An event that the lot state machine does not allow from the lot's current status.
public struct LotTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var from: LotStatus
    public var event: LotEvent

    public var description: String {
        "a lot that is \(from.rawValue) cannot take '\(event.name)'"
    }
}
