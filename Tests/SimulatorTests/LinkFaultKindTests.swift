import LineModel
import ModbusKit
import Simulator
import Testing

/// The link faults of the fault campaign (issue 10): parsed from scenario files with their
/// ground truth, and the PLC restart's counters on the registers.
@Suite struct LinkFaultKindTests {
    @Test func campaignKindsParseAsLinkLevelDataIntegrityFaults() throws {
        let text = """
            name = "t"
            duration_s = 100.0
            [[faults]]
            kind = "garbage"
            station = "filling"
            start_s = 10.0
            end_s = 20.0
            [[faults]]
            kind = "truncated"
            station = "filling"
            start_s = 10.0
            end_s = 20.0
            [[faults]]
            kind = "late_reply"
            station = "grading"
            start_s = 10.0
            end_s = 20.0
            [[faults]]
            kind = "half_open"
            station = "coating"
            start_s = 10.0
            end_s = 20.0
            [[faults]]
            kind = "plc_restart"
            station = "coating"
            start_s = 30.0
            end_s = 40.0
            """
        let scenario = try ScenarioDefinition.load(text: text, source: "test")
        try scenario.validate(against: Fixtures.line)
        #expect(scenario.faults.map(\.kind) == [.garbage, .truncated, .lateReply, .halfOpen, .plcRestart])
        for fault in scenario.faults {
            #expect(fault.kind.isDataIntegrity && fault.kind.isLinkLevel, "\(fault.kind)")
        }
        #expect(scenario.faults[2].parameter("delay_ms") == 1500, "a late reply comes after the daemon's 500 ms timeout")
        #expect(!FaultKind.frozen.isLinkLevel && !FaultKind.drift.isLinkLevel)
    }

    @Test func lateReplyDelayIsChecked() {
        let text = """
            name = "t"
            duration_s = 100.0
            [[faults]]
            kind = "late_reply"
            station = "grading"
            start_s = 10.0
            delay_ms = 0.0
            """
        #expect(throws: DefinitionError.self) { try ScenarioDefinition.load(text: text, source: "test") }
    }

    @Test func plcRestartGoesDarkThenCountsFromZero() throws {
        let station = try #require(Fixtures.line.station(named: "coating"))
        let mine = StationPublisherTests.records.filter { $0.station == "coating" }
        let records = Array(mine.suffix(3))
        #expect(records.count == 3)
        let restart = FaultDefinition(id: "r", kind: .plcRestart, station: "coating", start: 0, end: 1)
        var publisher = StationPublisher(station: station)
        var registers = [UInt16](repeating: 0, count: station.registerCount)
        publisher.offer(records[0])
        StationPublisherTests.apply(
            publisher.image(heartbeatTicks: 50, running: true, stopped: false, dataFaults: [], acknowledge: nil), to: &registers)
        #expect(registers[Int(station.map.heartbeat)] == 50)
        #expect(try StationPublisherTests.decode(registers, at: station.map.sequence, .uint32, .abcd) == .number(Double(records[0].sequence)))
        // Rebooting: nothing written, results offered meanwhile are lost.
        #expect(publisher.image(heartbeatTicks: 60, running: true, stopped: false, dataFaults: [restart], acknowledge: nil).isEmpty)
        publisher.offer(records[1])
        // Back: heartbeat from 0, and the old result shows sequence 0.
        StationPublisherTests.apply(
            publisher.image(heartbeatTicks: 70, running: true, stopped: false, dataFaults: [], acknowledge: nil), to: &registers)
        #expect(registers[Int(station.map.heartbeat)] == 0)
        #expect(try StationPublisherTests.decode(registers, at: station.map.sequence, .uint32, .abcd) == .number(0))
        // The next result counts on from the last one the line made (lost while down), the
        // heartbeat runs on.
        publisher.offer(records[2])
        StationPublisherTests.apply(
            publisher.image(heartbeatTicks: 75, running: true, stopped: false, dataFaults: [], acknowledge: nil), to: &registers)
        #expect(registers[Int(station.map.heartbeat)] == 5)
        let counted = try StationPublisherTests.decode(registers, at: station.map.sequence, .uint32, .abcd)
        #expect(counted == .number(Double(records[2].sequence - records[1].sequence)))
        #expect(counted != .number(Double(records[2].sequence)))
    }
}
