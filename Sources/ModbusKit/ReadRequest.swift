/// One read on the wire: a contiguous range of one table of one unit, and the configured values
/// it carries.
public struct ReadRequest: Sendable, Hashable, CustomStringConvertible {
    public var unit: UInt8
    public var kind: RegisterKind
    /// The first protocol address read.
    public var address: UInt16
    /// Registers (or bits) read.
    public var count: Int
    /// The values inside the range, in address order.
    public var points: [PointDefinition]

    public init(unit: UInt8, kind: RegisterKind, address: UInt16, count: Int, points: [PointDefinition]) {
        self.unit = unit
        self.kind = kind
        self.address = address
        self.count = count
        self.points = points
    }

    /// A request for exactly one value.
    public init(point: PointDefinition) {
        self.init(unit: point.unit, kind: point.kind, address: point.address, count: point.span, points: [point])
    }

    /// The last address read.
    public var lastAddress: Int { Int(address) + count - 1 }

    public var description: String {
        "unit \(unit) \(kind.rawValue) \(address)+\(count) (\(points.count) values)"
    }
}
