// modbus-bench: ModbusKit's acquisition against plain C and against itself without planning.
//
// modbus.poll_rate       requests/s of one ModbusDevice actor polling a plan against our
//                        libmodbus server on loopback; baseline: a plain C libmodbus loop doing
//                        the same reads against the same server in the same run.
// modbus.planned_cycle.* a realistic station map (filling station, ~100 values): requests and
//                        wall time per cycle with the planner; baseline: one request per value.
import CModbusBaseline
import Foundation
import LineModel
import Logging
import ModbusKit

let repetitions = 5
let logger = Logger(label: "modbus-bench", factory: { _ in SwiftLogNoOpLogHandler() })

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// One output row of `Benchmarks/results/modbus.json`.
struct Row: Encodable {
    var name: String
    var unit: String
    var value: Double
    var baseline_name: String
    var baseline_value: Double
    var ratio: Double
}

// MARK: - Server with a station map

let server = try ModbusServer(host: "127.0.0.1", port: 0)
let port = try server.start()
let endpoint = ModbusEndpoint(host: "127.0.0.1", port: port)

/// A filling station as a PLC lays it out: a header (lot, sequence, dew point), then one block
/// per nozzle with gaps between blocks, plus status coils.
func fillingStation() -> [PointDefinition] {
    var points: [PointDefinition] = []
    func add(_ name: String, _ kind: RegisterKind, _ address: Int, _ type: ValueType, order: ByteOrder = .abcd, scale: Double = 1) {
        points.append(PointDefinition(name: name, unit: 1, kind: kind, address: UInt16(address), type: type, order: order, scale: scale))
    }
    add("station.lot", .holdingRegister, 0, .string(registers: 10))
    add("station.sequence", .holdingRegister, 10, .uint32)
    add("station.dew_point", .holdingRegister, 14, .float32, order: .cdab)
    add("station.room_temp", .holdingRegister, 16, .int16, scale: 0.1)
    add("station.cells_total", .holdingRegister, 20, .uint64)
    for nozzle in 0..<8 {
        let base = 100 + nozzle * 40
        let prefix = "nozzle\(nozzle)"
        add("\(prefix).pre_weight", .holdingRegister, base, .float32)
        add("\(prefix).post_weight", .holdingRegister, base + 2, .float32)
        add("\(prefix).fill_weight", .holdingRegister, base + 4, .float32)
        add("\(prefix).target", .holdingRegister, base + 6, .float32)
        add("\(prefix).temperature", .holdingRegister, base + 10, .int16, scale: 0.1)
        add("\(prefix).pressure", .holdingRegister, base + 11, .int16, scale: 0.01)
        add("\(prefix).vacuum", .holdingRegister, base + 12, .uint16)
        add("\(prefix).cycle_ms", .holdingRegister, base + 13, .uint32)
        add("\(prefix).cell", .holdingRegister, base + 20, .string(registers: 8))
        add("\(prefix).ok", .holdingRegister, base + 30, .bit(0))
        add("\(prefix).alarm", .holdingRegister, base + 30, .bit(1))
    }
    for coil in 0..<8 { add("nozzle\(coil).enabled", .coil, coil * 3, .bool) }
    for input in 0..<4 { add("door\(input)", .discreteInput, 50 + input * 7, .bool) }
    add("station.counter_slow", .inputRegister, 1000, .uint32)
    return points
}

let station = fillingStation()
server.withRegisters { bank in
    for point in station {
        switch point.type {
        case .string: bank.set(text: "LOT-\(point.address)", for: point)
        default: bank.set(engineering: Double(point.address % 97) + 0.5, for: point)
        }
    }
}

var rows: [Row] = []

// MARK: - modbus.poll_rate

/// 40 reads of 10 registers (5 values each), the shape of a merged plan.
var ratePoints: [PointDefinition] = []
for request in 0..<40 {
    for value in 0..<5 {
        let address = UInt16(2000 + request * 20 + value * 2)
        let type: ValueType = value % 2 == 0 ? .float32 : .uint32
        ratePoints.append(PointDefinition(name: "r\(request).v\(value)", unit: 1, kind: .holdingRegister, address: address, type: type))
    }
}
let rateOptions = DeviceOptions(maxGap: 0)
let ratePlan = RequestPlanner.plan(ratePoints, options: rateOptions)
precondition(ratePlan.count == 40 && ratePlan.allSatisfy { $0.count == 10 })
let rounds = 250

let device = ModbusDevice(endpoint: endpoint, options: rateOptions, logger: logger)
_ = await device.poll(ratePlan)   // connect and warm up
var swiftRates: [Double] = []
var cRates: [Double] = []
let addresses: [UInt16] = ratePlan.map { (request: ReadRequest) in request.address }
let counts: [UInt16] = ratePlan.map { (request: ReadRequest) in UInt16(request.count) }
for _ in 0..<repetitions {
    let clock = ContinuousClock()
    let elapsed = await clock.measure {
        for _ in 0..<rounds {
            let readings = await device.poll(ratePlan)
            precondition(readings.count == ratePoints.count && readings.allSatisfy { $0.quality.isGood })
        }
    }
    swiftRates.append(Double(rounds * ratePlan.count) / seconds(elapsed))
    var cSeconds = 0.0
    let done = lg_baseline_poll("127.0.0.1", Int32(port), 1, addresses, counts, Int32(addresses.count), Int32(rounds), &cSeconds)
    precondition(done == rounds * ratePlan.count, "C baseline failed")
    cRates.append(Double(done) / cSeconds)
}
let swiftRate = median(swiftRates)
let cRate = median(cRates)
rows.append(Row(name: "modbus.poll_rate", unit: "requests/s", value: swiftRate,
    baseline_name: "c_libmodbus_loop", baseline_value: cRate, ratio: swiftRate / cRate))
await device.close()

// MARK: - modbus.planned_cycle

let plannedOptions = DeviceOptions(maxGap: 10)
let unplannedOptions = DeviceOptions(oneRequestPerValue: true)
let planned = RequestPlanner.plan(station, options: plannedOptions)
let unplanned = RequestPlanner.plan(station, options: unplannedOptions)
let plannedDevice = ModbusDevice(endpoint: endpoint, options: plannedOptions, logger: logger)
let unplannedDevice = ModbusDevice(endpoint: endpoint, options: unplannedOptions, logger: logger)
_ = await plannedDevice.poll(planned)
_ = await unplannedDevice.poll(unplanned)
var plannedTimes: [Double] = []
var unplannedTimes: [Double] = []
let cycles = 200
for _ in 0..<repetitions {
    let clock = ContinuousClock()
    let plannedElapsed = await clock.measure {
        for _ in 0..<cycles {
            let readings = await plannedDevice.poll(planned)
            precondition(readings.count == station.count && readings.allSatisfy { $0.quality.isGood })
        }
    }
    let unplannedElapsed = await clock.measure {
        for _ in 0..<cycles {
            let readings = await unplannedDevice.poll(unplanned)
            precondition(readings.count == station.count && readings.allSatisfy { $0.quality.isGood })
        }
    }
    plannedTimes.append(seconds(plannedElapsed) / Double(cycles) * 1e6)
    unplannedTimes.append(seconds(unplannedElapsed) / Double(cycles) * 1e6)
}
rows.append(Row(name: "modbus.planned_cycle.requests", unit: "requests/cycle", value: Double(planned.count),
    baseline_name: "one_request_per_value", baseline_value: Double(unplanned.count),
    ratio: Double(planned.count) / Double(unplanned.count)))
let plannedTime = median(plannedTimes)
let unplannedTime = median(unplannedTimes)
rows.append(Row(name: "modbus.planned_cycle.wall_time", unit: "us/cycle", value: plannedTime,
    baseline_name: "one_request_per_value", baseline_value: unplannedTime, ratio: plannedTime / unplannedTime))
await plannedDevice.close()
await unplannedDevice.close()
server.stop()

// MARK: - Report

print("modbus-bench: \(station.count) station values; medians of \(repetitions) repetitions")
print("name                              unit              value         baseline      ratio")
for row in rows {
    let line = [
        row.name.padding(toLength: 34, withPad: " ", startingAt: 0),
        row.unit.padding(toLength: 16, withPad: " ", startingAt: 0),
        String(format: "%12.1f", row.value), String(format: "%12.1f", row.baseline_value),
        String(format: "%8.3f", row.ratio),
    ]
    print(line.joined(separator: "  "), "(\(row.baseline_name))")
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
let json = try encoder.encode(["results": rows])
let resultsURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("results/modbus.json")
try json.write(to: resultsURL)
print("wrote \(resultsURL.path)")
