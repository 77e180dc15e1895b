import Dispatch
import Foundation
import LineModel
import Testing
@testable import ModbusKit

/// An independent pymodbus server (started here on an ephemeral loopback port) encodes every
/// type and order itself; ModbusKit must decode exactly its values, across holes, and map its
/// exceptions. Skipped only when python3 with pymodbus is truly absent (`make test` installs it).
@Suite(
    "Interop with an independent pymodbus server",
    .enabled("python3 with pymodbus>=3.16,<4 is not installed") { await PymodbusPeer.isAvailable() })
struct PymodbusInteropTests {
    @Test func decodesEveryTypeAndOrderAcrossHoles() async throws {
        let peer = try await PymodbusPeer.start()
        let points = try peer.points()
        #expect(points.count >= 30)
        // No hole is ever read: every value arrives good and equal to what Python encoded.
        var exact = Loopback.fastOptions
        exact.maxGap = 0
        exact.responseTimeout = .seconds(2)
        let device = ModbusDevice(endpoint: peer.endpoint, options: exact, logger: quietLogger)
        let readings = await device.poll(RequestPlanner.plan(points.map(\.definition), options: exact))
        for expected in points {
            let reading = try #require(readings[name: expected.definition.name])
            #expect(reading.quality == .good, "\(expected.definition.name)")
            #expect(reading.value == expected.value, "\(expected.definition.name)")
        }
        // Merged across holes: the peer answers exception 2, the device splits and still reads all.
        var merged = exact
        merged.maxGap = 10
        let splitting = ModbusDevice(endpoint: peer.endpoint, options: merged, logger: quietLogger)
        let plan = RequestPlanner.plan(points.map(\.definition), options: merged)
        #expect(plan.count < RequestPlanner.plan(points.map(\.definition), options: exact).count)
        for _ in 0..<2 {
            let again = await splitting.poll(plan)
            for expected in points {
                #expect(again[name: expected.definition.name]?.value == expected.value, "\(expected.definition.name)")
            }
        }
        #expect(await splitting.health.errorCount(.illegalAddress) >= 1)
        await device.close()
        await splitting.close()
        await peer.stop()
    }

    @Test func mapsExceptionsAndWritesWithReadBack() async throws {
        let peer = try await PymodbusPeer.start()
        var options = Loopback.fastOptions
        options.responseTimeout = .seconds(2)
        let writable = UInt16(peer.layout.writable)
        options.writeTargets = [
            WriteTarget(unit: 1, kind: .holdingRegister, addresses: writable...(writable + 1)),
            WriteTarget(unit: 1, kind: .holdingRegister, address: UInt16(peer.layout.hole)),
        ]
        let device = ModbusDevice(endpoint: peer.endpoint, options: options, logger: quietLogger)
        let hole = point("hole", UInt16(peer.layout.hole))
        let readings = await device.poll(RequestPlanner.plan([hole], options: options))
        #expect(readings[0].quality == .deviceException(code: 2))
        try await device.writeRegisters(unit: 1, address: writable, values: [0xBEEF, 7])
        try await device.writeRegister(unit: 1, address: writable + 1, value: 8)
        let check = await device.poll(RequestPlanner.plan([point("w", writable, .uint32)], options: options))
        #expect(check[0].value == .number(Double(0xBEEF_0008)))
        await #expect(throws: ModbusError.self) {
            try await device.writeRegister(unit: 1, address: UInt16(peer.layout.hole), value: 1)
        }
        #expect(await device.health.state != .down)
        await device.close()
        await peer.stop()
    }
}

/// The pymodbus peer process and the layout it announced.
final class PymodbusPeer: Sendable {
    struct Layout: Decodable, Sendable {
        struct Entry: Decodable, Sendable {
            var name: String
            var kind: String
            var address: Int
            var type: String
            var order: String?
            var registers: Int?
            var bytes: String?
            var bit: Int?
            var expected: Expected
        }

        enum Expected: Decodable, Sendable {
            case number(Double)
            case text(String)
            case bool(Bool)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let flag = try? container.decode(Bool.self) {
                    self = .bool(flag)
                } else if let number = try? container.decode(Double.self) {
                    self = .number(number)
                } else {
                    self = .text(try container.decode(String.self))
                }
            }
        }

        var port: Int
        var points: [Entry]
        var hole: Int
        var writable: Int
    }

    let process: Process
    let input: Pipe
    let layout: Layout
    let scriptURL: URL

    /// Whether python3 can import pymodbus 3.16 or later (checked off the cooperative pool).
    static func isAvailable() async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: checkInterpreter()) }
        }
    }

    private static func checkInterpreter() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import pymodbus, sys; sys.exit(0 if pymodbus.__version__ >= '3.16' else 1)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Starts the peer on a dispatch thread: its start-up blocks on the child's first line, which
    /// must not hold one of the cooperative pool's threads.
    static func start() async throws -> PymodbusPeer {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try PymodbusPeer() })
            }
        }
    }

    private init() throws {
        scriptURL = FileManager.default.temporaryDirectory.appendingPathComponent("lineguard-pymodbus-\(UUID().uuidString).py")
        try pymodbusPeerScript.write(to: scriptURL, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        layout = try JSONDecoder().decode(Layout.self, from: line)
    }

    var endpoint: ModbusEndpoint { ModbusEndpoint(host: "127.0.0.1", port: layout.port) }

    /// The announced values as point definitions with their expected decoded values.
    func points() throws -> [(definition: PointDefinition, value: PointValue)] {
        try layout.points.map { entry in
            let kind = try #require(RegisterKind(rawValue: entry.kind))
            let type: ValueType =
                switch entry.type {
                case "int16": .int16
                case "uint16": .uint16
                case "int32": .int32
                case "uint32": .uint32
                case "int64": .int64
                case "uint64": .uint64
                case "float32": .float32
                case "float64": .float64
                case "string": .string(registers: entry.registers ?? 1)
                case "bit": .bit(entry.bit ?? 0)
                default: .bool
                }
            let definition = PointDefinition(
                name: entry.name, unit: 1, kind: kind, address: UInt16(entry.address), type: type,
                order: ByteOrder(rawValue: entry.order ?? "ABCD") ?? .abcd,
                stringBytes: StringByteOrder(rawValue: entry.bytes ?? "high_first") ?? .highFirst)
            let value: PointValue =
                switch entry.expected {
                case .number(let number): .number(number)
                case .text(let text): .text(text)
                case .bool(let flag): .bool(flag)
                }
            return (definition, value)
        }
    }

    /// Closes the peer's stdin and waits (off the cooperative pool) until it has exited.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                try? self.input.fileHandleForWriting.close()
                self.process.waitUntilExit()
                try? FileManager.default.removeItem(at: self.scriptURL)
                continuation.resume()
            }
        }
    }
}
