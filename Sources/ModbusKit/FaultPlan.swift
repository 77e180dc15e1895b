/// Faults a `ModbusServer` injects, in the spirit of libmodbus's own unit-test server: each rule
/// matches requests (by unit, table and address range) and replaces the normal reply with a
/// fault. The first matching rule applies; a rule with a `remaining` count is used that many times.
public struct FaultPlan: Sendable, Hashable {
    public var rules: [FaultRule]

    public init(rules: [FaultRule] = []) {
        self.rules = rules
    }

    /// No faults: every request is answered normally.
    public static let none = FaultPlan()

    /// Takes the first rule matching a request, counting down its uses.
    mutating func take(unit: UInt8, kind: RegisterKind?, addresses: ClosedRange<Int>?) -> FaultAction? {
        guard let index = rules.firstIndex(where: { $0.matches(unit: unit, kind: kind, addresses: addresses) })
        else { return nil }
        let action = rules[index].action
        if let remaining = rules[index].remaining {
            if remaining <= 1 { rules.remove(at: index) } else { rules[index].remaining = remaining - 1 }
        }
        return action
    }
}

/// One fault: which requests, what happens, how often.
public struct FaultRule: Sendable, Hashable {
    /// Only requests to this unit (nil: any).
    public var unit: UInt8?
    /// Only requests to this table (nil: any).
    public var kind: RegisterKind?
    /// Only requests whose range overlaps these addresses (nil: any).
    public var addresses: ClosedRange<UInt16>?
    public var action: FaultAction
    /// How many more requests it applies to (nil: for ever).
    public var remaining: Int?

    public init(
        unit: UInt8? = nil, kind: RegisterKind? = nil, addresses: ClosedRange<UInt16>? = nil,
        action: FaultAction, remaining: Int? = nil
    ) {
        self.unit = unit
        self.kind = kind
        self.addresses = addresses
        self.action = action
        self.remaining = remaining
    }

    /// Exception 2 for any request touching `addresses` of `kind`: an unmapped hole.
    public static func illegalAddress(_ kind: RegisterKind, _ addresses: ClosedRange<UInt16>, unit: UInt8? = nil) -> Self {
        FaultRule(unit: unit, kind: kind, addresses: addresses, action: .exception(2))
    }

    /// Exception 6 ("server busy") for the next `times` requests.
    public static func busy(times: Int, unit: UInt8? = nil) -> Self {
        FaultRule(unit: unit, action: .exception(6), remaining: times)
    }

    /// Exception 11 ("gateway target failed to respond") for every request to `unit`.
    public static func unreachable(unit: UInt8, code: UInt8 = 11) -> Self {
        FaultRule(unit: unit, action: .exception(code))
    }

    func matches(unit: UInt8, kind: RegisterKind?, addresses: ClosedRange<Int>?) -> Bool {
        if let wanted = self.unit, wanted != unit { return false }
        if let wanted = self.kind, wanted != kind { return false }
        if let wanted = self.addresses {
            guard let addresses else { return false }
            return addresses.overlaps(Int(wanted.lowerBound)...Int(wanted.upperBound))
        }
        return true
    }
}

/// What a fault does to the reply.
public enum FaultAction: Sendable, Hashable {
    /// Answer with this Modbus exception code (2 illegal address, 6 busy, 10/11 gateway, ...).
    case exception(UInt8)
    /// Answer normally, but only after this delay (other clients are still served meanwhile).
    case delay(Duration)
    /// Answer with a transaction id that does not match the request.
    case badTransactionID
    /// Close the connection instead of answering.
    case dropConnection
    /// Swallow the request and never answer (the client times out).
    case noReply
    /// Answer with bytes that are not a Modbus reply.
    case garbage
    /// Send the start of a reply and stop (the client times out mid-frame).
    case truncated
}
