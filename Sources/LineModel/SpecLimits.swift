/// Engineering specification limits of a characteristic. They come from the control plan and
/// change rarely; control limits come from the data and are kept elsewhere.
public struct SpecLimits: Sendable, Hashable {
    public var lsl: Double?
    public var usl: Double?
    public var target: Double?

    public init(lsl: Double? = nil, usl: Double? = nil, target: Double? = nil) {
        self.lsl = lsl
        self.usl = usl
        self.target = target
    }

    /// Where a value falls against the limits. A value exactly on a limit is in specification.
    public func judge(_ value: Double) -> SpecVerdict {
        if let lsl, value < lsl { return .below }
        if let usl, value > usl { return .above }
        return .within
    }
}

/// The outcome of comparing one value with its specification limits.
public enum SpecVerdict: String, Sendable, Hashable {
    case within
    case below
    case above

    public var isDefect: Bool { self != .within }
}
