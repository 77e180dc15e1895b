import ModbusKit

/// What one simulated device shows on its registers: the header (heartbeat, status, sequence,
/// quality, lot), the latched result block, and the data-integrity faults acting on it (wrong
/// word order, frozen values, NaN, a hung controller). Pure: `image` returns the writes, which
/// the caller applies under the server's lock, block and sequence counter together.
public struct StationPublisher: Sendable {
    public let station: StationDefinition
    public private(set) var latch: ResultLatch
    /// Raw words per frozen fault id: captured at the fault's first image, repeated after.
    private var frozenWords: [String: [[UInt16]]] = [:]
    private var heartbeat: UInt16 = 0
    private var hung = false
    private var counters = RestartCounters()

    public init(station: StationDefinition) {
        self.station = station
        latch = ResultLatch(acknowledgeRequired: station.acknowledgeRequired, capacity: station.queueCapacity)
    }

    /// Hands a new result to the controller; returns how many waiting results were lost.
    @discardableResult
    public mutating func offer(_ record: StationRecord) -> Int {
        counters.made(record.sequence)
        return hung ? 0 : latch.offer(record)
    }

    /// The registers to write now.
    /// - Parameters:
    ///   - heartbeatTicks: 100 ms wall-clock ticks since the run started (the heartbeat).
    ///   - running, stopped: the station's state in the line.
    ///   - dataFaults: the data-integrity faults acting now (`dataFaults(station:at:)`).
    ///   - acknowledge: the acknowledge register's current value, if the map has one.
    public mutating func image(
        heartbeatTicks: Int, running: Bool, stopped: Bool, dataFaults: [FaultDefinition], acknowledge: UInt16?
    ) -> [RegisterWrite] {
        // A hung controller (heartbeat stop) or a device that is off writes nothing new.
        counters.update(dataFaults: dataFaults, heartbeatTicks: heartbeatTicks)
        hung = dataFaults.contains { $0.kind.silencesController }
        if hung { return [] }
        if let acknowledge { latch.acknowledge(counters.acknowledged(acknowledge)) }
        heartbeat = UInt16(truncatingIfNeeded: counters.heartbeat(heartbeatTicks))
        let map = station.map
        var quality: UInt16 = 0
        var status: UInt16 = 0
        if running { status |= StationMap.StatusBit.running }
        if stopped { status |= StationMap.StatusBit.stopped }
        if station.acknowledgeRequired && !latch.acknowledged { status |= StationMap.StatusBit.awaitingAcknowledge }
        if latch.lost > 0 { status |= StationMap.StatusBit.overflow }
        var writes = [RegisterWrite(address: map.heartbeat, words: [heartbeat])]
        if let record = latch.latched {
            writes += block(record, dataFaults: dataFaults, quality: &quality)
            writes.append(.init(address: map.sequence, words: encode(Double(counters.sequence(record.sequence)), .uint32)))
        }
        if dataFaults.contains(where: { $0.kind == .nan }) { status |= StationMap.StatusBit.fault }
        writes.append(.init(address: map.status, words: [status]))
        writes.append(.init(address: map.quality, words: [quality]))
        return writes
    }

    /// The result block of `record`, with the faults applied.
    private mutating func block(_ record: StationRecord, dataFaults: [FaultDefinition], quality: inout UInt16) -> [RegisterWrite] {
        let map = station.map
        var writes = [RegisterWrite(address: map.lot, words: RegisterCodec.encode(string: record.lot, registers: map.lotRegisters))]
        if let address = map.parentLot {
            writes.append(.init(address: address, words: RegisterCodec.encode(string: record.parentLot ?? "", registers: map.lotRegisters)))
        }
        if let address = map.metre, let metre = record.metre { writes.append(.init(address: address, words: encode(metre, .float32))) }
        if let address = map.unitID {
            writes.append(.init(address: address, words: RegisterCodec.encode(string: record.unit, registers: map.lotRegisters)))
        }
        for stream in 0..<station.streams {
            if let base = map.streamCounters {
                writes.append(.init(address: base + UInt16(2 * stream), words: encode(Double(counters.sequence(record.sequence)), .uint32)))
            }
            if let base = map.streamUnits, let units = record.streamUnits, stream < units.count {
                writes.append(.init(address: base + UInt16(2 * stream), words: encode(Double(units[stream]), .uint32)))
            }
        }
        for (index, characteristic) in station.characteristics.enumerated() {
            let order = characteristic.byteOrder ?? station.byteOrder
            for stream in 0..<station.valueCount(characteristic) {
                var words = RegisterCodec.encode(record.values[index][stream], as: characteristic.type, order: order)
                for fault in dataFaults where fault.characteristic == characteristic.name && fault.covers(stream: stream) {
                    switch fault.kind {
                    case .wordOrder:
                        words = RegisterCodec.encode(record.values[index][stream], as: characteristic.type, order: fault.order ?? order)
                    case .nan:
                        words = RegisterCodec.encode(.nan, as: characteristic.type, order: order)
                        if characteristic.type != .float32 && characteristic.type != .float64 {
                            words = Array(repeating: 0xFFFF, count: words.count)
                        }
                        if stream < 16 { quality |= UInt16(1) << UInt16(stream) }
                    case .frozen:
                        var captured = frozenWords[fault.id] ?? []
                        if captured.count <= stream {
                            captured += Array(repeating: [], count: stream + 1 - captured.count)
                        }
                        if captured[stream].isEmpty { captured[stream] = words }
                        frozenWords[fault.id] = captured
                        words = captured[stream]
                    default:
                        break
                    }
                }
                writes.append(.init(address: characteristic.address(stream: stream), words: words))
            }
        }
        return writes
    }

    private func encode(_ value: Double, _ type: ValueType) -> [UInt16] {
        RegisterCodec.encode(value, as: type, order: station.byteOrder)
    }
}
