import ModbusKit

/// A device's `heartbeat`: a register the controller changes while it is alive. When it has not
/// changed for `timeoutMilliseconds`, every value of the device is `stale`: it is kept out of
/// SPC, defects and lot changes until the heartbeat moves again.
public struct HeartbeatSettings: Sendable, Hashable {
    /// Where the heartbeat lives (on the device itself).
    public var source: RegisterSource
    public var timeoutMilliseconds: Int

    public init(source: RegisterSource, timeoutMilliseconds: Int) {
        self.source = source
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}

/// A device's `status` word: values read while any of `badBits` is set, or any of
/// `requiredBits` is clear, are not trusted (the device says its data is not valid).
public struct StatusWordSettings: Sendable, Hashable {
    public var source: RegisterSource
    /// Bit numbers (0 = least significant) that mark the device's data invalid when set.
    public var badBits: [Int]
    /// Bit numbers that must be set for the device's data to be valid.
    public var requiredBits: [Int]

    public init(source: RegisterSource, badBits: [Int], requiredBits: [Int] = []) {
        self.source = source
        self.badBits = badBits
        self.requiredBits = requiredBits
    }

    /// Why `word` makes the device's data invalid, or nil when it does not.
    public func problem(_ word: UInt64) -> String? {
        let set = badBits.filter { word & (1 << UInt64($0)) != 0 }
        let clear = requiredBits.filter { word & (1 << UInt64($0)) == 0 }
        var reasons: [String] = []
        if !set.isEmpty { reasons.append("bad bit(s) \(set.map(String.init).joined(separator: ", ")) set") }
        if !clear.isEmpty { reasons.append("required bit(s) \(clear.map(String.init).joined(separator: ", ")) clear") }
        return reasons.isEmpty ? nil : reasons.joined(separator: ", ")
    }
}

/// A characteristic's `quality` flag: one bit read with the value (a bit of a register, or a
/// coil or discrete input) that tells whether the instrument itself considers the value valid.
public struct QualityFlagSettings: Sendable, Hashable {
    /// Where the flag lives: type `.bit(n)` on a register, `.bool` on a bit table.
    public var source: RegisterSource
    /// The flag's value that means "invalid" (`invalid_when`, default true: a set bit is bad).
    public var invalidWhenSet: Bool

    public init(source: RegisterSource, invalidWhenSet: Bool = true) {
        self.source = source
        self.invalidWhenSet = invalidWhenSet
    }

    /// The bit number within its register, or nil for a coil or discrete input.
    public var bit: Int? {
        if case .bit(let bit) = source.type { bit } else { nil }
    }
}
