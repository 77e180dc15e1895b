import LineModel
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ModbusKit

@Suite("Loopback round trips against our libmodbus server")
struct LoopbackTests {
    @Test func pollsEveryTableAndType() async throws {
        let loop = try Loopback()
        let points = [
            point("temp", .holdingRegister, 10, .float32, order: .cdab, scale: 1),
            point("count", .inputRegister, 5, .uint32),
            point("signed", .holdingRegister, 20, .int16, scale: 0.1),
            point("run", .coil, 3, .bool),
            point("door", .discreteInput, 7, .bool),
            point("serial", .holdingRegister, 30, .string(registers: 4)),
        ]
        loop.server.withRegisters { bank in
            bank.set(engineering: 123.45, for: points[0])
            bank.set(engineering: 70_000, for: points[1])
            bank.set(engineering: -12.3, for: points[2])
            bank.coils[3] = true
            bank.discreteInputs[7] = true
            bank.set(text: "CELL42", for: points[5])
        }
        let plan = RequestPlanner.plan(points, options: Loopback.fastOptions)
        let readings = await loop.device.poll(plan)
        #expect(readings.count == points.count)
        #expect(readings.allSatisfy { $0.quality == .good })
        #expect(abs((readings[name: "temp"]?.value?.doubleValue ?? 0) - 123.45) < 1e-4)
        #expect(readings[name: "count"]?.value == .number(70_000))
        #expect(abs((readings[name: "signed"]?.value?.doubleValue ?? 0) + 12.3) < 1e-9)
        #expect(readings[name: "run"]?.value == .bool(true))
        #expect(readings[name: "door"]?.value == .bool(true))
        #expect(readings[name: "serial"]?.value == .text("CELL42"))
        let health = await loop.device.health
        #expect(health.state == .up)
        #expect(health.connects == 1)
        #expect(health.lastRoundTrip != nil)
        await loop.stop()
    }

    @Test func writesOnlyConfiguredTargetsAndReadsBack() async throws {
        var options = Loopback.fastOptions
        options.writeTargets = [
            WriteTarget(unit: 1, kind: .coil, address: 100),
            WriteTarget(unit: 1, kind: .coil, addresses: 120...129),
            WriteTarget(unit: 1, kind: .holdingRegister, addresses: 200...203),
        ]
        let loop = try Loopback(options: options)
        let seen = WriteLog()
        loop.server.onWrite { seen.append($0) }
        try await loop.device.writeCoil(unit: 1, address: 100, value: true)
        try await loop.device.writeRegisters(unit: 1, address: 200, values: [1, 2, 3, 4])
        try await loop.device.writeRegister(unit: 1, address: 203, value: 9)
        try await loop.device.writeCoils(unit: 1, address: 120, values: [true, false, true])
        #expect(loop.server.withRegisters { $0.values(.coil, at: 120, count: 3) } == [1, 0, 1])
        #expect(loop.server.withRegisters { $0.coils[100] })
        #expect(loop.server.withRegisters { $0.values(.holdingRegister, at: 200, count: 4) } == [1, 2, 3, 9])
        await #expect(throws: ModbusError.self) {
            try await loop.device.writeCoil(unit: 1, address: 101, value: true)
        }
        await #expect(throws: ModbusError.self) {
            try await loop.device.writeRegisters(unit: 1, address: 202, values: [1, 2, 3])
        }
        #expect(loop.server.withRegisters { $0.coils[101] } == false)
        let events = seen.events
        #expect(events.count == 4)
        #expect(events.first == ModbusWriteEvent(unit: 1, kind: .coil, address: 100, values: [1]))
        #expect(events[2] == ModbusWriteEvent(unit: 1, kind: .holdingRegister, address: 203, values: [9]))
        #expect(events.last == ModbusWriteEvent(unit: 1, kind: .coil, address: 120, values: [1, 0, 1]))
        #expect(await loop.device.health.errorCount(.notPermitted) == 2)
        await loop.stop()
    }
}

/// Collects write events from the server thread.
final class WriteLog: Sendable {
    private let state = LockedState<[ModbusWriteEvent]>([])
    func append(_ event: ModbusWriteEvent) { state.withLock { $0.append(event) } }
    var events: [ModbusWriteEvent] { state.withLock { $0 } }
}

@Suite("Socket options")
struct SocketOptionTests {
    @Test func keepaliveIsOnTheClientSocket() async throws {
        let loop = try Loopback()
        _ = await loop.device.poll(RequestPlanner.plan([point("v", 0)], options: Loopback.fastOptions))
        let fd = try #require(await loop.device.socketDescriptor())
        #expect(socketOption(fd, SOL_SOCKET, SO_KEEPALIVE) == 1)
        #expect(socketOption(fd, Int32(IPPROTO_TCP), TCP_KEEPIDLE) == 10)
        #expect(socketOption(fd, Int32(IPPROTO_TCP), TCP_KEEPCNT) == 3)
        #expect(socketOption(fd, Int32(IPPROTO_TCP), TCP_USER_TIMEOUT) == 16_000)
        await loop.stop()
    }

    private func socketOption(_ fd: Int32, _ level: Int32, _ name: Int32) -> Int32 {
        var value: Int32 = -1
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, level, name, &value, &length) == 0 ? value : -1
    }
}

@Suite("Server set-up")
struct ServerSetupTests {
    @Test func aTakenPortIsAnErrorWithContext() throws {
        let first = try ModbusServer(port: 0, holdingRegisters: 10)
        let port = try first.start()
        #expect(try first.start() == port)
        let second = try ModbusServer(port: port, holdingRegisters: 10)
        #expect(performing: { try second.start() }, throws: { error in
            guard let error = error as? ModbusServerError else { return false }
            return error.operation == "listen" && error.port == port && error.errno != 0
        })
        #expect(throws: ModbusServerError.self) { try ModbusServer(holdingRegisters: 70_000) }
        first.stop()
        first.stop()
        #expect(first.port == nil)
    }

    @Test func readsPastTheMapAreIllegalAddresses() async throws {
        let server = try ModbusServer(port: 0, holdingRegisters: 10)
        let port = try server.start()
        let device = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: port), options: Loopback.fastOptions, logger: quietLogger)
        let readings = await device.poll(RequestPlanner.plan([point("in", 9), point("out", 10)], options: DeviceOptions(maxGap: 0)))
        #expect(readings.map(\.quality) == [.good, .deviceException(code: 2)])
        await device.close()
        server.stop()
    }
}
