/// A range of coils or holding registers the configuration explicitly allows LineGuard to write
/// (interlocks, handshake acknowledges). Nothing outside these ranges is ever written.
public struct WriteTarget: Sendable, Hashable {
    public var unit: UInt8
    /// `.coil` or `.holdingRegister`.
    public var kind: RegisterKind
    /// Protocol addresses, inclusive.
    public var addresses: ClosedRange<UInt16>

    public init(unit: UInt8, kind: RegisterKind, addresses: ClosedRange<UInt16>) {
        self.unit = unit
        self.kind = kind
        self.addresses = addresses
    }

    /// One coil or register.
    public init(unit: UInt8, kind: RegisterKind, address: UInt16) {
        self.init(unit: unit, kind: kind, addresses: address...address)
    }

    /// True when the whole range `address ..< address + count` lies inside this target.
    func covers(unit: UInt8, kind: RegisterKind, address: UInt16, count: Int) -> Bool {
        guard unit == self.unit, kind == self.kind, count > 0 else { return false }
        let last = Int(address) + count - 1
        return addresses.contains(address) && last <= Int(addresses.upperBound)
    }
}
