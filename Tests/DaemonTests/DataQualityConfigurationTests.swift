@testable import Daemon
import Foundation
import LineModel
import ModbusKit
import Simulator
import Testing

/// The data-quality keys as the loader resolves them, the reads they add to the plan, and the
/// simulator's generated configuration with them.
@Suite struct DataQualityConfigurationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func heartbeatStatusQualityFlagAndFrozenUnitsAreResolved() throws {
        let configuration = try DataQualityFixtures.configuration()
        let device = try #require(configuration.devices.first)
        #expect(device.heartbeat == HeartbeatSettings(
            source: RegisterSource(device: "plc", kind: .holdingRegister, address: 0, type: .uint16, order: .abcd),
            timeoutMilliseconds: 1000))
        #expect(device.status?.source.address == 1)
        #expect(device.status?.badBits == [1])
        #expect(device.status?.requiredBits == [0])
        let weight = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.weight })
        #expect(weight.quality == QualityFlagSettings(
            source: RegisterSource(device: "plc", kind: .holdingRegister, address: 4, type: .bit(0), order: .abcd)))
        #expect(weight.frozenAfterUnits == 3)
        let level = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.level })
        #expect(level.quality?.bit == 1)
        #expect(level.quality?.invalidWhenSet == false)
        #expect(level.frozenAfterUnits == nil)
    }

    @Test func addressBaseAndBitTablesApplyToTheNewSources() throws {
        let text = DataQualityFixtures.text
            .replacingOccurrences(of: "poll_interval_ms = 100", with: "poll_interval_ms = 100\naddress_base = 1")
            .replacingOccurrences(of: "address = 0, type = \"uint16\", timeout_ms", with: "address = 1, type = \"uint16\", timeout_ms")
            .replacingOccurrences(of: "quality = { register = \"holding\", address = 4, bit = 0 }", with: "quality = { register = \"discrete_input\", address = 9 }")
        let configuration = try DataQualityFixtures.configuration(text)
        #expect(configuration.devices.first?.heartbeat?.source.address == 0)
        #expect(configuration.devices.first?.status?.source.address == 0, "status address 1 with base 1")
        let weight = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.weight })
        #expect(weight.quality?.source.kind == .discreteInput)
        #expect(weight.quality?.source.address == 8)
        #expect(weight.quality?.source.type == .bool)
        #expect(weight.quality?.bit == nil)
    }

    @Test func aStatusWordOfThirtyTwoBitsTakesBitsUpToThirtyOne() throws {
        let text = DataQualityFixtures.text.replacingOccurrences(
            of: "type = \"uint16\", bad_bits = [1], required_bits = [0]", with: "type = \"uint32\", bad_bits = [17, 31]")
        let status = try #require(try DataQualityFixtures.configuration(text).devices.first?.status)
        #expect(status.badBits == [17, 31])
        #expect(status.problem(1 << 31) == "bad bit(s) 31 set")
        #expect(status.problem(1 << 16) == nil)
    }

    @Test func everyIssueOfTheNewKeysIsReportedAtOnce() {
        let text = DataQualityFixtures.text
            .replacingOccurrences(of: "timeout_ms = 1000", with: "timeout_ms = 150, timout = 3")
            .replacingOccurrences(of: "bad_bits = [1], required_bits = [0]", with: "bad_bits = [1.5]")
            .replacingOccurrences(of: "quality = { register = \"holding\", address = 4, bit = 0 }", with: "quality = { register = \"holding\", address = 4, bit = 0, invalid_when = \"yes\" }")
            .replacingOccurrences(of: "frozen_after_units = 3", with: "frozen_after_units = 0")
        do {
            _ = try DataQualityFixtures.configuration(text)
            Issue.record("must not load")
        } catch {
            let messages = error.issues.map(\.description)
            #expect(messages.contains("devices[0].heartbeat.timeout_ms: 150 is not valid; expected milliseconds from 200 (twice the device's poll_interval_ms) to 86400000"), "\(messages)")
            #expect(messages.contains("devices[0].heartbeat.timout: 3 is not valid; expected no such key here (misspelt or not supported)"))
            #expect(messages.contains("devices[0].status.bad_bits: [1.5] is not valid; expected a list of bit numbers from 0 to 15"))
            #expect(messages.contains { $0.hasPrefix("characteristics[0].quality.invalid_when: \"yes\" is not valid; expected 1 (a set flag") })
            #expect(messages.contains("characteristics[0].frozen_after_units: 0 is not valid; expected an integer from 2 to 1000000"))
        }
    }

    @Test func theSourcesAreReadWithTheValuesAndAnAdjacentFlagInTheSameRequest() throws {
        // The flag right after the value: one request covers both.
        let text = DataQualityFixtures.text.replacingOccurrences(
            of: "quality = { register = \"holding\", address = 4, bit = 0 }", with: "quality = { register = \"holding\", address = 104, bit = 0 }")
        let plan = try #require(AcquisitionPlan.plans(for: try DataQualityFixtures.configuration(text)).first)
        let names = Set(plan.points.map(\.name))
        for name in [
            AcquisitionPlan.heartbeatPoint("plc"), AcquisitionPlan.statusPoint("plc"),
            AcquisitionPlan.qualityPoint(DataQualityFixtures.weight), AcquisitionPlan.qualityPoint(DataQualityFixtures.level),
        ] {
            #expect(names.contains(name), "\(name)")
        }
        let request = try #require(plan.requests.first { $0.points.contains { $0.name == DataQualityFixtures.weight.rawValue } })
        #expect(request.points.contains { $0.name == AcquisitionPlan.qualityPoint(DataQualityFixtures.weight) })
        let header = try #require(plan.requests.first { $0.points.contains { $0.name == AcquisitionPlan.heartbeatPoint("plc") } })
        #expect(header.points.contains { $0.name == AcquisitionPlan.statusPoint("plc") })
        #expect(plan.devices.map(\.name) == ["plc"])
    }

    @Test func theSimulatorsConfigurationWatchesEveryStationAndLoads() throws {
        let line = try LineDefinition.load(path: Self.root.appendingPathComponent("seeds/lines/reference-line.toml").path)
        let ports = Dictionary(uniqueKeysWithValues: line.stations.map { ($0.name, 15020 + $0.portOffset) })
        let text = DaemonConfigurationWriter.toml(line: line, ports: ports, speed: 30)
        let configuration = try ConfigurationLoader.load(text: text, source: "generated")
        #expect(configuration.devices.count == line.stations.count)
        for station in line.stations {
            let device = try #require(configuration.device(named: DaemonConfigurationWriter.device(station)))
            #expect(device.heartbeat?.source.address == station.map.heartbeat)
            #expect((device.heartbeat?.timeoutMilliseconds ?? 0) >= 2 * device.pollIntervalMilliseconds)
            #expect(device.status?.source.address == station.map.status)
            #expect(device.status?.badBits == [1])
            for characteristic in configuration.characteristics where characteristic.device == device.name {
                #expect(characteristic.quality?.source.address == station.map.quality)
                #expect(characteristic.frozenAfterUnits == (station.model.isWeb ? 2 : nil), "\(characteristic.id)")
            }
        }
        // Stream n + 1 has bit n of the quality word.
        let lane5 = try #require(configuration.characteristics.first { $0.id.rawValue == "calendering.thickness.lane5" })
        #expect(lane5.quality?.bit == 4)
        #expect(!text.contains("# Also published (holding registers): heartbeat"))
    }
}
