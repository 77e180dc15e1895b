import Testing
@testable import ModbusKit

@Suite("Endpoints, addresses and validation")
struct ConfigurationTests {
    @Test func parsesEndpoints() throws {
        #expect(try ModbusEndpoint(parsing: "10.0.0.5:502") == ModbusEndpoint(host: "10.0.0.5", port: 502))
        #expect(try ModbusEndpoint(parsing: " plc-3.line:1502 ") == ModbusEndpoint(host: "plc-3.line", port: 1502))
        #expect(try ModbusEndpoint(parsing: "[::1]:5020").description == "[::1]:5020")
        for bad in ["plc", "plc:", ":502", "plc:0", "plc:70000", "[::1]5020", "plc:x"] {
            #expect(throws: ModbusConfigurationError.self, "\(bad)") { try ModbusEndpoint(parsing: bad) }
        }
    }

    @Test func addressBaseIsExplicit() throws {
        #expect(try PointDefinition.protocolAddress(40001 - 40000, base: 1) == 0)
        #expect(try PointDefinition.protocolAddress(0, base: 0) == 0)
        #expect(try PointDefinition.protocolAddress(65536, base: 1) == 65535)
        #expect(throws: ModbusConfigurationError.self) { try PointDefinition.protocolAddress(65536, base: 0) }
        #expect(throws: ModbusConfigurationError.self) { try PointDefinition.protocolAddress(0, base: 1) }
        #expect(throws: ModbusConfigurationError.self) { try PointDefinition.protocolAddress(5, base: 2) }
    }

    @Test func rejectsImpossiblePoints() throws {
        try point("ok", 65534, .uint32).validate()
        let cases: [(PointDefinition, String)] = [
            (point("past", 65535, .uint32), "points.past.address"),
            (point("coil", .coil, 0, .uint16), "points.coil.type"),
            (point("bit", 0, .bit(16)), "points.bit.bit"),
            (point("str", 0, .string(registers: 0)), "points.str.registers"),
            (point("scale", 0, scale: 0), "points.scale.scale"),
            (point("frozen", 0, frozenAfter: 1), "points.frozen.frozen_after"),
        ]
        for (bad, key) in cases {
            #expect(performing: { try bad.validate() }, throws: { ($0 as? ModbusConfigurationError)?.key == key })
        }
    }

    @Test func rejectsImpossibleOptions() throws {
        try DeviceOptions().validate()
        #expect(throws: ModbusConfigurationError.self) { try DeviceOptions(maxRegistersPerRequest: 126).validate() }
        #expect(throws: ModbusConfigurationError.self) { try DeviceOptions(maxBitsPerRequest: 0).validate() }
        #expect(throws: ModbusConfigurationError.self) { try DeviceOptions(maxGap: -1).validate() }
        #expect(throws: ModbusConfigurationError.self) {
            try DeviceOptions(writeTargets: [WriteTarget(unit: 1, kind: .inputRegister, address: 0)]).validate()
        }
        let target = WriteTarget(unit: 1, kind: .holdingRegister, addresses: 10...12)
        #expect(target.covers(unit: 1, kind: .holdingRegister, address: 10, count: 3))
        #expect(!target.covers(unit: 1, kind: .holdingRegister, address: 11, count: 3))
        #expect(!target.covers(unit: 2, kind: .holdingRegister, address: 10, count: 1))
        #expect(!target.covers(unit: 1, kind: .coil, address: 10, count: 1))
    }

    @Test func classifiesLibmodbusErrors() {
        let base = Int32(112_345_678)
        #expect(ModbusConnection.classify(errno: base + 6) == (.busy, 6))
        #expect(ModbusConnection.classify(errno: base + 2) == (.illegalAddress, 2))
        #expect(ModbusConnection.classify(errno: base + 10) == (.gateway, 10))
        #expect(ModbusConnection.classify(errno: base + 11) == (.gateway, 11))
        #expect(ModbusConnection.classify(errno: base + 4) == (.exception, 4))
        #expect(ModbusConnection.classify(errno: base + 13) == (.protocolError, nil))
        #expect(ModbusConnection.classify(errno: 110) == (.timeout, nil))
        #expect(ModbusConnection.classify(errno: 104) == (.socket, nil))
    }
}
