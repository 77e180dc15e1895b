import Foundation
@testable import Daemon
import LineModel
import ModbusKit
import Testing

/// `acknowledge` on a device: the counter to echo joins the read plan and the acknowledge
/// register becomes the device's write target. The torn-read guard stays: once a result is
/// acknowledged and none waits, the next one appears the moment it is made.
@Suite struct AcknowledgeConfigurationTests {
    @Test func theReferenceLineAcknowledgesFillingAndGradingResults() throws {
        let configuration = try ConfigurationLoader.load(text: EmbeddedConfiguration.referenceLineConfiguration, source: "t")
        let acknowledging = configuration.devices.filter { $0.acknowledge != nil }.map(\.name)
        #expect(acknowledging == ["filling-plc", "grading-plc"])
        for device in configuration.devices {
            guard let acknowledge = device.acknowledge else {
                #expect(device.options.writeTargets.isEmpty, "\(device.name) is never written")
                continue
            }
            #expect(acknowledge.address == 6 && acknowledge.counter.address == 2 && acknowledge.counter.type == .uint32)
            #expect(device.options.writeTargets == [WriteTarget(unit: device.unit, kind: .holdingRegister, address: 6)])
            let plan = try #require(AcquisitionPlan.plans(for: configuration).first { $0.deviceNames == [device.name] })
            #expect(plan.points.contains { $0.name == AcquisitionPlan.acknowledgePoint(device.name) && $0.address == 2 })
            // Filling's per-nozzle counters (200+) come in another request than the weights.
            #expect(plan.sequenceRecheck.isEmpty == (device.name == "grading-plc"))
        }
    }

    @Test func addressBaseAppliesToTheAcknowledgeRegister() throws {
        // The grading device written with 1-based register numbers.
        let text = EmbeddedConfiguration.referenceLineConfiguration
        let start = try #require(text.range(of: "name = \"grading-plc\""))
        let end = try #require(text.range(of: "[[stations]]", range: start.upperBound..<text.endIndex))
        let block = String(text[start.lowerBound..<end.lowerBound])
            .replacingOccurrences(of: "address_base = 0", with: "address_base = 1")
            .replacingOccurrences(of: "heartbeat = { register = \"holding\", address = 0,", with: "heartbeat = { register = \"holding\", address = 1,")
            .replacingOccurrences(of: "status = { register = \"holding\", address = 1,", with: "status = { register = \"holding\", address = 2,")
            .replacingOccurrences(
                of: "acknowledge = { address = 6, counter = { register = \"holding\", address = 2,",
                with: "acknowledge = { address = 7, counter = { register = \"holding\", address = 3,")
        let configuration = try ConfigurationLoader.load(text: text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: block), source: "t")
        let grading = try #require(configuration.devices.first { $0.name == "grading-plc" })
        #expect(grading.acknowledge?.address == 6 && grading.acknowledge?.counter.address == 2)
        #expect(grading.options.writeTargets == [WriteTarget(unit: 1, kind: .holdingRegister, address: 6)])
    }

    @Test func theEchoIsTheCountersLow16Bits() {
        #expect(AcknowledgeSettings.echo(70_000) == 4_464)
        #expect(AcknowledgeSettings.echo(65_535) == 65_535)
        #expect(AcknowledgeSettings.echo(65_536) == 0)
    }
}
