import LineModel
import Logging
@testable import ModbusKit

/// A server on an ephemeral loopback port and a device pointed at it.
struct Loopback {
    let server: ModbusServer
    let port: Int
    let device: ModbusDevice

    init(options: DeviceOptions = Loopback.fastOptions, unit: UInt8? = nil) throws {
        server = try ModbusServer(host: "127.0.0.1", port: 0, unit: unit, coils: 2000, discreteInputs: 2000,
            holdingRegisters: 2000, inputRegisters: 2000)
        port = try server.start()
        device = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: port), options: options, logger: quietLogger)
    }

    /// Short timeouts and backoff so that fault tests stay fast.
    static let fastOptions = DeviceOptions(
        responseTimeout: .milliseconds(150), connectTimeout: .milliseconds(300), busyRetries: 2,
        busyRetryDelay: .milliseconds(5), backoffInitial: .milliseconds(20), backoffMax: .milliseconds(100),
        backoffJitter: 0.1)

    func stop() async {
        await device.close()
        server.stop()
    }
}

func point(
    _ name: String, _ kind: RegisterKind, _ address: UInt16, _ type: ValueType = .uint16,
    order: ByteOrder = .abcd, unit: UInt8 = 1, scale: Double = 1, offset: Double = 0,
    range: ClosedRange<Double>? = nil, frozenAfter: Int? = nil
) -> PointDefinition {
    PointDefinition(
        name: name, unit: unit, kind: kind, address: address, type: type, order: order, scale: scale,
        offset: offset, physicalRange: range, frozenAfter: frozenAfter)
}

extension Array where Element == PointReading {
    subscript(name name: String) -> PointReading? { first { $0.name == name } }
}

/// Tests stay silent; log output is not what they check.
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// A holding-register point (the common case).
func point(
    _ name: String, _ address: UInt16, _ type: ValueType = .uint16, order: ByteOrder = .abcd, unit: UInt8 = 1,
    scale: Double = 1, offset: Double = 0, range: ClosedRange<Double>? = nil, frozenAfter: Int? = nil
) -> PointDefinition {
    point(name, .holdingRegister, address, type, order: order, unit: unit, scale: scale, offset: offset,
        range: range, frozenAfter: frozenAfter)
}
