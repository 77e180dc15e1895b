import LineModel
import ModbusKit
import Simulator
import Testing

@Suite struct StationPublisherTests {
    /// Applies writes to a plain register array of the station's size.
    static func apply(_ writes: [RegisterWrite], to registers: inout [UInt16]) {
        for write in writes {
            for (offset, word) in write.words.enumerated() { registers[Int(write.address) + offset] = word }
        }
    }

    static func image(_ station: StationDefinition, _ records: [StationRecord], faults: [FaultDefinition] = [], acknowledge: UInt16? = nil) -> [UInt16] {
        var publisher = StationPublisher(station: station)
        var registers = [UInt16](repeating: 0, count: station.registerCount)
        for record in records {
            publisher.offer(record)
            apply(publisher.image(heartbeatTicks: 42, running: true, stopped: false, dataFaults: faults, acknowledge: acknowledge), to: &registers)
        }
        return registers
    }

    static func decode(_ registers: [UInt16], at address: UInt16, _ type: ValueType, _ order: ByteOrder) throws -> PointValue {
        let words = Array(registers[Int(address)..<Int(address) + type.registersNeeded])
        return try RegisterCodec.decode(words, as: type, order: order)
    }

    static let records = (try? Fixtures.play(try Fixtures.scenario("baseline"), seconds: 7200).records) ?? []

    @Test func everyStationsMapDecodesBackToTheModelValues() throws {
        for station in Fixtures.line.stations {
            let mine = Self.records.filter { $0.station == station.name }
            let record = try #require(mine.last, "\(station.name) made no result")
            let registers = Self.image(station, [record])
            let map = station.map
            #expect(registers[Int(map.heartbeat)] == 42)
            #expect(registers[Int(map.status)] & StationMap.StatusBit.running != 0)
            #expect(try Self.decode(registers, at: map.sequence, .uint32, station.byteOrder) == .number(Double(record.sequence)))
            #expect(try Self.decode(registers, at: map.lot, .string(registers: map.lotRegisters), .abcd) == .text(record.lot))
            if let address = map.parentLot, let parent = record.parentLot {
                #expect(try Self.decode(registers, at: address, .string(registers: map.lotRegisters), .abcd) == .text(parent))
            }
            if let address = map.metre, let metre = record.metre {
                #expect(try Self.decode(registers, at: address, .float32, station.byteOrder) == .number(Double(Float(metre))))
            }
            if let address = map.unitID {
                #expect(try Self.decode(registers, at: address, .string(registers: map.lotRegisters), .abcd) == .text(record.unit))
            }
            for (index, characteristic) in station.characteristics.enumerated() {
                for stream in 0..<station.valueCount(characteristic) {
                    let value = try Self.decode(
                        registers, at: characteristic.address(stream: stream), characteristic.type, characteristic.byteOrder ?? station.byteOrder)
                    #expect(value == .number(Double(Float(record.values[index][stream]))), "\(station.name).\(characteristic.name)[\(stream)]")
                    #expect(characteristic.physicalRange.contains(record.values[index][stream]))
                }
            }
        }
    }

    @Test func fillingKeepsTheFirstSimulatorsLayout() throws {
        let station = try #require(Fixtures.line.station(named: "filling"))
        let record = try #require(Self.records.last { $0.station == "filling" })
        let registers = Self.image(station, [record])
        for nozzle in 0..<8 {
            let weight = try Self.decode(registers, at: FillingRegisterMap.weight(nozzle: nozzle), .float32, .abcd)
            #expect(weight == .number(Double(Float(record.values[0][nozzle]))))
            let counter = try Self.decode(registers, at: FillingRegisterMap.counter(nozzle: nozzle), .uint32, .abcd)
            #expect(counter == .number(Double(record.sequence)))
            let serial = try Self.decode(registers, at: 300 + UInt16(2 * nozzle), .uint32, .abcd)
            #expect(serial == .number(Double((Int(record.sequence) - 1) * 8 + nozzle + 1)))
        }
        #expect(try Self.decode(registers, at: FillingRegisterMap.cycleCounter, .uint32, .abcd) == .number(Double(record.sequence)))
        #expect(try Self.decode(registers, at: FillingRegisterMap.lotID, .string(registers: 8), .abcd) == .text(record.lot))
        #expect(registers[Int(FillingRegisterMap.statusWord)] & 1 == 1)
    }

    @Test func theDewPointIsAWordSwappedFloat() throws {
        let station = try #require(Fixtures.line.station(named: "dry_room"))
        let record = try #require(Self.records.last { $0.station == "dry_room" })
        let registers = Self.image(station, [record])
        let words = Array(registers[100..<102])
        let canonical = RegisterCodec.encode(record.values[0][0], as: .float32, order: .abcd)
        #expect(words == [canonical[1], canonical[0]])
        // Read as ABCD, the same words are almost always absurd: outside the transmitter's range
        // (the low mantissa word read as the high word lands in range about once in 500).
        let range = station.characteristics[0].physicalRange
        let readings = Self.records.filter { $0.station == "dry_room" }
        let plausible = readings.filter { record in
            let words = Self.image(station, [record])
            let wrong = (try? Self.decode(words, at: 100, .float32, .abcd).doubleValue) ?? .nan
            return range.contains(wrong)
        }
        #expect(readings.count >= 100)
        #expect(plausible.count * 20 < readings.count, "\(plausible.count) of \(readings.count) plausible")
    }

    @Test func dataFaultsChangeOnlyWhatTheDeviceReports() throws {
        let station = try #require(Fixtures.line.station(named: "coating"))
        let mine = Self.records.filter { $0.station == "coating" }
        let pair = Array(mine.suffix(2))
        let frozen = FaultDefinition(id: "f", kind: .frozen, station: "coating", characteristic: "loading", streams: [1], start: 0)
        var publisher = StationPublisher(station: station)
        var registers = [UInt16](repeating: 0, count: station.registerCount)
        var lane2: [[UInt16]] = []
        for record in pair {
            publisher.offer(record)
            Self.apply(publisher.image(heartbeatTicks: 1, running: true, stopped: false, dataFaults: [frozen], acknowledge: nil), to: &registers)
            lane2.append(Array(registers[102..<104]))
            #expect(try Self.decode(registers, at: 2, .uint32, .abcd) == .number(Double(record.sequence)))
        }
        #expect(lane2[0] == lane2[1], "a frozen value repeats while the sequence moves")
        #expect(try Self.decode(registers, at: 100, .float32, .abcd) == .number(Double(Float(pair[1].values[0][0]))))

        let nan = FaultDefinition(id: "n", kind: .nan, station: "coating", characteristic: "loading", streams: [4], start: 0)
        let withNaN = Self.image(station, [pair[1]], faults: [nan])
        // Streams are 0-based in a FaultDefinition: [4] is lane 5.
        #expect(throws: DecodeFailure.self) { try Self.decode(withNaN, at: 108, .float32, .abcd) }
        #expect(withNaN[Int(station.map.quality)] == 1 << 4)
        #expect(withNaN[Int(station.map.status)] & StationMap.StatusBit.fault != 0)

        let swapped = FaultDefinition(id: "w", kind: .wordOrder, station: "coating", characteristic: "loading", start: 0, order: .cdab)
        let withSwap = Self.image(station, [pair[1]], faults: [swapped])
        #expect(try Self.decode(withSwap, at: 100, .float32, .cdab) == .number(Double(Float(pair[1].values[0][0]))))

        var hung = StationPublisher(station: station)
        hung.offer(pair[0])
        let stop = FaultDefinition(id: "h", kind: .heartbeatStop, station: "coating", start: 0)
        #expect(hung.image(heartbeatTicks: 5, running: true, stopped: false, dataFaults: [stop], acknowledge: nil).isEmpty)
    }

    @Test func sameRecordsSameRegisters() throws {
        let again = try Fixtures.play(try Fixtures.scenario("baseline"), seconds: 7200).records
        for station in Fixtures.line.stations {
            let first = Self.image(station, Self.records.filter { $0.station == station.name })
            let second = Self.image(station, again.filter { $0.station == station.name })
            #expect(first == second, "\(station.name)")
        }
    }

    @Test func theHandshakeLatchesOneResultPerAcknowledge() throws {
        var station = try #require(Fixtures.line.station(named: "grading"))
        station.acknowledgeRequired = true
        let cells = Array(Self.records.filter { $0.station == "grading" }.prefix(3))
        var publisher = StationPublisher(station: station)
        var registers = [UInt16](repeating: 0, count: station.registerCount)
        for cell in cells { publisher.offer(cell) }
        func refresh(_ acknowledge: UInt16) throws -> (Double?, PointValue) {
            Self.apply(publisher.image(heartbeatTicks: 0, running: true, stopped: false, dataFaults: [], acknowledge: acknowledge), to: &registers)
            let sequence = try Self.decode(registers, at: 2, .uint32, .abcd).doubleValue
            let serial = try Self.decode(registers, at: 20, .string(registers: 8), .abcd)
            return (sequence, serial)
        }
        var state = try refresh(0)
        #expect(state.0 == 1)
        #expect(state.1 == .text(cells[0].unit))
        #expect(registers[1] & StationMap.StatusBit.awaitingAcknowledge != 0)
        state = try refresh(0)
        #expect(state.0 == 1, "no acknowledge, no new result")
        state = try refresh(1)
        #expect(state.0 == 2)
        #expect(state.1 == .text(cells[1].unit))
        let capacity = try Self.decode(registers, at: 100, .float32, .abcd)
        #expect(capacity == .number(Double(Float(cells[1].values[0][0]))))
        state = try refresh(2)
        #expect(state.0 == 3)
    }
}
