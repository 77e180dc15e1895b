public import LineModel
public import ModbusKit

/// One simulated station of a line file: its model, its own Modbus device and register map,
/// lot naming and the characteristics it measures.
public struct StationDefinition: Sendable, Hashable {
    public var name: String
    public var model: StationModelKind
    /// The station's device listens on `basePort + portOffset` (or an ephemeral port).
    public var portOffset: Int
    /// The unit id the device answers (others get exception 11, like a gateway).
    public var unit: UInt8
    /// Word/byte order of the station's 32-bit values.
    public var byteOrder: ByteOrder
    /// Line seconds between two results (a traverse, a machine cycle, a cell, an oven batch).
    public var periodSeconds: Double
    public var lotKind: LotKind?
    public var lotPrefix: String
    /// Lanes, nozzles or channels: one chart each.
    public var streams: Int
    /// Names a stream in characteristic ids (`n` gives `filling.fill_weight.n3`).
    public var streamPrefix: String
    /// Names a stream's equipment (`nozzle` gives `nozzle-3`).
    public var equipmentPrefix: String
    public var map: StationMap
    /// When true the controller latches the next result only after the previous one was
    /// acknowledged (results queue meanwhile, up to `queueCapacity`).
    public var acknowledgeRequired: Bool
    public var queueCapacity: Int
    public var characteristics: [CharacteristicDefinition]
    /// Model parameters (see `StationModelKind.parameters`), defaults filled in.
    public var parameters: [String: Double]

    public init(
        name: String, model: StationModelKind, portOffset: Int, unit: UInt8 = 1, byteOrder: ByteOrder = .abcd,
        periodSeconds: Double, lotKind: LotKind?, lotPrefix: String, streams: Int, streamPrefix: String,
        equipmentPrefix: String, map: StationMap, acknowledgeRequired: Bool = false, queueCapacity: Int = 256,
        characteristics: [CharacteristicDefinition], parameters: [String: Double] = [:]
    ) {
        self.name = name
        self.model = model
        self.portOffset = portOffset
        self.unit = unit
        self.byteOrder = byteOrder
        self.periodSeconds = periodSeconds
        self.lotKind = lotKind
        self.lotPrefix = lotPrefix
        self.streams = streams
        self.streamPrefix = streamPrefix
        self.equipmentPrefix = equipmentPrefix
        self.map = map
        self.acknowledgeRequired = acknowledgeRequired
        self.queueCapacity = queueCapacity
        self.characteristics = characteristics
        var filled = parameters
        for (key, parameter) in model.parameters where filled[key] == nil { filled[key] = parameter.defaultValue }
        self.parameters = filled
    }

    /// A model parameter (defaults filled in at init).
    public func parameter(_ key: String) -> Double { parameters[key] ?? model.parameters[key]?.defaultValue ?? 0 }

    /// The index of a characteristic by name.
    public func characteristicIndex(_ name: String) -> Int? { characteristics.firstIndex { $0.name == name } }

    /// The number of values a characteristic has (streams or one).
    public func valueCount(_ characteristic: CharacteristicDefinition) -> Int { characteristic.perStream ? streams : 1 }

    /// Every (first address, register count) in use, for overlap checks and sizing.
    func spans() -> [(name: String, first: Int, count: Int)] {
        var spans = map.spans(streams: streams)
        for characteristic in characteristics {
            for stream in 0..<valueCount(characteristic) {
                spans.append(
                    ("\(characteristic.name)[\(stream + 1)]", Int(characteristic.address(stream: stream)), characteristic.type.registersNeeded))
            }
        }
        return spans
    }

    /// Registers the device needs (one past the highest used address).
    public var registerCount: Int { spans().map { $0.first + $0.count }.max() ?? 1 }
}
