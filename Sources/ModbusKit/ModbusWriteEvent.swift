/// A write a client made to a `ModbusServer` (FC5, FC6, FC15, FC16), reported after the map was
/// updated and the reply sent.
public struct ModbusWriteEvent: Sendable, Hashable {
    public var unit: UInt8
    /// `.coil` or `.holdingRegister`.
    public var kind: RegisterKind
    public var address: UInt16
    /// The values written (coils as 0/1).
    public var values: [UInt16]

    public init(unit: UInt8, kind: RegisterKind, address: UInt16, values: [UInt16]) {
        self.unit = unit
        self.kind = kind
        self.address = address
        self.values = values
    }
}
